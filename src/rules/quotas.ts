/**
 * Quotas (chỉ tiêu) — all [C]: configurable, with defaults.
 *
 * - R-QUOTA-CSCS (Decree 91 Art 9.3; default for later regimes): approved CSTĐ cơ sở of a unit and year
 *   ≤ floor(15 % × the approved Lao động tiên tiến of that year of the unit AND its whole subtree). 15 % of 20 → 3;
 *   of 6 → 0; of 7 → 1. The limit is law (source LEGAL) under TDKT_2003_ND91 only; Law 2022 and its decrees fix no
 *   ratio, so under later regimes it is the province's setting (source SETTING), which a unit can change.
 * - R-QUOTA-CSTINH (provincial practice, off by default): CSTĐ tỉnh ≤ floor(10 % × its CSTĐ cơ sở).
 * - R-QUOTA-UNIT: a unit's own maximum count and/or maximum ratio of a base (another code's approved count,
 *   or the headcount) per year and code. The tightest applicable limit wins.
 *
 * Caps use floor ("không quá"). Counts are of awards not revoked plus APPROVED nominations of the proposing
 * unit, year and code (docs/rules.md, "What counts"); the service supplies them and enforces them atomically.
 * Ratios are multiplied exactly (fraction.ts), never in floating point.
 */
import { msg, type Message, type ParamValue } from '../i18n/index.js';
import { awardName } from './catalogue.js';
import { floorMul, percent } from './fraction.js';
import type { AwardCode, Regime, RuleCheck } from './types.js';

export interface QuotaSettings {
  /** R-QUOTA-CSCS ratio of approved Lao động tiên tiến. Default 0.15. */
  cscsRatio: number;
  /** R-QUOTA-CSCS on/off. Default true. */
  cscsEnabled: boolean;
  /** R-QUOTA-CSTINH ratio of approved CSTĐ cơ sở. Default 0.10. */
  cstinhRatio: number;
  /** R-QUOTA-CSTINH on/off. Default false (a province switches it on). */
  cstinhEnabled: boolean;
}

export const DEFAULT_QUOTA_SETTINGS: Readonly<QuotaSettings> = {
  cscsRatio: 0.15,
  cscsEnabled: true,
  cstinhRatio: 0.1,
  cstinhEnabled: false,
};

/** A unit's own quota for one organization, year and award code (PUT /quotas). */
export interface UnitQuota {
  maxCount?: number | null;
  /** Share of `ratioOf`; with no `ratioOf` it is a share of the headcount. */
  maxRatio?: number | null;
  ratioOf?: AwardCode | 'HEADCOUNT' | null;
}

/** What the limits depend on, for one proposing organization, year and award code. */
export interface QuotaBaseInput {
  awardCode: AwardCode;
  year: number;
  /**
   * Counted approved awards of other codes in the same organization and year; for R-QUOTA-CSCS the
   * LAO_DONG_TIEN_TIEN of the organization and its whole subtree.
   */
  baseCounts: Partial<Record<AwardCode, number>>;
  /** The regime the limits are judged under: R-QUOTA-CSCS is law under TDKT_2003_ND91 only. Default: the latest. */
  regime?: Regime;
  /** People in the organization, for ratios of the headcount. */
  headcount?: number;
  unitQuotas: readonly UnitQuota[];
}

export interface QuotaInput extends QuotaBaseInput {
  /** Counted for this organization, year and code, EXCLUDING the nomination being approved. */
  used: number;
}

export type QuotaRuleId = 'R-QUOTA-CSCS' | 'R-QUOTA-CSTINH' | 'R-QUOTA-UNIT';

/** LEGAL: fixed by law; SETTING: the province's configurable rule; UNIT: the unit's own quota. */
export type QuotaSource = 'LEGAL' | 'SETTING' | 'UNIT';

