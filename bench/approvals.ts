import type pg from 'pg';

/** The year the approval fixture nominates for: after the seeded years, so nothing counts yet. */
export const APPROVAL_YEAR = 2026;
/**
 * Units that propose, nominations each, and the unit quota (chỉ tiêu) each has: 16 × 94 = 1,504 approval requests
 * of which 16 × 60 = 960 fit the quotas, so every run crosses every unit's quota and the refusals are exercised
 * whatever the machine's speed.
 */
export const APPROVAL_UNITS = 16;
export const NOMINATIONS_PER_UNIT = 94;
export const UNIT_QUOTA = 60;

/**
 * W4's fixture, laid afresh before each run: `NOMINATIONS_PER_UNIT` SUBMITTED Giấy khen nominations (REGULAR,
 * eligible without a council vote) for different people of each of `APPROVAL_UNITS` units, each unit with a quota
 * of `UNIT_QUOTA` for the year. Returns the nomination ids shuffled, so concurrent approvals spread over the units
 * as a year-end rush does. Written with triggers off (`session_replication_role = replica`): a fixture, not audited
 * history.
 */
export async function approvalFixture(client: pg.Client): Promise<string[]> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(
      `DELETE FROM nomination_events WHERE nomination_id IN (SELECT id FROM nominations WHERE year = $1)`,
      [APPROVAL_YEAR],
    );
    await client.query(`DELETE FROM nominations WHERE year = $1`, [APPROVAL_YEAR]);
    await client.query(`DELETE FROM unit_quotas WHERE year = $1`, [APPROVAL_YEAR]);
    await client.query(
      `INSERT INTO unit_quotas (organization_id, year, award_code, max_count)
       SELECT id, $1, 'GIAY_KHEN', $3 FROM organizations WHERE kind = 'UNIT' ORDER BY code LIMIT $2`,
      [APPROVAL_YEAR, APPROVAL_UNITS, UNIT_QUOTA],
    );
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO nominations (year, award_code, basis, recipient_kind, individual_id, proposing_organization_id,
                                achievements, status, regime, eligibility, version, period_from, period_to)
       SELECT $1, 'GIAY_KHEN', 'REGULAR', 'INDIVIDUAL', i.id, i.organization_id,
              'Hoàn thành xuất sắc nhiệm vụ năm ' || $1, 'SUBMITTED', 'TDKT_2022_ND152',
              jsonb_build_object('eligible', true, 'regime', 'TDKT_2022_ND152', 'checks', '[]'::jsonb), 1, $1, $1
         FROM (SELECT i.id, i.organization_id, row_number() OVER (PARTITION BY i.organization_id ORDER BY i.id) AS n
                 FROM individuals i
                WHERE i.organization_id IN (SELECT organization_id FROM unit_quotas WHERE year = $1)) i
        WHERE i.n <= $2
       RETURNING id`,
      [APPROVAL_YEAR, NOMINATIONS_PER_UNIT],
    );
    await client.query('COMMIT');
    const ids = rows.map((r) => r.id);
    for (let i = ids.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [ids[i], ids[j]] = [ids[j], ids[i]];
    }
    return ids;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

export interface ApprovalCheck {
  approved: number;
  /** Still SUBMITTED: refused (422) or not reached before the run's time was up. */
  submitted: number;
  /** The most the quotas allow over the fixture. */
  quotaTotal: number;
  unitsOverQuota: number;
}

/** After a run: how many were approved, and how many units ended over their quota (must be 0). */
export async function checkApprovals(client: pg.Client): Promise<ApprovalCheck> {
  const { rows } = await client.query<{ approved: number; submitted: number; over: number; quota: number }>(
    `SELECT (SELECT count(*)::int FROM nominations WHERE year = $1 AND status = 'APPROVED') AS approved,
            (SELECT count(*)::int FROM nominations WHERE year = $1 AND status = 'SUBMITTED') AS submitted,
            (SELECT count(*)::int FROM (
               SELECT q.organization_id
                 FROM unit_quotas q
                 JOIN nominations n ON n.proposing_organization_id = q.organization_id AND n.year = q.year
                                   AND n.award_code = q.award_code AND n.status = 'APPROVED'
                WHERE q.year = $1
                GROUP BY q.organization_id, q.max_count
               HAVING count(*) > q.max_count) o) AS over,
            (SELECT coalesce(sum(q.max_count), 0)::int FROM unit_quotas q WHERE q.year = $1) AS quota`,
    [APPROVAL_YEAR],
  );
  const r = rows[0];
  return { approved: r.approved, submitted: r.submitted, quotaTotal: r.quota, unitsOverQuota: r.over };
}
