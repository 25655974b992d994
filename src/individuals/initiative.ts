import type { InitiativeLevel } from '../rules/index.js';

/** An initiative or research project (sáng kiến, đề tài khoa học) recognised at a level in a year. */
export interface Initiative {
  id: string;
  individualId: string;
  year: number;
  title: string;
  level: InitiativeLevel;
  /** `YYYY-MM-DD`. */
  recognizedOn: string;
  createdAt: Date;
}
