import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { importCsv, makeIndividual, makeTree, setRating } from '../support/factories.js';
import { bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Vietnamese first, English on request: with no Accept-Language every text a person reads is Vietnamese and says so
 * (Content-Language: vi); with `en` the same answers are English; machine fields never change.
 */
describe('languages (Accept-Language, Content-Language)', () => {
  let t: TestApp;
  let tree: Awaited<ReturnType<typeof makeTree>>;
  let hr: string;
  let person: { id: string };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await t.reset();
    tree = await makeTree(t);
    hr = await t.token('HR_OFFICER', tree.department.id);
    person = await makeIndividual(t, tree.unit.id, { fullName: 'Điêu Thị Xuân' });
    await setRating(t, person.id, 2023, 'HT');
  });

  const check = (language?: string) => {
    const request = t.http.post('/api/v1/nominations/check').set(bearer(hr));
    if (language !== undefined) request.set('accept-language', language);
    return request.send({
      year: 2023,
      awardCode: 'LAO_DONG_TIEN_TIEN',
      basis: 'REGULAR',
      individualId: person.id,
      proposingOrganizationId: tree.department.id,
      achievements: 'Hoàn thành nhiệm vụ',
      expectedDecisionOn: '2024-01-23',
    });
  };

  it('an eligibility check: Vietnamese citing the law by default, English with en, the same rule ids', async () => {
    const vi = await check().expect(200);
    expect(vi.headers['content-language']).toBe('vi');
    expect(vi.headers.vary).toMatch(/accept-language/i);
    const ldtt = (body: { eligibility: { checks: { rule: string; message: string }[] } }) =>
      body.eligibility.checks.find((c) => c.rule === 'R-LDTT-1');
    expect(ldtt(vi.body)?.message).toBe(
      'Danh hiệu Lao động tiên tiến năm 2023 yêu cầu xếp loại Hoàn thành tốt nhiệm vụ trở lên (Điều 24 Luật Thi đua, khen thưởng 2022); năm 2023: Hoàn thành nhiệm vụ.',
    );
    const en = await check('en-GB,en;q=0.9,vi;q=0.5').expect(200);
    expect(en.headers['content-language']).toBe('en');
    expect(ldtt(en.body)?.message).toBe(
      'Lao động tiên tiến 2023 needs rating HTT or HTXS in 2023 (Law 2022 Art 24); rating 2023 is HT',
    );
    const strip = (body: { eligibility: { checks: { message?: string }[] } }) =>
      body.eligibility.checks.map(({ message: _message, ...rest }) => rest);
    expect(strip(en.body)).toEqual(strip(vi.body));
    // Vietnamese preferred over English by q-value; an unknown language falls back to Vietnamese.
    expect((await check('en;q=0.3, vi').expect(200)).headers['content-language']).toBe('vi');
    expect((await check('fr-FR').expect(200)).headers['content-language']).toBe('vi');
  });

  it('a 422 with violations', async () => {
    const draft = await t.http
      .post('/api/v1/nominations')
      .set(bearer(hr))
      .send({
        year: 2023,
        awardCode: 'LAO_DONG_TIEN_TIEN',
        basis: 'REGULAR',
        individualId: person.id,
        proposingOrganizationId: tree.department.id,
        achievements: 'Hoàn thành nhiệm vụ',
        expectedDecisionOn: '2024-01-23',
      })
      .expect(201);
    const submit = (language?: string) => {
      const request = t.http.post(`/api/v1/nominations/${draft.body.id}/submit`).set(bearer(hr));
      return language ? request.set('accept-language', language) : request;
    };
    const vi = await submit().expect(422);
    expect(vi.headers['content-type']).toMatch(PROBLEM);
    expect(vi.headers['content-language']).toBe('vi');
    expect(vi.body).toMatchObject({
      code: 'RULE_VIOLATION',
      title: 'Vi phạm quy định',
      detail: 'Đề nghị chưa đủ điều kiện, tiêu chuẩn khen thưởng: danh sách dưới đây nêu mọi quy định chưa đáp ứng',
      violations: [{ rule: 'R-LDTT-1', message: expect.stringContaining('Điều 24 Luật Thi đua, khen thưởng 2022') }],
    });
    const en = await submit('en').expect(422);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body).toMatchObject({
      code: 'RULE_VIOLATION',
      title: 'A rule forbids this',
      detail: 'The nomination is not eligible: every failing rule is listed',
      violations: [{ rule: 'R-LDTT-1', message: expect.stringContaining('(Law 2022 Art 24)') }],
    });
  });

  it('a 400 from class-validator and a 404', async () => {
    const bad = (language?: string) => {
      const request = t.http.post('/api/v1/nominations/check').set(bearer(hr));
      if (language) request.set('accept-language', language);
      return request.send({ year: 1800, awardCode: 'GIAY_KHEN', basis: 'REGULAR', extra: 1 });
    };
    const vi = await bad().expect(400);
    expect(vi.headers['content-language']).toBe('vi');
    expect(vi.body.title).toBe('Yêu cầu không hợp lệ');
    expect(vi.body.code).toBe('VALIDATION_FAILED');
    expect(vi.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'extra', message: 'trường extra không được phép gửi' },
        { field: 'year', message: 'year không được nhỏ hơn 1945' },
      ]),
    );
    expect(vi.body.detail).toContain('year: year không được nhỏ hơn 1945');
    const en = await bad('en').expect(400);
    expect(en.body.title).toBe('Invalid request');
    expect(en.body.errors).toEqual(
      expect.arrayContaining([{ field: 'year', message: 'year must not be less than 1945' }]),
    );
    expect(en.body.errors.map((e: { field: string }) => e.field)).toEqual(
      vi.body.errors.map((e: { field: string }) => e.field),
    );

    const missing = await t.http.get(`/api/v1/nominations/${UNKNOWN_ID}`).set(bearer(hr)).expect(404);
    expect(missing.headers['content-language']).toBe('vi');
    expect(missing.body).toMatchObject({
      code: 'NOT_FOUND',
      title: 'Không tìm thấy',
      detail: `Không tồn tại đề nghị khen thưởng ${UNKNOWN_ID}`,
    });
    const missingEn = await t.http
      .get(`/api/v1/nominations/${UNKNOWN_ID}`)
      .set(bearer(hr))
      .set('accept-language', 'en')
      .expect(404);
    expect(missingEn.body).toMatchObject({ title: 'Not found', detail: `Nomination ${UNKNOWN_ID} does not exist` });
    const route = await t.http.get('/api/v1/no-such-route').expect(404);
    expect(route.body.title).toBe('Không tìm thấy');
    expect(route.body.detail).toMatch(/^Không có đường dẫn GET \/api\/v1\/no-such-route$/);
  });

  it('an import error, row by row', async () => {
    const file = importCsv([
      ['year', 'awardCode', 'basis', 'individualId', 'proposingOrganizationId', 'achievements'],
      ['2023', 'GIAY_KHEN', 'REGULAR', UNKNOWN_ID, tree.department.id, 'Hoàn thành tốt nhiệm vụ'],
    ]);
    const upload = (language?: string) => {
      const request = t.http.post('/api/v1/nominations/import').set(bearer(hr));
      if (language) request.set('accept-language', language);
      return request.attach('file', file, 'de-nghi.csv');
    };
    const vi = await upload().expect(422);
    expect(vi.headers['content-language']).toBe('vi');
    expect(vi.body).toMatchObject({
      code: 'IMPORT_INVALID',
      title: 'Không thể nhập tệp',
      detail: '1 lỗi ở 1 dòng: chưa nhập dữ liệu nào; hãy sửa mọi dòng nêu trong errors rồi tải tệp lên lại',
      errors: [{ row: 2, field: 'individualId', message: `Không tồn tại cá nhân ${UNKNOWN_ID}` }],
    });
    const en = await upload('en').expect(422);
    expect(en.headers['content-language']).toBe('en');
    expect(en.body.errors).toEqual([
      { row: 2, field: 'individualId', message: `Individual ${UNKNOWN_ID} does not exist` },
    ]);
  });

  it('an export says which language its headers are in', async () => {
    const auditor = await t.token('AUDITOR');
    const csv = await t.http.get('/api/v1/exports/awards.csv').set(bearer(auditor)).set('accept-language', 'en');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-language']).toBe('en');
  });
});
