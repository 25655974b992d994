import { Injectable } from '@nestjs/common';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { type Expression, sql } from 'kysely';
import type { VotePolicyRow } from '../award-types/award-types.repository.js';
import { compileTemplate, slot, TemplateCache, type CompiledTemplate } from '../database/compiled-template.js';
import { Db, runTemplate } from '../database/db.js';
import {
  COUNTED_NOMINATION_STATUSES,
  countedByCode,
  type AwardCode,
  type AwardHistoryItem,
  type Basis,
  type NominationStatus,
} from '../rules/index.js';
import { QUOTA_SETTINGS_KEY } from './quota-settings.js';
import { anyOf } from '../common/database/expressions.js';

export interface UnitQuotaRow {
  organizationId: string;
  year: number;
  awardCode: AwardCode;
  maxCount: number | null;
  maxRatio: number | null;
  ratioOf: string | null;
  updatedAt: Date;
}

/** A unit's own cap for a year and award code (R-QUOTA-UNIT), as a caller sets it. */
export type UnitQuotaValues = Omit<UnitQuotaRow, 'updatedAt'>;

/** A row of `unit_quotas` as read: `numeric` arrives as text (or, through JSON, as a number). */
interface RawUnitQuota {
  organization_id: string;
  year: number;
  award_code: string;
  max_count: number | null;
  max_ratio: string | number | null;
  ratio_of: string | null;
  updated_at: Date;
}

const toRow = (r: RawUnitQuota): UnitQuotaRow => ({
  organizationId: r.organization_id,
  year: r.year,
  awardCode: r.award_code as AwardCode,
  maxCount: r.max_count,
  maxRatio: r.max_ratio === null ? null : Number(r.max_ratio),
  ratioOf: r.ratio_of,
  updatedAt: r.updated_at,
});

const UNIT_QUOTA_COLUMNS = [
  'organization_id',
  'year',
  'award_code',
  'max_count',
  'max_ratio',
  'ratio_of',
  'updated_at',
] as const;

/** The values of `approvalFiguresOf`'s statement. */
type FiguresSlot = 'organizationIds' | 'years' | 'codes' | 'subtreeOrganizationIds' | 'subtreeYears';

/** The one row of `approvalFiguresOf`'s statement: each set as JSON (times as text). */
interface FiguresRow {
  settings: unknown;
  counts: RecordCountRow[];
  unitQuotas: (Omit<RawUnitQuota, 'updated_at'> & { updated_at: string })[];
  votePolicies: { code: string; vote_required: boolean; vote_pass_ratio: string | number }[];
  headcounts: { organization_id: string; n: number }[];
  subtree: RecordCountRow[];
}

/** The key of a proposing organization's year in `ApprovalFigures.counts`. */
export const recordKey = (organizationId: string, year: number): string => `${organizationId}:${year}`;

/** One approval's proposing organization, year and code: what its quotas are judged on. */
export interface ApprovalGroup {
  organizationId: string;
  year: number;
  awardCode: AwardCode;
}

/** What approvals check their quotas and council votes against (`approvalFiguresOf`). */
export interface ApprovalFigures {
  /** The stored quota settings (undefined when the row is missing). */
  settings: unknown;
  /** Counted items per code of each proposing organization and year, by `recordKey`. */
  counts: Map<string, Partial<Record<AwardCode, number>>>;
  /** The unit quotas of the organizations, years and codes asked for. */
  unitQuotas: UnitQuotaRow[];
  /** The vote policy of each code asked for that has one stored. */
  votePolicies: Map<AwardCode, VotePolicyRow>;
  /** People in the subtree of each organization that has a HEADCOUNT ratio quota among the groups. */
  headcounts: Map<string, number>;
  /**
   * R-QUOTA-CSCS's base per `recordKey` of each group of CSTĐ cơ sở: the counted Lao động tiên tiến of the
   * organization's whole subtree (`subtreeCounted`).
   */
  subtreeLdtt: Map<string, number>;
}

/** One row of the grouped record (`recordCounts`): `n` alike awards or nominations. */
interface RecordCountRow {
  organization_id: string;
  year: number;
  source: 'AWARD' | 'NOMINATION';
  award_code: string;
  basis: string;
  revoked: boolean;
  status: string | null;
  n: number;
}

