import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { compileTemplate, slot, type CompiledTemplate } from '../database/compiled-template.js';
import { Db, runTemplate } from '../database/db.js';
import type { ApiKey, Role } from './api-key.js';

export interface ApiKeyFilter {
  role?: Role;
  organizationId?: string;
  includeRevoked: boolean;
  /** Id of the last key of the previous page. */
  afterId: string | null;
  limit: number;
}

export interface NewApiKey {
  name: string;
  role: Role;
  organizationId: string | null;
  tokenHash: string;
  tokenPrefix: string;
}

/** The principal a live token stands for. */
export interface TokenOwner {
  id: string;
  role: Role;
  organizationId: string | null;
}

/** The columns of an `ApiKey`, by their names in the API (never the token's hash). */
const API_KEY_COLUMNS = [
  'id',
  'name',
  sql<Role>`role`.as('role'),
  'organization_id as organizationId',
  'token_prefix as tokenPrefix',
  'created_at as createdAt',
  'revoked_at as revokedAt',
] as const;

/** Every statement on `api_keys`. */
@Injectable()
export class ApiKeysRepository {
  private liveKey: CompiledTemplate<'tokenHash'> | undefined;

  constructor(private readonly db: Db) {}

  private selectKeys() {
    return this.db.selectFrom('api_keys').select(API_KEY_COLUMNS);
  }

  findById(id: string): Promise<ApiKey | undefined> {
    return this.selectKeys().where('id', '=', id).executeTakeFirst();
  }

  /** The live (unrevoked) key whose token hashes to `tokenHash`: what the auth guard reads on every request. */
  async findLiveByTokenHash(tokenHash: string): Promise<TokenOwner | undefined> {
    // Every authenticated request sends it: compiled once, a named prepared statement (never cached: a revoked key
    // is refused by the next request on any instance).
    const [owner] = await runTemplate<TokenOwner, 'tokenHash'>(this.db, this.liveKeyTemplate(), { tokenHash });
    return owner;
  }

  /** `findLiveByTokenHash`'s statement. */
  liveKeyTemplate(): CompiledTemplate<'tokenHash'> {
    this.liveKey ??= compileTemplate(
      this.db
        .selectFrom('api_keys')
        .select(['id', sql<Role>`role`.as('role'), 'organization_id as organizationId'])
        .where('token_hash', '=', slot<string>('tokenHash'))
        .where('revoked_at', 'is', null),
      ['tokenHash'],
    );
    return this.liveKey;
  }

  /** Whether a live ADMIN key exists (which retires the bootstrap token). */
  async liveAdminExists(): Promise<boolean> {
    const row = await this.db
      .selectNoFrom((eb) =>
        eb
          .exists(eb.selectFrom('api_keys').select('id').where('role', '=', 'ADMIN').where('revoked_at', 'is', null))
          .$castTo<boolean>()
          .as('exists'),
      )
      .executeTakeFirstOrThrow();
    return row.exists;
  }

  /**
   * Keyset page, newest first, ordered by (created_at, id). The cursor is the id of the last key served; its
   * sort key is read back in SQL so the microseconds of `created_at` are never lost in a round trip.
   */
  list(filter: ApiKeyFilter): Promise<ApiKey[]> {
    let query = this.selectKeys();
    if (!filter.includeRevoked) query = query.where('revoked_at', 'is', null);
    if (filter.role) query = query.where('role', '=', filter.role);
    if (filter.organizationId) query = query.where('organization_id', '=', filter.organizationId);
    const afterId = filter.afterId;
    if (afterId) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('created_at', 'id'),
          '<',
          eb
            .selectFrom('api_keys as a')
            .select(['a.created_at', 'a.id'])
            .where('a.id', '=', afterId)
            .$asTuple('created_at', 'id'),
        ),
      );
    }
    return query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  async create(values: NewApiKey): Promise<ApiKey> {
    return this.db
      .insertInto('api_keys')
      .values({
        name: values.name,
        role: values.role,
        organization_id: values.organizationId,
        token_hash: values.tokenHash,
        token_prefix: values.tokenPrefix,
      })
      .returning(API_KEY_COLUMNS)
      .executeTakeFirstOrThrow();
  }

  /** Sets `revoked_at` unless already set; returns the key as it now stands, or undefined if there is no such key. */
  async revoke(id: string): Promise<ApiKey | undefined> {
    await this.db
      .updateTable('api_keys')
      .set({ revoked_at: sql`now()` })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    return this.findById(id);
  }
}
