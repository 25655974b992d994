/** Vietnam keeps UTC+7 all year (no daylight saving), so its calendar date is a fixed offset from UTC. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) in Vietnam at an instant. */
export function dateInVietnam(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date (YYYY-MM-DD) in Vietnam: what "today" means for rules, regimes and "not in the future". */
export function todayInVietnam(now: Date = new Date()): string {
  return dateInVietnam(now);
}