/** The counted items per code of the rows of `recordCounts` for `year`, as the rules count them. */
function countsByCode(rows: readonly RecordCountRow[], year: number): Partial<Record<AwardCode, number>> {
  return countedByCode(
    rows.map((r) => {
      const awardCode = r.award_code as AwardCode;
      const basis = r.basis as Basis;
      const item: AwardHistoryItem =
        r.source === 'AWARD'
          ? { source: 'AWARD', awardCode, year, basis, revoked: r.revoked }
          : { source: 'NOMINATION', awardCode, year, basis, status: r.status as NominationStatus };
      return { item, n: r.n };
    }),
  );
}

/** `subtreeCounts`' rows as the count of `awardCode` of each pair, by `recordKey` (0 where nothing counts). */
function subtreeCountsByKey(
  rows: readonly RecordCountRow[],
  pairs: readonly { organizationId: string; year: number }[],
  awardCode: AwardCode,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const { organizationId, year } of pairs) {
    const key = recordKey(organizationId, year);
    if (out.has(key)) continue;
    const own = rows.filter((r) => r.organization_id === organizationId && r.year === year);
    out.set(key, countsByCode(own, year)[awardCode] ?? 0);
  }
  return out;
}

/**
 * Every query behind quotas and rule settings: `unit_quotas`, `rule_settings`, and the record of the proposing
 * organization and year that quotas count. The rules decide what counts (`countedByCode`: awards not revoked, and
 * nominations in `COUNTED_NOMINATION_STATUSES`); the SQL only fetches those facts, filtered by the rules' statuses.
 * Inside an approval's transaction (`Transactions.run`) the counts are read after its locks were taken. It reads
 * the vote policy columns of `award_types` for an approval (`approvalFigures`) but never writes them: the
 * award-types module owns that table.
 */
@Injectable()
export class QuotasRepository {
  private readonly templates = new TemplateCache<FiguresSlot>();

  constructor(private readonly db: Db) {}

  /**
   * The record of proposing organizations and years, grouped: awards by code, basis and revoked flag, nominations
   * in a counted status by code, basis and status, each with how many (`ix_awards_proposing_year_code`,
   * `ix_nominations_proposing_year_code_status`), per organization and year. Every organization of
   * `organizationIds` is read for every year of `years`: callers keep the pairs they asked for.
   */
  private recordCounts(organizationIds: readonly string[], years: readonly number[]) {
    const awards = this.db
      .selectFrom('awards')
      .select((eb) => [
        'proposing_organization_id as organization_id',
        'year',
        sql.lit('AWARD').as('source'),
        'award_code',
        'basis',
        eb('revoked_at', 'is not', null).$castTo<boolean>().as('revoked'),
        sql<string | null>`NULL`.as('status'),
        eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
      ])
      .where('proposing_organization_id', '=', anyOf(organizationIds, 'uuid'))
      .where('year', '=', anyOf(years, 'int'))
      .groupBy((eb) => ['proposing_organization_id', 'year', 'award_code', 'basis', eb('revoked_at', 'is not', null)]);
    const nominations = this.db
      .selectFrom('nominations')
      .select((eb) => [
        'proposing_organization_id as organization_id',
        'year',
        sql.lit('NOMINATION').as('source'),
        'award_code',
        'basis',
        sql.lit(false).$castTo<boolean>().as('revoked'),
        'status',
        eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
      ])
      .where('proposing_organization_id', '=', anyOf(organizationIds, 'uuid'))
      .where('year', '=', anyOf(years, 'int'))
      .where('status', 'in', COUNTED_NOMINATION_STATUSES)
      .groupBy(['proposing_organization_id', 'year', 'award_code', 'basis', 'status']);
    return awards.unionAll(nominations).$castTo<RecordCountRow>();
  }

  /** The unit quotas of an organization and year, for one code or all, by code. */
  private selectUnitQuotas(organizationId: string, year: number, awardCode?: AwardCode) {
    let query = this.db
      .selectFrom('unit_quotas')
      .select(UNIT_QUOTA_COLUMNS)
      .where('organization_id', '=', organizationId)
      .where('year', '=', year);
    if (awardCode !== undefined) query = query.where('award_code', '=', awardCode);
    return query.orderBy('award_code');
  }

