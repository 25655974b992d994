import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { IndividualsRepository } from '../../src/individuals/individuals.repository.js';
import { insertIndividual, insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * `IndividualsRepository` on real PostgreSQL: the person's keyset page through the closure table, the records of a
 * person (ratings, initiatives, cases) paged newest first, dates as `YYYY-MM-DD` text, and the row locks of edits.
 */
describe('IndividualsRepository', () => {
  let r: RepositoryDb;
  let repository: IndividualsRepository;
  let department: string;
  let unit: string;
  let otherDepartment: string;

  beforeAll(async () => {
    r = await openRepositoryDb();
    repository = new IndividualsRepository(r.queries);
  });
  afterAll(async () => {
    await r.close();
  });
  beforeEach(async () => {
    await r.reset();
    const province = await insertOrganization(r.db, { kind: 'PROVINCE' });
    department = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
    unit = await insertOrganization(r.db, { parentId: department });
    otherDepartment = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
  });

  const names = (rows: { fullName: string }[]) => rows.map((row) => row.fullName);

  it('creates a person with its dates as YYYY-MM-DD text and reads it back alike', async () => {
    const created = await repository.create({
      fullName: 'Nguyễn Văn An',
      gender: 'MALE',
      birthDate: '1980-02-29',
      nationalId: '001080000001',
      position: null,
      organizationId: unit,
      recruitedOn: null,
      joinedOn: '2005-01-01',
      reportingCategory: 'WORKER',
    });
    expect(created).toMatchObject({ fullName: 'Nguyễn Văn An', birthDate: '1980-02-29', joinedOn: '2005-01-01' });
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(await repository.findById(created.id)).toEqual(created);
    expect(await repository.findById('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('pages people by (full name, id) within a subtree, the scope bounding it, the name matched without accents', async () => {
    for (const name of ['Trần Thị Bình', 'Lê Văn Cường', 'Nguyễn Văn An']) await insertIndividual(r.db, unit, name);
    await insertIndividual(r.db, department, 'Phạm Minh Dũng');
    await insertIndividual(r.db, otherDepartment, 'Đỗ Văn Em');

    const first = await repository.list({ organizationId: department, scopeRoot: null, limit: 2 });
    expect(names(first)).toEqual(['Lê Văn Cường', 'Nguyễn Văn An', 'Phạm Minh Dũng']);
    const second = await repository.list({
      organizationId: department,
      scopeRoot: null,
      limit: 2,
      after: [first[1].fullName, first[1].id],
    });
    expect(names(second)).toEqual(['Phạm Minh Dũng', 'Trần Thị Bình']);

    expect(names(await repository.list({ scopeRoot: unit, limit: 10 }))).toEqual([
      'Lê Văn Cường',
      'Nguyễn Văn An',
      'Trần Thị Bình',
    ]);
    expect(names(await repository.list({ organizationId: otherDepartment, scopeRoot: unit, limit: 10 }))).toEqual([]);
    // Ordered as the database's collation orders full_name (Đ after the Latin letters).
    expect(names(await repository.list({ scopeRoot: null, q: 'van', limit: 10 }))).toEqual([
      'Lê Văn Cường',
      'Nguyễn Văn An',
      'Đỗ Văn Em',
    ]);
    // LIKE wildcards in the search are literal.
    expect(await repository.list({ scopeRoot: null, q: '%', limit: 10 })).toEqual([]);
  });

  it('updates only the given columns and stamps updated_at', async () => {
    const id = await insertIndividual(r.db, unit, 'Nguyễn Văn An');
    const before = (await repository.findById(id))!;
    const updated = await repository.update(id, { position: 'Trưởng phòng', joinedOn: '2010-09-01' });
    expect(updated).toMatchObject({ fullName: 'Nguyễn Văn An', position: 'Trưởng phòng', joinedOn: '2010-09-01' });
    expect(updated!.updatedAt.getTime()).toBeGreaterThanOrEqual(before.updatedAt.getTime());
    expect(await repository.update('00000000-0000-4000-8000-000000000000', { position: 'x' })).toBeNull();
  });

  it('locks the person and the case it reads for update until the transaction ends', async () => {
    const id = await insertIndividual(r.db, unit);
    const opened = await repository.createCase({
      individualId: id,
      organizationId: null,
      kind: 'DISCIPLINE',
      openedOn: '2024-03-01',
      note: null,
    });
    const tryLock = (table: string, rowId: string) =>
      r.db.query(`SELECT 1 FROM ${table} WHERE id = $1 FOR UPDATE NOWAIT`, [rowId]);
    await r.transactions.run(async () => {
      expect((await repository.findByIdForUpdate(id))?.id).toBe(id);
      expect((await repository.findCaseForUpdate(opened.id))?.id).toBe(opened.id);
      await expect(tryLock('individuals', id)).rejects.toMatchObject({ driverError: { code: '55P03' } });
      await expect(tryLock('disciplinary_cases', opened.id)).rejects.toMatchObject({ driverError: { code: '55P03' } });
    });
    await expect(tryLock('individuals', id)).resolves.toHaveLength(1);
  });

  it('upserts the rating of a year and pages ratings by year, newest first', async () => {
    const id = await insertIndividual(r.db, unit);
    for (const [year, rating] of [
      [2021, 'HT'],
      [2022, 'HTT'],
      [2023, 'HTXS'],
    ] as const) {
      await repository.upsertRating(id, year, rating);
    }
    const replaced = await repository.upsertRating(id, 2022, 'KHT');
    expect(replaced).toMatchObject({ individualId: id, year: 2022, rating: 'KHT' });
    const first = await repository.listRatings(id, { after: null, limit: 2 });
    expect(first.map((row) => [row.year, row.rating])).toEqual([
      [2023, 'HTXS'],
      [2022, 'KHT'],
      [2021, 'HT'],
    ]);
    expect((await repository.listRatings(id, { after: 2022, limit: 2 })).map((row) => row.year)).toEqual([2021]);
  });

  it('pages initiatives by (year, recognized on, id) and cases by (opened on, id), newest first', async () => {
    const id = await insertIndividual(r.db, unit);
    const add = (year: number, recognizedOn: string) =>
      repository.createInitiative({ individualId: id, year, title: `SK ${recognizedOn}`, level: 'UNIT', recognizedOn });
    await add(2023, '2023-05-01');
    await add(2024, '2024-02-01');
    await add(2024, '2024-06-30');
    const initiatives = await repository.listInitiatives(id, { after: null, limit: 2 });
    expect(initiatives.map((row) => row.recognizedOn)).toEqual(['2024-06-30', '2024-02-01', '2023-05-01']);
    const next = await repository.listInitiatives(id, {
      after: [initiatives[1].year, initiatives[1].recognizedOn, initiatives[1].id],
      limit: 2,
    });
    expect(next.map((row) => row.recognizedOn)).toEqual(['2023-05-01']);

    const older = await repository.createCase({
      individualId: id,
      organizationId: null,
      kind: 'INSPECTION',
      openedOn: '2022-01-10',
      note: 'x',
    });
    const newer = await repository.createCase({
      individualId: id,
      organizationId: null,
      kind: 'DISCIPLINE',
      openedOn: '2024-03-01',
      note: null,
    });
    expect((await repository.listCases({ individualId: id }, { after: null, limit: 5 })).map((row) => row.id)).toEqual([
      newer.id,
      older.id,
    ]);
    expect(
      (await repository.listCases({ individualId: id }, { after: [newer.openedOn, newer.id], limit: 5 })).map(
        (c) => c.id,
      ),
    ).toEqual([older.id]);
    expect(newer).toMatchObject({ openedOn: '2024-03-01', closedOn: null, outcome: null });
    const closed = await repository.closeCase(newer.id, closing('2024-04-15', 'Khiển trách'));
    expect(closed).toMatchObject({
      id: newer.id,
      openedOn: '2024-03-01',
      closedOn: '2024-04-15',
      outcome: 'Khiển trách',
    });
    await expect(repository.closeCase(older.id, closing('2021-12-31', null))).rejects.toMatchObject({
      driverError: { constraint: 'ck_disciplinary_cases_closed_after_opened' },
    });
  });
});

function closing(closedOn: string, outcome: string | null) {
  return { closedOn, outcome, measure: null, measureFrom: null, measureTo: null };
}
