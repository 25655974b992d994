import { beforeEach, describe, expect, it } from '@jest/globals';
import { todayInVietnam } from '../../src/common/time/vietnam-time.js';
import {
  makeApprovedNomination,
  makeDecision,
  makeIndividual,
  makeOrganization,
  makeTree,
  revokeAward,
} from '../support/factories.js';
import { useTestApp } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
const admin = bearer(BOOTSTRAP_TOKEN);

/** Input hygiene: what the security review's low findings reproduced, each refused or neutralised. */
describe('input hygiene', () => {
  // These tests read the English messages (Accept-Language: en); languages.e2e-spec.ts covers the Vietnamese ones.
  const t = useTestApp({}, { language: 'en' });
  let tree: Awaited<ReturnType<typeof makeTree>>;

  beforeEach(async () => {
    tree = await makeTree(t);
  });

  const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);

  /** One Giấy khen for `fullName`, signed by the department on 2024-01-23. */
  const grant = async (fullName: string) => {
    const person = await makeIndividual(t, tree.unit.id, { fullName });
    const nomination = await makeApprovedNomination(t, {
      awardCode: 'GIAY_KHEN',
      year: 2023,
      individualId: person.id,
      proposingOrganizationId: tree.department.id,
    });
    const decision = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      nominationIds: [nomination.id],
    });
    return { person, decision, award: decision.awards[0] };
  };

  describe('name search: fullwidth ％ ＿ ＼ folded by unaccent stay literal', () => {
    it('GET /awards, /individuals and /organizations match no name for q=％, q=＿ or q=＼, and still find literal text', async () => {
      await grant('Nguyễn Văn An');
      await grant('Trần Thị Bình');
      await makeOrganization(t, { name: 'Đội đạt 100% chỉ tiêu', parentId: tree.department.id });
      const hr = await t.token('HR_OFFICER', tree.province.id);
      const count = async (path: string, q: string) => {
        const response = await t.http
          .get(`/api/v1/${path}?q=${encodeURIComponent(q)}`)
          .set(bearer(hr))
          .expect(200);
        return (response.body as { items: unknown[] }).items.length;
      };
      for (const q of ['％', '＿', '＼', '＿＿', '％％％']) {
        expect([q, await count('awards', q)]).toEqual([q, 0]);
        expect([q, await count('individuals', q)]).toEqual([q, 0]);
        // Of the five organizations, only the one whose name holds a "%" contains "％" once unaccented.
        expect([q, await count('organizations', q)]).toEqual([q, q === '％' ? 1 : 0]);
      }
      // The controls: unaccent still folds case, diacritics and fullwidth digits; a literal "%" still matches.
      expect(await count('awards', 'nguyen van')).toBe(1);
      expect(await count('individuals', 'TRAN THI')).toBe(1);
      expect(await count('organizations', '１００％')).toBe(1);
      expect(await count('organizations', '100%')).toBe(1);
    });
  });

  describe('the free-text reason of a revocation is not public', () => {
    it('public and HR views show that an award is revoked and when, not the reason; APPROVER and AUDITOR see it', async () => {
      const { person, decision, award } = await grant('Nguyễn Văn An');
      const reason = 'Khai man thành tích, hồ sơ giả';
      await revokeAward(t, decision.id, award.id, reason);

      const hr = await t.token('HR_OFFICER', tree.department.id);
      const views = [
        '/api/v1/awards?includeRevoked=true',
        `/api/v1/individuals/${person.id}/awards`,
        `/api/v1/organizations/${tree.unit.id}/awards`,
      ];
      for (const headers of [{}, bearer(hr)]) {
        for (const path of views) {
          const response = await t.http.get(path).set(headers).expect(200);
          expect([path, response.body.items[0]]).toEqual([
            path,
            expect.objectContaining({
              id: award.id,
              revoked: true,
              revokedAt: expect.any(String),
              revokedReason: null,
            }),
          ]);
          expect(response.text).not.toContain('Khai man');
        }
        const one = await t.http.get(`/api/v1/decisions/${decision.id}`).set(headers).expect(200);
        expect(one.body.awards[0]).toMatchObject({ revoked: true, revokedReason: null });
        expect(one.text).not.toContain('Khai man');
        const certificate = await t.http.get(`/api/v1/certificates/${award.verificationCode}`).expect(200);
        expect(certificate.body).toMatchObject({ valid: false, revoked: true });
        expect(certificate.text).not.toContain('Khai man');
      }

      for (const role of ['AUDITOR', 'APPROVER'] as const) {
        const token = await t.token(role, role === 'APPROVER' ? tree.department.id : null);
        const list = await t.http.get(views[0]).set(bearer(token)).expect(200);
        expect(list.body.items[0]).toMatchObject({ id: award.id, revokedReason: reason });
        const one = await t.http.get(`/api/v1/decisions/${decision.id}`).set(bearer(token)).expect(200);
        expect(one.body.awards[0]).toMatchObject({ revokedReason: reason });
      }
    });
  });

  describe('a body of many unknown keys', () => {
    it('90,000 unknown keys (1 MB) get a short 400 at once, not an error per key', async () => {
      const body: Record<string, number> = { name: 1 };
      for (let i = 0; i < 90_000; i++) body[`k${i}`] = 1;
      const payload = JSON.stringify(body);
      expect(payload.length).toBeLessThan(1_048_576);
      const started = Date.now();
      const response = await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .set('content-type', 'application/json')
        .send(payload)
        .expect(400)
        .expect('content-type', PROBLEM);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(response.text.length).toBeLessThan(2_000);
      expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'body' }] });
      expect(response.body.errors[0].message).toMatch(/^holds more than \d+ keys and array elements in all$/);
    });

    it('lists at most 20 field errors and says how many were left out', async () => {
      const body: Record<string, unknown> = { code: 'X-1', name: 'Đơn vị', kind: 'UNIT' };
      for (let i = 0; i < 500; i++) body[`unknown${i}`] = i;
      const response = await t.http.post('/api/v1/organizations').set(admin).send(body).expect(400);
      expect(response.body.errors).toHaveLength(20);
      expect(response.body.errors[0]).toEqual({ field: 'unknown0', message: 'property unknown0 should not exist' });
      expect(response.body.errorsOmitted).toBe(480);
      expect(response.body.detail).toMatch(/; and 480 more$/);
      expect(response.text.length).toBeLessThan(4_000);
      // A few errors: all listed, no count.
      const few = await t.http.post('/api/v1/organizations').set(admin).send({ kind: 'UNIT', extra: 1 }).expect(400);
      expect(few.body.errorsOmitted).toBeUndefined();
      expect(fields(few.body)).toEqual(expect.arrayContaining(['code', 'name', 'extra']));
    });
  });

  describe('no decision dated in the future (Vietnam time)', () => {
    it('POST /decisions refuses issuedOn 2099-12-31 and tomorrow with a 400 naming issuedOn, and records nothing', async () => {
      const person = await makeIndividual(t, tree.unit.id);
      const nomination = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2023,
        individualId: person.id,
        proposingOrganizationId: tree.department.id,
      });
      const tomorrow = new Date(`${todayInVietnam()}T00:00:00Z`);
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      for (const issuedOn of ['2099-12-31', tomorrow.toISOString().slice(0, 10)]) {
        const response = await t.http
          .post('/api/v1/decisions')
          .set(admin)
          .send({
            issuerOrganizationId: tree.department.id,
            authority: 'DEPARTMENT_HEAD',
            issuedOn,
            signerName: 'Vũ Anh Dũng',
            signerTitle: 'Giám đốc',
            signingMode: 'DIRECT',
            nominationIds: [nomination.id],
          })
          .expect(400)
          .expect('content-type', PROBLEM);
        expect(response.body.errors).toEqual([{ field: 'issuedOn', message: 'must not be in the future' }]);
      }
      const [{ count }] = await t.db.query<{ count: string }[]>('SELECT count(*) AS count FROM decisions');
      expect(Number(count)).toBe(0);
    });
  });

  describe('NUL in a query string', () => {
    it('is a 400 problem naming the parameter on every route, the exports included, not a 500', async () => {
      const auditor = await t.token('AUDITOR');
      for (const path of [
        '/api/v1/exports/awards.csv?q=%00',
        '/api/v1/exports/awards.xlsx?q=a%00b',
        '/api/v1/awards?year=2023&q=%00',
        '/api/v1/organizations?q=x&q=%00',
        '/api/v1/stats/awards?year=2023&groupBy=awardCode%00',
      ]) {
        const response = await t.http.get(path).set(bearer(auditor));
        expect([path, response.status]).toEqual([path, 400]);
        expect(response.headers['content-type']).toMatch(PROBLEM);
        expect(response.body.errors[0].message).toBe('must not contain a NUL character (U+0000)');
        expect(['q', 'groupBy']).toContain(response.body.errors[0].field);
      }
      const named = await t.http.get('/api/v1/awards?a%00b=1').expect(400);
      expect(named.body.errors).toEqual([{ field: 'a\\u0000b', message: 'must not contain a NUL character (U+0000)' }]);
    });
  });

  describe('names: no invisible characters, stored NFC', () => {
    it.each([
      ['U+200B zero-width space', '\u200B'],
      ['U+202E right-to-left override', '\u202E'],
      ['U+2066 left-to-right isolate', '\u2066'],
      ['U+FEFF byte order mark', '\uFEFF'],
    ])('refuses a %s in person, organization and signer names with a 400 naming the field', async (_, char) => {
      const code = `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`;
      const message = (field: string) => `${field} must not contain invisible or control characters (found ${code})`;
      const person = await t.http
        .post('/api/v1/individuals')
        .set(admin)
        .send({ fullName: `Nguyễn${char} Văn An`, organizationId: tree.unit.id })
        .expect(400);
      expect(person.body.errors).toEqual([{ field: 'fullName', message: message('fullName') }]);
      const organization = await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .send({ code: 'X-1', name: `${char}Sở Tài chính`, shortName: `Sở${char}TC`, kind: 'UNIT' })
        .expect(400);
      expect(fields(organization.body).sort()).toEqual(['name', 'shortName']);
      const renamed = await t.http
        .patch(`/api/v1/organizations/${tree.unit.id}`)
        .set(admin)
        .send({ name: `Trung tâm${char}` })
        .expect(400);
      expect(renamed.body.errors).toEqual([{ field: 'name', message: message('name') }]);
      const decision = await t.http
        .post('/api/v1/decisions')
        .set(admin)
        .send({
          issuerOrganizationId: tree.department.id,
          authority: 'DEPARTMENT_HEAD',
          issuedOn: '2024-01-23',
          signerName: `Vũ Anh${char} Dũng`,
          signerTitle: `Giám đốc${char}`,
          signingMode: 'DIRECT',
          nominationIds: ['00000000-0000-4000-8000-000000000000'],
        })
        .expect(400);
      expect(fields(decision.body).sort()).toEqual(['signerName', 'signerTitle']);
      const [{ count }] = await t.db.query<{ count: string }[]>(
        `SELECT count(*) AS count FROM organizations WHERE name ~ '[\u200B\u202E\u2066\uFEFF]'`,
      );
      expect(Number(count)).toBe(0);
    });

    it('stores names composed (NFC), however they were typed', async () => {
      const decomposed = 'So\u031B\u0309 Ta\u0300i chi\u0301nh  ti\u0309nh'; // "Sở Tài chính  tỉnh", NFD
      const created = await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .send({ code: 'STC-2', name: decomposed, kind: 'DEPARTMENT' })
        .expect(201);
      expect(created.body.name).toBe('Sở Tài chính tỉnh');
      const [row] = await t.db.query<{ name: string }[]>('SELECT name FROM organizations WHERE id = $1', [
        created.body.id,
      ]);
      expect(row.name).toBe('Sở Tài chính tỉnh'.normalize('NFC'));
      const decision = await grant('Nguye\u0302\u0303n Va\u0306n An');
      expect(decision.award.recipientName).toBe('Nguyễn Văn An');
    });
  });

  describe('organization codes and document symbols', () => {
    it('codes are unique ignoring case: a 409 ORGANIZATION_CODE_TAKEN on create and on rename', async () => {
      await makeOrganization(t, { code: 'DB-STTTT' });
      for (const code of ['db-stttt', 'Db-Stttt', 'DB-STTTT']) {
        const response = await t.http
          .post('/api/v1/organizations')
          .set(admin)
          .send({ code, name: 'Sở khác', kind: 'DEPARTMENT' })
          .expect(409)
          .expect('content-type', PROBLEM);
        expect(response.body).toMatchObject({ code: 'ORGANIZATION_CODE_TAKEN', errors: [{ field: 'code' }] });
      }
      const renamed = await t.http
        .patch(`/api/v1/organizations/${tree.unit.id}`)
        .set(admin)
        .send({ code: 'db-STTTT' })
        .expect(409);
      expect(renamed.body.code).toBe('ORGANIZATION_CODE_TAKEN');
    });

    it('a document symbol is Latin letters, Đ, 0–9 and "-" only: look-alike Cyrillic or Eth and punctuation are a 400', async () => {
      // 'SGDÐT' is written with the Icelandic Eth (U+00D0), which looks like Đ (U+0110).
      for (const documentSymbol of ['SТТТТ', 'СТС', 'Sở', 'TT&TT', 'UBND.X', 'SGD\u00d0T', 'S NgV']) {
        const response = await t.http
          .post('/api/v1/organizations')
          .set(admin)
          .send({ code: 'X-1', name: 'Sở', kind: 'DEPARTMENT', documentSymbol })
          .expect(400);
        expect([documentSymbol, fields(response.body)]).toEqual([documentSymbol, ['documentSymbol']]);
      }
      await t.http
        .post('/api/v1/organizations')
        .set(admin)
        .send({ code: 'X-2', name: 'UBND huyện Mường Phăng', kind: 'DISTRICT', documentSymbol: 'UBND-MP2' })
        .expect(201);
      // Vietnamese symbols keep their Đ and their case (Sở Giáo dục và Đào tạo, Sở Ngoại vụ).
      for (const [code, documentSymbol] of [
        ['X-3', 'SGDĐT'],
        ['X-4', 'SNgV'],
      ]) {
        await t.http
          .post('/api/v1/organizations')
          .set(admin)
          .send({ code, name: 'Sở', kind: 'DEPARTMENT', documentSymbol })
          .expect(201);
      }
      // The database holds the rule too.
      await expect(
        t.db.query(`UPDATE organizations SET document_symbol = 'SТТТТ' WHERE id = $1`, [tree.department.id]),
      ).rejects.toMatchObject({
        driverError: expect.objectContaining({ constraint: 'ck_organizations_document_symbol' }),
      });
    });
  });
});
