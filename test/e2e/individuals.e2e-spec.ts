import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { makeIndividual, makeTree } from '../support/factories.js';
import { BOOTSTRAP_TOKEN, bearer, createTestApp, type TestApp } from '../support/test-app.js';

const PROBLEM = /application\/problem\+json/;
const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';
const admin = bearer(BOOTSTRAP_TOKEN);
const fields = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((error) => error.field);
const names = (body: { items: { fullName: string }[] }) => body.items.map((item) => item.fullName);

describe('individuals', () => {
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

  /** The demo tree plus an HR officer of the department (who may act in the unit, not in the other department). */
  async function setup() {
    const tree = await makeTree(t);
    const hr = bearer(await t.token('HR_OFFICER', tree.department.id));
    return { tree, hr };
  }

  describe('POST /individuals', () => {
    it('registers a person with personal data and reads it back', async () => {
      const { tree, hr } = await setup();
      const created = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({
          fullName: '  Nguyễn   Văn An ',
          gender: 'MALE',
          birthDate: '1985-04-12',
          nationalId: '011085001234',
          position: 'Chuyên viên',
          organizationId: tree.unit.id,
          joinedOn: '2010-09-01',
        })
        .expect(201);
      expect(created.body).toMatchObject({
        fullName: 'Nguyễn Văn An',
        gender: 'MALE',
        birthDate: '1985-04-12',
        nationalId: '011085001234',
        position: 'Chuyên viên',
        organizationId: tree.unit.id,
        joinedOn: '2010-09-01',
      });
      expect(created.body.id).toMatch(/^[0-9a-f-]{36}$/);
      const read = await t.http.get(`/api/v1/individuals/${created.body.id}`).set(hr).expect(200);
      expect(read.body).toEqual(created.body);
    });

    it('accepts a 9-digit CMND and a minimal body', async () => {
      const { tree } = await setup();
      const response = await t.http
        .post('/api/v1/individuals')
        .set(admin)
        .send({ fullName: 'Lò Thị Mai', nationalId: '040123456', organizationId: tree.unit.id })
        .expect(201);
      expect(response.body).toMatchObject({
        gender: null,
        birthDate: null,
        position: null,
        joinedOn: null,
        nationalId: '040123456',
      });
    });

    it('answers 400 for unknown fields, impossible or future dates, bad ids and bad national ids', async () => {
      const { tree, hr } = await setup();
      const response = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({
          fullName: '   ',
          gender: 'X',
          birthDate: '2023-02-30',
          nationalId: '0110850012',
          organizationId: 'nope',
          joinedOn: '2024-13-01',
          salary: 1,
        })
        .expect(400);
      expect(response.headers['content-type']).toMatch(PROBLEM);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(fields(response.body)).toEqual(
        expect.arrayContaining([
          'fullName',
          'gender',
          'birthDate',
          'nationalId',
          'organizationId',
          'joinedOn',
          'salary',
        ]),
      );

      const future = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'A', organizationId: tree.unit.id, birthDate: '2999-01-01' })
        .expect(400);
      expect(fields(future.body)).toContain('birthDate');
      const notIso = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'A', organizationId: tree.unit.id, birthDate: '12/04/1985' })
        .expect(400);
      expect(fields(notIso.body)).toEqual(['birthDate']);
      const order = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'A', organizationId: tree.unit.id, birthDate: '1990-01-01', joinedOn: '1989-01-01' })
        .expect(400);
      expect(fields(order.body)).toEqual(['joinedOn']);
      // Entering public service comes before joining this unit (a transferee), never after (Circular 01/2024).
      const recruitedLater = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'A', organizationId: tree.unit.id, joinedOn: '2015-01-01', recruitedOn: '2016-01-01' })
        .expect(400);
      expect(fields(recruitedLater.body)).toEqual(['recruitedOn']);
      const transferee = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'A', organizationId: tree.unit.id, joinedOn: '2024-11-01', recruitedOn: '2010-09-01' })
        .expect(201);
      expect(transferee.body).toMatchObject({ joinedOn: '2024-11-01', recruitedOn: '2010-09-01' });
      const tooLong = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'A'.repeat(201), organizationId: tree.unit.id })
        .expect(400);
      expect(fields(tooLong.body)).toEqual(['fullName']);
      const missing = await t.http.post('/api/v1/individuals').set(hr).send({}).expect(400);
      expect(fields(missing.body)).toEqual(expect.arrayContaining(['fullName', 'organizationId']));
    });

    it('answers 401 without a token and 403 for auditors, approvers and HR officers out of scope', async () => {
      const { tree, hr } = await setup();
      const body = { fullName: 'Trần Thị Bình', organizationId: tree.unit.id };
      const anonymous = await t.http.post('/api/v1/individuals').send(body).expect(401);
      expect(anonymous.headers['content-type']).toMatch(PROBLEM);
      const auditor = bearer(await t.token('AUDITOR'));
      expect((await t.http.post('/api/v1/individuals').set(auditor).send(body).expect(403)).body.code).toBe(
        'FORBIDDEN',
      );
      const approver = bearer(await t.token('APPROVER', tree.department.id));
      await t.http.post('/api/v1/individuals').set(approver).send(body).expect(403);
      const outside = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ ...body, organizationId: tree.otherDepartment.id })
        .expect(403);
      expect(outside.body.code).toBe('OUT_OF_SCOPE');
      const above = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ ...body, organizationId: tree.province.id })
        .expect(403);
      expect(above.body.code).toBe('OUT_OF_SCOPE');
    });

    it('answers 422 INVALID_REFERENCE for an unknown organization and 409 NATIONAL_ID_TAKEN for a duplicate', async () => {
      const { tree, hr } = await setup();
      const unknown = await t.http
        .post('/api/v1/individuals')
        .set(admin)
        .send({ fullName: 'A', organizationId: UNKNOWN_ID })
        .expect(422);
      expect(unknown.body.code).toBe('INVALID_REFERENCE');
      expect(fields(unknown.body)).toEqual(['organizationId']);
      const unknownForHr = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'A', organizationId: UNKNOWN_ID })
        .expect(422);
      expect(unknownForHr.body.code).toBe('INVALID_REFERENCE');

      await makeIndividual(t, tree.unit.id, { nationalId: '011085001234' });
      const duplicate = await t.http
        .post('/api/v1/individuals')
        .set(hr)
        .send({ fullName: 'B', organizationId: tree.department.id, nationalId: '011085001234' })
        .expect(409);
      expect(duplicate.headers['content-type']).toMatch(PROBLEM);
      expect(duplicate.body.code).toBe('NATIONAL_ID_TAKEN');
    });
  });

  describe('national ids outside the scope', () => {
    /** What a caller can tell two answers apart by; the request id aside. */
    const answer = (response: { status: number; body: Record<string, unknown> }) => ({
      status: response.status,
      code: response.body.code,
      title: response.body.title,
      detail: response.body.detail,
      errors: response.body.errors,
      constraint: response.body.constraint,
    });

    it('answers POST and PATCH the same 409 whether the holder is in the scope or not, naming no person or organization', async () => {
      const { tree, hr } = await setup();
      const mine = await makeIndividual(t, tree.unit.id, { nationalId: '011085001111' });
      const theirs = await makeIndividual(t, tree.otherDepartment.id, { nationalId: '011085002222' });
      const register = (nationalId: string) =>
        t.http
          .post('/api/v1/individuals')
          .set(hr)
          .send({ fullName: 'Lường Văn Mới', organizationId: tree.unit.id, nationalId });
      const inScope = await register('011085001111');
      const outOfScope = await register('011085002222');
      expect(inScope.status).toBe(409);
      expect(answer(outOfScope)).toEqual(answer(inScope));
      expect(outOfScope.body.code).toBe('NATIONAL_ID_TAKEN');

      const person = await makeIndividual(t, tree.unit.id);
      const change = (nationalId: string) =>
        t.http.patch(`/api/v1/individuals/${person.id}`).set(hr).send({ nationalId });
      const patchedInScope = await change('011085001111');
      const patchedOutOfScope = await change('011085002222');
      expect(answer(patchedOutOfScope)).toEqual(answer(patchedInScope));
      expect(answer(patchedOutOfScope)).toEqual(answer(outOfScope));

      for (const response of [inScope, outOfScope, patchedInScope, patchedOutOfScope]) {
        const text = JSON.stringify(response.body);
        for (const id of [mine.id, theirs.id, tree.unit.id, tree.otherDepartment.id]) expect(text).not.toContain(id);
        expect(text).not.toMatch(/Sở Tài chính|organization [0-9a-f]{8}-/i);
      }
      // The person outside the scope is unchanged, and the caller's own person kept no national id.
      const after = await t.http.get(`/api/v1/individuals/${person.id}`).set(hr).expect(200);
      expect(after.body.nationalId).toBeNull();
    });
  });

  describe('GET /individuals/{id}', () => {
    it('is readable by auditors and by HR officers and approvers in scope; 403 out of scope', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id, { birthDate: '1990-05-05' });
      const auditor = bearer(await t.token('AUDITOR'));
      expect((await t.http.get(`/api/v1/individuals/${person.id}`).set(auditor).expect(200)).body.birthDate).toBe(
        '1990-05-05',
      );
      await t.http.get(`/api/v1/individuals/${person.id}`).set(hr).expect(200);
      const approver = bearer(await t.token('APPROVER', tree.unit.id));
      await t.http.get(`/api/v1/individuals/${person.id}`).set(approver).expect(200);
      const otherHr = bearer(await t.token('HR_OFFICER', tree.otherDepartment.id));
      expect((await t.http.get(`/api/v1/individuals/${person.id}`).set(otherHr).expect(403)).body.code).toBe(
        'OUT_OF_SCOPE',
      );
    });

    it('answers 400 for a malformed id, 404 for an unknown one, 401 without a token', async () => {
      const { tree } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      const badId = await t.http.get('/api/v1/individuals/not-a-uuid').set(admin).expect(400);
      expect(badId.body.errors).toEqual([{ field: 'id', message: 'phải là một UUID' }]);
      const missing = await t.http.get(`/api/v1/individuals/${UNKNOWN_ID}`).set(admin).expect(404);
      expect(missing.headers['content-type']).toMatch(PROBLEM);
      expect(missing.body.code).toBe('NOT_FOUND');
      await t.http.get(`/api/v1/individuals/${person.id}`).expect(401);
    });
  });

  describe('PATCH /individuals/{id}', () => {
    it('updates fields, clears optional ones with null, and moves a person within scope', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id, { gender: 'FEMALE', position: 'Chuyên viên' });
      const updated = await t.http
        .patch(`/api/v1/individuals/${person.id}`)
        .set(hr)
        .send({ position: 'Phó Giám đốc', gender: null, organizationId: tree.department.id })
        .expect(200);
      expect(updated.body).toMatchObject({
        position: 'Phó Giám đốc',
        gender: null,
        organizationId: tree.department.id,
        fullName: person.fullName,
      });
    });

    it('refuses a move out of scope or from out of scope with 403, and to an unknown organization with 422', async () => {
      const { tree, hr } = await setup();
      const mine = await makeIndividual(t, tree.unit.id);
      const theirs = await makeIndividual(t, tree.otherDepartment.id);
      const out = await t.http
        .patch(`/api/v1/individuals/${mine.id}`)
        .set(hr)
        .send({ organizationId: tree.otherDepartment.id })
        .expect(403);
      expect(out.body.code).toBe('OUT_OF_SCOPE');
      await t.http.patch(`/api/v1/individuals/${theirs.id}`).set(hr).send({ organizationId: tree.unit.id }).expect(403);
      await t.http.patch(`/api/v1/individuals/${theirs.id}`).set(hr).send({ position: 'X' }).expect(403);
      const unknown = await t.http
        .patch(`/api/v1/individuals/${mine.id}`)
        .set(admin)
        .send({ organizationId: UNKNOWN_ID })
        .expect(422);
      expect(unknown.body.code).toBe('INVALID_REFERENCE');
      const after = await t.http.get(`/api/v1/individuals/${mine.id}`).set(admin).expect(200);
      expect(after.body.organizationId).toBe(tree.unit.id);
    });

    it('answers 400, 401, 403 (auditor), 404 and 409', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      await makeIndividual(t, tree.unit.id, { nationalId: '123456789' });
      const nulls = await t.http.patch(`/api/v1/individuals/${person.id}`).set(hr).send({ fullName: null }).expect(400);
      expect(fields(nulls.body)).toContain('fullName');
      const bad = await t.http
        .patch(`/api/v1/individuals/${person.id}`)
        .set(hr)
        .send({ birthDate: '2023-02-29', nickname: 'x' })
        .expect(400);
      expect(fields(bad.body)).toEqual(expect.arrayContaining(['birthDate', 'nickname']));
      await t.http.patch(`/api/v1/individuals/not-a-uuid`).set(hr).send({ position: 'X' }).expect(400);
      await t.http.patch(`/api/v1/individuals/${person.id}`).send({ position: 'X' }).expect(401);
      const auditor = bearer(await t.token('AUDITOR'));
      await t.http.patch(`/api/v1/individuals/${person.id}`).set(auditor).send({ position: 'X' }).expect(403);
      await t.http.patch(`/api/v1/individuals/${UNKNOWN_ID}`).set(hr).send({ position: 'X' }).expect(404);
      const taken = await t.http
        .patch(`/api/v1/individuals/${person.id}`)
        .set(hr)
        .send({ nationalId: '123456789' })
        .expect(409);
      expect(taken.body.code).toBe('NATIONAL_ID_TAKEN');
      const order = await t.http
        .patch(`/api/v1/individuals/${person.id}`)
        .set(hr)
        .send({ birthDate: '2000-01-01', joinedOn: '1999-01-01' })
        .expect(400);
      expect(fields(order.body)).toEqual(['joinedOn']);
    });
  });

  describe('GET /individuals', () => {
    it('finds names without diacritics or case', async () => {
      const { tree } = await setup();
      await makeIndividual(t, tree.unit.id, { fullName: 'Nguyễn Văn An' });
      await makeIndividual(t, tree.unit.id, { fullName: 'Trần Minh Đức' });
      await makeIndividual(t, tree.unit.id, { fullName: 'Lê Thị Hoa' });
      expect(
        names((await t.http.get('/api/v1/individuals').query({ q: 'nguyen van an' }).set(admin).expect(200)).body),
      ).toEqual(['Nguyễn Văn An']);
      expect(names((await t.http.get('/api/v1/individuals').query({ q: 'DUC' }).set(admin).expect(200)).body)).toEqual([
        'Trần Minh Đức',
      ]);
      expect(names((await t.http.get('/api/v1/individuals').query({ q: 'đức' }).set(admin).expect(200)).body)).toEqual([
        'Trần Minh Đức',
      ]);
      // Decomposed input (a combining tilde) matches too.
      expect(
        names((await t.http.get('/api/v1/individuals').query({ q: 'Nguye\u0302\u0303n' }).set(admin).expect(200)).body),
      ).toEqual(['Nguyễn Văn An']);
      // LIKE wildcards in the query are literal.
      expect((await t.http.get('/api/v1/individuals').query({ q: '%' }).set(admin).expect(200)).body.items).toEqual([]);
      expect((await t.http.get('/api/v1/individuals').query({ q: 'a_n' }).set(admin).expect(200)).body.items).toEqual(
        [],
      );
      expect(
        (
          await t.http
            .get('/api/v1/individuals')
            .query({ q: 'x'.repeat(201) })
            .set(admin)
            .expect(400)
        ).body.code,
      ).toBe('VALIDATION_FAILED');
    });

    it('filters by a whole subtree and limits HR officers and approvers to their scope', async () => {
      const { tree, hr } = await setup();
      await makeIndividual(t, tree.province.id, { fullName: 'A Tỉnh' });
      await makeIndividual(t, tree.department.id, { fullName: 'B Sở' });
      await makeIndividual(t, tree.unit.id, { fullName: 'C Trung tâm' });
      await makeIndividual(t, tree.otherDepartment.id, { fullName: 'D Sở khác' });

      const subtree = await t.http
        .get('/api/v1/individuals')
        .query({ organizationId: tree.department.id })
        .set(admin)
        .expect(200);
      expect(names(subtree.body)).toEqual(['B Sở', 'C Trung tâm']);
      const all = await t.http
        .get('/api/v1/individuals')
        .query({ organizationId: tree.province.id })
        .set(admin)
        .expect(200);
      expect(names(all.body)).toEqual(['A Tỉnh', 'B Sở', 'C Trung tâm', 'D Sở khác']);

      expect(names((await t.http.get('/api/v1/individuals').set(hr).expect(200)).body)).toEqual([
        'B Sở',
        'C Trung tâm',
      ]);
      const approver = bearer(await t.token('APPROVER', tree.unit.id));
      expect(names((await t.http.get('/api/v1/individuals').set(approver).expect(200)).body)).toEqual(['C Trung tâm']);
      // A filter above the scope is narrowed to the scope; one outside it finds nobody.
      expect(
        names(
          (await t.http.get('/api/v1/individuals').query({ organizationId: tree.province.id }).set(hr).expect(200))
            .body,
        ),
      ).toEqual(['B Sở', 'C Trung tâm']);
      expect(
        (await t.http.get('/api/v1/individuals').query({ organizationId: tree.otherDepartment.id }).set(hr).expect(200))
          .body.items,
      ).toEqual([]);
      const auditor = bearer(await t.token('AUDITOR'));
      expect((await t.http.get('/api/v1/individuals').set(auditor).expect(200)).body.items).toHaveLength(4);

      await t.http.get('/api/v1/individuals').query({ organizationId: 'nope' }).set(admin).expect(400);
      await t.http.get('/api/v1/individuals').query({ color: 'red' }).set(admin).expect(400);
    });

    it('pages with a keyset cursor in a stable order and rejects a forged cursor', async () => {
      const { tree } = await setup();
      for (const name of ['Vũ E', 'Hoàng C', 'Đặng B', 'Phạm D', 'Bùi A'])
        await makeIndividual(t, tree.unit.id, { fullName: name });
      // Two people with the same name still page without loss or repeat (id breaks the tie).
      await makeIndividual(t, tree.unit.id, { fullName: 'Hoàng C' });
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get('/api/v1/individuals')
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .set(admin)
          .expect(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items.map((item: { id: string }) => item.id));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(6);
      const everyone = await t.http.get('/api/v1/individuals').set(admin).expect(200);
      expect(everyone.body.items.map((item: { id: string }) => item.id)).toEqual(seen);
      expect(everyone.body.nextCursor).toBeNull();

      await t.http.get('/api/v1/individuals').query({ cursor: 'bm9wZQ' }).set(admin).expect(400);
      const forged = Buffer.from(JSON.stringify(['A', 'not-a-uuid'])).toString('base64url');
      await t.http.get('/api/v1/individuals').query({ cursor: forged }).set(admin).expect(400);
      await t.http.get('/api/v1/individuals').query({ limit: 0 }).set(admin).expect(400);
      await t.http.get('/api/v1/individuals').query({ limit: 201 }).set(admin).expect(400);
    });
  });

  describe('ratings', () => {
    it('sets a rating with PUT (upsert) and lists ratings newest year first', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      const first = await t.http
        .put(`/api/v1/individuals/${person.id}/ratings/2024`)
        .set(hr)
        .send({ rating: 'HTT' })
        .expect(200);
      expect(first.body).toMatchObject({ individualId: person.id, year: 2024, rating: 'HTT' });
      const again = await t.http
        .put(`/api/v1/individuals/${person.id}/ratings/2024`)
        .set(hr)
        .send({ rating: 'HTXS' })
        .expect(200);
      expect(again.body).toMatchObject({ year: 2024, rating: 'HTXS' });
      await t.http.put(`/api/v1/individuals/${person.id}/ratings/2023`).set(hr).send({ rating: 'HT' }).expect(200);
      await t.http.put(`/api/v1/individuals/${person.id}/ratings/2025`).set(hr).send({ rating: 'KHT' }).expect(200);

      const list = await t.http.get(`/api/v1/individuals/${person.id}/ratings`).set(hr).expect(200);
      expect(list.body.items.map((r: { year: number; rating: string }) => [r.year, r.rating])).toEqual([
        [2025, 'KHT'],
        [2024, 'HTXS'],
        [2023, 'HT'],
      ]);
      const page1 = await t.http
        .get(`/api/v1/individuals/${person.id}/ratings`)
        .query({ limit: 2 })
        .set(hr)
        .expect(200);
      const page2 = await t.http
        .get(`/api/v1/individuals/${person.id}/ratings`)
        .query({ limit: 2, cursor: page1.body.nextCursor })
        .set(hr)
        .expect(200);
      expect(page2.body.items.map((r: { year: number }) => r.year)).toEqual([2023]);
      expect(page2.body.nextCursor).toBeNull();
      const auditor = bearer(await t.token('AUDITOR'));
      await t.http.get(`/api/v1/individuals/${person.id}/ratings`).set(auditor).expect(200);
    });

    it('answers 400 for bad years, ratings and fields; 401; 403; 404', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      for (const year of ['1944', '2101', 'abc', '2024.5', '02024']) {
        const response = await t.http
          .put(`/api/v1/individuals/${person.id}/ratings/${year}`)
          .set(hr)
          .send({ rating: 'HT' });
        expect([year, response.status, fields(response.body)]).toEqual([year, 400, ['year']]);
      }
      await t.http.put(`/api/v1/individuals/${person.id}/ratings/1945`).set(hr).send({ rating: 'HT' }).expect(200);
      await t.http.put(`/api/v1/individuals/${person.id}/ratings/2100`).set(hr).send({ rating: 'HT' }).expect(200);
      const badRating = await t.http
        .put(`/api/v1/individuals/${person.id}/ratings/2024`)
        .set(hr)
        .send({ rating: 'GOOD', note: 'x' })
        .expect(400);
      expect(fields(badRating.body)).toEqual(expect.arrayContaining(['rating', 'note']));
      await t.http.put(`/api/v1/individuals/not-a-uuid/ratings/2024`).set(hr).send({ rating: 'HT' }).expect(400);
      await t.http.put(`/api/v1/individuals/${person.id}/ratings/2024`).send({ rating: 'HT' }).expect(401);
      const auditor = bearer(await t.token('AUDITOR'));
      await t.http.put(`/api/v1/individuals/${person.id}/ratings/2024`).set(auditor).send({ rating: 'HT' }).expect(403);
      const otherHr = bearer(await t.token('HR_OFFICER', tree.otherDepartment.id));
      expect(
        (
          await t.http
            .put(`/api/v1/individuals/${person.id}/ratings/2024`)
            .set(otherHr)
            .send({ rating: 'HT' })
            .expect(403)
        ).body.code,
      ).toBe('OUT_OF_SCOPE');
      await t.http.get(`/api/v1/individuals/${person.id}/ratings`).set(otherHr).expect(403);
      await t.http.put(`/api/v1/individuals/${UNKNOWN_ID}/ratings/2024`).set(hr).send({ rating: 'HT' }).expect(404);
      await t.http.get(`/api/v1/individuals/${UNKNOWN_ID}/ratings`).set(hr).expect(404);
      await t.http
        .get(`/api/v1/individuals/${person.id}/ratings`)
        .query({ cursor: Buffer.from('["2024"]').toString('base64url') })
        .set(hr)
        .expect(400);
    });
  });

  describe('initiatives', () => {
    it('records initiatives and lists them newest first', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      const created = await t.http
        .post(`/api/v1/individuals/${person.id}/initiatives`)
        .set(hr)
        .send({ year: 2023, title: 'Số hoá hồ sơ thi đua', level: 'UNIT', recognizedOn: '2023-12-15' })
        .expect(201);
      expect(created.body).toMatchObject({
        individualId: person.id,
        year: 2023,
        title: 'Số hoá hồ sơ thi đua',
        level: 'UNIT',
        recognizedOn: '2023-12-15',
      });
      await t.http
        .post(`/api/v1/individuals/${person.id}/initiatives`)
        .set(hr)
        .send({ year: 2024, title: 'Đề tài cấp tỉnh', level: 'PROVINCE', recognizedOn: '2025-01-10' })
        .expect(201);
      await t.http
        .post(`/api/v1/individuals/${person.id}/initiatives`)
        .set(hr)
        .send({ year: 2024, title: 'Sáng kiến thứ hai', level: 'UNIT', recognizedOn: '2024-11-01' })
        .expect(201);

      const list = await t.http.get(`/api/v1/individuals/${person.id}/initiatives`).set(hr).expect(200);
      expect(list.body.items.map((i: { title: string }) => i.title)).toEqual([
        'Đề tài cấp tỉnh',
        'Sáng kiến thứ hai',
        'Số hoá hồ sơ thi đua',
      ]);
      const page1 = await t.http
        .get(`/api/v1/individuals/${person.id}/initiatives`)
        .query({ limit: 2 })
        .set(hr)
        .expect(200);
      const page2 = await t.http
        .get(`/api/v1/individuals/${person.id}/initiatives`)
        .query({ limit: 2, cursor: page1.body.nextCursor })
        .set(hr)
        .expect(200);
      expect(page2.body.items.map((i: { title: string }) => i.title)).toEqual(['Số hoá hồ sơ thi đua']);
    });

    it('answers 400, 401, 403 and 404', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      const path = `/api/v1/individuals/${person.id}/initiatives`;
      const bad = await t.http
        .post(path)
        .set(hr)
        .send({ year: 1944, title: '', level: 'CITY', recognizedOn: '2023-02-30', extra: true })
        .expect(400);
      expect(fields(bad.body)).toEqual(expect.arrayContaining(['year', 'title', 'level', 'recognizedOn', 'extra']));
      const stringYear = await t.http
        .post(path)
        .set(hr)
        .send({ year: '2024', title: 'A', level: 'UNIT', recognizedOn: '2024-05-01' })
        .expect(400);
      expect(new Set(fields(stringYear.body))).toEqual(new Set(['year']));
      const early = await t.http
        .post(path)
        .set(hr)
        .send({ year: 2024, title: 'A', level: 'UNIT', recognizedOn: '2023-05-01' })
        .expect(400);
      expect(fields(early.body)).toEqual(['year']);
      const future = await t.http
        .post(path)
        .set(hr)
        .send({ year: 2024, title: 'A', level: 'UNIT', recognizedOn: '2099-05-01' })
        .expect(400);
      expect(fields(future.body)).toEqual(['recognizedOn']);
      const valid = { year: 2024, title: 'A', level: 'UNIT', recognizedOn: '2024-05-01' };
      await t.http.post(path).send(valid).expect(401);
      await t.http.get(path).expect(401);
      await t.http
        .post(path)
        .set(bearer(await t.token('AUDITOR')))
        .send(valid)
        .expect(403);
      const otherHr = bearer(await t.token('HR_OFFICER', tree.otherDepartment.id));
      await t.http.post(path).set(otherHr).send(valid).expect(403);
      await t.http.get(path).set(otherHr).expect(403);
      await t.http.post(`/api/v1/individuals/${UNKNOWN_ID}/initiatives`).set(hr).send(valid).expect(404);
      await t.http.get(`/api/v1/individuals/${UNKNOWN_ID}/initiatives`).set(hr).expect(404);
    });
  });

  describe('disciplinary cases', () => {
    it('opens a case (a hold), lists it, and closes it', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      const opened = await t.http
        .post(`/api/v1/individuals/${person.id}/disciplinary-cases`)
        .set(hr)
        .send({ kind: 'INVESTIGATION', openedOn: '2025-03-01', note: 'Quyết định thanh tra số 12' })
        .expect(201);
      expect(opened.body).toMatchObject({
        individualId: person.id,
        kind: 'INVESTIGATION',
        openedOn: '2025-03-01',
        note: 'Quyết định thanh tra số 12',
        closedOn: null,
        outcome: null,
        open: true,
      });
      await t.http
        .post(`/api/v1/individuals/${person.id}/disciplinary-cases`)
        .set(hr)
        .send({ kind: 'DISCIPLINE', openedOn: '2024-01-02' })
        .expect(201);

      const list = await t.http.get(`/api/v1/individuals/${person.id}/disciplinary-cases`).set(hr).expect(200);
      expect(list.body.items.map((c: { openedOn: string }) => c.openedOn)).toEqual(['2025-03-01', '2024-01-02']);
      const page2 = await t.http
        .get(`/api/v1/individuals/${person.id}/disciplinary-cases`)
        .query({
          limit: 1,
          cursor: (await t.http.get(`/api/v1/individuals/${person.id}/disciplinary-cases`).query({ limit: 1 }).set(hr))
            .body.nextCursor,
        })
        .set(hr)
        .expect(200);
      expect(page2.body.items.map((c: { kind: string }) => c.kind)).toEqual(['DISCIPLINE']);

      const closed = await t.http
        .post(`/api/v1/disciplinary-cases/${opened.body.id}/close`)
        .set(hr)
        .send({ closedOn: '2025-06-30', outcome: 'Không vi phạm' })
        .expect(200);
      expect(closed.body).toMatchObject({
        id: opened.body.id,
        closedOn: '2025-06-30',
        outcome: 'Không vi phạm',
        open: false,
      });
      const auditor = bearer(await t.token('AUDITOR'));
      const read = await t.http.get(`/api/v1/individuals/${person.id}/disciplinary-cases`).set(auditor).expect(200);
      expect(read.body.items.map((c: { open: boolean }) => c.open)).toEqual([false, true]);
    });

    it('answers 409 for closing twice and 422 for closing before opening', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      const opened = await t.http
        .post(`/api/v1/individuals/${person.id}/disciplinary-cases`)
        .set(hr)
        .send({ kind: 'INSPECTION', openedOn: '2025-03-01' })
        .expect(201);
      const early = await t.http
        .post(`/api/v1/disciplinary-cases/${opened.body.id}/close`)
        .set(hr)
        .send({ closedOn: '2025-02-28' })
        .expect(422);
      expect(early.headers['content-type']).toMatch(PROBLEM);
      expect(early.body.code).toBe('CLOSED_BEFORE_OPENED');
      await t.http
        .post(`/api/v1/disciplinary-cases/${opened.body.id}/close`)
        .set(hr)
        .send({ closedOn: '2025-03-01' })
        .expect(200);
      const twice = await t.http
        .post(`/api/v1/disciplinary-cases/${opened.body.id}/close`)
        .set(hr)
        .send({ closedOn: '2025-04-01' })
        .expect(409);
      expect(twice.body.code).toBe('CASE_ALREADY_CLOSED');
    });

    it('answers 400, 401, 403 and 404', async () => {
      const { tree, hr } = await setup();
      const person = await makeIndividual(t, tree.unit.id);
      const path = `/api/v1/individuals/${person.id}/disciplinary-cases`;
      const bad = await t.http
        .post(path)
        .set(hr)
        .send({ kind: 'ARREST', openedOn: '2025-02-30', reason: 'x' })
        .expect(400);
      expect(fields(bad.body)).toEqual(expect.arrayContaining(['kind', 'openedOn', 'reason']));
      const future = await t.http.post(path).set(hr).send({ kind: 'DISCIPLINE', openedOn: '2099-01-01' }).expect(400);
      expect(fields(future.body)).toEqual(['openedOn']);
      const valid = { kind: 'DISCIPLINE', openedOn: '2025-01-01' };
      await t.http.post(path).send(valid).expect(401);
      await t.http
        .post(path)
        .set(bearer(await t.token('AUDITOR')))
        .send(valid)
        .expect(403);
      await t.http
        .post(path)
        .set(bearer(await t.token('APPROVER', tree.unit.id)))
        .send(valid)
        .expect(403);
      const otherHr = bearer(await t.token('HR_OFFICER', tree.otherDepartment.id));
      await t.http.post(path).set(otherHr).send(valid).expect(403);
      await t.http.get(path).set(otherHr).expect(403);
      await t.http.post(`/api/v1/individuals/${UNKNOWN_ID}/disciplinary-cases`).set(hr).send(valid).expect(404);

      const opened = await t.http.post(path).set(hr).send(valid).expect(201);
      const close = `/api/v1/disciplinary-cases/${opened.body.id}/close`;
      const badClose = await t.http.post(close).set(hr).send({ closedOn: '2025-13-01', verdict: 'x' }).expect(400);
      expect(fields(badClose.body)).toEqual(expect.arrayContaining(['closedOn', 'verdict']));
      await t.http.post(close).set(hr).send({}).expect(400);
      await t.http
        .post('/api/v1/disciplinary-cases/not-a-uuid/close')
        .set(hr)
        .send({ closedOn: '2025-02-01' })
        .expect(400);
      await t.http.post(close).send({ closedOn: '2025-02-01' }).expect(401);
      await t.http
        .post(close)
        .set(bearer(await t.token('AUDITOR')))
        .send({ closedOn: '2025-02-01' })
        .expect(403);
      expect((await t.http.post(close).set(otherHr).send({ closedOn: '2025-02-01' }).expect(403)).body.code).toBe(
        'OUT_OF_SCOPE',
      );
      await t.http
        .post(`/api/v1/disciplinary-cases/${UNKNOWN_ID}/close`)
        .set(hr)
        .send({ closedOn: '2025-02-01' })
        .expect(404);
      // Nothing above closed it.
      const still = await t.http.get(path).set(hr).expect(200);
      expect(still.body.items[0].open).toBe(true);
    });
  });

  it('never answers a public caller: 401 on every individuals route', async () => {
    const { tree } = await setup();
    const person = await makeIndividual(t, tree.unit.id, { birthDate: '1980-01-01', nationalId: '001080000001' });
    const routes: [string, string][] = [
      ['post', '/api/v1/individuals'],
      ['get', '/api/v1/individuals'],
      ['get', `/api/v1/individuals/${person.id}`],
      ['patch', `/api/v1/individuals/${person.id}`],
      ['put', `/api/v1/individuals/${person.id}/ratings/2024`],
      ['get', `/api/v1/individuals/${person.id}/ratings`],
      ['post', `/api/v1/individuals/${person.id}/initiatives`],
      ['get', `/api/v1/individuals/${person.id}/initiatives`],
      ['post', `/api/v1/individuals/${person.id}/disciplinary-cases`],
      ['get', `/api/v1/individuals/${person.id}/disciplinary-cases`],
      ['post', `/api/v1/disciplinary-cases/${UNKNOWN_ID}/close`],
    ];
    for (const [method, path] of routes) {
      const request = (
        t.http as unknown as Record<
          string,
          (path: string) => { send(body: unknown): Promise<{ status: number; body: { code: string }; text: string }> }
        >
      )[method](path);
      const response = await request.send({});
      expect([method, path, response.status]).toEqual([method, path, 401]);
      expect(response.body.code).toBe('UNAUTHENTICATED');
      expect(response.text).not.toContain('001080000001');
    }
  });

  it('documents the routes, enums and problems in the OpenAPI document', async () => {
    const document = (await t.http.get('/docs-json').expect(200)).body;
    for (const path of [
      '/api/v1/individuals',
      '/api/v1/individuals/{id}',
      '/api/v1/individuals/{id}/ratings/{year}',
      '/api/v1/individuals/{id}/ratings',
      '/api/v1/individuals/{id}/initiatives',
      '/api/v1/individuals/{id}/disciplinary-cases',
      '/api/v1/disciplinary-cases/{id}/close',
    ]) {
      expect(document.paths[path]).toBeDefined();
    }
    for (const schema of [
      'Rating',
      'InitiativeLevel',
      'DisciplinaryCaseKind',
      'Gender',
      'IndividualDto',
      'IndividualPageDto',
    ]) {
      expect(document.components.schemas[schema]).toBeDefined();
    }
    expect(document.components.schemas.CreateIndividualDto.properties.nationalId.description).toMatch(/CCCD/);
    const close = document.paths['/api/v1/disciplinary-cases/{id}/close'].post;
    expect(Object.keys(close.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '403', '404', '409', '422']),
    );
  });
});
