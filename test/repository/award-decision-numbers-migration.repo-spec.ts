import { describe, expect, it } from '@jest/globals';
import { useMigrationDataSource } from '../support/database.js';
import { insertOrganization } from '../support/repository-db.js';

/**
 * The AwardDecisionNumbers migration on a register that already has awards: every award gets its decision's number
 * and, when a revocation decision revoked it, that decision's number, date and ground; the backfill writes no audit
 * event; reverted, the columns go and the awards stay.
 */
describe('migration AwardDecisionNumbers on existing awards', () => {
  const dataSource = useMigrationDataSource();

  /** Undoes the migrations down to AwardDecisionNumbers, itself included (the later ones first). */
  let undone = 0;
  const backToBefore = async (): Promise<void> => {
    const names = dataSource().migrations.map((migration) => migration.name);
    undone = names.length - names.indexOf('AwardDecisionNumbers1769299200000');
    expect(undone).toBeLessThanOrEqual(names.length);
    for (let i = 0; i < undone; i++) await dataSource().undoLastMigration({ transaction: 'each' });
  };

  const insertDecision = async (issuer: string, number: number, issuedOn: string): Promise<string> => {
    const [row] = await dataSource().query<{ id: string }[]>(
      `INSERT INTO decisions (issuer_organization_id, authority, year, number, number_text, issued_on, signer_name,
                              signer_title, signing_mode, regime)
       VALUES ($1, 'PROVINCE_CHAIR', extract(year FROM $3::date), $2, $4, $3, 'Vừ A Bằng', 'Phó Chủ tịch',
               'ON_BEHALF', 'TDKT_2022_ND98') RETURNING id`,
      [issuer, number, issuedOn, `${number}/QĐ-UBND`],
    );
    return row.id;
  };
  const insertAward = async (decisionId: string, unit: string, code: string): Promise<string> => {
    const [row] = await dataSource().query<{ id: string }[]>(
      `INSERT INTO awards (decision_id, year, award_code, basis, recipient_kind, organization_id, proposing_organization_id,
                           recipient_name, organization_name, issued_on, regime, bonus_amount, verification_code,
                           period_from, period_to)
       VALUES ($1, 2024, 'TAP_THE_LAO_DONG_TIEN_TIEN', 'REGULAR', 'COLLECTIVE', $2, $2, 'Phòng Tổ chức', 'Phòng Tổ chức',
               '2025-01-10', 'TDKT_2022_ND98', 0, $3, 2024, 2024) RETURNING id`,
      [decisionId, unit, code],
    );
    return row.id;
  };

  it('copies the numbers into the awards already there, writes no audit event for it, and reverts', async () => {
    await backToBefore();

    const province = await insertOrganization(dataSource(), { kind: 'PROVINCE' });
    const unit = await insertOrganization(dataSource(), { parentId: province });
    const granting = await insertDecision(province, 12, '2025-01-10');
    const kept = await insertAward(granting, unit, 'MIGRATION-KEPT-0001');
    const revoked = await insertAward(granting, unit, 'MIGRATION-REVOKED-01');
    const [revocation] = await dataSource().query<{ id: string }[]>(
      `INSERT INTO revocations (issuer_organization_id, authority, year, number, number_text, issued_on, ground, reason)
       VALUES ($1, 'PROVINCE_CHAIR', 2025, 13, '13/QĐ-UBND', '2025-06-02', 'A', 'Khai man thành tích') RETURNING id`,
      [province],
    );
    await dataSource().query(
      `UPDATE awards SET revoked_at = now(), revoked_reason = 'Khai man thành tích', revocation_id = $2 WHERE id = $1`,
      [revoked, revocation.id],
    );
    const events = async (): Promise<number> =>
      Number((await dataSource().query(`SELECT count(*) AS n FROM audit_events`))[0].n);
    const before = await events();

    expect(await dataSource().runMigrations({ transaction: 'each' })).toHaveLength(undone);

    const rows = await dataSource().query<Record<string, string | null>[]>(
      `SELECT id, decision_number, revocation_number, to_char(revocation_issued_on, 'YYYY-MM-DD') AS revocation_issued_on,
              revocation_ground
         FROM awards ORDER BY verification_code`,
    );
    expect(rows).toEqual([
      {
        id: kept,
        decision_number: '12/QĐ-UBND',
        revocation_number: null,
        revocation_issued_on: null,
        revocation_ground: null,
      },
      {
        id: revoked,
        decision_number: '12/QĐ-UBND',
        revocation_number: '13/QĐ-UBND',
        revocation_issued_on: '2025-06-02',
        revocation_ground: 'A',
      },
    ]);
    expect(await events()).toBe(before);
    // The awards' audit trigger is on again after the backfill.
    await dataSource().query(`UPDATE awards SET certificate_number = 'GCN-1' WHERE id = $1`, [kept]);
    expect(await events()).toBe(before + 1);

    // Reverted: the columns go, the awards stay; and it applies again.
    await backToBefore();
    const [{ columns }] = await dataSource().query<{ columns: string }[]>(
      `SELECT count(*) AS columns FROM information_schema.columns
        WHERE table_name = 'awards' AND column_name IN ('decision_number', 'revocation_number', 'revocation_issued_on',
                                                        'revocation_ground')`,
    );
    expect(Number(columns)).toBe(0);
    expect(Number((await dataSource().query(`SELECT count(*) AS n FROM awards`))[0].n)).toBe(2);
    expect(await dataSource().runMigrations({ transaction: 'each' })).toHaveLength(undone);
  });
});
