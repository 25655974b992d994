import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { AwardType } from './award-type.entity.js';

/** Every query on the catalogue table `award_types` (read-only: rows come from migrations). */
@Injectable()
export class AwardTypesRepository {
  constructor(@InjectRepository(AwardType) private readonly repository: Repository<AwardType>) {}

  private repo(manager?: EntityManager): Repository<AwardType> {
    return manager ? manager.getRepository(AwardType) : this.repository;
  }

  /** The whole catalogue (a dozen rows), by `sort_order`. */
  findAll(manager?: EntityManager): Promise<AwardType[]> {
    return this.repo(manager).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  findByCode(code: string, manager?: EntityManager): Promise<AwardType | null> {
    return this.repo(manager).findOneBy({ code });
  }
}