  /**
   * R-QUOTA-CSCS's base: the counted `awardCode` of the year of the organization and its whole subtree — awards and
   * counted nominations proposed there or granted to someone there, wherever they were proposed.
   */
  async subtreeCounted(organizationId: string, year: number, awardCode: AwardCode): Promise<number> {
    const rows = await this.subtreeCounts([organizationId], [year], awardCode).execute();
    return countsByCode(rows, year)[awardCode] ?? 0;
  }

  /**
   * `subtreeCounted`'s record for every (organization, year) of `pairs` in one statement: each pair's awards and
   * counted nominations of `awardCode` grouped as `recordCounts` groups them, tagged with the pair.
   */
  private subtreeCounts(organizationIds: readonly string[], years: readonly number[], awardCode: AwardCode) {
    return (
      this.db
        // The two arrays unnested side by side: one row per (organization, year) asked for.
        .with('q', (db) =>
          db
            .selectNoFrom([
              sql<string>`unnest(${organizationIds}::uuid[])`.as('organization_id'),
              sql<number>`unnest(${years}::int[])`.as('year'),
            ])
            .distinct(),
        )
        .selectFrom('q')
        .innerJoinLateral(
          (eb) => this.subtreeRecord(eb.ref('q.organization_id'), eb.ref('q.year'), awardCode).as('r'),
          (join) => join.onTrue(),
        )
        .select(['q.organization_id', 'q.year', 'r.source', 'r.award_code', 'r.basis', 'r.revoked', 'r.status', 'r.n'])
        .$castTo<RecordCountRow>()
    );
  }

  /** One organization's and year's subtree record of `awardCode` (see `subtreeCounted`), grouped. */
  private subtreeRecord(organizationId: Expression<string>, year: Expression<number>, awardCode: AwardCode) {
    const subtree = this.db
      .selectFrom('organization_closure')
      .select('descendant_id')
      .where('ancestor_id', '=', organizationId);
    const awards = this.db
      .selectFrom('awards')
      .select((eb) => [
        sql.lit('AWARD').as('source'),
        'award_code',
        'basis',
        eb('revoked_at', 'is not', null).$castTo<boolean>().as('revoked'),
        sql<string | null>`NULL`.as('status'),
        eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
      ])
      .where('award_code', '=', awardCode)
      .where('year', '=', year)
      .where((eb) => eb.or([eb('proposing_organization_id', 'in', subtree), eb('organization_id', 'in', subtree)]))
      .groupBy((eb) => ['award_code', 'basis', eb('revoked_at', 'is not', null)]);
    const nominations = this.db
      .selectFrom('nominations as n')
      .leftJoin('individuals as i', 'i.id', 'n.individual_id')
      .select((eb) => [
        sql.lit('NOMINATION').as('source'),
        'n.award_code',
        'n.basis',
        sql.lit(false).$castTo<boolean>().as('revoked'),
        'n.status',
        eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
      ])
      .where('n.award_code', '=', awardCode)
      .where('n.year', '=', year)
      .where('n.status', 'in', COUNTED_NOMINATION_STATUSES)
      .where((eb) =>
        eb.or([
          eb('n.proposing_organization_id', 'in', subtree),
          eb('n.organization_id', 'in', subtree),
          eb('i.organization_id', 'in', subtree),
        ]),
      )
      .groupBy(['n.award_code', 'n.basis', 'n.status']);
    return awards.unionAll(nominations);
  }

