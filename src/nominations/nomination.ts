import type { AwardCode, Basis, Eligibility, NominationStatus, Regime } from '../rules/index.js';

/** Nominees are individuals, collectives or households (Giấy khen and Bằng khen only, R-KIND-1). */
export type NomineeKind = 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';

/**
 * A nomination (đề nghị khen thưởng): one nominee, one award code, one year and basis, proposed by one
 * organization. Its workflow is in docs/rules.md; every transition appends a `nomination_events` row.
 */
export interface Nomination {
  id: string;
  year: number;
  awardCode: AwardCode;
  /** Phương thức khen thưởng. Titles take REGULAR only. */
  basis: Basis;
  recipientKind: NomineeKind;
  individualId: string | null;
  /** The nominated collective (tập thể), when `recipientKind` is COLLECTIVE. */
  organizationId: string | null;
  /** The nominated household (hộ gia đình), when `recipientKind` is HOUSEHOLD. */
  householdId: string | null;
  /** The unit that proposes (đơn vị đề nghị); quotas count per proposing unit, year and code. */
  proposingOrganizationId: string;
  /** Achievement summary (tóm tắt thành tích). */
  achievements: string;
  /** First and last year of the achievement period (Decree 98/2023 Art 30.9); an award copies them. */
  periodFrom: number;
  periodTo: number;
  /** The criterion claimed, e.g. `74.1.a` (Law 2022 Art 73.1, 74.1), and the officer's written justification. */
  criterion: string | null;
  justification: string | null;
  /** Chooses the legal regime before a decision exists; else the current date does. `YYYY-MM-DD`. */
  expectedDecisionOn: string | null;
  status: NominationStatus;
  /** The regime of the latest evaluation. */
  regime: Regime;
  /** The latest evaluation (rule ids, pass/fail, numbers); each transition's is kept in `nomination_events`. */
  eligibility: Eligibility;
  /** Why the nomination was last returned or rejected. */
  statusReason: string | null;
  /** The decision that granted it, once DECIDED. */
  decisionId: string | null;
  /** SHA-256 of the imported file and the row in it, so a re-import creates nothing twice. */
  importFileHash: string | null;
  importRow: number | null;
  createdByKeyId: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** Bumped by every write of the row. */
  version: number;
}
