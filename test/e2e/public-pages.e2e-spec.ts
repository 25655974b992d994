import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import jsQRModule from 'jsqr';
import {
  makeApprovedNomination,
  makeDecision,
  makeIndividual,
  makeOrganization,
  makeTree,
  revocationFields,
} from '../support/factories.js';
import { binary } from '../support/binary.js';
import { readPdfImages } from '../support/pdf.js';
import { byDepartment } from '../support/world.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PUBLIC_BASE_URL = 'https://khenthuong.dienbien.example/';
/** jsqr is CommonJS: under ESM its function is the module's `default` export. */
const jsQR = jsQRModule.default;

/** The text a reader sees: tags dropped, entities decoded, whitespace collapsed. */
function visibleText(page: string): string {
  return page
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('public pages: certificate verification and the awardee lookup', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let decision: Awaited<ReturnType<typeof makeDecision>>;
  let huong: { id: string; verificationCode: string };

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL });
  });
  afterAll(async () => {
    await t.close();
  });

  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    const office = await makeOrganization(t, { kind: 'UNIT', name: 'Văn phòng Sở', parentId: tree.department.id });
    const person = await makeIndividual(t, office.id, {
      fullName: 'Nguyễn Thị Hương',
      birthDate: '1987-04-12',
      nationalId: '011187000123',
    });
    const other = await makeIndividual(t, tree.unit.id, { fullName: 'Giàng <A> Páo & "Con"' });
    const nominations = await Promise.all([
      makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', person.id)),
      makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', other.id)),
    ]);
    decision = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      nominationIds: nominations.map((n) => n.id),
      number: 5,
    });
    huong = decision.awards.find((award) => award.recipientName === 'Nguyễn Thị Hương')!;
  });

  describe('GET /verify/{code}', () => {
    it('shows a valid certificate in Vietnamese, as printed, without personal data', async () => {
      const response = await t.http.get(`/verify/${huong.verificationCode}`).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-language']).toBe('vi');
      expect(response.text).toMatch(/^<!doctype html>\s*<html lang="vi">/);
      expect(response.text).toMatch(/<meta name="viewport" content="width=device-width, initial-scale=1"\s*\/?>/);
      const text = visibleText(response.text);
      for (const expected of [
        'Xác thực giấy khen, bằng khen',
        'Còn hiệu lực',
        'Tặng Nguyễn Thị Hương (cá nhân)',
        'Đơn vị Văn phòng Sở',
        'Danh hiệu, hình thức khen thưởng Giấy khen',
        'Năm 2023',
        'Quyết định Số 05/QĐ-',
        'Mã xác thực',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text).toMatch(/Số 05\/QĐ-\S+ ngày \d{2}\/\d{2}\/\d{4}/);
      for (const personal of ['011187000123', '1987', '12/04']) expect(response.text).not.toContain(personal);
    });

    it('speaks English on request', async () => {
      const response = await t.http
        .get(`/verify/${huong.verificationCode}`)
        .set('accept-language', 'en-US,en;q=0.9')
        .expect(200);
      expect(response.headers['content-language']).toBe('en');
      expect(response.text).toContain('<html lang="en">');
      expect(visibleText(response.text)).toContain('Valid');
    });

    it('shows a revocation with its legal ground, never the officer’s text', async () => {
      const revocation = await t.http
        .post(`/api/v1/decisions/${decision.id}/awards/${huong.id}/revoke`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .send(await revocationFields(t, decision.id, 'Khai man thành tích <b>bí mật</b>'))
        .expect(201);
      const response = await t.http.get(`/verify/${huong.verificationCode}`).expect(200);
      const text = visibleText(response.text);
      expect(text).toContain('Đã thu hồi');
      // The revocation decision and its ground (Law 2022 Art 93.2.a), not the reason.
      expect(text).toContain(`Quyết định hủy bỏ số ${revocation.body.number} ngày`);
      expect(text).toContain('căn cứ: gian dối trong việc kê khai công trạng, thành tích (điểm a khoản 2 Điều 93');
      expect(text).toMatch(
        /đã bị thu hồi ngày \d{2}\/\d{2}\/\d{4}: quyết định khen thưởng đã bị hủy bỏ theo Chương VII Luật Thi đua, khen thưởng 2022/,
      );
      expect(text).not.toContain('Còn hiệu lực');
      expect(response.text).not.toContain('Khai man');
      expect(response.text).not.toContain('bí mật');
    });

    it.each([
      ['an unknown code', '0000-0000-0000-0000-0000', false],
      ['a malformed code', 'not-a-code', true],
      ['markup in the code', '<script>alert(1)</script>', true],
    ])('answers a 404 page for %s, escaping it', async (_what, code, malformed) => {
      const response = await t.http.get(`/verify/${encodeURIComponent(code)}`).expect(404);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-language']).toBe('vi');
      const text = visibleText(response.text);
      expect(text).toContain('Không tìm thấy giấy khen, bằng khen');
      expect(text).toContain(`Không có khen thưởng nào mang mã xác thực ${code}`);
      expect(text.includes('20 ký tự')).toBe(malformed);
      expect(response.text).not.toContain('<script>');
    });
  });

  describe('the QR code of a printed certificate', () => {
    it('decodes to the verification page of that certificate', async () => {
      const pdf = await t.http.get(`/api/v1/awards/${huong.id}/certificate.pdf`).buffer(true).parse(binary).expect(200);
      const [images] = await readPdfImages(pdf.body as Buffer);
      expect(images).toHaveLength(1);
      const qr = jsQR(images[0].rgba, images[0].width, images[0].height);
      expect(qr?.data).toBe(`https://khenthuong.dienbien.example/verify/${huong.verificationCode}`);
      // And that address, on this server, is the page.
      const page = await t.http.get(new URL(qr!.data).pathname).expect(200);
      expect(visibleText(page.text)).toContain('Tặng Nguyễn Thị Hương');
    });
  });

  describe('GET /tra-cuu', () => {
    it('finds an awardee by name without diacritics and links to the verification page', async () => {
      const response = await t.http.get('/tra-cuu').query({ q: 'nguyen thi huong', year: '2023' }).expect(200);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.headers['content-language']).toBe('vi');
      const text = visibleText(response.text);
      expect(text).toContain('Tra cứu khen thưởng');
      expect(text).toContain('Nguyễn Thị Hương');
      expect(text).not.toContain('Giàng');
      expect(response.text).toContain(`href="/verify/${huong.verificationCode}"`);
      expect(response.text).toContain('href="/api/v1/awards?q=nguyen+thi+huong&amp;year=2023"');
      expect(response.text).toMatch(/<option value="2023"\s*selected\s*>\s*2023\s*<\/option>/);
    });

    it('escapes what it prints: a name with markup stays text', async () => {
      const response = await t.http.get('/tra-cuu').query({ q: 'giang' }).expect(200);
      expect(response.text).toContain('Giàng &lt;A&gt; Páo &amp; &quot;Con&quot;');
      expect(response.text).not.toContain('<A>');
      const echoed = await t.http.get('/tra-cuu').query({ q: '"><script>x</script>' }).expect(200);
      expect(echoed.text).not.toContain('<script>x');
      expect(echoed.text).toContain('value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"');
    });

    it('pages with the keyset cursor of GET /api/v1/awards, in the same order', async () => {
      const api = await t.http.get('/api/v1/awards').query({ awardCode: 'GIAY_KHEN', limit: 1 }).expect(200);
      const codes = (html: string) => [...html.matchAll(/href="\/verify\/([0-9A-Z]+)"/g)].map((m) => m[1]);
      const first = await t.http.get('/tra-cuu').query({ awardCode: 'GIAY_KHEN', limit: '1' }).expect(200);
      expect(codes(first.text)).toEqual([api.body.items[0].verificationCode]);
      const next = /<a href="([^"]+)" rel="next">/.exec(first.text)?.[1]?.replace(/&amp;/g, '&');
      expect(next).toContain(`cursor=${encodeURIComponent(api.body.nextCursor as string)}`);
      const second = await t.http.get(next!).expect(200);
      const apiSecond = await t.http
        .get('/api/v1/awards')
        .query({ awardCode: 'GIAY_KHEN', limit: 1, cursor: api.body.nextCursor as string })
        .expect(200);
      expect(codes(second.text)).toEqual([apiSecond.body.items[0].verificationCode]);
      expect(visibleText(second.text)).toContain('Về trang đầu');
      expect(second.text).not.toContain('rel="next"');
    });

    it('refuses a bad filter with the reason, in a page, status 400', async () => {
      const response = await t.http.get('/tra-cuu').query({ year: '1800', organizationId: 'x' }).expect(400);
      const text = visibleText(response.text);
      expect(text).toContain('Điều kiện tìm kiếm chưa hợp lệ');
      expect(text).toContain('year: year không được nhỏ hơn');
      expect(text).toContain('organizationId: organizationId phải là một UUID');
    });
  });
});
