/**
 * The size of an organization's emulation council (Hội đồng Thi đua – Khen thưởng) from a date: the "all members"
 * R-VOTE-1 counts its quorum and pass mark against. Every change is a new row of `council_sizes`, never updated nor
 * deleted (a trigger refuses both); the size in force on a date is the row with the latest `effectiveFrom` not after
 * it, the latest recorded first among rows of the same date (a correction).
 */
export interface CouncilSize {
  id: string;
  organizationId: string;
  /** All members of the council (tổng số thành viên Hội đồng). */
  members: number;
  /** The first day this size holds, `YYYY-MM-DD`. */
  effectiveFrom: string;
  /** The document that set the council up or changed it, e.g. "QĐ 15/QĐ-STTTT". */
  reference: string;
  recordedByKeyId: string | null;
  createdAt: Date;
}
