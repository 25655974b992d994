import type { DisciplinaryMeasure } from '../rules/index.js';

/**
 * Kinds of case (R-HOLD-1, Decree 98/2023 Art 4; Decree 152/2025): discipline, investigation, inspection, and
 * complaint, denunciation, press report about the person or collective.
 */
export const DISCIPLINARY_CASE_KINDS = [
  'DISCIPLINE',
  'INVESTIGATION',
  'INSPECTION',
  'COMPLAINT',
  'DENUNCIATION',
  'PRESS_REPORT',
] as const;
export type DisciplinaryCaseKind = (typeof DISCIPLINARY_CASE_KINDS)[number];

/**
 * A case on an individual or on a collective (exactly one of `individualId`, `organizationId`). While open it holds
 * every nomination of its subject (R-HOLD-1) until it is closed; a measure recorded at closing keeps the years it is
 * in force from counting for the person's titles (R-DISC-1).
 */
export interface DisciplinaryCase {
  id: string;
  individualId: string | null;
  organizationId: string | null;
  kind: DisciplinaryCaseKind;
  /** `YYYY-MM-DD`. */
  openedOn: string;
  note: string | null;
  /** `YYYY-MM-DD`, null while the case is open. */
  closedOn: string | null;
  outcome: string | null;
  /** The disciplinary measure imposed, if any, and the dates it is in force (`YYYY-MM-DD`, inclusive). */
  measure: DisciplinaryMeasure | null;
  measureFrom: string | null;
  measureTo: string | null;
  createdAt: Date;
}

/** How a case closes. */
export interface CaseClosing {
  closedOn: string;
  outcome: string | null;
  measure: DisciplinaryMeasure | null;
  measureFrom: string | null;
  measureTo: string | null;
}
