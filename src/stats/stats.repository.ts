import { Injectable } from '@nestjs/common';
import { type AliasableExpression, expressionBuilder, sql } from 'kysely';
import { type AwardFilter, awardConditions } from '../awards/awards.repository.js';
import { Db } from '../database/db.js';
import type { Awards, DB } from '../database/schema.js';
import type { AwardCode } from '../rules/index.js';
import type { Form0603Count } from './form-0603.js';
import type { StatsGroupBy } from './dto/stats.dto.js';

export interface GroupCountRow {
  key: string;
  /** Organization name when grouping by organization, else null (labels come from the catalogue). */
  label: string | null;
  count: number;
  /** numeric sum: text from PostgreSQL. */
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

  /**
   * Form 0603: non-revoked awards of `codes` granted by decisions of `issuerId` itself dated in `year` (history
   * decisions included), by code, recipient kind, basis, enterprise (collectives) and reporting group (individuals).
   */
  form0603Counts(year: number, issuerId: string, codes: readonly AwardCode[]): Promise<Form0603Count[]> {
    return this.db
      .selectFrom('awards as a')
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .leftJoin('organizations as o', (join) =>
        join.onRef('o.id', '=', 'a.organization_id').on('a.recipient_kind', '=', 'COLLECTIVE'),
      )
      .leftJoin('individuals as i', 'i.id', 'a.individual_id')
      .select((qb) => [
        'a.award_code as awardCode',
        'a.recipient_kind as recipientKind',
        'a.basis as basis',
        qb.fn.coalesce('o.enterprise', sql<boolean>`false`).as('enterprise'),
        'i.reporting_category as reportingCategory',
        sql<number>`count(*)::int`.as('count'),
      ])
      .$narrowType<Pick<Form0603Count, 'awardCode' | 'recipientKind' | 'basis' | 'reportingCategory'>>()
      .where('d.issuer_organization_id', '=', sql<string>`${issuerId}::uuid`)
      .where('d.year', '=', year)
      .where('a.revoked_at', 'is', null)
      .where('a.award_code', '=', sql<string>`ANY(${codes}::text[])`)
      .groupBy(['a.award_code', 'a.recipient_kind', 'a.basis', 'o.enterprise', 'i.reporting_category'])
      .execute();
  }
}
