import { Injectable } from '@nestjs/common';
import { type AliasableExpression, expressionBuilder, sql } from 'kysely';
import { type AwardFilter, awardConditions } from '../awards/awards.repository.js';
import type { AwardRecipientKind } from '../awards/labels.js';
import { Db } from '../database/db.js';
import type { Awards, DB } from '../database/schema.js';
import type { AwardCode, Basis } from '../rules/index.js';
import type { StatsGroupBy } from './dto/stats.dto.js';

export interface GroupCountRow {
  key: string;
  /** Organization name when grouping by organization, else null (labels come from the catalogue). */
  label: string | null;
  count: number;
  /** numeric sum: text from PostgreSQL. */
  bonusTotal: string;
}

export interface Form0603CountRow {
  awardCode: AwardCode;
  recipientKind: AwardRecipientKind;
  basis: Basis;
  count: number;
  bonusTotal: string;
}

const eb = expressionBuilder<DB & { a: Awards }, 'a'>();

/** The grouping key of each `groupBy`, as text. */
const GROUP_KEYS: Readonly<Record<StatsGroupBy, AliasableExpression<string>>> = {
  awardCode: eb.ref('a.award_code'),
  recipientKind: eb.ref('a.recipient_kind'),
  basis: eb.ref('a.basis'),
  organization: eb.cast<string>('a.organization_id', 'text'),
};

/** Aggregates over `awards` (one GROUP BY statement each). */
@Injectable()
export class StatsRepository {
  constructor(private readonly db: Db) {}

  countBy(groupBy: StatsGroupBy, filter: Omit<AwardFilter, 'after' | 'limit'>): Promise<GroupCountRow[]> {
    const key = GROUP_KEYS[groupBy];
    const totals = [
      sql<number>`count(*)::int`.as('count'),
      sql<string>`coalesce(sum(${eb.ref('a.bonus_amount')}), 0)::text`.as('bonusTotal'),
    ] as const;
    let query;
    if (groupBy === 'organization') {
      query = this.db
        .selectFrom('awards as a')
        .innerJoin('organizations as o', 'o.id', 'a.organization_id')
        .select((qb) => [key.as('key'), qb.fn.min<string | null>('o.name').as('label'), ...totals]);
    } else {
      query = this.db
        .selectFrom('awards as a')
        .select([key.as('key'), sql<string | null>`NULL`.as('label'), ...totals]);
    }
    for (const condition of awardConditions(filter)) query = query.where(condition);
    return query.groupBy(key).execute();
  }

  /** Non-revoked awards of the given codes whose decision is dated in `year`, by code, recipient kind and basis. */
  form0603Counts(year: number, awardCodes: readonly AwardCode[], subtreeOf?: string): Promise<Form0603CountRow[]> {
    let query = this.db
      .selectFrom('awards as a')
      .select([
        'a.award_code as awardCode',
        'a.recipient_kind as recipientKind',
        'a.basis as basis',
        sql<number>`count(*)::int`.as('count'),
        sql<string>`coalesce(sum(${eb.ref('a.bonus_amount')}), 0)::text`.as('bonusTotal'),
      ])
      .$narrowType<Pick<Form0603CountRow, 'awardCode' | 'recipientKind' | 'basis'>>();
    for (const condition of awardConditions({ includeRevoked: false, subtreeOf })) query = query.where(condition);
    return query
      .where('a.award_code', '=', sql<string>`ANY(${awardCodes}::text[])`)
      .where('a.issued_on', '>=', sql<Date>`make_date(${year}::int, 1, 1)`)
      .where('a.issued_on', '<', sql<Date>`make_date(${year + 1}::int, 1, 1)`)
      .groupBy(['a.award_code', 'a.recipient_kind', 'a.basis'])
      .execute();
  }
}
