import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  countedByCode,
  type AwardCode,
  type AwardHistoryItem,
  type Basis,
  type NominationStatus,
} from '../rules/index.js';
import { returnedRows } from '../common/database/sql.js';
import { currentTransactionManager } from '../database/transaction-context.js';
import type { VotePolicyRow } from '../award-types/award-types.repository.js';
import { QUOTA_SETTINGS_KEY } from './quota-settings.js';
import type { UnitQuota } from './unit-quota.entity.js';

export interface UnitQuotaRow {
  organizationId: string;
  year: number;
  awardCode: AwardCode;
  maxCount: number | null;
  maxRatio: number | null;
  ratioOf: string | null;
  updatedAt: Date;
}

interface RawUnitQuota {
  organization_id: string;
  year: number;
  award_code: AwardCode;
  max_count: number | null;
  max_ratio: string | null;
  ratio_of: string | null;
  updated_at: Date;
}

const toRow = (r: RawUnitQuota): UnitQuotaRow => ({
  organizationId: r.organization_id,
  year: r.year,
  awardCode: r.award_code,
  maxCount: r.max_count,
  maxRatio: r.max_ratio === null ? null : Number(r.max_ratio),
  ratioOf: r.ratio_of,
  updatedAt: r.updated_at,
});

/**
 * The record of a proposing organization (`$1`) and year (`$2`), grouped: awards by code, basis and revoked flag,
 * nominations by code, basis and status, each with how many. What counts is the rules' call (`countedByCode`).
 */
const COUNTED_SQL = `SELECT 'AWARD' AS source, award_code, basis, revoked_at IS NOT NULL AS revoked, NULL AS status, count(*)::int AS n
       FROM awards WHERE proposing_organization_id = $1 AND year = $2
      GROUP BY award_code, basis, revoked_at IS NOT NULL
     UNION ALL
     SELECT 'NOMINATION', award_code, basis, false, status, count(*)::int
       FROM nominations WHERE proposing_organization_id = $1 AND year = $2
      GROUP BY award_code, basis, status`;

/** One row of `COUNTED_SQL`. */
interface RecordCountRow {
  source: 'AWARD' | 'NOMINATION';
  award_code: AwardCode;
  basis: Basis;
  revoked: boolean;
  status: NominationStatus | null;
  n: number;
}

/** Unit quotas of an organization (`$1`) and year (`$2`), for one code (`$3`) or all (`$3` null), by code. */
const UNIT_QUOTAS_SQL = `SELECT organization_id, year, award_code, max_count, max_ratio, ratio_of, updated_at FROM unit_quotas
    WHERE organization_id = $1 AND year = $2 AND ($3::text IS NULL OR award_code = $3)
    ORDER BY award_code`;

/** The counted items per code of the rows of `COUNTED_SQL` for `year`, as the rules count them. */
function countsByCode(rows: readonly RecordCountRow[], year: number): Partial<Record<AwardCode, number>> {
  return countedByCode(
    rows.map((r) => {
      const item: AwardHistoryItem =
        r.source === 'AWARD'
          ? { source: 'AWARD', awardCode: r.award_code, year, basis: r.basis, revoked: r.revoked }
          : {
              source: 'NOMINATION',
              awardCode: r.award_code,
              year,
              basis: r.basis,
              status: r.status as NominationStatus,
            };
      return { item, n: r.n };
    }),
  );
}

/**
 * Every query behind quotas and rule settings: `unit_quotas`, `rule_settings`, and the record of the proposing organization and year that quotas count (the rules decide what
 * counts: awards not revoked plus APPROVED nominations, `countedByCode`). Pass the caller's transaction `manager` when counting for
 * an approval, so the counts are read after the approval's locks were taken. It reads the vote policy columns of
 * `award_types` for an approval (`approvalFigures`) but never writes them: the award-types module owns that table.
 */
@Injectable()
export class QuotasRepository {
  constructor(private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    // Transitional: joins the ambient transaction (Transactions.run) until this module moves to Db.
    return manager ?? currentTransactionManager() ?? this.dataSource.manager;
  }

  /** Counted awards per code for one proposing organization and year. */
  async countedByCode(
    organizationId: string,
    year: number,
    manager?: EntityManager,
  ): Promise<Partial<Record<AwardCode, number>>> {
    const rows = await this.m(manager).query<RecordCountRow[]>(COUNTED_SQL, [organizationId, year]);
    return countsByCode(rows, year);
  }

