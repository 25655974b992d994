import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Db } from '../database/db.js';
import type { CouncilSize } from './council-size.js';

/** A council size in force, with the organization whose council it is. */
export interface CouncilSizeInForce {
  id: string;
  organizationId: string;
  members: number;
  effectiveFrom: string;
}

/** The `date` as `YYYY-MM-DD` text: the form the API and the rules use (pg would hand back a local midnight). */
const isoDate = (column: 'effective_from' | 's.effective_from') =>
  sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

/** The key of a meeting of an organization's council on a date (`YYYY-MM-DD`) in `inForceOf`'s answer. */
export const councilKey = (organizationId: string, on: string): string => `${organizationId}:${on}`;

/** Every query on `council_sizes`. */
@Injectable()
export class CouncilSizesRepository {
  constructor(private readonly db: Db) {}

  add(values: Omit<CouncilSize, 'id' | 'createdAt'>): Promise<CouncilSize> {
    return this.db
      .insertInto('council_sizes')
      .values({
        organization_id: values.organizationId,
        members: values.members,
        effective_from: values.effectiveFrom,
        reference: values.reference,
        recorded_by_key_id: values.recordedByKeyId,
      })
      .returning([
        'id',
        'organization_id as organizationId',
        'members',
        isoDate('effective_from').as('effectiveFrom'),
        'reference',
        'recorded_by_key_id as recordedByKeyId',
        'created_at as createdAt',
      ])
      .executeTakeFirstOrThrow();
  }

  /** The history of one organization's council size, newest first. */
  history(organizationId: string): Promise<CouncilSize[]> {
    return this.db
      .selectFrom('council_sizes')
      .select([
        'id',
        'organization_id as organizationId',
        'members',
        isoDate('effective_from').as('effectiveFrom'),
        'reference',
        'recorded_by_key_id as recordedByKeyId',
        'created_at as createdAt',
      ])
      .where('organization_id', '=', organizationId)
      .orderBy('council_sizes.effective_from', 'desc')
      .orderBy('council_sizes.created_at', 'desc')
      .orderBy('council_sizes.id', 'desc')
      .execute();
  }

  /**
   * The council whose size counts for a vote of `organizationId` at a meeting held `on`: the organization's own
   * council, or else that of the nearest organization above it with a council size in force on that date; within
   * that organization the latest `effectiveFrom` not after `on`, the latest recorded first (a correction). Null
   * when no organization of the chain has one.
   */
  async inForce(organizationId: string, on: string): Promise<CouncilSizeInForce | null> {
    const row = await this.db
      .selectFrom('organization_closure as c')
      .innerJoin('council_sizes as s', (join) =>
        join.onRef('s.organization_id', '=', 'c.ancestor_id').on('s.effective_from', '<=', sql<Date>`${on}::date`),
      )
      .select([
        's.id',
        's.organization_id as organizationId',
        's.members',
        isoDate('s.effective_from').as('effectiveFrom'),
      ])
      .where('c.descendant_id', '=', organizationId)
      .orderBy('c.depth')
      .orderBy('s.effective_from', 'desc')
      .orderBy('s.created_at', 'desc')
      .orderBy('s.id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row ?? null;
  }

  /**
   * `inForce` for many (organization, meeting date) pairs in one statement: the members of the council in force
   * for each, by `councilKey` (absent where no organization of the chain has one).
   */
  async inForceOf(meetings: readonly { organizationId: string; on: string }[]): Promise<Map<string, number>> {
    if (meetings.length === 0) return new Map();
    const rows = await this.db
      // The two arrays unnested side by side: one row per meeting asked for.
      .with('q', (db) =>
        db
          .selectNoFrom([
            sql<string>`unnest(${meetings.map((m) => m.organizationId)}::uuid[])`.as('organization_id'),
            sql<string>`unnest(${meetings.map((m) => m.on)}::date[])`.as('held_on'),
          ])
          .distinct(),
      )
      .selectFrom('q')
      .innerJoinLateral(
        (eb) =>
          eb
            .selectFrom('organization_closure as c')
            .innerJoin('council_sizes as s', (join) =>
              join.onRef('s.organization_id', '=', 'c.ancestor_id').onRef('s.effective_from', '<=', 'q.held_on'),
            )
            .select('s.members')
            .whereRef('c.descendant_id', '=', 'q.organization_id')
            .orderBy('c.depth')
            .orderBy('s.effective_from', 'desc')
            .orderBy('s.created_at', 'desc')
            .orderBy('s.id', 'desc')
            .limit(1)
            .as('s'),
        (join) => join.onTrue(),
      )
      .select([
        'q.organization_id as organizationId',
        sql<string>`to_char(q.held_on, 'YYYY-MM-DD')`.as('on'),
        's.members',
      ])
      .execute();
    return new Map(rows.map((r) => [councilKey(r.organizationId, r.on), r.members]));
  }
}
