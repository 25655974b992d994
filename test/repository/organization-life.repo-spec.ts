import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { OrganizationsRepository } from '../../src/organizations/organizations.repository.js';
import { insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * Organizations with a life (R-ORG-1) on real PostgreSQL: the queries of `OrganizationsRepository` over
 * `valid_from` / `valid_to`, the checks of the OrganizationLife migration and the name history its trigger keeps.
 */
describe('OrganizationsRepository: lives, dissolutions and names', () => {
  let r: RepositoryDb;
  let repository: OrganizationsRepository;
  let province: string;
  let department: string;
  let unit: string;
  let successor: string;

  beforeAll(async () => {
    r = await openRepositoryDb();
    repository = new OrganizationsRepository(r.queries);
  });
  afterAll(async () => {
    await r.close();
  });
  beforeEach(async () => {
    await r.reset();
    province = await insertOrganization(r.db, { code: 'A-PROVINCE', kind: 'PROVINCE' });
    department = await insertOrganization(r.db, { code: 'B-STTTT', kind: 'DEPARTMENT', parentId: province });
    unit = await insertOrganization(r.db, { code: 'C-UNIT', parentId: department });
    successor = await insertOrganization(r.db, { code: 'D-SKHCN', kind: 'DEPARTMENT', parentId: province });
  });

  const codesOn = async (activeOn?: string) =>
    (await repository.list({ limit: 50, ...(activeOn ? { activeOn } : {}) })).map((o) => o.code);

  it('dissolves: validTo and successor read back as dates and ids', async () => {
    const dissolved = await repository.dissolve(unit, '2025-02-28', successor);
    expect(dissolved).toMatchObject({ validFrom: null, validTo: '2025-02-28', successorId: successor });
  });

  it('lists by activeOn: from validFrom to validTo, both days included; all without it', async () => {
    await repository.dissolve(unit, '2025-02-28', successor);
    const founded = await repository.create({
      code: 'E-NEW',
      name: 'Trung tâm mới',
      shortName: null,
      kind: 'UNIT',
      parentId: successor,
      documentSymbol: null,
      enterprise: false,
      validFrom: '2025-03-01',
    });
    expect(founded.validFrom).toBe('2025-03-01');
    expect(await codesOn('2025-02-28')).toEqual(['A-PROVINCE', 'B-STTTT', 'C-UNIT', 'D-SKHCN']);
    expect(await codesOn('2025-03-01')).toEqual(['A-PROVINCE', 'B-STTTT', 'D-SKHCN', 'E-NEW']);
    expect(await codesOn()).toEqual(['A-PROVINCE', 'B-STTTT', 'C-UNIT', 'D-SKHCN', 'E-NEW']);
  });

  it('finds the children still alive on a day', async () => {
    expect((await repository.childrenAliveOn(department, '2025-03-01')).map((o) => o.code)).toEqual(['C-UNIT']);
    await repository.dissolve(unit, '2025-03-01', null);
    // Its last day is 2025-03-01: alive then, gone the day after.
    expect((await repository.childrenAliveOn(department, '2025-03-01')).map((o) => o.code)).toEqual(['C-UNIT']);
    expect(await repository.childrenAliveOn(department, '2025-03-02')).toEqual([]);
  });

  it('share-locks several organizations at once and tells missing ones by their absence', async () => {
    const found = await repository.findManyForShare([successor, department, '00000000-0000-4000-8000-000000000009']);
    expect([...found.keys()].sort()).toEqual([department, successor].sort());
    expect((await repository.findManyForShare([])).size).toBe(0);
  });

  it('counts the decisions issued and collective awards received from a day on', async () => {
    expect(await repository.actsFrom(department, '2025-03-01')).toEqual({ decisions: 0, awards: 0 });
  });

  it('refuses a successor without an end, itself as successor, and an end before the beginning', async () => {
    await expect(
      r.db.query('UPDATE organizations SET successor_id = $2 WHERE id = $1', [unit, successor]),
    ).rejects.toThrow(/ck_organizations_successor/);
    await expect(
      r.db.query(`UPDATE organizations SET valid_to = '2025-02-28', successor_id = id WHERE id = $1`, [unit]),
    ).rejects.toThrow(/ck_organizations_successor/);
    await expect(
      r.db.query(`UPDATE organizations SET valid_from = '2025-03-01', valid_to = '2025-02-28' WHERE id = $1`, [unit]),
    ).rejects.toThrow(/ck_organizations_valid_dates/);
  });

  it('keeps every name with the day it took effect, and answers the name in force on a day', async () => {
    await repository.update(department, { name: 'Sở Khoa học, Công nghệ và Truyền thông' });
    const names = await r.db.query<{ name: string; from: string }[]>(
      `SELECT name, valid_from::text AS from FROM organization_names WHERE organization_id = $1 ORDER BY valid_from`,
      [department],
    );
    expect(names.map((n) => n.name)).toEqual([
      expect.stringMatching(/^Đơn vị/),
      'Sở Khoa học, Công nghệ và Truyền thông',
    ]);
    expect(names[0]?.from).toBe('-infinity');
    const [{ before, now }] = await r.db.query<{ before: string; now: string }[]>(
      `SELECT organization_name_on($1, '2024-01-23') AS before,
              organization_name_on($1, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date) AS now`,
      [department],
    );
    expect(before).toBe(names[0]?.name);
    expect(now).toBe('Sở Khoa học, Công nghệ và Truyền thông');
    // A second rename the same day replaces that day's name.
    await repository.update(department, { name: 'Sở Khoa học và Công nghệ' });
    const [{ count }] = await r.db.query<{ count: string }[]>(
      'SELECT count(*) AS count FROM organization_names WHERE organization_id = $1',
      [department],
    );
    expect(Number(count)).toBe(2);
  });
});
