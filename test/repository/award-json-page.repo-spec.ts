import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AwardsRepository, type AwardFilter } from '../../src/awards/awards.repository.js';
import { awardPageBody, toAwardDto } from '../../src/awards/awards.service.js';
import { PUBLIC_PRINCIPAL, type Principal } from '../../src/auth/principal.js';
import { toPage } from '../../src/common/pagination/pagination.js';
import { AWARD_CODES } from '../../src/rules/index.js';
import { makeAwardRecord } from '../support/factories.js';
import { insertIndividual, insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * The award pages PostgreSQL writes as JSON (`AwardsRepository.jsonPage`, sent as the body of `GET /awards` and the
 * histories) are the bytes `JSON.stringify` writes for the rows of the list's statement through `toAwardDto`: every
 * shape of an award (nulls, revocations with and without a decision, bonuses to recover, review flags, dates and
 * instants, large numbers, escapes and Unicode), every filter path (template, name search, transaction), both
 * viewers, and the pages of a keyset walk with their cursors.
 */
describe('AwardsRepository.jsonPage (award pages written by PostgreSQL)', () => {
  let r: RepositoryDb;
  let awards: AwardsRepository;
  let department: string;
  let unit: string;
  let person: string;
  const approver = { role: 'APPROVER' } as Principal;

  beforeAll(async () => {
    r = await openRepositoryDb();
    awards = new AwardsRepository(r.queries, r.db);
    await r.reset();
    const province = await insertOrganization(r.db, { kind: 'PROVINCE' });
    department = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
    unit = await insertOrganization(r.db, { parentId: department, name: 'Trung tâm "Công nghệ" \\ số\t1' });
    person = await insertIndividual(r.db, unit, 'Nguyễn Thị "Hương"\\ \n\u0001\u001f\u007f 😀 \u2028 Ω Đặng');
    const other = await insertIndividual(r.db, department, 'Lò Văn Pánh');
    const ids: string[] = [];
    // Every award code (their names come from the catalogue), individual and collective.
    for (const [index, awardCode] of AWARD_CODES.entries()) {
      const year = 2010 + index;
      ids.push(
        (await makeAwardRecord(r, { year, awardCode, proposingOrganizationId: department, individualId: person })).id,
      );
      ids.push(
        (await makeAwardRecord(r, { year, awardCode, proposingOrganizationId: department, organizationId: unit })).id,
      );
    }
    ids.push(
      (
        await makeAwardRecord(r, {
          year: 2020,
          awardCode: 'GIAY_KHEN',
          proposingOrganizationId: department,
          individualId: other,
          revoked: true,
        })
      ).id,
    );
    const [revocation] = await r.db.query<{ id: string }[]>(
      `INSERT INTO revocations (issuer_organization_id, authority, year, number, number_text, issued_on, ground, reason)
       VALUES ($1, 'PROVINCE_CHAIR', 2024, 7, '07/QĐ-UBND "thu hồi"', '2024-05-06', 'B', 'Khai man') RETURNING id`,
      [department],
    );
    // A revoked award with a revocation decision and a bonus to recover, one without a decision (the bonus due since
    // the revocation's day in Vietnam, the next day in UTC+7), one without a bonus; instants with and without
    // fractions of a millisecond.
    await r.db.query(
      `UPDATE awards SET revoked_at = '2024-05-06 03:04:05.123987+00', revoked_reason = 'Khai man "thành tích"\n',
              revocation_id = $2, bonus_amount = 12345678901 WHERE id = $1`,
      [ids[0], revocation.id],
    );
    await r.db.query(
      `UPDATE awards SET revoked_at = '2023-02-28 17:30:00+00', revoked_reason = 'Trùng', bonus_amount = 250000
        WHERE id = $1`,
      [ids[1]],
    );
    await r.db.query(
      `UPDATE awards SET revoked_at = '2022-01-01 00:00:00.0005+00', revoked_reason = 'x' WHERE id = $1`,
      [ids[2]],
    );
    // A bonus paid with another award, a certificate number, a review flag.
    await r.db.query(`UPDATE awards SET bonus_paid_with_award_id = $2, bonus_amount = 0 WHERE id = $1`, [
      ids[3],
      ids[4],
    ]);
    await r.db.query(`UPDATE awards SET certificate_number = 'Số 12/"GK" – ổn' , bonus_amount = 1 WHERE id = $1`, [
      ids[4],
    ]);
    await r.db.query(`UPDATE awards SET needs_review = true, review_revocation_id = $2 WHERE id = $1`, [
      ids[5],
      revocation.id,
    ]);
  });
  afterAll(async () => {
    await r.close();
  });

  /** The body written by PostgreSQL, and the one `JSON.stringify` writes for the rows of the list's statement. */
  async function bodies(filter: AwardFilter, viewer: Principal) {
    const rows = await awards.list(filter);
    const expected = JSON.stringify(
      toPage(
        rows,
        filter.limit,
        (row) => [row.issuedOn, row.id],
        (row) => toAwardDto(row, viewer),
      ),
    );
    const page = awardPageBody(
      await awards.jsonPage(filter, viewer.role === 'APPROVER' || viewer.role === 'ADMIN'),
      filter.limit,
    );
    expect(page.version).toBe(rows[0]?.registerVersion ?? undefined);
    expect(page.empty).toBe(rows.length === 0);
    return { actual: page.body, expected };
  }

  const filters: [string, AwardFilter][] = [
    ['a person’s history', { individualId: 'person', includeRevoked: true, limit: 50 }],
    ['the register', { includeRevoked: false, limit: 50 }],
    ['the register with revoked awards', { includeRevoked: true, limit: 200 }],
    [
      'a subtree, by year range',
      { subtreeOf: 'department', fromYear: 2012, toYear: 2019, includeRevoked: true, limit: 50 },
    ],
    [
      'an organization, collectives',
      { organizationId: 'unit', recipientKind: 'COLLECTIVE', includeRevoked: true, limit: 3 },
    ],
    ['a name search', { q: 'huong', includeRevoked: true, limit: 4 }],
    ['an empty page', { year: 1999, includeRevoked: true, limit: 50 }],
  ];

  /** Ids are known only once the data is in: the table names them, this puts them in. */
  const resolved = (filter: AwardFilter): AwardFilter => ({
    ...filter,
    ...(filter.individualId ? { individualId: person } : {}),
    ...(filter.subtreeOf ? { subtreeOf: department } : {}),
    ...(filter.organizationId ? { organizationId: unit } : {}),
  });

  it.each(filters)('%s: the same bytes for the public and for an approver', async (_name, filter) => {
    for (const viewer of [PUBLIC_PRINCIPAL, approver]) {
      const { actual, expected } = await bodies(resolved(filter), viewer);
      expect(actual).toBe(expected);
    }
  });

  it('writes every page of a keyset walk, cursors included, as the rows would be', async () => {
    let after: [string, string] | null = null;
    for (let page = 0; page < 20; page++) {
      const filter: AwardFilter = { includeRevoked: true, limit: 3, after };
      const { actual, expected } = await bodies(filter, PUBLIC_PRINCIPAL);
      expect(actual).toBe(expected);
      const { nextCursor } = JSON.parse(actual) as { nextCursor: string | null };
      if (nextCursor === null) return;
      after = JSON.parse(Buffer.from(nextCursor, 'base64url').toString('utf8')) as [string, string];
    }
    throw new Error('the walk did not end');
  });

  it('writes the same page inside a transaction, where the read joins it', async () => {
    const filter: AwardFilter = { individualId: person, includeRevoked: true, limit: 5 };
    const outside = await awards.jsonPage(filter, false);
    const inside = await r.transactions.run(() => awards.jsonPage(filter, false));
    expect(inside).toEqual(outside);
  });
});