export interface QuotaLimit {
  rule: QuotaRuleId;
  /** Maximum number of counted awards allowed (already floored). */
  limit: number;
  source: QuotaSource;
  /** How the limit was computed, e.g. "floor(15% × 20 Lao động tiên tiến)". */
  basis: Message;
  /** Legal source or configuration it comes from. */
  article: Message;
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number >= 0, got ${n}`);
}

function ratioLimit(
  rule: QuotaRuleId,
  source: QuotaSource,
  ratio: number,
  baseLabel: ParamValue,
  baseCount: number,
  article: Message,
): QuotaLimit {
  return {
    rule,
    limit: floorMul(ratio, baseCount),
    source,
    basis: msg('rules.quota.ratio', { ratio: percent(ratio), count: baseCount, base: baseLabel }),
    article,
  };
}

/**
 * Every quota limit that applies to one organization, year and code — legal ones first, then the unit's own.
 * All are listed (GET /quotas); enforcement needs all to hold, i.e. the tightest wins.
 */
export function quotaLimits(input: QuotaBaseInput, settings: QuotaSettings = DEFAULT_QUOTA_SETTINGS): QuotaLimit[] {
  const out: QuotaLimit[] = [];
  const base = (code: AwardCode): number => {
    const n = input.baseCounts[code] ?? 0;
    assertCount(n, `The count of ${code}`);
    return n;
  };
  if (input.awardCode === 'CHIEN_SI_THI_DUA_CO_SO' && settings.cscsEnabled) {
    const legal = (input.regime ?? 'TDKT_2022_ND152') === 'TDKT_2003_ND91';
    out.push(
      ratioLimit(
        'R-QUOTA-CSCS',
        legal ? 'LEGAL' : 'SETTING',
        settings.cscsRatio,
        msg('rules.quota.ldttSubtree', { award: awardName('LAO_DONG_TIEN_TIEN') }),
        base('LAO_DONG_TIEN_TIEN'),
        msg(legal ? 'rules.quota.articleCscs' : 'rules.quota.settingCscs'),
      ),
    );
  }
  if (input.awardCode === 'CHIEN_SI_THI_DUA_TINH' && settings.cstinhEnabled) {
    out.push(
      ratioLimit(
        'R-QUOTA-CSTINH',
        'SETTING',
        settings.cstinhRatio,
        awardName('CHIEN_SI_THI_DUA_CO_SO'),
        base('CHIEN_SI_THI_DUA_CO_SO'),
        msg('rules.quota.articleCstinh'),
      ),
    );
  }
  for (const q of input.unitQuotas) {
    const article = msg('rules.quota.articleUnit', { year: input.year });
    if (q.maxCount !== undefined && q.maxCount !== null) {
      out.push({
        rule: 'R-QUOTA-UNIT',
        limit: Math.max(0, Math.floor(q.maxCount)),
        source: 'UNIT',
        basis: msg('rules.quota.max', { max: Math.max(0, Math.floor(q.maxCount)) }),
        article,
      });
    }
    if (q.maxRatio !== undefined && q.maxRatio !== null) {
      const of = q.ratioOf ?? 'HEADCOUNT';
      if (of === 'HEADCOUNT') {
        const known = input.headcount !== undefined;
        const headcount = input.headcount ?? 0;
        assertCount(headcount, 'The headcount');
        out.push(
          ratioLimit(
            'R-QUOTA-UNIT',
            'UNIT',
            q.maxRatio,
            msg(known ? 'rules.quota.headcount' : 'rules.quota.headcountMissing'),
            headcount,
            article,
          ),
        );
      } else {
        out.push(ratioLimit('R-QUOTA-UNIT', 'UNIT', q.maxRatio, awardName(of), base(of), article));
      }
    }
  }
  return out;
}

/** The tightest limit (smallest), or null when no quota applies. */
export function tightestLimit(limits: readonly QuotaLimit[]): QuotaLimit | null {
  let best: QuotaLimit | null = null;
  for (const l of limits) if (best === null || l.limit < best.limit) best = l;
  return best;
}

/**
 * R-QUOTA-CSCS, R-QUOTA-CSTINH, R-QUOTA-UNIT: one check per applicable limit; approving one more nomination
 * must keep `used + 1 ≤ limit`. `limit` and `actual` (= used + 1) are on every check.
 */
export function checkQuotas(input: QuotaInput, settings: QuotaSettings = DEFAULT_QUOTA_SETTINGS): RuleCheck[] {
  assertCount(input.used, 'The used count');
  const after = input.used + 1;
  const name = awardName(input.awardCode);
  return quotaLimits(input, settings).map((l) => ({
    rule: l.rule,
    passed: after <= l.limit,
    message: msg('rules.quota.check', {
      after,
      award: name,
      year: input.year,
      limit: l.limit,
      basis: l.basis,
      rule: l.rule,
      article: l.article,
    }),
    limit: l.limit,
    actual: after,
  }));
}
