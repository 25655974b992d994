import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { makeDecision, makeOrganization, makeTree } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

/** Households (hộ gia đình) receive Giấy khen and Bằng khen (Law 2022 Art 74–75), nominated like anyone else. */
describe('households', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
  });

  async function commune() {
    const tree = await makeTree(t);
    const xa = await makeOrganization(t, {
      kind: 'COMMUNE',
      name: 'UBND xã Mường Phăng',
      parentId: tree.province.id,
      documentSymbol: 'UBND',
    });
    return { tree, xa };
  }

  it('registers a household of a commune, lists and reads it in scope', async () => {
    const { tree, xa } = await commune();
    const hr = await t.token('HR_OFFICER', xa.id);
    const created = await t.http
      .post('/api/v1/households')
      .set(bearer(hr))
      .send({ headName: '  Lò Văn   Páo ', address: 'Bản Him Lam, xã Mường Phăng', organizationId: xa.id })
      .expect(201);
    expect(created.body).toMatchObject({ headName: 'Lò Văn Páo', organizationId: xa.id });
    const list = await t.http.get('/api/v1/households').set(bearer(hr)).expect(200);
    expect(list.body.items.map((h: { id: string }) => h.id)).toEqual([created.body.id]);
    await t.http.get(`/api/v1/households/${created.body.id}`).set(bearer(hr)).expect(200);
    // Another department's officer does not see it; a household outside a commune is refused.
    const other = await t.token('HR_OFFICER', tree.otherDepartment.id);
    await t.http.get(`/api/v1/households/${created.body.id}`).set(bearer(other)).expect(403);
    expect((await t.http.get('/api/v1/households').set(bearer(other)).expect(200)).body.items).toEqual([]);
    const notCommune = await t.http
      .post('/api/v1/households')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ headName: 'Lò Văn Páo', address: 'Bản Him Lam', organizationId: tree.department.id })
      .expect(400);
    expect(notCommune.body.errors[0].field).toBe('organizationId');
    await t.http.get('/api/v1/households').expect(401);
  });

  it('nominates a household for a Giấy khen, decides it and lists the award; refuses a title (R-KIND-1)', async () => {
    const { xa } = await commune();
    const household = await t.http
      .post('/api/v1/households')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ headName: 'Lò Văn Páo', address: 'Bản Him Lam', organizationId: xa.id })
      .expect(201);
    const body = {
      year: 2024,
      basis: 'REGULAR',
      householdId: household.body.id,
      proposingOrganizationId: xa.id,
      achievements: 'Gương mẫu xây dựng nông thôn mới',
      expectedDecisionOn: '2024-12-20',
    };
    const refused = await t.http
      .post('/api/v1/nominations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ ...body, awardCode: 'LAO_DONG_TIEN_TIEN' })
      .expect(422);
    expect(refused.body.violations.map((v: { rule: string }) => v.rule)).toEqual(['R-KIND-1']);
    const both = await t.http
      .post('/api/v1/nominations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ ...body, awardCode: 'GIAY_KHEN', organizationId: xa.id })
      .expect(400);
    expect(both.body.errors.map((e: { field: string }) => e.field)).toContain('householdId');

    const draft = await t.http
      .post('/api/v1/nominations')
      .set(bearer(BOOTSTRAP_TOKEN))
      .send({ ...body, awardCode: 'GIAY_KHEN' })
      .expect(201);
    expect(draft.body).toMatchObject({ recipientKind: 'HOUSEHOLD', householdId: household.body.id });
    expect(draft.body.eligibility.eligible).toBe(true);
    await t.http.post(`/api/v1/nominations/${draft.body.id}/submit`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
    await t.http.post(`/api/v1/nominations/${draft.body.id}/approve`).set(bearer(BOOTSTRAP_TOKEN)).expect(200);
    const decision = await makeDecision(t, {
      issuerOrganizationId: xa.id,
      nominationIds: [draft.body.id],
      number: 7,
      issuedOn: '2024-12-20',
      signerName: 'Lường Văn Minh',
      signerTitle: 'Chủ tịch',
    });
    expect(decision.awards[0]).toMatchObject({ recipientName: 'Hộ Lò Văn Páo', awardCode: 'GIAY_KHEN' });
    const awards = await t.http.get('/api/v1/awards').query({ recipientKind: 'HOUSEHOLD' }).expect(200);
    expect(awards.body.items).toHaveLength(1);
    expect(awards.body.items[0]).toMatchObject({ recipientKind: 'HOUSEHOLD', organizationId: xa.id });
  });

  it('keeps exactly one recipient per nomination and award in the schema', async () => {
    const { xa } = await commune();
    const [household]: { id: string }[] = await t.db.query(
      `INSERT INTO households (head_name, address, organization_id) VALUES ('Lò Văn Páo', 'Bản Him Lam', $1) RETURNING id`,
      [xa.id],
    );
    await expect(
      t.db.query(
        `INSERT INTO nominations (year, period_from, period_to, award_code, basis, recipient_kind, organization_id, household_id, proposing_organization_id, achievements, regime, eligibility, version)
         VALUES (2024, 2024, 2024, 'GIAY_KHEN', 'REGULAR', 'HOUSEHOLD', $1, $2, $1, 'x', 'TDKT_2022_ND98', '{}', 1)`,
        [xa.id, household.id],
      ),
    ).rejects.toThrow(/ck_nominations_one_nominee/);
    await expect(
      t.db.query(
        `INSERT INTO nominations (year, period_from, period_to, award_code, basis, recipient_kind, proposing_organization_id, achievements, regime, eligibility, version)
         VALUES (2024, 2024, 2024, 'GIAY_KHEN', 'REGULAR', 'HOUSEHOLD', $1, 'x', 'TDKT_2022_ND98', '{}', 1)`,
        [xa.id],
      ),
    ).rejects.toThrow(/ck_nominations_one_nominee/);
  });
});
