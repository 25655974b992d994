import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  makeApprovedNomination,
  makeDecision,
  makeIndividual,
  makeOrganization,
  makeTree,
} from '../support/factories.js';
import { binary } from '../support/binary.js';
import { untilAStatementWaitsOnALock } from '../support/lock-waits.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const admin = bearer(BOOTSTRAP_TOKEN);

/** R-ORG-1 (Circular 15/2025/TT-BNV; Law 2022 Art 79–80): organizations with a life, the 2025 merger. */
describe('organizations with a life (R-ORG-1)', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  /** Sở Khoa học và Công nghệ: takes over Sở Thông tin và Truyền thông (the tree's department) on 2025-03-01. */
  let skhcn: Awaited<ReturnType<typeof makeOrganization>>;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    skhcn = await makeOrganization(t, {
      kind: 'DEPARTMENT',
      name: 'Sở Khoa học và Công nghệ',
      parentId: tree.province.id,
      documentSymbol: 'SKHCN',
    });
  });

  const dissolve = (id: string, body: Record<string, unknown>, auth = admin) =>
    t.http.post(`/api/v1/organizations/${id}/dissolve`).set(auth).send(body);

  /** The merger: the unit first (a child must not outlive its parent), then the Sở. */
  /** A new person of the unit, with a Giấy khen of `year` proposed by the Sở and approved. */
  async function approvedGiayKhen(year: number) {
    const person = await makeIndividual(t, tree.unit.id);
    const nomination = await makeApprovedNomination(t, {
      awardCode: 'GIAY_KHEN',
      year,
      individualId: person.id,
      proposingOrganizationId: tree.department.id,
    });
    return { person, nomination };
  }

  async function merge(): Promise<void> {
    await dissolve(tree.unit.id, { on: '2025-03-01', successorId: skhcn.id }).expect(200);
    await dissolve(tree.department.id, { on: '2025-03-01', successorId: skhcn.id }).expect(200);
  }

  const violationRules = (body: { violations?: { rule: string }[] }) => (body.violations ?? []).map((v) => v.rule);

  describe('POST /organizations/{id}/dissolve', () => {
    it('ends the life the day before `on`, names the successor, shows it everywhere and audits it', async () => {
      const refused = await dissolve(tree.department.id, { on: '2025-03-01', successorId: skhcn.id }).expect(422);
      expect(refused.body.code).toBe('RULE_VIOLATION');
      expect(violationRules(refused.body)).toEqual(['R-ORG-1']);
      expect(refused.body.violations[0].message).toContain(tree.unit.code);

      await merge();
      const read = await t.http.get(`/api/v1/organizations/${tree.department.id}`).expect(200);
      expect(read.body).toMatchObject({ validFrom: null, validTo: '2025-02-28', successorId: skhcn.id });
      expect(read.body.name).toBe('Sở Thông tin và Truyền thông');
      const alive = await t.http.get(`/api/v1/organizations/${skhcn.id}`).expect(200);
      expect(alive.body).toMatchObject({ validFrom: null, validTo: null, successorId: null });

      const [{ n }]: { n: string }[] = await t.db.query(
        `SELECT count(*) AS n FROM audit_events WHERE entity_type = 'organizations' AND entity_id = $1
            AND action = 'organizations.update' AND after->>'valid_to' = '2025-02-28'`,
        [tree.department.id],
      );
      expect(Number(n)).toBe(1);
    });

    it('refuses a second dissolution with 409 ORGANIZATION_DISSOLVED', async () => {
      await merge();
      const again = await dissolve(tree.department.id, { on: '2025-07-01' }).expect(409);
      expect(again.body.code).toBe('ORGANIZATION_DISSOLVED');
      expect(again.body.detail).toContain('R-ORG-1');
    });

    it('refuses a successor that is itself, lies below it, or no longer exists on `on`', async () => {
      const self = await dissolve(tree.department.id, { on: '2025-03-01', successorId: tree.department.id });
      expect(self.status).toBe(422);
      expect(violationRules(self.body)).toContain('R-ORG-1');

      const below = await dissolve(tree.department.id, { on: '2025-03-01', successorId: tree.unit.id }).expect(422);
      expect(below.body.violations.map((v: { message: string }) => v.message).join(' ')).toContain('trực thuộc');

      await dissolve(tree.otherDepartment.id, { on: '2025-01-01' }).expect(200);
      const gone = await dissolve(tree.unit.id, { on: '2025-03-01', successorId: tree.otherDepartment.id });
      expect(gone.status).toBe(422);
      expect(violationRules(gone.body)).toEqual(['R-ORG-1']);

      const unknown = await dissolve(tree.unit.id, {
        on: '2025-03-01',
        successorId: '00000000-0000-4000-8000-000000000001',
      }).expect(422);
      expect(unknown.body.code).toBe('INVALID_REFERENCE');
      expect(unknown.body.errors[0].field).toBe('successorId');
    });

    it('refuses to end a life before it began, and bad input with 400; 404 for an unknown organization', async () => {
      const founded = await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .send({ code: 'NEW-UNIT', name: 'Trung tâm mới', kind: 'UNIT', parentId: skhcn.id, validFrom: '2025-03-01' })
        .expect(201);
      expect(founded.body.validFrom).toBe('2025-03-01');
      expect(violationRules((await dissolve(founded.body.id, { on: '2025-03-01' }).expect(422)).body)).toEqual([
        'R-ORG-1',
      ]);
      await dissolve(founded.body.id, { on: '2025-03-02' }).expect(200);

      const bad = await dissolve(tree.unit.id, { on: '2025-02-30', validTo: '2025-01-01' }).expect(400);
      expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['on', 'validTo']);
      await dissolve('00000000-0000-4000-8000-000000000002', { on: '2025-03-01' }).expect(404);
    });

    it('sets the life only there: PATCH refuses validFrom, validTo and successorId', async () => {
      const patched = await t.http
        .patch(`/api/v1/organizations/${tree.unit.id}`)
        .set(admin)
        .send({ validFrom: '2020-01-01', validTo: '2025-02-28', successorId: skhcn.id })
        .expect(400);
      expect(patched.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'successorId',
        'validFrom',
        'validTo',
      ]);
    });

    it('refuses an organization created under, or moved to, a parent that no longer exists', async () => {
      await merge();
      const created = await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .send({ code: 'LATE-UNIT', name: 'Phòng mới', kind: 'UNIT', parentId: tree.department.id })
        .expect(422);
      expect(violationRules(created.body)).toEqual(['R-ORG-1']);
      // Founded while its parent still existed: accepted.
      await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .send({
          code: 'OLD-UNIT',
          name: 'Phòng cũ',
          kind: 'UNIT',
          parentId: tree.department.id,
          validFrom: '2020-01-01',
        })
        .expect(201);
      const moved = await t.http
        .patch(`/api/v1/organizations/${tree.otherDepartment.id}`)
        .set(admin)
        .send({ parentId: tree.department.id })
        .expect(422);
      expect(violationRules(moved.body)).toEqual(['R-ORG-1']);
    });

    it('moves nobody: people stay until moved, and keep their awards', async () => {
      const { person, nomination } = await approvedGiayKhen(2023);
      const decision = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [nomination.id],
      });
      await merge();
      const still = await t.http.get(`/api/v1/individuals/${person.id}`).set(admin).expect(200);
      expect(still.body.organizationId).toBe(tree.unit.id);
      await t.http
        .patch(`/api/v1/individuals/${person.id}`)
        .set(admin)
        .send({ organizationId: skhcn.id, joinedOn: '2025-03-01' })
        .expect(200);
      const awards = await t.http.get('/api/v1/awards').query({ organizationId: tree.unit.id }).expect(200);
      expect(awards.body.items).toEqual([
        expect.objectContaining({
          id: decision.awards[0].id,
          organizationId: tree.unit.id,
          organizationName: tree.unit.name,
        }),
      ]);
    });
  });

  describe('GET /organizations?activeOn', () => {
    it('lists the organizations alive that day; without it, all of them', async () => {
      await merge();
      const codes = async (query: Record<string, string>) =>
        (
          await t.http
            .get('/api/v1/organizations')
            .query({ limit: '100', ...query })
            .expect(200)
        ).body.items.map((o: { code: string }) => o.code);
      expect(await codes({ activeOn: '2025-02-28' })).toEqual(
        expect.arrayContaining([tree.department.code, tree.unit.code, skhcn.code]),
      );
      const after = await codes({ activeOn: '2025-03-01' });
      expect(after).toContain(skhcn.code);
      expect(after).not.toContain(tree.department.code);
      expect(after).not.toContain(tree.unit.code);
      expect(await codes({})).toEqual(expect.arrayContaining([tree.department.code, tree.unit.code]));
      expect(await codes({ ancestorId: tree.province.id, activeOn: '2025-03-01' })).not.toContain(tree.department.code);
      await t.http.get('/api/v1/organizations').query({ activeOn: '2025-13-01' }).expect(400);
    });
  });

  describe('R-ORG-1 on decisions', () => {
    it('refuses a decision by the merged Sở dated from the merger on, and takes one dated before', async () => {
      const { nomination } = await approvedGiayKhen(2024);
      await merge();
      const body = {
        issuerOrganizationId: tree.department.id,
        signerName: 'Vũ Anh Dũng',
        signerTitle: 'Giám đốc',
        signingMode: 'DIRECT',
        nominationIds: [nomination.id],
      };
      const refused = await t.http
        .post('/api/v1/decisions')
        .set(admin)
        .set('Accept-Language', 'en')
        .send({ ...body, issuedOn: '2025-03-01' })
        .expect(422);
      expect(violationRules(refused.body)).toContain('R-ORG-1');
      const message = refused.body.violations.find((v: { rule: string }) => v.rule === 'R-ORG-1').message;
      expect(message).toContain('Circular 15/2025/TT-BNV');
      const vi = await t.http
        .post('/api/v1/decisions')
        .set(admin)
        .send({ ...body, issuedOn: '2025-03-01' })
        .expect(422);
      expect(vi.body.violations.find((v: { rule: string }) => v.rule === 'R-ORG-1').message).toContain(
        'Thông tư 15/2025/TT-BNV',
      );
      await t.http
        .post('/api/v1/decisions')
        .set(admin)
        .send({ ...body, issuedOn: '2025-02-28' })
        .expect(201);
    });

    it('refuses a collective award to a dissolved unit, at the check and at the decision', async () => {
      const unit = await makeOrganization(t, { kind: 'UNIT', name: 'Phòng Kế hoạch', parentId: skhcn.id });
      await dissolve(unit.id, { on: '2025-03-01', successorId: skhcn.id }).expect(200);

      const check = await t.http
        .post('/api/v1/nominations/check')
        .set(admin)
        .send({
          year: 2024,
          awardCode: 'GIAY_KHEN',
          basis: 'REGULAR',
          organizationId: unit.id,
          proposingOrganizationId: skhcn.id,
          achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2024',
          expectedDecisionOn: '2025-03-10',
        })
        .expect(200);
      expect(check.body.eligibility.eligible).toBe(false);
      expect(check.body.eligibility.checks).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'R-ORG-1', passed: false })]),
      );

      const nomination = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2024,
        organizationId: unit.id,
        proposingOrganizationId: skhcn.id,
      });
      const body = {
        issuerOrganizationId: skhcn.id,
        signerName: 'Nguyễn Văn Bình',
        signerTitle: 'Giám đốc',
        signingMode: 'DIRECT',
        nominationIds: [nomination.id],
      };
      const refused = await t.http
        .post('/api/v1/decisions')
        .set(admin)
        .send({ ...body, issuedOn: '2025-03-10' })
        .expect(422);
      expect(refused.body.violations).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'R-ORG-1', nominationId: nomination.id })]),
      );
      await t.http
        .post('/api/v1/decisions')
        .set(admin)
        .send({ ...body, issuedOn: '2025-02-20' })
        .expect(201);
    });

    it('refuses to dissolve an organization from a day it already issued a decision on', async () => {
      const { nomination } = await approvedGiayKhen(2024);
      await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [nomination.id],
        issuedOn: '2025-03-05',
      });
      await dissolve(tree.unit.id, { on: '2025-03-01', successorId: skhcn.id }).expect(200);
      const refused = await dissolve(tree.department.id, { on: '2025-03-01', successorId: skhcn.id }).expect(422);
      expect(violationRules(refused.body)).toEqual(['R-ORG-1']);
      await dissolve(tree.department.id, { on: '2025-03-06', successorId: skhcn.id }).expect(200);
    });

    it('never lets a decision and a dissolution of its issuer overlap (both orders end consistent)', async () => {
      const person = await makeIndividual(t, tree.unit.id);
      await dissolve(tree.unit.id, { on: '2025-03-01', successorId: skhcn.id }).expect(200);
      const nomination = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2024,
        individualId: person.id,
        proposingOrganizationId: tree.department.id,
      });
      const [decided, dissolved] = await Promise.all([
        t.http
          .post('/api/v1/decisions')
          .set(admin)
          .send({
            issuerOrganizationId: tree.department.id,
            issuedOn: '2025-03-05',
            signerName: 'Vũ Anh Dũng',
            signerTitle: 'Giám đốc',
            signingMode: 'DIRECT',
            nominationIds: [nomination.id],
          }),
        dissolve(tree.department.id, { on: '2025-03-01', successorId: skhcn.id }),
      ]);
      // Exactly one wins: the decision (then the dissolution from 2025-03-01 is refused) or the dissolution.
      expect([decided.status, dissolved.status]).toEqual(decided.status === 201 ? [201, 422] : [422, 200]);
      const [{ n }]: { n: string }[] = await t.db.query(
        `SELECT count(*) AS n FROM decisions d JOIN organizations o ON o.id = d.issuer_organization_id
          WHERE o.valid_to IS NOT NULL AND d.issued_on > o.valid_to`,
      );
      expect(Number(n)).toBe(0);
    });
  });

  describe('R-ORG-1 on revocations (a revocation is a decision, Law 2022 Art 93)', () => {
    /** An award of 2024 signed by the Sở on 2025-01-20, before the merger. */
    async function signedBeforeMerger() {
      const { nomination } = await approvedGiayKhen(2024);
      return makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [nomination.id],
        issuedOn: '2025-01-20',
      });
    }
    const revocation = (awardId: string, issuedOn: string) => ({
      issuerOrganizationId: tree.department.id,
      issuedOn,
      ground: 'A',
      reason: 'Khai man thành tích',
      awardIds: [awardId],
    });

    it('refuses a revocation by the merged Sở dated from the merger on, on both routes, and takes one before', async () => {
      const decision = await signedBeforeMerger();
      const awardId = decision.awards[0].id;
      await merge();
      const refused = await t.http
        .post('/api/v1/revocations')
        .set(admin)
        .set('Accept-Language', 'en')
        .send(revocation(awardId, '2025-03-05'))
        .expect(422);
      expect(refused.body.code).toBe('RULE_VIOLATION');
      expect(violationRules(refused.body)).toEqual(['R-ORG-1']);
      expect(refused.body.violations[0].message).toContain('Circular 15/2025/TT-BNV');
      expect(refused.body.violations[0].message).toContain('Law 2022 Art 79–80');
      const { awardIds: _ids, ...line } = revocation(awardId, '2025-03-05');
      const viaLine = await t.http
        .post(`/api/v1/decisions/${decision.id}/awards/${awardId}/revoke`)
        .set(admin)
        .send(line)
        .expect(422);
      expect(violationRules(viaLine.body)).toEqual(['R-ORG-1']);
      expect(viaLine.body.violations[0].message).toContain('Thông tư 15/2025/TT-BNV');
      const [{ n }]: { n: string }[] = await t.db.query(`SELECT count(*) AS n FROM revocations`);
      expect(Number(n)).toBe(0);

      await t.http
        .post(`/api/v1/decisions/${decision.id}/awards/${awardId}/revoke`)
        .set(admin)
        .send({ ...line, issuedOn: '2025-02-28' })
        .expect(201);
    });

    it('refuses to dissolve an organization from a day it already signed a revocation on', async () => {
      const decision = await signedBeforeMerger();
      await t.http
        .post('/api/v1/revocations')
        .set(admin)
        .send(revocation(decision.awards[0].id, '2025-03-05'))
        .expect(201);
      await dissolve(tree.unit.id, { on: '2025-03-01', successorId: skhcn.id }).expect(200);
      const refused = await dissolve(tree.department.id, { on: '2025-03-01', successorId: skhcn.id }).expect(422);
      expect(violationRules(refused.body)).toEqual(['R-ORG-1']);
      await dissolve(tree.department.id, { on: '2025-03-06', successorId: skhcn.id }).expect(200);
    });

    it('never lets a revocation and a dissolution of its issuer overlap: the dissolution waits, then is refused', async () => {
      const decision = await signedBeforeMerger();
      await dissolve(tree.unit.id, { on: '2025-03-01', successorId: skhcn.id }).expect(200);
      // Holds the revocation after its checks, before it is written.
      const gate = t.db.createQueryRunner();
      await gate.connect();
      await gate.startTransaction();
      await gate.query('LOCK TABLE revocations IN SHARE ROW EXCLUSIVE MODE');
      try {
        const revoked = t.http
          .post('/api/v1/revocations')
          .set(admin)
          .send(revocation(decision.awards[0].id, '2025-03-05'))
          .then((response) => response);
        await untilAStatementWaitsOnALock(t.db, 'insert into "revocations"%');
        const dissolved = dissolve(tree.department.id, { on: '2025-03-01', successorId: skhcn.id }).then(
          (response) => response,
        );
        // The revocation share-locked its issuer: the dissolution waits for it, then counts it.
        await untilAStatementWaitsOnALock(t.db, '%for update%');
        await gate.commitTransaction();
        expect((await revoked).status).toBe(201);
        const refused = await dissolved;
        expect(refused.status).toBe(422);
        expect(violationRules(refused.body)).toEqual(['R-ORG-1']);
      } finally {
        if (gate.isTransactionActive) await gate.rollbackTransaction();
        await gate.release();
      }
      const [{ n }]: { n: string }[] = await t.db.query(
        `SELECT count(*) AS n FROM revocations r JOIN organizations o ON o.id = r.issuer_organization_id
          WHERE o.valid_to IS NOT NULL AND r.issued_on > o.valid_to`,
      );
      expect(Number(n)).toBe(0);
    });
  });

  describe('R-ORG-1 on people: nobody is placed in a unit that no longer exists', () => {
    it('refuses to create a person in, or move one to, a dissolved unit; moving out stays open', async () => {
      const person = await makeIndividual(t, tree.unit.id);
      const other = await makeIndividual(t, skhcn.id);
      await merge();
      const created = await t.http
        .post('/api/v1/individuals')
        .set(admin)
        .set('Accept-Language', 'en')
        .send({ fullName: 'Lò Văn Muôn', organizationId: tree.unit.id })
        .expect(422);
      expect(created.body.code).toBe('RULE_VIOLATION');
      expect(violationRules(created.body)).toEqual(['R-ORG-1']);
      expect(created.body.violations[0].message).toContain('Circular 15/2025/TT-BNV');
      expect(created.body.violations[0].message).toContain(tree.unit.name);
      const moved = await t.http
        .patch(`/api/v1/individuals/${other.id}`)
        .set(admin)
        .send({ organizationId: tree.department.id })
        .expect(422);
      expect(violationRules(moved.body)).toEqual(['R-ORG-1']);
      expect(moved.body.violations[0].message).toContain('Thông tư 15/2025/TT-BNV');
      const [{ n }]: { n: string }[] = await t.db.query(
        `SELECT count(*) AS n FROM individuals WHERE organization_id IN ($1, $2)`,
        [tree.unit.id, tree.department.id],
      );
      expect(Number(n)).toBe(1);

      // Still in the dissolved unit: other fields change, and the person moves out to the successor.
      await t.http.patch(`/api/v1/individuals/${person.id}`).set(admin).send({ position: 'Chuyên viên' }).expect(200);
      await t.http
        .patch(`/api/v1/individuals/${person.id}`)
        .set(admin)
        .send({ organizationId: tree.unit.id.toUpperCase(), position: 'Chuyên viên chính' })
        .expect(200);
      await t.http
        .patch(`/api/v1/individuals/${person.id}`)
        .set(admin)
        .send({ organizationId: skhcn.id, joinedOn: '2025-03-01' })
        .expect(200);
    });
  });

  describe('R-ORG-1 on nominations: a dissolved organization submits none', () => {
    it('refuses to submit a nomination proposed by a dissolved organization; its successor submits', async () => {
      const person = await makeIndividual(t, tree.unit.id);
      const draft = (proposingOrganizationId: string) =>
        makeApprovedNomination(t, {
          awardCode: 'GIAY_KHEN',
          year: 2024,
          individualId: person.id,
          proposingOrganizationId,
          status: 'DRAFT',
        });
      const byOld = await draft(tree.department.id);
      await merge();
      const refused = await t.http
        .post(`/api/v1/nominations/${byOld.id}/submit`)
        .set(admin)
        .set('Accept-Language', 'en')
        .expect(422);
      expect(violationRules(refused.body)).toContain('R-ORG-1');
      const message = refused.body.violations.find((v: { rule: string }) => v.rule === 'R-ORG-1').message;
      expect(message).toContain('cannot propose an award');
      expect(message).toContain('Circular 15/2025/TT-BNV');
      const vi = await t.http.post(`/api/v1/nominations/${byOld.id}/submit`).set(admin).expect(422);
      expect(vi.body.violations.find((v: { rule: string }) => v.rule === 'R-ORG-1').message).toContain(
        'Thông tư 15/2025/TT-BNV',
      );
      const still = await t.http.get(`/api/v1/nominations/${byOld.id}`).set(admin).expect(200);
      expect(still.body.status).toBe('DRAFT');

      // Withdrawn by the old Sở, proposed again by its successor.
      await t.http.post(`/api/v1/nominations/${byOld.id}/withdraw`).set(admin).send({}).expect(200);
      const byNew = await draft(skhcn.id);
      const submitted = await t.http.post(`/api/v1/nominations/${byNew.id}/submit`).set(admin).expect(200);
      expect(submitted.body.status).toBe('SUBMITTED');
    });
  });

  describe('names as they were', () => {
    it('keeps the name in force on the decision date after a rename, on decisions, certificates and exports', async () => {
      const { nomination } = await approvedGiayKhen(2023);
      const decision = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [nomination.id],
      });
      await t.http
        .patch(`/api/v1/organizations/${tree.department.id}`)
        .set(admin)
        .send({ name: 'Sở Khoa học, Công nghệ và Truyền thông' })
        .expect(200);

      const read = await t.http.get(`/api/v1/decisions/${decision.id}`).expect(200);
      expect(read.body.issuer.name).toBe('Sở Thông tin và Truyền thông');
      const certificate = await t.http.get(`/api/v1/certificates/${decision.awards[0].verificationCode}`).expect(200);
      expect(certificate.body.issuerName).toBe('Sở Thông tin và Truyền thông');
      const csv = await t.http
        .get('/api/v1/exports/awards.csv')
        .query({ organizationId: tree.unit.id })
        .set(admin)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const rows: Record<string, string>[] = parse(csv.body as Buffer, {
        bom: true,
        columns: true,
        skip_empty_lines: true,
      });
      const [row] = rows;
      expect(row?.issuerName).toBe('Sở Thông tin và Truyền thông');
      const listed = await t.http.get('/api/v1/organizations').query({ q: 'cong nghe va truyen thong' }).expect(200);
      expect(listed.body.items.map((o: { name: string }) => o.name)).toContain(
        'Sở Khoa học, Công nghệ và Truyền thông',
      );
      const names: { name: string }[] = await t.db.query(
        `SELECT name FROM organization_names WHERE organization_id = $1 ORDER BY valid_from`,
        [tree.department.id],
      );
      expect(names.map((row) => row.name)).toEqual([
        'Sở Thông tin và Truyền thông',
        'Sở Khoa học, Công nghệ và Truyền thông',
      ]);
    });
  });
});
