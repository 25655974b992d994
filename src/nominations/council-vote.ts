import type { RuleCheck } from '../rules/index.js';

/**
 * A vote of the emulation council (Hội đồng Thi đua – Khen thưởng) on one nomination at one meeting (R-VOTE-1):
 * the record of that meeting, never replaced nor deleted (a trigger refuses both). A re-vote is another meeting and
 * another row; approval judges the latest meeting (by `heldOn`, then by when it was recorded).
 */
export interface CouncilVote {
  id: string;
  nominationId: string;
  /** The date of the meeting (ngày họp), `YYYY-MM-DD`. */
  heldOn: string;
  /** The reference of the meeting's minutes (biên bản họp), e.g. "BB-12/2024". */
  minutesReference: string;
  /** All members of the council: the council size on file for the meeting date when recorded. */
  members: number;
  present: number;
  /** Votes in writing of members absent from the meeting (Decree 91/2017 Art 45.8). */
  writtenVotes: number;
  yes: number;
  /** Quorum met and pass mark reached, under the policy in force when recorded. */
  passed: boolean;
  /** The R-VOTE-1 check under the policy in force when recorded. */
  check: RuleCheck;
  recordedByKeyId: string | null;
  createdAt: Date;
}
