import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { escapeLikeSql, unaccentedContains } from '../common/database/sql.js';
import { Db } from '../database/db.js';
import { Organization } from './organization.entity.js';

export interface OrganizationFilter {
  parentId?: string;
  ancestorId?: string;
  kind?: string;
  q?: string;
  after?: [string, string] | null;
  limit: number;
}

/** Every query on `organizations` and its closure table. */
@Injectable()
export class OrganizationsRepository {
  constructor(
    @InjectRepository(Organization) private readonly repository: Repository<Organization>,
    private readonly db: Db,
  ) {}

  /** Whether `descendantId` is `ancestorId` or lies below it (`strictly`: below it only), by the closure table. */
  async isWithin(ancestorId: string, descendantId: string, strictly = false): Promise<boolean> {
    let query = this.db
      .selectFrom('organization_closure')
      .select('depth')
      .where('ancestor_id', '=', ancestorId)
      .where('descendant_id', '=', descendantId);
    if (strictly) query = query.where('depth', '>', 0);
    return (await query.executeTakeFirst()) !== undefined;
  }

  private repo(manager?: EntityManager): Repository<Organization> {
    return manager ? manager.getRepository(Organization) : this.repository;
  }

  findById(id: string, manager?: EntityManager): Promise<Organization | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /** Keyset page ordered by (code, id); `ancestorId` is one closure-table join, however deep the tree. */
  async list(filter: OrganizationFilter): Promise<Organization[]> {
    const query = this.repository.createQueryBuilder('o');
    if (filter.ancestorId) {
      query.innerJoin('organization_closure', 'c', 'c.descendant_id = o.id AND c.ancestor_id = :ancestorId', {
        ancestorId: filter.ancestorId,
      });
    }
    if (filter.parentId) query.andWhere('o.parent_id = :parentId', { parentId: filter.parentId });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.q) {
      query.andWhere(
        `(${unaccentedContains('o.name', ':q')}
          OR ${unaccentedContains("coalesce(o.short_name, '')", ':q')}
          OR lower(o.code) LIKE '%' || ${escapeLikeSql('lower(:q)')} || '%')`,
        { q: filter.q },
      );
    }
    if (filter.after) {
      query.andWhere('(o.code, o.id) > (:afterCode, :afterId)', {
        afterCode: filter.after[0],
        afterId: filter.after[1],
      });
    }
    return query
      .orderBy('o.code', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(filter.limit + 1)
      .getMany();
  }

  create(values: Partial<Organization>, manager?: EntityManager): Promise<Organization> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  save(organization: Organization, manager?: EntityManager): Promise<Organization> {
    return this.repo(manager).save(organization);
  }
}
