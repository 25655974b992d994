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
      'APPROVER_STTTT',
      'AUDITOR',
      'HR_OFFICER_STTTT',
    ]);
    await t.http.get('/api/v1/nominations?year=2023').set(bearer(tokens.HR_OFFICER_STTTT)).expect(200);
  });
});