  /** People now in the organization's subtree (the base of a HEADCOUNT ratio). */
  async headcount(organizationId: string, manager?: EntityManager): Promise<number> {
    const [row] = await this.m(manager).query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM individuals i
         JOIN organization_closure c ON c.descendant_id = i.organization_id AND c.ancestor_id = $1`,
      [organizationId],
    );
    return row.n;
  }

  /** The unit quotas of an organization and year, for one code or all, by code. */
  async unitQuotas(
    organizationId: string,
    year: number,
    awardCode?: AwardCode,
    manager?: EntityManager,
  ): Promise<UnitQuotaRow[]> {
    const rows = await this.m(manager).query<RawUnitQuota[]>(UNIT_QUOTAS_SQL, [
      organizationId,
      year,
      awardCode ?? null,
    ]);
    return rows.map(toRow);
  }

  /**
   * What an approval checks its quotas and its council vote against, in one round trip: the quota settings, the
   * counted awards per code of the proposing organization and year, its unit quotas of the code, and the code's
   * vote policy.
   */
  async approvalFigures(
    organizationId: string,
    year: number,
    awardCode: AwardCode,
    manager?: EntityManager,
  ): Promise<{
    settings: unknown;
    counts: Partial<Record<AwardCode, number>>;
    unitQuotas: UnitQuotaRow[];
    votePolicy: VotePolicyRow | null;
  }> {
    const [row] = await this.m(manager).query<
      {
        settings: unknown;
        counts: RecordCountRow[];
        unit_quotas: RawUnitQuota[];
        vote_policy: { code: AwardCode; vote_required: boolean; vote_pass_ratio: number } | null;
      }[]
    >(
      `SELECT (SELECT value FROM rule_settings WHERE key = $4) AS settings,
              (SELECT coalesce(json_agg(c), '[]'::json) FROM (${COUNTED_SQL}) c) AS counts,
              (SELECT coalesce(json_agg(q), '[]'::json) FROM (${UNIT_QUOTAS_SQL}) q) AS unit_quotas,
              (SELECT json_build_object('code', code, 'vote_required', vote_required, 'vote_pass_ratio', vote_pass_ratio)
                 FROM award_types WHERE code = $3) AS vote_policy`,
      [organizationId, year, awardCode, QUOTA_SETTINGS_KEY],
    );
    const policy = row.vote_policy;
    return {
      votePolicy: policy
        ? { awardCode: policy.code, required: policy.vote_required, passRatio: Number(policy.vote_pass_ratio) }
        : null,
      settings: row.settings ?? undefined,
      counts: countsByCode(row.counts, year),
      // Through JSON, the timestamp arrives as text.
      unitQuotas: row.unit_quotas.map((q) => toRow({ ...q, updated_at: new Date(q.updated_at) })),
    };
  }

  async upsertUnitQuota(
    values: Omit<UnitQuota, 'updatedAt' | 'organization' | 'awardType' | 'maxRatio'> & { maxRatio: number | null },
    manager?: EntityManager,
  ): Promise<UnitQuotaRow> {
    const [row] = await this.m(manager).query<RawUnitQuota[]>(
      `INSERT INTO unit_quotas (organization_id, year, award_code, max_count, max_ratio, ratio_of)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT pk_unit_quotas DO UPDATE
          SET max_count = EXCLUDED.max_count, max_ratio = EXCLUDED.max_ratio, ratio_of = EXCLUDED.ratio_of, updated_at = now()
       RETURNING organization_id, year, award_code, max_count, max_ratio, ratio_of, updated_at`,
      [values.organizationId, values.year, values.awardCode, values.maxCount, values.maxRatio, values.ratioOf],
    );
    return toRow(row);
  }

  /** Deletes one unit quota; false when there was none. */
  async deleteUnitQuota(
    organizationId: string,
    year: number,
    awardCode: AwardCode,
    manager?: EntityManager,
  ): Promise<boolean> {
    const result: unknown = await this.m(manager).query(
      `DELETE FROM unit_quotas WHERE organization_id = $1 AND year = $2 AND award_code = $3 RETURNING 1`,
      [organizationId, year, awardCode],
    );
    return returnedRows(result).length > 0;
  }

  /** The stored value of the quota settings, or undefined when the row is missing. */
  async quotaSettings(manager?: EntityManager): Promise<unknown> {
    const rows = await this.m(manager).query<{ value: unknown }[]>(`SELECT value FROM rule_settings WHERE key = $1`, [
      QUOTA_SETTINGS_KEY,
    ]);
    return rows[0]?.value;
  }

  async saveQuotaSettings(value: object, manager?: EntityManager): Promise<void> {
    await this.m(manager).query(
      `INSERT INTO rule_settings (key, value) VALUES ($1, $2::jsonb)
       ON CONFLICT ON CONSTRAINT pk_rule_settings DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
      [QUOTA_SETTINGS_KEY, JSON.stringify(value)],
    );
  }
}
