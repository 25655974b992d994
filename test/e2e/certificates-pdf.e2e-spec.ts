import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  makeApprovedNomination,
  makeDecision,
  makeEligible,
  makeIndividual,
  makeOrganization,
  makeTree,
  revocationFields,
} from '../support/factories.js';
import { binary } from '../support/binary.js';
import { readPdf } from '../support/pdf.js';
import { byDepartment } from '../support/world.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const PUBLIC_BASE_URL = 'https://khenthuong.dienbien.example/';

describe('printable certificates (PDF)', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let giayKhen: Awaited<ReturnType<typeof makeDecision>>;
  let bangKhen: Awaited<ReturnType<typeof makeDecision>>;
  let huongAward: { id: string; verificationCode: string };

  beforeAll(async () => {
    t = await createTestApp({ PUBLIC_BASE_URL });
  });
  afterAll(async () => {
    await t.close();
  });

  /** The demo story (README, "The seed story"), recipients invented. */
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    const office = await makeOrganization(t, { kind: 'UNIT', name: 'Văn phòng Sở', parentId: tree.department.id });
    const huong = await makeIndividual(t, office.id, {
      fullName: 'Nguyễn Thị Hương',
      birthDate: '1987-04-12',
      nationalId: '011187000123',
    });
    const pao = await makeIndividual(t, tree.unit.id, { fullName: 'Giàng A Páo' });
    const nominations = await Promise.all([
      makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', huong.id)),
      makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', pao.id)),
      makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', { organizationId: tree.unit.id })),
    ]);
    giayKhen = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      nominationIds: nominations.map((n) => n.id),
      number: 5,
    });
    huongAward = giayKhen.awards.find((award) => award.recipientName === 'Nguyễn Thị Hương')!;

    const binh = await makeIndividual(t, tree.department.id, { fullName: 'Trần Văn Bình' });
    // He qualifies (Law 2022 Art 74.1.d): the decision re-judges the line.
    await makeEligible(t, binh.id, 'BANG_KHEN_TINH', 2023);
    const provincial = await makeApprovedNomination(t, byDepartment(tree, 2023, 'BANG_KHEN_TINH', binh.id));
    bangKhen = await makeDecision(t, {
      issuerOrganizationId: tree.province.id,
      authority: 'PROVINCE_CHAIR',
      issuedOn: '2024-03-05',
      number: 412,
      signerName: 'Vừ A Bằng',
      signerTitle: 'Phó Chủ tịch',
      signingMode: 'ON_BEHALF',
      nominationIds: [provincial.id],
    });
  });

  const get = (path: string) => t.http.get(`/api/v1${path}`).buffer(true).parse(binary);

  describe('GET /awards/{id}/certificate.pdf', () => {
    it('prints a Giấy khen for anyone, in Vietnamese, with the decision, the signer and a QR code to verify it', async () => {
      const response = await get(`/awards/${huongAward.id}/certificate.pdf`).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        `inline; filename="certificate_${huongAward.verificationCode}.pdf"`,
      );
      const body = response.body as Buffer;
      expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');

      const pages = await readPdf(body);
      expect(pages).toHaveLength(1);
      const [page] = pages;
      for (const expected of [
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
        'GIẤY KHEN',
        'Tặng: Nguyễn Thị Hương',
        'Đơn vị: Văn phòng Sở',
        'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2023',
        'Quyết định số 05/QĐ-STTTT ngày 23 tháng 01 năm 2024 của Giám đốc Sở Thông tin và Truyền thông',
        'Vũ Anh Dũng',
        huongAward.verificationCode.replace(/(.{4})(?=.)/g, '$1-'),
      ]) {
        expect(page.text).toContain(expected);
      }
      // The address the QR code carries is printed too (it may wrap at a slash).
      expect(page.text.replace(/\s/g, '')).toContain(
        `https://khenthuong.dienbien.example/verify/${huongAward.verificationCode}`,
      );
      expect(page.text).not.toContain('KT.');
      expect(page.text).not.toContain('THU HỒI');
      expect(page.images).toBe(1);
    });

    it('R-CERT-1: a CSTĐ cơ sở prints a Bằng chứng nhận; a Lao động tiên tiến has no certificate (422)', async () => {
      const person = await makeIndividual(t, tree.unit.id, { fullName: 'Lò Thị Mai' });
      await makeEligible(t, person.id, 'CHIEN_SI_THI_DUA_CO_SO', 2023);
      const lines = [
        await makeApprovedNomination(t, byDepartment(tree, 2023, 'LAO_DONG_TIEN_TIEN', person.id)),
        await makeApprovedNomination(t, byDepartment(tree, 2023, 'CHIEN_SI_THI_DUA_CO_SO', person.id)),
      ];
      const decision = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: lines.map((line) => line.id),
      });
      const ldtt = decision.awards.find((award) => award.awardCode === 'LAO_DONG_TIEN_TIEN')!;
      const cscs = decision.awards.find((award) => award.awardCode === 'CHIEN_SI_THI_DUA_CO_SO')!;

      const refused = await t.http.get(`/api/v1/awards/${ldtt.id}/certificate.pdf`).expect(422);
      expect(refused.headers['content-type']).toMatch(PROBLEM);
      expect(refused.body.violations).toEqual([expect.objectContaining({ rule: 'R-CERT-1' })]);

      const printed = await get(`/awards/${cscs.id}/certificate.pdf`).expect(200);
      const [page] = await readPdf(printed.body as Buffer);
      expect(page.text).toContain('BẰNG CHỨNG NHẬN');
      expect(page.text).toContain('Danh hiệu Chiến sĩ thi đua cơ sở');
      // The decision's PDF prints the CSTĐ cơ sở only.
      const all = await get(`/decisions/${decision.id}/certificates.pdf`).expect(200);
      expect(await readPdf(all.body as Buffer)).toHaveLength(1);
    });

    it('carries no personal data: no birth date, no national id', async () => {
      const response = await get(`/awards/${huongAward.id}/certificate.pdf`).expect(200);
      const [page] = await readPdf(response.body as Buffer);
      for (const personal of ['011187000123', '1987', '12/04', '12 tháng 4']) expect(page.text).not.toContain(personal);
      expect((response.body as Buffer).includes(Buffer.from('011187000123'))).toBe(false);
    });

    it('prints "KT. CHỦ TỊCH" over the deputy’s title when a Vice Chairman signs a Bằng khen on behalf of the Chairman', async () => {
      const award = bangKhen.awards[0];
      const [page] = await readPdf((await get(`/awards/${award.id}/certificate.pdf`).expect(200)).body as Buffer);
      for (const expected of [
        'CHỦ TỊCH UBND TỈNH ĐIỆN BIÊN',
        'BẰNG KHEN',
        'Tặng: Trần Văn Bình',
        'Đơn vị: Sở Thông tin và Truyền thông',
        'Quyết định số 412/QĐ-UBND ngày 05 tháng 3 năm 2024 của Chủ tịch UBND tỉnh Điện Biên',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        'Vừ A Bằng',
      ]) {
        expect(page.text).toContain(expected);
      }
    });

    it('prints a collective’s certificate without a unit line', async () => {
      const award = giayKhen.awards.find((a) => a.recipientName === 'Trung tâm Công nghệ thông tin và Truyền thông')!;
      const [page] = await readPdf((await get(`/awards/${award.id}/certificate.pdf`).expect(200)).body as Buffer);
      expect(page.text).toContain('Tặng: Trung tâm Công nghệ thông tin và Truyền thông');
      expect(page.text).not.toContain('Đơn vị:');
    });

    it('marks a revoked award "ĐÃ THU HỒI" with the date instead of printing it as valid', async () => {
      await t.http
        .post(`/api/v1/decisions/${giayKhen.id}/awards/${huongAward.id}/revoke`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .send(await revocationFields(t, giayKhen.id, 'Khai man thành tích'))
        .expect(201);
      const [page] = await readPdf((await get(`/awards/${huongAward.id}/certificate.pdf`).expect(200)).body as Buffer);
      expect(page.text).toContain('ĐÃ THU HỒI');
      expect(page.text).toMatch(/ĐÃ THU HỒI ngày \d{2}\/\d{2}\/\d{4}: khen thưởng này không còn giá trị/);
      expect(page.text).toContain('Tặng: Nguyễn Thị Hương');
      expect(page.text).not.toContain('Khai man');
    });

    it('404 for an unknown award, 400 for a malformed id, as problems', async () => {
      const missing = await get(`/awards/${UNKNOWN_ID}/certificate.pdf`).expect(404);
      expect(missing.headers['content-type']).toMatch(PROBLEM);
      const malformed = await get('/awards/not-a-uuid/certificate.pdf').expect(400);
      expect(malformed.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('GET /decisions/{id}/certificates.pdf', () => {
    it('prints one page per award of the decision, in the order of GET /decisions/{id}', async () => {
      const response = await get(`/decisions/${giayKhen.id}/certificates.pdf`).expect(200);
      expect(response.headers['content-type']).toBe('application/pdf');
      expect(response.headers['content-disposition']).toBe(
        'inline; filename="certificates_05-QD-STTTT_2024-01-23.pdf"',
      );
      const pages = await readPdf(response.body as Buffer);
      const decision = await t.http.get(`/api/v1/decisions/${giayKhen.id}`).expect(200);
      const awards = decision.body.awards as { recipientName: string; verificationCode: string }[];
      expect(pages).toHaveLength(awards.length);
      pages.forEach((page, index) => {
        expect(page.text).toContain(`Tặng: ${awards[index].recipientName}`);
        expect(page.text).toContain(awards[index].verificationCode);
        expect(page.text).toContain('Quyết định số 05/QĐ-STTTT ngày 23 tháng 01 năm 2024');
        expect(page.images).toBe(1);
      });
    });

    it('marks only the revoked lines', async () => {
      await t.http
        .post(`/api/v1/decisions/${giayKhen.id}/awards/${huongAward.id}/revoke`)
        .set(bearer(BOOTSTRAP_TOKEN))
        .send(await revocationFields(t, giayKhen.id, 'Khai man thành tích'))
        .expect(201);
      const pages = await readPdf((await get(`/decisions/${giayKhen.id}/certificates.pdf`).expect(200)).body as Buffer);
      const revoked = pages.filter((page) => page.text.includes('ĐÃ THU HỒI'));
      expect(revoked).toHaveLength(1);
      expect(revoked[0].text).toContain('Nguyễn Thị Hương');
    });

    it('404 for an unknown decision, 400 for a malformed id, as problems', async () => {
      const missing = await get(`/decisions/${UNKNOWN_ID}/certificates.pdf`).expect(404);
      expect(missing.headers['content-type']).toMatch(PROBLEM);
      const malformed = await get('/decisions/123/certificates.pdf').expect(400);
      expect(malformed.headers['content-type']).toMatch(PROBLEM);
    });
  });
});
