/**
 * The fields of `proposed` that are given (not undefined) and differ from `current`: what an update writes, so an
 * edit that changes nothing issues no UPDATE (the row keeps its `updated_at` and the audit trail no empty event).
 */
export function changedFields<T extends object>(current: T, proposed: Partial<T>): Partial<T> {
  const changes: Partial<T> = {};
  for (const key of Object.keys(proposed) as (keyof T)[]) {
    const value = proposed[key];
    if (value !== undefined && value !== current[key]) changes[key] = value;
  }
  return changes;
}