  /**
   * People now in the subtree of each organization of `organizationIds` (a query of ids: the bases of HEADCOUNT
   * ratios), in one statement.
   */
  private headcounts(organizationIds: Expression<unknown>) {
    return this.db
      .selectFrom('organization_closure as c')
      .innerJoin('individuals as i', 'i.organization_id', 'c.descendant_id')
      .select((eb) => ['c.ancestor_id as organization_id', eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .where(sql<boolean>`c.ancestor_id IN (${organizationIds})`)
      .groupBy('c.ancestor_id');
  }

  /** Counted awards per code for one proposing organization and year. */
  async countedByCode(organizationId: string, year: number): Promise<Partial<Record<AwardCode, number>>> {
    return countsByCode(await this.recordCounts([organizationId], [year]).execute(), year);
  }

  /** People now in the organization's subtree (the base of a HEADCOUNT ratio). */
  async headcount(organizationId: string): Promise<number> {
    const row = await this.headcounts(sql`SELECT ${organizationId}::uuid`).executeTakeFirst();
    return row?.n ?? 0;
  }

  /** The unit quotas of an organization and year, for one code or all, by code. */
  async unitQuotas(organizationId: string, year: number, awardCode?: AwardCode): Promise<UnitQuotaRow[]> {
    return (await this.selectUnitQuotas(organizationId, year, awardCode).execute()).map(toRow);
  }

  /**
   * `approvalFiguresOf`'s statement, compiled once per shape (with R-QUOTA-CSCS's subtree bases or without): sent as
   * a named prepared statement, planned once per connection.
   */
  approvalFiguresTemplate(withSubtree: boolean): CompiledTemplate<FiguresSlot> {
    return this.templates.get(withSubtree ? 'subtree' : 'plain', () => {
      const organizationIds = slot<string[]>('organizationIds');
      const years = slot<number[]>('years');
      const codes = slot<string[]>('codes');
      const unitQuotas = this.db
        .selectFrom('unit_quotas')
        .where('organization_id', '=', anyOf(organizationIds, 'uuid'))
        .where('year', '=', anyOf(years, 'int'))
        .where('award_code', '=', anyOf(codes, 'text'));
      const query = this.db.selectNoFrom((eb) => [
        eb.selectFrom('rule_settings').select('value').where('key', '=', QUOTA_SETTINGS_KEY).as('settings'),
        jsonArrayFrom(this.recordCounts(organizationIds, years)).as('counts'),
        jsonArrayFrom(unitQuotas.select(UNIT_QUOTA_COLUMNS).orderBy('award_code')).as('unitQuotas'),
        jsonArrayFrom(
          eb
            .selectFrom('award_types')
            .select(['code', 'vote_required', 'vote_pass_ratio'])
            .where('code', '=', anyOf(codes, 'text')),
        ).as('votePolicies'),
        // The bases of ratio quotas (every organization with one among the rows read: a few more than asked at
        // worst) and of R-QUOTA-CSCS, in the same round trip.
        jsonArrayFrom(
          this.headcounts(
            unitQuotas
              .select('organization_id')
              .where('max_ratio', 'is not', null)
              .where((w) => w(w.fn.coalesce('ratio_of', sql.lit('HEADCOUNT')), '=', 'HEADCOUNT')),
          ),
        ).as('headcounts'),
        (withSubtree
          ? jsonArrayFrom(
              this.subtreeCounts(
                slot<string[]>('subtreeOrganizationIds'),
                slot<number[]>('subtreeYears'),
                'LAO_DONG_TIEN_TIEN',
              ),
            )
          : sql<RecordCountRow[]>`'[]'::json`
        ).as('subtree'),
      ]);
      const keys: FiguresSlot[] = ['organizationIds', 'years', 'codes'];
      return compileTemplate(query, withSubtree ? [...keys, 'subtreeOrganizationIds', 'subtreeYears'] : keys);
    });
  }

  /**
   * What approvals check their quotas and council votes against, for any number of them in one round trip: the
   * settings, the counted awards per code of each proposing organization and year (by `recordKey`), the unit
   * quotas of each organization, year and code asked for, and the vote policy of each code. Call it in the
   * approvals' transaction, after their locks.
   */
  async approvalFiguresOf(groups: readonly ApprovalGroup[]): Promise<ApprovalFigures> {
    const organizationIds = [...new Set(groups.map((g) => g.organizationId))];
    const years = [...new Set(groups.map((g) => g.year))];
    const codes = [...new Set(groups.map((g) => g.awardCode))];
    const cscsPairs = groups
      .filter((g) => g.awardCode === 'CHIEN_SI_THI_DUA_CO_SO')
      .map((g) => ({ organizationId: g.organizationId, year: g.year }));
    const [row] = await runTemplate<FiguresRow, FiguresSlot>(
      this.db,
      this.approvalFiguresTemplate(cscsPairs.length > 0),
      {
        organizationIds,
        years,
        codes,
        subtreeOrganizationIds: cscsPairs.map((p) => p.organizationId),
        subtreeYears: cscsPairs.map((p) => p.year),
      },
    );
    const wanted = new Set(groups.map((g) => `${recordKey(g.organizationId, g.year)}:${g.awardCode}`));
    const pairs = new Set(groups.map((g) => recordKey(g.organizationId, g.year)));
    const countRows = new Map<string, RecordCountRow[]>();
    for (const r of row.counts) {
      const key = recordKey(r.organization_id, r.year);
      if (!pairs.has(key)) continue;
      const list = countRows.get(key);
      if (list) list.push(r);
      else countRows.set(key, [r]);
    }
    const counts = new Map<string, Partial<Record<AwardCode, number>>>();
    for (const g of groups) {
      const key = recordKey(g.organizationId, g.year);
      if (!counts.has(key)) counts.set(key, countsByCode(countRows.get(key) ?? [], g.year));
    }
    return {
      settings: row.settings ?? undefined,
      counts,
      // Through JSON, the timestamp arrives as text.
      unitQuotas: row.unitQuotas
        .map((q) => toRow({ ...q, updated_at: new Date(q.updated_at) }))
        .filter((q) => wanted.has(`${recordKey(q.organizationId, q.year)}:${q.awardCode}`)),
      votePolicies: new Map(
        row.votePolicies.map((p) => [
          p.code as AwardCode,
          { awardCode: p.code as AwardCode, required: p.vote_required, passRatio: Number(p.vote_pass_ratio) },
        ]),
      ),
      headcounts: new Map(row.headcounts.map((h) => [h.organization_id, h.n])),
      subtreeLdtt: subtreeCountsByKey(row.subtree, cscsPairs, 'LAO_DONG_TIEN_TIEN'),
    };
  }

  async upsertUnitQuota(values: UnitQuotaValues): Promise<UnitQuotaRow> {
    const row = await this.db
      .insertInto('unit_quotas')
      .values({
        organization_id: values.organizationId,
        year: values.year,
        award_code: values.awardCode,
        max_count: values.maxCount,
        max_ratio: values.maxRatio,
        ratio_of: values.ratioOf,
      })
      .onConflict((conflict) =>
        conflict.constraint('pk_unit_quotas').doUpdateSet((eb) => ({
          max_count: eb.ref('excluded.max_count'),
          max_ratio: eb.ref('excluded.max_ratio'),
          ratio_of: eb.ref('excluded.ratio_of'),
          updated_at: sql`now()`,
        })),
      )
      .returning(UNIT_QUOTA_COLUMNS)
      .executeTakeFirstOrThrow();
    return toRow(row);
  }

  /** Deletes one unit quota; false when there was none. */
  async deleteUnitQuota(organizationId: string, year: number, awardCode: AwardCode): Promise<boolean> {
    const result = await this.db
      .deleteFrom('unit_quotas')
      .where('organization_id', '=', organizationId)
      .where('year', '=', year)
      .where('award_code', '=', awardCode)
      .executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  /** The stored value of the quota settings, or undefined when the row is missing. */
  async quotaSettings(): Promise<unknown> {
    const row = await this.db
      .selectFrom('rule_settings')
      .select('value')
      .where('key', '=', QUOTA_SETTINGS_KEY)
      .executeTakeFirst();
    return row?.value;
  }

  async saveQuotaSettings(value: object): Promise<void> {
    await this.db
      .insertInto('rule_settings')
      .values({ key: QUOTA_SETTINGS_KEY, value: sql`${JSON.stringify(value)}::jsonb` })
      .onConflict((conflict) =>
        conflict
          .constraint('pk_rule_settings')
          .doUpdateSet((eb) => ({ value: eb.ref('excluded.value'), updated_at: sql`now()` })),
      )
      .execute();
  }
}
