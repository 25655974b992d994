/**
 * Alternative criteria of a form (tiêu chuẩn), as data. Law 06/2022/QH15 Art 74.1 (Bằng khen tỉnh) and Art 73.1
 * (Bằng khen Thủ tướng) give several alternative criteria for an individual; the registry counts one of them
 * (`checked`) and cannot count the others (outstanding achievements in a movement or a task): those are attested
 * by the officer with a written justification and shown as `{ passed: null, attested: true }`.
 */
import type { AwardCode, Basis, RecipientKind } from './types.js';

export interface CriterionDef {
  /** `74.1.d` = Law 2022 Art 74, clause 1, point d. */
  code: string;
  /** Counted by the registry (true) or attested by the officer (false). */
  checked: boolean;
}

/** The criteria of each form that has alternatives, for an individual on the REGULAR basis. */
export const AWARD_CRITERIA: Readonly<Partial<Record<AwardCode, readonly CriterionDef[]>>> = {
  BANG_KHEN_TINH: [
    { code: '74.1.a', checked: false },
    { code: '74.1.b', checked: false },
    { code: '74.1.c', checked: false },
    { code: '74.1.d', checked: true },
  ],
  BANG_KHEN_THU_TUONG: [
    { code: '73.1.a', checked: false },
    { code: '73.1.b', checked: true },
    { code: '73.1.c', checked: false },
  ],
};

/** The criteria a nomination may name: forms with alternatives, for an individual, on the REGULAR basis. */
export function criteriaFor(n: {
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: RecipientKind;
}): readonly CriterionDef[] {
  if (n.recipientKind !== 'INDIVIDUAL' || n.basis !== 'REGULAR') return [];
  return AWARD_CRITERIA[n.awardCode] ?? [];
}

/** The criterion judged when the nomination names none: the one the registry counts. */
export function defaultCriterion(awardCode: AwardCode): string | null {
  return AWARD_CRITERIA[awardCode]?.find((c) => c.checked)?.code ?? null;
}

export type CriterionProblem =
  { field: 'criterion'; reason: 'NONE' | 'UNKNOWN' } | { field: 'justification'; reason: 'REQUIRED' };

/**
 * Why a named criterion cannot be taken, or null: the award takes no criterion here (`NONE`), the award has no such
 * criterion (`UNKNOWN`), or an attested criterion comes without a justification (`REQUIRED`).
 */
export function criterionProblem(
  n: { awardCode: AwardCode; basis: Basis; recipientKind: RecipientKind },
  criterion: string | null | undefined,
  justification: string | null | undefined,
): CriterionProblem | null {
  if (criterion === null || criterion === undefined) return null;
  const list = criteriaFor(n);
  if (list.length === 0) return { field: 'criterion', reason: 'NONE' };
  const def = list.find((c) => c.code === criterion);
  if (!def) return { field: 'criterion', reason: 'UNKNOWN' };
  if (!def.checked && (justification === null || justification === undefined || justification.trim() === '')) {
    return { field: 'justification', reason: 'REQUIRED' };
  }
  return null;
}
