/**
 * Legal regimes: the rules are chosen by the decision date.
 *
 * - TDKT_2003_ND91  until 2023-12-31            Law 15/2003/QH11 (amended 2013), Decree 91/2017/NĐ-CP
 * - TDKT_2022_ND98  2024-01-01 → 2025-06-30     Law 06/2022/QH15, Decree 98/2023/NĐ-CP, Circular 01/2024/TT-BNV
 * - TDKT_2022_ND152 from 2025-07-01             Law 06/2022/QH15, Decree 152/2025/NĐ-CP, Decree 129/2025/NĐ-CP
 *
 * Adding a regime = adding a row here plus its rows in the catalogue multipliers and `RULE_SETS`.
 */
import { assertIsoDate } from './dates.js';
import type { Regime } from './types.js';

export interface RegimeInfo {
  code: Regime;
  /** First day in force (inclusive), or null for "since ever" as far as the registry is concerned. */
  from: string | null;
  /** Last day in force (inclusive), or null while in force. */
  until: string | null;
  name: string;
  texts: readonly string[];
}

/** The regime table, oldest first. Periods are contiguous and do not overlap. */
export const REGIMES: readonly RegimeInfo[] = [
  {
    code: 'TDKT_2003_ND91',
    from: null,
    until: '2023-12-31',
    name: 'Law on Emulation and Commendation 2003 with Decree 91/2017',
    texts: ['Law 15/2003/QH11 (amended 2013)', 'Decree 91/2017/NĐ-CP'],
  },
  {
    code: 'TDKT_2022_ND98',
    from: '2024-01-01',
    until: '2025-06-30',
    name: 'Law on Emulation and Commendation 2022 with Decree 98/2023',
    texts: ['Law 06/2022/QH15', 'Decree 98/2023/NĐ-CP', 'Circular 01/2024/TT-BNV'],
  },
  {
    code: 'TDKT_2022_ND152',
    from: '2025-07-01',
    until: null,
    name: 'Law on Emulation and Commendation 2022 with Decree 152/2025 (two-tier local government)',
    texts: ['Law 06/2022/QH15', 'Decree 152/2025/NĐ-CP', 'Decree 129/2025/NĐ-CP'],
  },
];

/**
 * The regime in force on a date (YYYY-MM-DD): 2023-12-31 → ND91, 2024-01-01 → ND98, 2025-06-30 → ND98,
 * 2025-07-01 → ND152. Throws RangeError for a malformed date.
 */
export function regimeOn(date: string): Regime {
  assertIsoDate(date, 'The decision date');
  const found = REGIMES.find((r) => (r.from === null || r.from <= date) && (r.until === null || date <= r.until));
  if (!found) throw new RangeError(`No legal regime is configured for ${date}`);
  return found.code;
}

/** The table row of a regime. */
export function regimeInfo(regime: Regime): RegimeInfo {
  const found = REGIMES.find((r) => r.code === regime);
  if (!found) throw new RangeError(`Unknown regime ${String(regime)}`);
  return found;
}
