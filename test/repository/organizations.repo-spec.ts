import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { OrganizationsRepository } from '../../src/organizations/organizations.repository.js';
import { insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * The organization tree on real PostgreSQL: the triggers of the InitialSchema migration keep `organization_closure`
 * (every ancestor–descendant pair with its depth) in step with `parent_id`, and `OrganizationsRepository.list`
 * reads a whole subtree through it with one join.
 */
describe('organization closure (PostgreSQL triggers) and OrganizationsRepository', () => {
  let r: RepositoryDb;
  let repository: OrganizationsRepository;
  let province: string;
  let department: string;
  let unit: string;
  let team: string;
  let otherDepartment: string;

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
    department = await insertOrganization(r.db, { code: 'B-DEPT', kind: 'DEPARTMENT', parentId: province });
    unit = await insertOrganization(r.db, { code: 'C-UNIT', parentId: department });
    team = await insertOrganization(r.db, { code: 'D-TEAM', parentId: unit });
    otherDepartment = await insertOrganization(r.db, { code: 'E-DEPT', kind: 'DEPARTMENT', parentId: province });
  });

  /** The closure rows of `id`'s ancestors, as (ancestor, depth), nearest first. */
  async function ancestorsOf(id: string): Promise<[string, number][]> {
    const rows = await r.db.query<{ ancestor_id: string; depth: number }[]>(
      'SELECT ancestor_id, depth FROM organization_closure WHERE descendant_id = $1 ORDER BY depth',
      [id],
    );
    return rows.map((row) => [row.ancestor_id, row.depth]);
  }

  const subtreeCodes = async (ancestorId: string) =>
    (await repository.list({ ancestorId, limit: 50 })).map((organization) => organization.code);

  it('records every ancestor of a new organization with its depth, itself at depth 0', async () => {
    expect(await ancestorsOf(team)).toEqual([
      [team, 0],
      [unit, 1],
      [department, 2],
      [province, 3],
    ]);
    expect(await ancestorsOf(province)).toEqual([[province, 0]]);
  });

  it('moves a whole subtree: a new parent re-links the organization and its descendants, and drops the old links', async () => {
    await r.db.query('UPDATE organizations SET parent_id = $2 WHERE id = $1', [unit, otherDepartment]);

    expect(await ancestorsOf(unit)).toEqual([
      [unit, 0],
      [otherDepartment, 1],
      [province, 2],
    ]);
    expect(await ancestorsOf(team)).toEqual([
      [team, 0],
      [unit, 1],
      [otherDepartment, 2],
      [province, 3],
    ]);
    expect(await subtreeCodes(department)).toEqual(['B-DEPT']);
    expect(await subtreeCodes(otherDepartment)).toEqual(['C-UNIT', 'D-TEAM', 'E-DEPT']);
  });

  it('refuses to move an organization under its own descendant (ck_organizations_no_cycle) and keeps the tree', async () => {
    await expect(
      r.db.query('UPDATE organizations SET parent_id = $2 WHERE id = $1', [department, team]),
    ).rejects.toMatchObject({ driverError: { code: '23514', constraint: 'ck_organizations_no_cycle' } });
    expect(await ancestorsOf(team)).toEqual([
      [team, 0],
      [unit, 1],
      [department, 2],
      [province, 3],
    ]);
  });

  it('lists a subtree (itself included) however deep, by code, one keyset page after another', async () => {
    expect(await subtreeCodes(province)).toEqual(['A-PROVINCE', 'B-DEPT', 'C-UNIT', 'D-TEAM', 'E-DEPT']);
    expect(await subtreeCodes(unit)).toEqual(['C-UNIT', 'D-TEAM']);

    // limit + 1 rows: the extra one tells the service there is a next page.
    const first = await repository.list({ ancestorId: province, limit: 2 });
    expect(first.map((o) => o.code)).toEqual(['A-PROVINCE', 'B-DEPT', 'C-UNIT']);
    const second = await repository.list({ ancestorId: province, limit: 2, after: ['B-DEPT', department] });
    expect(second.map((o) => o.code)).toEqual(['C-UNIT', 'D-TEAM', 'E-DEPT']);
  });

  it('combines the subtree with the kind and the accent-insensitive name search', async () => {
    await r.db.query(`UPDATE organizations SET name = 'Trung tâm Công nghệ thông tin' WHERE id = $1`, [team]);
    expect((await repository.list({ ancestorId: department, q: 'cong nghe', limit: 10 })).map((o) => o.id)).toEqual([
      team,
    ]);
    expect((await repository.list({ ancestorId: province, kind: 'DEPARTMENT', limit: 10 })).map((o) => o.id)).toEqual([
      department,
      otherDepartment,
    ]);
  });
});
