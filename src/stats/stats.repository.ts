import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type AwardFilter, applyAwardFilter } from '../awards/awards.repository.js';
import type { AwardRecipientKind } from '../awards/labels.js';
import { SqlConditions } from '../common/database/sql.js';
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

const GROUP_KEYS: Readonly<Record<StatsGroupBy, string>> = {
  awardCode: 'a.award_code',
  recipientKind: 'a.recipient_kind',
  basis: 'a.basis',
  organization: 'a.organization_id::text',
};

/** Aggregates over `awards` (one GROUP BY statement each). */
@Injectable()
export class StatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  countBy(groupBy: StatsGroupBy, filter: Omit<AwardFilter, 'after' | 'limit'>): Promise<GroupCountRow[]> {
    const where = applyAwardFilter(new SqlConditions(), filter);
    const key = GROUP_KEYS[groupBy];
    const byOrganization = groupBy === 'organization';
    return this.dataSource.query<GroupCountRow[]>(
      `SELECT ${key} AS "key",
              ${byOrganization ? 'min(o.name)' : 'NULL'} AS "label",
              count(*)::int AS "count",
              coalesce(sum(a.bonus_amount), 0)::text AS "bonusTotal"
         FROM awards a
         ${byOrganization ? 'JOIN organizations o ON o.id = a.organization_id' : ''}
         ${where.where()}
        GROUP BY ${key}`,
      where.params,
    );
  }

  /** Non-revoked awards of the given codes whose decision is dated in `year`, by code, recipient kind and basis. */
  form0603Counts(year: number, awardCodes: readonly AwardCode[], subtreeOf?: string): Promise<Form0603CountRow[]> {
    const where = applyAwardFilter(new SqlConditions(), { includeRevoked: false, subtreeOf });
    where.add(`a.award_code = ANY(${where.param(awardCodes)}::text[])`);
    where.add(`a.issued_on >= make_date(${where.param(year)}::int, 1, 1)`);
    where.add(`a.issued_on < make_date(${where.param(year + 1)}::int, 1, 1)`);
    return this.dataSource.query<Form0603CountRow[]>(
      `SELECT a.award_code AS "awardCode",
              a.recipient_kind AS "recipientKind",
              a.basis AS "basis",
              count(*)::int AS "count",
              coalesce(sum(a.bonus_amount), 0)::text AS "bonusTotal"
         FROM awards a
         ${where.where()}
        GROUP BY a.award_code, a.recipient_kind, a.basis`,
      where.params,
    );
  }
}
