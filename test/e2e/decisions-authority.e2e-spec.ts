import { beforeEach, describe, expect, it } from '@jest/globals';
import {
  addInitiative,
  makeApprovedNomination,
  makeDecision,
  makeEligible,
  makeIndividual,
  makeNomination,
  makeOrganization,
  makeTree,
  MEETING,
  recordCouncilSize,
} from '../support/factories.js';
import { binary } from '../support/binary.js';
import { readPdf } from '../support/pdf.js';
import { byDepartment } from '../support/world.js';
import { useTestApp } from '../support/lifecycle.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;

/**
 * R-AUTH-4 (Law 2022 Art 79–80): a decision's authority follows from its issuer, whatever the request states, and
 * the awards only the Prime Minister decides are never granted by a decision of this registry. Security review
 * finding 1: a department's keys recorded a Bằng khen của Thủ tướng as 02/QĐ-SA "by the Prime Minister".
 */
describe('decisions: authority from the issuer (R-AUTH-4)', () => {
  // These tests read the English messages (Accept-Language: en); languages.e2e-spec.ts covers the Vietnamese ones.
  const t = useTestApp({}, { language: 'en' });
  let tree: Awaited<ReturnType<typeof makeTree>>;

  beforeEach(async () => {
    tree = await makeTree(t);
  });

  const body = (issuerOrganizationId: string, nominationIds: string[], overrides: Record<string, unknown> = {}) => ({
    issuerOrganizationId,
    issuedOn: '2024-02-01',
    signerName: 'Vũ Anh Dũng',
    signerTitle: 'Giám đốc',
    signingMode: 'DIRECT',
    nominationIds,
    ...overrides,
  });

  const post = (payload: object, token = BOOTSTRAP_TOKEN) =>
    t.http.post('/api/v1/decisions').set(bearer(token)).send(payload);

  const rules = (response: { body: { violations?: { rule: string }[] } }) =>
    (response.body.violations ?? []).map((violation) => violation.rule).sort();

  /** Nothing was recorded: no decision, no award, the nominations still APPROVED. */
  async function expectNothingRecorded(nominationIds: string[]) {
    expect(await t.db.query('SELECT 1 FROM decisions')).toHaveLength(0);
    expect(await t.db.query('SELECT 1 FROM awards')).toHaveLength(0);
    const statuses = await t.db.query<{ status: string }[]>('SELECT status FROM nominations WHERE id = ANY($1)', [
      nominationIds,
    ]);
    expect(statuses.map((row) => row.status)).toEqual(nominationIds.map(() => 'APPROVED'));
  }

  /** The reproduction: the department's own keys propose, vote 3/3/3 and approve a Bằng khen của Thủ tướng. */
  async function departmentApprovedBangKhenThuTuong() {
    const hr = await t.token('HR_OFFICER', tree.department.id);
    const approver = await t.token('APPROVER', tree.department.id);
    const person = await makeIndividual(t, tree.unit.id);
    // Claimed under an attested criterion (Law 2022 Art 73.1.a): the registry has nothing to count for 73.1.b here.
    const nomination = await makeNomination(
      t,
      {
        ...byDepartment(tree, 2023, 'BANG_KHEN_THU_TUONG', person.id),
        criterion: '73.1.a',
        justification: 'Thành tích xuất sắc trong phong trào thi đua do Thủ tướng Chính phủ phát động',
      },
      hr,
    );
    await t.http.post(`/api/v1/nominations/${nomination.id}/submit`).set(bearer(hr)).expect(200);
    // The review's council of 3, on file from above (the approver cannot set its own council's size).
    await recordCouncilSize(t, tree.department.id, 3);
    await t.http
      .post(`/api/v1/nominations/${nomination.id}/votes`)
      .set(bearer(approver))
      .send({ ...MEETING, members: 3, present: 3, yes: 3 })
      .expect(201);
    await t.http.post(`/api/v1/nominations/${nomination.id}/approve`).set(bearer(approver)).expect(200);
    return { nomination, approver };
  }

  describe('the review’s reproduction is refused', () => {
    it('a department issuing as PRIME_MINISTER its own approved Bằng khen của Thủ tướng → 422 R-AUTH-4, nothing recorded', async () => {
      const { nomination, approver } = await departmentApprovedBangKhenThuTuong();
      const response = await post(
        body(tree.department.id, [nomination.id], { authority: 'PRIME_MINISTER' }),
        approver,
      ).expect(422);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('RULE_VIOLATION');
      expect(rules(response)).toContain('R-AUTH-4');
      const stated = response.body.violations.find((v: { rule: string }) => v.rule === 'R-AUTH-4');
      expect(stated.message).toContain('issues as DEPARTMENT_HEAD');
      expect(stated.message).toContain('not as PRIME_MINISTER');
      // Checked against what the department really holds, the award itself is refused too.
      expect(rules(response)).toEqual(['R-AUTH-1', 'R-AUTH-4']);
      await expectNothingRecorded([nomination.id]);
    });

    it('a department stating PROVINCE_CHAIR → 422 R-AUTH-4', async () => {
      const { nomination, approver } = await departmentApprovedBangKhenThuTuong();
      const response = await post(
        body(tree.department.id, [nomination.id], { authority: 'PROVINCE_CHAIR' }),
        approver,
      ).expect(422);
      expect(rules(response)).toEqual(['R-AUTH-1', 'R-AUTH-4']);
      expect(response.body.violations.map((v: { message: string }) => v.message).join(' ')).toContain(
        'not as PROVINCE_CHAIR',
      );
      await expectNothingRecorded([nomination.id]);
    });

    it('a department omitting the authority with a Bằng khen của Thủ tướng → 422: the Prime Minister decides it', async () => {
      const { nomination, approver } = await departmentApprovedBangKhenThuTuong();
      const response = await post(body(tree.department.id, [nomination.id]), approver).expect(422);
      expect(rules(response)).toEqual(['R-AUTH-1']);
      expect(response.body.violations[0].message).toContain('Bằng khen của Thủ tướng Chính phủ is not allowed');
      expect(response.body.violations[0].message).toContain('decided by the Prime Minister only');
      await expectNothingRecorded([nomination.id]);
    });

    it.each(['BANG_KHEN_THU_TUONG', 'CHIEN_SI_THI_DUA_TOAN_QUOC', 'CO_THI_DUA_CHINH_PHU'])(
      'the province, which only proposes %s, cannot decide it (422 R-AUTH-4), stated or not',
      async (awardCode) => {
        const person = await makeIndividual(t, tree.unit.id);
        const nominee = awardCode === 'CO_THI_DUA_CHINH_PHU' ? { organizationId: tree.department.id } : person.id;
        // A nominee who qualifies (the decision re-judges the line): only the authority stands in the way.
        if (awardCode === 'CHIEN_SI_THI_DUA_TOAN_QUOC') {
          // Two consecutive CSTĐ tỉnh terms ending in 2022 and a nation-wide initiative (Law 2022 Art 21).
          for (const year of [2019, 2022]) {
            await makeApprovedNomination(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_TINH', person.id));
          }
          await addInitiative(t, person.id, 2022, 'NATIONAL');
        }
        const attested =
          awardCode === 'BANG_KHEN_THU_TUONG'
            ? {
                criterion: '73.1.a',
                justification: 'Thành tích xuất sắc trong phong trào thi đua do Thủ tướng phát động',
              }
            : {};
        const nomination = await makeApprovedNomination(t, {
          ...byDepartment(tree, 2023, awardCode, nominee),
          ...attested,
        });
        const approver = await t.token('APPROVER', tree.province.id);
        const province = { signerName: 'Lê Thành Đô', signerTitle: 'Chủ tịch' };
        const omitted = await post(body(tree.province.id, [nomination.id], province), approver).expect(422);
        expect(rules(omitted)).toEqual(['R-AUTH-4']);
        expect(omitted.body.violations[0].message).toContain('decided by the Prime Minister only');
        const asPrimeMinister = await post(
          body(tree.province.id, [nomination.id], { ...province, authority: 'PRIME_MINISTER' }),
          approver,
        ).expect(422);
        expect(rules(asPrimeMinister)).toEqual(['R-AUTH-4', 'R-AUTH-4']);
        await expectNothingRecorded([nomination.id]);
      },
    );
  });

  describe('the authority is derived when omitted, and stored as derived', () => {
    it('department → DEPARTMENT_HEAD, province → PROVINCE_CHAIR', async () => {
      // Two people: a regular Giấy khen and Bằng khen tỉnh of one year for one person are duplicates (R-DUP-1).
      const person = await makeIndividual(t, tree.unit.id);
      const other = await makeIndividual(t, tree.unit.id);
      await makeEligible(t, other.id, 'BANG_KHEN_TINH', 2023);
      const giayKhen = await makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', person.id));
      const bangKhen = await makeApprovedNomination(t, byDepartment(tree, 2023, 'BANG_KHEN_TINH', other.id));

      const department = await post(body(tree.department.id, [giayKhen.id])).expect(201);
      expect(department.body).toMatchObject({ number: '01/QĐ-STTTT', authority: 'DEPARTMENT_HEAD' });
      const province = await post(
        body(tree.province.id, [bangKhen.id], { signerName: 'Vừ A Bằng', signerTitle: 'Phó Chủ tịch' }),
      ).expect(201);
      expect(province.body).toMatchObject({ number: '01/QĐ-UBND', authority: 'PROVINCE_CHAIR' });

      const stored = await t.db.query<{ number_text: string; authority: string }[]>(
        'SELECT number_text, authority FROM decisions ORDER BY number_text',
      );
      expect(stored).toEqual([
        { number_text: '01/QĐ-STTTT', authority: 'DEPARTMENT_HEAD' },
        { number_text: '01/QĐ-UBND', authority: 'PROVINCE_CHAIR' },
      ]);
      const listed = await t.http.get('/api/v1/decisions?authority=PROVINCE_CHAIR').expect(200);
      expect(listed.body.items.map((d: { number: string }) => d.number)).toEqual(['01/QĐ-UBND']);
    });

    it('a stated authority that agrees is accepted', async () => {
      const person = await makeIndividual(t, tree.unit.id);
      const nomination = await makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', person.id));
      const response = await post(body(tree.department.id, [nomination.id], { authority: 'DEPARTMENT_HEAD' })).expect(
        201,
      );
      expect(response.body.authority).toBe('DEPARTMENT_HEAD');
    });

    it('a district issues as DISTRICT_CHAIR until 2025-06-30 and not after (districts abolished)', async () => {
      const district = await makeOrganization(t, {
        kind: 'DISTRICT',
        name: 'UBND huyện Mường Ảng',
        parentId: tree.province.id,
        documentSymbol: 'UBND-MA',
      });
      const person = await makeIndividual(t, district.id);
      const early = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2024,
        individualId: person.id,
        proposingOrganizationId: district.id,
      });
      const late = await makeApprovedNomination(t, {
        awardCode: 'GIAY_KHEN',
        year: 2025,
        individualId: person.id,
        proposingOrganizationId: district.id,
        regime: 'TDKT_2022_ND152',
      });
      const chair = { signerName: 'Lò Văn Mến', signerTitle: 'Chủ tịch' };
      const onTime = await post(body(district.id, [early.id], { ...chair, issuedOn: '2025-06-30' })).expect(201);
      expect(onTime.body.authority).toBe('DISTRICT_CHAIR');
      const after = await post(body(district.id, [late.id], { ...chair, issuedOn: '2025-07-01' })).expect(422);
      expect(rules(after)).toEqual(['R-AUTH-4']);
      expect(after.body.violations[0].message).toContain('no longer exist from 2025-07-01');
    });

    it.each(['UNIT', 'OTHER'])('a %s has no authority of its own: 422 R-AUTH-4, stated or not', async (kind) => {
      const issuer = await makeOrganization(t, {
        kind,
        name: 'Văn phòng Sở',
        parentId: tree.department.id,
        documentSymbol: 'VP',
      });
      const person = await makeIndividual(t, issuer.id);
      const nomination = await makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', person.id));
      const omitted = await post(body(issuer.id, [nomination.id])).expect(422);
      expect(rules(omitted)).toEqual(['R-AUTH-4']);
      expect(omitted.body.violations[0].message).toContain('Văn phòng Sở');
      expect(omitted.body.violations[0].message).toContain('no competence of its own');
      const stated = await post(body(issuer.id, [nomination.id], { authority: 'DEPARTMENT_HEAD' })).expect(422);
      expect(rules(stated)).toEqual(['R-AUTH-4']);
      await expectNothingRecorded([nomination.id]);
    });
  });

  describe('scope (held before R-AUTH-4: kept as a regression test)', () => {
    it('a department’s approver cannot issue for its province (403 OUT_OF_SCOPE) nor for another department', async () => {
      const person = await makeIndividual(t, tree.unit.id);
      const nomination = await makeApprovedNomination(t, byDepartment(tree, 2023, 'BANG_KHEN_TINH', person.id));
      const approver = await t.token('APPROVER', tree.department.id);
      const asChair = { authority: 'PROVINCE_CHAIR', signerTitle: 'Chủ tịch' };
      const province = await post(body(tree.province.id, [nomination.id], asChair), approver).expect(403);
      expect(province.headers['content-type']).toMatch(PROBLEM);
      expect(province.body.code).toBe('OUT_OF_SCOPE');
      const other = await post(
        body(tree.otherDepartment.id, [nomination.id], { authority: 'DEPARTMENT_HEAD' }),
        approver,
      ).expect(403);
      expect(other.body.code).toBe('OUT_OF_SCOPE');
      await expectNothingRecorded([nomination.id]);
    });
  });

  describe('printing', () => {
    const pdfOf = async (awardId: string) => {
      const response = await t.http
        .get(`/api/v1/awards/${awardId}/certificate.pdf`)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const [page] = await readPdf(response.body as Buffer);
      return page.text;
    };

    it('heads a Sở’s certificate with its province’s committee and its Director, a province’s with its Chairman', async () => {
      // Two people: a regular Giấy khen and Bằng khen tỉnh of one year for one person are duplicates (R-DUP-1).
      const person = await makeIndividual(t, tree.unit.id, { fullName: 'Nguyễn Thị Hương' });
      const other = await makeIndividual(t, tree.unit.id, { fullName: 'Lò Thị Mai' });
      await makeEligible(t, other.id, 'BANG_KHEN_TINH', 2023);
      const giayKhen = await makeApprovedNomination(t, byDepartment(tree, 2023, 'GIAY_KHEN', person.id));
      const bangKhen = await makeApprovedNomination(t, byDepartment(tree, 2023, 'BANG_KHEN_TINH', other.id));
      const department = await makeDecision(t, {
        issuerOrganizationId: tree.department.id,
        nominationIds: [giayKhen.id],
      });
      const province = await makeDecision(t, {
        issuerOrganizationId: tree.province.id,
        nominationIds: [bangKhen.id],
        signerName: 'Vừ A Bằng',
        signerTitle: 'Phó Chủ tịch',
        signingMode: 'ON_BEHALF',
      });

      const sở = await pdfOf(department.awards[0].id);
      expect(sở).toContain('UBND TỈNH ĐIỆN BIÊN GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG GIẤY KHEN');
      expect(sở).toContain('của Giám đốc Sở Thông tin và Truyền thông');
      const tỉnh = await pdfOf(province.awards[0].id);
      expect(tỉnh).toContain('CHỦ TỊCH UBND TỈNH ĐIỆN BIÊN BẰNG KHEN');
      expect(tỉnh).toContain('KT. CHỦ TỊCH');
    });

    it('a decision recorded by a department as PRIME_MINISTER (before the fix) still prints as the Sở’s, never "THỦ TƯỚNG CHÍNH PHỦ"', async () => {
      const person = await makeIndividual(t, tree.unit.id, { fullName: 'Trần Văn Bình' });
      const nomination = await makeApprovedNomination(t, byDepartment(tree, 2023, 'BANG_KHEN_THU_TUONG', person.id));
      // The row the review's request left behind, written as it was then.
      const [decision] = await t.db.query<{ id: string }[]>(
        `INSERT INTO decisions (issuer_organization_id, authority, year, number, number_text, issued_on, signer_name,
                                signer_title, signing_mode, regime)
         VALUES ($1, 'PRIME_MINISTER', 2024, 2, '02/QĐ-SA', '2024-02-01', 'Vũ Anh Dũng', 'Phó Giám đốc', 'ON_BEHALF',
                 'TDKT_2022_ND98') RETURNING id`,
        [tree.department.id],
      );
      const [award] = await t.db.query<{ id: string }[]>(
        `INSERT INTO awards (decision_id, decision_number, nomination_id, year, award_code, basis, recipient_kind,
                             individual_id, organization_id, proposing_organization_id, recipient_name, organization_name,
                             issued_on, regime, bonus_amount, verification_code, period_from, period_to)
         VALUES ($1, (SELECT number_text FROM decisions WHERE id = $1), $2, 2023, 'BANG_KHEN_THU_TUONG', 'REGULAR', 'INDIVIDUAL', $3, $4, $5, 'Trần Văn Bình', $6,
                 '2024-02-01', 'TDKT_2022_ND98', 12600000, 'TEST-AUTH4-0001', 2019, 2023) RETURNING id`,
        [decision.id, nomination.id, person.id, tree.unit.id, tree.department.id, tree.unit.name],
      );
      const text = await pdfOf(award.id);
      expect(text).toContain('UBND TỈNH ĐIỆN BIÊN GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG');
      expect(text).toContain('của Giám đốc Sở Thông tin và Truyền thông');
      expect(text).toContain('KT. GIÁM ĐỐC');
      expect(text).not.toContain('THỦ TƯỚNG');
      expect(text).not.toContain('Thủ tướng Chính phủ');
    });
  });
});
