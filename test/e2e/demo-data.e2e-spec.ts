import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DemoDataService } from '../../src/demo-data/demo-data.service.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';

/** The demo data set is loaded through the real services: every record passed the rules. */
describe('demo data set', () => {
  let t: TestApp;
  const tokensFile = path.join(os.tmpdir(), `awards-demo-tokens-${process.pid}.json`);

  beforeAll(async () => {
    t = await createTestApp({ DEMO_TOKENS_FILE: tokensFile });
    expect(await t.app.get(DemoDataService).seedIfEmpty()).toBe(true);
  });
  afterAll(async () => {
    await rm(tokensFile, { force: true });
    await t.close();
  });

  it('is loaded once: a second start finds the registry non-empty', async () => {
    expect(await t.app.get(DemoDataService).seedIfEmpty()).toBe(false);
  });

  it('holds the Giấy khen decision of the Director of Sở TT&TT: 7 collectives and 11 individuals, 23 January 2024', async () => {
    const decisions = (await t.http.get('/api/v1/decisions').expect(200)).body.items;
    const giayKhen = decisions.find((d: { number: string }) => d.number === '01/QĐ-STTTT');
    const detail = (await t.http.get(`/api/v1/decisions/${giayKhen.id}`).expect(200)).body;
    expect(detail).toMatchObject({
      issuedOn: '2024-01-23',
      signerName: 'Vũ Anh Dũng',
      signingMode: 'DIRECT',
      regime: 'TDKT_2022_ND98',
    });
    const kinds = detail.awards.map((a: { recipientKind: string }) => a.recipientKind);
    expect(kinds.filter((k: string) => k === 'COLLECTIVE')).toHaveLength(7);
    expect(kinds.filter((k: string) => k === 'INDIVIDUAL')).toHaveLength(11);
    const bonuses = new Set(
      detail.awards.map((a: { recipientKind: string; bonusAmount: number }) => `${a.recipientKind}:${a.bonusAmount}`),
    );
    expect([...bonuses].sort()).toEqual(['COLLECTIVE:1080000', 'INDIVIDUAL:540000']);
  });

  it('holds the Bằng khen decision of the provincial Chairman signed on his behalf (KT.) by Vừ A Bằng', async () => {
    const decisions = (await t.http.get('/api/v1/decisions').expect(200)).body.items;
    const bangKhen = decisions.find((d: { number: string }) => d.number === '98/QĐ-UBND');
    const detail = (await t.http.get(`/api/v1/decisions/${bangKhen.id}`).expect(200)).body;
    expect(detail).toMatchObject({ signerName: 'Vừ A Bằng', signingMode: 'ON_BEHALF', authority: 'PROVINCE_CHAIR' });
    expect(detail.awards.every((a: { awardCode: string }) => a.awardCode === 'BANG_KHEN_TINH')).toBe(true);
    // A regular Bằng khen tỉnh for 2023 covers the two years 2022–2023 (Decree 98/2023 Art 30.9), copied from its
    // nomination; the Giấy khen cover 2023 alone.
    for (const award of detail.awards) expect(award).toMatchObject({ year: 2023, periodFrom: 2022, periodTo: 2023 });
    const giayKhen = (await t.http.get('/api/v1/awards?awardCode=GIAY_KHEN&year=2023').expect(200)).body.items;
    expect(giayKhen).toHaveLength(18);
    for (const award of giayKhen) expect(award).toMatchObject({ periodFrom: 2023, periodTo: 2023 });
  });

  it('records when each person entered public service; a transferee keeps the service from before', async () => {
    const tokens: Record<string, string> = JSON.parse(await readFile(tokensFile, 'utf8'));
    const hr = bearer(tokens.HR_OFFICER_STTTT);
    const people = (await t.http.get('/api/v1/individuals?limit=100').set(hr).expect(200)).body.items as {
      fullName: string;
      joinedOn: string;
      recruitedOn: string;
    }[];
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) expect(person.recruitedOn <= person.joinedOn).toBe(true);
    expect(people.find((p) => p.fullName === 'Nguyễn Thị Hương')).toMatchObject({
      joinedOn: '2012-03-15',
      recruitedOn: '2009-08-01',
    });
  });

  it("records the province council's size first, then its meeting's vote on each Bằng khen (R-VOTE-1)", async () => {
    const tokens: Record<string, string> = JSON.parse(await readFile(tokensFile, 'utf8'));
    const approver = bearer(tokens.APPROVER_STTTT);
    const nominations = (await t.http.get('/api/v1/nominations?awardCode=BANG_KHEN_TINH').set(approver).expect(200))
      .body.items;
    expect(nominations).toHaveLength(3);
    for (const { id } of nominations) {
      const detail = (await t.http.get(`/api/v1/nominations/${id}`).set(approver).expect(200)).body;
      expect(detail.votes).toEqual([
        expect.objectContaining({
          heldOn: '2024-01-10',
          minutesReference: 'BB-01/2024/HĐTĐKT',
          members: 15,
          present: 14,
          writtenVotes: 0,
          yes: 13,
          passed: true,
        }),
      ]);
    }
    const province = (await t.http.get('/api/v1/organizations?kind=PROVINCE').expect(200)).body.items[0];
    const sizes = (await t.http.get(`/api/v1/organizations/${province.id}/council-sizes`).set(approver).expect(200))
      .body.items;
    expect(sizes).toEqual([expect.objectContaining({ members: 15, effectiveFrom: '2023-01-01' })]);
  });

  describe('the 2025 merger of Sở TT&TT into Sở KH&CN (R-ORG-1, Circular 15/2025/TT-BNV)', () => {
    const organization = async (q: string) =>
      (await t.http.get('/api/v1/organizations').query({ q }).expect(200)).body.items[0] as {
        id: string;
        code: string;
        name: string;
        parentId: string;
        validTo: string | null;
        successorId: string | null;
      };

    it('ends the Sở and its units on 2025-02-28, Sở KH&CN under UBND tỉnh taking over', async () => {
      const stttt = await organization('DB-STTTT');
      const skhcn = await organization('DB-SKHCN');
      expect(stttt).toMatchObject({ name: 'Sở Thông tin và Truyền thông tỉnh Điện Biên', validTo: '2025-02-28' });
      expect(stttt.successorId).toBe(skhcn.id);
      expect(skhcn).toMatchObject({ name: 'Sở Khoa học và Công nghệ tỉnh Điện Biên', validTo: null });
      expect(skhcn.parentId).toBe(stttt.parentId);
      const units = (await t.http.get('/api/v1/organizations').query({ parentId: stttt.id }).expect(200)).body.items;
      expect(units).toHaveLength(5);
      for (const unit of units) expect(unit).toMatchObject({ validTo: '2025-02-28', successorId: skhcn.id });
      const alive = (
        await t.http
          .get('/api/v1/organizations')
          .query({ parentId: stttt.parentId, activeOn: '2025-03-01' })
          .expect(200)
      ).body.items.map((o: { code: string }) => o.code);
      expect(alive).toContain('DB-SKHCN');
      expect(alive).not.toContain('DB-STTTT');
    });

    it('keeps the 2023 awards with the Sở, under its name, for the people moved to Sở KH&CN too', async () => {
      const stttt = await organization('DB-STTTT');
      const skhcn = await organization('DB-SKHCN');
      const decisions = (await t.http.get('/api/v1/decisions').expect(200)).body.items;
      const giayKhen = decisions.find((d: { number: string }) => d.number.endsWith('/QĐ-STTTT'));
      expect(giayKhen.issuer).toMatchObject({ id: stttt.id, name: 'Sở Thông tin và Truyền thông tỉnh Điện Biên' });
      const an = (await t.http.get('/api/v1/awards').query({ q: 'nguyen van an', year: 2023 }).expect(200)).body.items;
      // The Bằng khen of the demo decision, and the titles of 2023 from the history file.
      expect(an.map((award: { awardCode: string }) => award.awardCode)).toContain('BANG_KHEN_TINH');
      for (const award of an) {
        expect(award).toMatchObject({
          organizationId: stttt.id,
          organizationName: 'Sở Thông tin và Truyền thông tỉnh Điện Biên',
        });
      }
      const tokens: Record<string, string> = JSON.parse(await readFile(tokensFile, 'utf8'));
      const person = await t.http.get(`/api/v1/individuals/${an[0].individualId}`).set(bearer(tokens.ADMIN));
      expect(person.body).toMatchObject({ organizationId: skhcn.id, joinedOn: '2025-03-01' });
    });

    it('accepts no decision by, and no collective award to, the Sở or its units dated from 2025-03-01', async () => {
      const tokens: Record<string, string> = JSON.parse(await readFile(tokensFile, 'utf8'));
      const admin = bearer(tokens.ADMIN);
      const stttt = await organization('DB-STTTT');
      const office = await organization('DB-STTTT-VP');
      const huong = (await t.http.get('/api/v1/individuals').query({ q: 'nguyen thi huong' }).set(admin).expect(200))
        .body.items[0];
      const created = await t.http
        .post('/api/v1/nominations')
        .set(admin)
        .send({
          year: 2024,
          awardCode: 'GIAY_KHEN',
          basis: 'REGULAR',
          individualId: huong.id,
          proposingOrganizationId: stttt.id,
          achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2024',
          expectedDecisionOn: '2025-02-20',
        })
        .expect(201);
      await t.http.post(`/api/v1/nominations/${created.body.id}/submit`).set(admin).expect(200);
      await t.http.post(`/api/v1/nominations/${created.body.id}/approve`).set(admin).expect(200);
      const refused = await t.http
        .post('/api/v1/decisions')
        .set(admin)
        .set('Accept-Language', 'en')
        .send({
          issuerOrganizationId: stttt.id,
          number: '05/QĐ-STTTT',
          issuedOn: '2025-03-10',
          signerName: 'Vũ Anh Dũng',
          signerTitle: 'Giám đốc Sở',
          signingMode: 'DIRECT',
          nominationIds: [created.body.id],
        })
        .expect(422);
      expect(refused.body.violations).toEqual([
        expect.objectContaining({ rule: 'R-ORG-1', message: expect.stringContaining('ceased') }),
      ]);

      const check = await t.http
        .post('/api/v1/nominations/check')
        .set(admin)
        .send({
          year: 2024,
          awardCode: 'GIAY_KHEN',
          basis: 'REGULAR',
          organizationId: office.id,
          proposingOrganizationId: stttt.id,
          achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2024',
          expectedDecisionOn: '2025-03-10',
        })
        .expect(200);
      expect(check.body.eligibility.eligible).toBe(false);
      expect(check.body.eligibility.checks).toEqual(
        expect.arrayContaining([expect.objectContaining({ rule: 'R-ORG-1', passed: false })]),
      );
    });
  });

  it('finds awardees without diacritics and writes one working token per role', async () => {
    const found = (await t.http.get('/api/v1/awards?q=nguyen thi huong&year=2023').expect(200)).body.items;
    // Lao động tiên tiến 2023 from the history file, and the Giấy khen of 01/QĐ-STTTT.
    expect(
      found.map((a: { recipientName: string; awardCode: string }) => `${a.recipientName} ${a.awardCode}`).sort(),
    ).toEqual(['Nguyễn Thị Hương GIAY_KHEN', 'Nguyễn Thị Hương LAO_DONG_TIEN_TIEN']);
    const tokens: Record<string, string> = JSON.parse(await readFile(tokensFile, 'utf8'));
    expect(Object.keys(tokens).sort()).toEqual([
      'ADMIN',
      'APPROVER_PROVINCE',
      'APPROVER_SKHCN',
      'APPROVER_STTTT',
      'AUDITOR',
      'HR_OFFICER_SKHCN',
      'HR_OFFICER_STTTT',
    ]);
    await t.http.get('/api/v1/nominations?year=2023').set(bearer(tokens.HR_OFFICER_STTTT)).expect(200);
  });
});
