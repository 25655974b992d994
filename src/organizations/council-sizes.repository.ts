import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { currentTransactionManager } from '../database/transaction-context.js';
import { CouncilSize } from './council-size.entity.js';

/** A council size in force, with the organization whose council it is. */
export interface CouncilSizeInForce {
  id: string;
  organizationId: string;
  members: number;
  effectiveFrom: string;
}

/** Every query on `council_sizes`. */
@Injectable()
export class CouncilSizesRepository {
  constructor(@InjectRepository(CouncilSize) private readonly repository: Repository<CouncilSize>) {}

  private repo(manager?: EntityManager): Repository<CouncilSize> {
    return manager ? manager.getRepository(CouncilSize) : this.repository;
  }

  add(values: Omit<CouncilSize, 'id' | 'createdAt' | 'organization'>, manager: EntityManager): Promise<CouncilSize> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  /** The history of one organization's council size, newest first. */
  history(organizationId: string, manager?: EntityManager): Promise<CouncilSize[]> {
    return this.repo(manager).find({
      where: { organizationId },
      order: { effectiveFrom: 'DESC', createdAt: 'DESC', id: 'DESC' },
    });
  }

  /**
   * The council whose size counts for a vote of `organizationId` at a meeting held `on`: the organization's own
   * council, or else that of the nearest organization above it with a council size in force on that date; within
   * that organization the latest `effectiveFrom` not after `on`, the latest recorded first (a correction). Null
   * when no organization of the chain has one.
   */
  async inForce(organizationId: string, on: string, manager?: EntityManager): Promise<CouncilSizeInForce | null> {
    // Transitional: joins the ambient transaction (Transactions.run) until this module moves to Db.
    const rows = await (manager ?? currentTransactionManager() ?? this.repository.manager).query<
      { id: string; organization_id: string; members: number; effective_from: string }[]
    >(
      `SELECT s.id, s.organization_id, s.members, to_char(s.effective_from, 'YYYY-MM-DD') AS effective_from
         FROM organization_closure c
         JOIN council_sizes s ON s.organization_id = c.ancestor_id AND s.effective_from <= $2::date
        WHERE c.descendant_id = $1
        ORDER BY c.depth, s.effective_from DESC, s.created_at DESC, s.id DESC
        LIMIT 1`,
      [organizationId, on],
    );
    const row = rows[0];
    return row
      ? { id: row.id, organizationId: row.organization_id, members: row.members, effectiveFrom: row.effective_from }
      : null;
  }
}
