import { type AwardCode, type Basis, duplicateClashKind } from '../rules/index.js';
import type { UnresolvedRow } from './history.repository.js';

/** A resolved REGULAR row of a history file, with its recipient (id as text) when it shares a year with others. */
export interface StagedAward {
  row: number;
  awardCode: AwardCode;
  year: number;
  recipient: string | null;
}

/** An award of the registry of the recipient and year of a staged row (`row`, of `rowCode` for `year`). */
export interface RegistryAward {
  row: number;
  rowCode: AwardCode;
  year: number;
  awardCode: AwardCode;
  basis: Basis;
  revoked: boolean;
  decisionNumber: string;
}

/**
 * R-DUP-1 on a history file: a row clashes with an earlier row of the file of its recipient and year (named by the
 * first such row), or with an award the registry holds (named by its decision, the earliest). `duplicateClashKind`
 * decides what clashes; earlier rows count as the awards they will be.
 */
export function duplicatesInFile(peers: readonly StagedAward[], registry: readonly RegistryAward[]): UnresolvedRow[] {
  const out: UnresolvedRow[] = [];
  const groups = new Map<string, StagedAward[]>();
  for (const peer of peers) {
    const key = `${peer.recipient}:${peer.year}`;
    groups.set(key, [...(groups.get(key) ?? []), peer]);
  }
  for (const group of groups.values()) {
    const byRow = [...group].sort((a, b) => a.row - b.row);
    byRow.forEach((row, index) => {
      const candidate = { awardCode: row.awardCode, year: row.year, basis: 'REGULAR' as const };
      const first = byRow.slice(0, index).find(
        (earlier) =>
          duplicateClashKind(candidate, {
            source: 'AWARD',
            awardCode: earlier.awardCode,
            year: earlier.year,
            basis: 'REGULAR',
            revoked: false,
          }) !== null,
      );
      if (first) out.push({ row: row.row, field: 'awardCode', code: row.awardCode, earlierRow: first.row });
    });
  }
  const named = new Set<number>();
  for (const award of registry) {
    if (named.has(award.row)) continue;
    const candidate = { awardCode: award.rowCode, year: award.year, basis: 'REGULAR' as const };
    const item = { source: 'AWARD' as const, awardCode: award.awardCode, year: award.year, basis: award.basis };
    if (duplicateClashKind(candidate, { ...item, revoked: award.revoked }) === null) continue;
    named.add(award.row);
    out.push({ row: award.row, field: 'awardCode', code: award.decisionNumber, earlierRow: null });
  }
  return out;
}
