export const DISCIPLINARY_CASE_KINDS = ['DISCIPLINE', 'INVESTIGATION', 'INSPECTION'] as const;
export type DisciplinaryCaseKind = (typeof DISCIPLINARY_CASE_KINDS)[number];

/** An open case holds every nomination of the individual (R-HOLD-1, Decree 98 Art 4) until it is closed. */
export interface DisciplinaryCase {
  id: string;
  individualId: string;
  kind: DisciplinaryCaseKind;
  /** `YYYY-MM-DD`. */
  openedOn: string;
  note: string | null;
  /** `YYYY-MM-DD`, null while the case is open. */
  closedOn: string | null;
  outcome: string | null;
  createdAt: Date;
}
