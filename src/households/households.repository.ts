import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';

/** A household (hộ gia đình) as `households` holds it. */
export interface Household {
  id: string;
  headName: string;
  address: string;
  organizationId: string;
  createdAt: Date;
}

const COLUMNS = [
  'id',
  'head_name as headName',
  'address',
  'organization_id as organizationId',
  'created_at as createdAt',
] as const;

/** Every query on `households`. */
@Injectable()
export class HouseholdsRepository {
  constructor(private readonly db: Db) {}

  create(values: Omit<Household, 'id' | 'createdAt'>): Promise<Household> {
    return this.db
      .insertInto('households')
      .values({ head_name: values.headName, address: values.address, organization_id: values.organizationId })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
  }

  async findById(id: string): Promise<Household | null> {
    return (await this.db.selectFrom('households').select(COLUMNS).where('id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Keyset page by (head_name, id), within the subtrees given (null: no bound). */
  list(filter: {
    organizationId?: string;
    scopeRoot: string | null;
    after: [string, string] | null;
    limit: number;
  }): Promise<Household[]> {
    let query = this.db
      .selectFrom('households as h')
      .select([
        'h.id',
        'h.head_name as headName',
        'h.address',
        'h.organization_id as organizationId',
        'h.created_at as createdAt',
      ]);
    for (const root of [filter.organizationId, filter.scopeRoot ?? undefined]) {
      if (root === undefined) continue;
      query = query.where('h.organization_id', 'in', (eb) =>
        eb.selectFrom('organization_closure').select('descendant_id').where('ancestor_id', '=', root),
      );
    }
    const after = filter.after;
    if (after) query = query.where((eb) => eb(eb.refTuple('h.head_name', 'h.id'), '>', eb.tuple(after[0], after[1])));
    return query
      .orderBy('h.head_name')
      .orderBy('h.id')
      .limit(filter.limit + 1)
      .execute();
  }
}
