import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { ApiKey, type Role } from './api-key.entity.js';

export interface ApiKeyFilter {
  role?: Role;
  organizationId?: string;
  includeRevoked: boolean;
  /** Id of the last key of the previous page. */
  afterId: string | null;
  limit: number;
}

/** Every query on `api_keys` (the guard's token lookup excepted: it lives with the guard). */
@Injectable()
export class ApiKeysRepository {
  constructor(@InjectRepository(ApiKey) private readonly repository: Repository<ApiKey>) {}

  private repo(manager?: EntityManager): Repository<ApiKey> {
    return manager ? manager.getRepository(ApiKey) : this.repository;
  }

  findById(id: string, manager?: EntityManager): Promise<ApiKey | null> {
    return this.repo(manager).findOneBy({ id });
  }

  /**
   * Keyset page, newest first, ordered by (created_at, id). The cursor is the id of the last key served; its
   * sort key is read back in SQL so the microseconds of `created_at` are never lost in a round trip.
   */
  list(filter: ApiKeyFilter): Promise<ApiKey[]> {
    const query = this.repository.createQueryBuilder('k');
    if (!filter.includeRevoked) query.andWhere('k.revoked_at IS NULL');
    if (filter.role) query.andWhere('k.role = :role', { role: filter.role });
    if (filter.organizationId)
      query.andWhere('k.organization_id = :organizationId', { organizationId: filter.organizationId });
    if (filter.afterId) {
      query.andWhere('(k.created_at, k.id) < (SELECT a.created_at, a.id FROM api_keys a WHERE a.id = :afterId)', {
        afterId: filter.afterId,
      });
    }
    return query
      .orderBy('k.created_at', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(filter.limit + 1)
      .getMany();
  }

  create(values: Partial<ApiKey>, manager?: EntityManager): Promise<ApiKey> {
    const repo = this.repo(manager);
    return repo.save(repo.create(values));
  }

  /** Sets `revoked_at` unless already set; returns the key as it now stands, or null if there is no such key. */
  async revoke(id: string, manager?: EntityManager): Promise<ApiKey | null> {
    await this.repo(manager)
      .createQueryBuilder()
      .update(ApiKey)
      .set({ revokedAt: () => 'now()' })
      .where('id = :id AND revoked_at IS NULL', { id })
      .execute();
    return this.findById(id, manager);
  }
}
