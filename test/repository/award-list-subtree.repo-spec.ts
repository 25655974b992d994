import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { sql } from 'kysely';
import {
  awardConditions,
  awardListSelect,
  awardListStatement,
  AwardsRepository,
  type AwardFilter,
} from '../../src/awards/awards.repository.js';
import type { AwardCode, Basis } from '../../src/rules/index.js';
import type { AwardRecipientKind } from '../../src/awards/labels.js';
import { insertIndividual, insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

/**
 * A subtree page of `GET /awards` is chosen unit by unit (the newest of each unit of the closure, then the newest of
 * those). It must give the very rows, in the very order, of the plain statement over the whole subtree — every
 * award whose organization is in the closure, sorted by (issued_on, id) descending, after the cursor, `limit + 1`
 * of them — for any filters, cursor and page size: checked here on generated filters against that plain statement.
 * A person's history, read straight from `awards` by the person's index, is held to the same plain statement.
 */
describe('AwardsRepository.list of a subtree, unit by unit, and of a person', () => {
  let r: RepositoryDb;
  let awards: AwardsRepository;
  let organizations: string[];
  let keys: [string, string][];
  const issuedDates: string[] = [];
  const YEARS = [2022, 2023, 2024];
  const CODES: AwardCode[] = ['GIAY_KHEN', 'LAO_DONG_TIEN_TIEN', 'TAP_THE_LAO_DONG_TIEN_TIEN'];
  const BASES: Basis[] = ['REGULAR', 'THEMATIC'];

  beforeAll(async () => {
    r = await openRepositoryDb();
    awards = new AwardsRepository(r.queries, r.db);
    // province → two departments → units (one with a unit of its own) and an empty unit.
    const province = await insertOrganization(r.db, { kind: 'PROVINCE' });
    const east = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
    const west = await insertOrganization(r.db, { kind: 'DEPARTMENT', parentId: province });
    const units = [
      await insertOrganization(r.db, { parentId: east }),
      await insertOrganization(r.db, { parentId: east }),
      await insertOrganization(r.db, { parentId: west }),
    ];
    const team = await insertOrganization(r.db, { parentId: units[0] });
    const empty = await insertOrganization(r.db, { parentId: west });
    const holders = [province, east, west, ...units, team];
    organizations = [...holders, empty];

    // Few dates per year, two decisions on one of them: many awards share an issue date, so ties go to the id.
    const decisions: { id: string; year: number; issuedOn: string }[] = [];
    for (const year of YEARS) {
      for (const [n, issuedOn] of [`${year}-04-30`, `${year}-12-15`, `${year}-12-15`].entries()) {
        const [row] = await r.db.query<{ id: string }[]>(
          `INSERT INTO decisions (issuer_organization_id, authority, year, number, number_text, issued_on, signer_name,
                                  signer_title, signing_mode, regime)
           VALUES ($1, 'PROVINCE_CHAIR', $2, $3, $4, $5, 'Vừ A Bằng', 'Phó Chủ tịch', 'ON_BEHALF', $6) RETURNING id`,
          [province, year, n + 1, `${n + 1}/QĐ-UBND`, issuedOn, year <= 2023 ? 'TDKT_2003_ND91' : 'TDKT_2022_ND98'],
        );
        decisions.push({ id: row.id, year, issuedOn });
        if (!issuedDates.includes(issuedOn)) issuedDates.push(issuedOn);
      }
    }
    const people = new Map<string, string>();
    for (const organization of holders) people.set(organization, await insertIndividual(r.db, organization));

    // 400 awards spread unevenly (a deterministic generator: the same data set every run).
    let state = 7;
    const next = (n: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor((state / 2147483648) * n);
    };
    const rows: unknown[][] = [];
    for (let i = 0; i < 400; i++) {
      const organization = holders[Math.min(next(holders.length + 3), holders.length - 1)];
      const decision = decisions[next(decisions.length)];
      const code = CODES[next(CODES.length)];
      const collective = code === 'TAP_THE_LAO_DONG_TIEN_TIEN';
      const revoked = next(10) === 0;
      rows.push([
        decision.id,
        decision.year,
        code,
        BASES[next(4) === 0 ? 1 : 0],
        collective ? 'COLLECTIVE' : 'INDIVIDUAL',
        collective ? null : people.get(organization),
        organization,
        decision.issuedOn,
        `SUBTREE-${i}`,
        revoked,
      ]);
    }
    await r.db.query(
      `INSERT INTO awards (decision_id, decision_number, year, award_code, basis, recipient_kind, individual_id,
                           organization_id, proposing_organization_id, recipient_name, organization_name, issued_on, regime,
                           bonus_amount, verification_code, revoked_at, revoked_reason, period_from, period_to)
       SELECT x.decision_id, (SELECT number_text FROM decisions WHERE id = x.decision_id), x.year, x.award_code, x.basis, x.recipient_kind, x.individual_id, x.organization_id,
              x.organization_id, 'Nguyễn Văn ' || x.code, 'Đơn vị', x.issued_on,
              CASE WHEN x.year <= 2023 THEN 'TDKT_2003_ND91' ELSE 'TDKT_2022_ND98' END, 0, x.code,
              CASE WHEN x.revoked THEN now() END, CASE WHEN x.revoked THEN 'Khai man thành tích' END, x.year, x.year
         FROM jsonb_to_recordset($1::jsonb) AS x(decision_id uuid, year int, award_code text, basis text,
              recipient_kind text, individual_id uuid, organization_id uuid, issued_on date, code text, revoked boolean)`,
      [
        JSON.stringify(
          rows.map(
            ([decision_id, year, award_code, basis, recipient_kind, individual_id, organization_id, ...rest]) => ({
              decision_id,
              year,
              award_code,
              basis,
              recipient_kind,
              individual_id,
              organization_id,
              issued_on: rest[0],
              code: rest[1],
              revoked: rest[2],
            }),
          ),
        ),
      ],
    );
    keys = (
      await r.queries
        .selectFrom('awards')
        .select(['id', sql<string>`to_char(issued_on, 'YYYY-MM-DD')`.as('issuedOn')])
        .orderBy('id')
        .execute()
    ).map((row) => [row.issuedOn, row.id]);
  });
  afterAll(async () => {
    await r.close();
  });

  /** The plain statement: every award of the subtree the filters admit, sorted, after the cursor. */
  const plain = async (filter: AwardFilter): Promise<string[]> => {
    let query = r.queries.selectFrom('awards as a').select('a.id');
    for (const condition of awardConditions(filter)) query = query.where(condition);
    const after = filter.after;
    if (after) query = query.where(sql<boolean>`(a.issued_on, a.id) < (${after[0]}::date, ${after[1]}::uuid)`);
    const rows = await query
      .orderBy('a.issued_on', 'desc')
      .orderBy('a.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return rows.map((row) => row.id);
  };

  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
  const filters = (): fc.Arbitrary<AwardFilter> =>
    fc
      .record({
        subtreeOf: fc.oneof(
          fc.constantFrom(...organizations),
          fc.constant('00000000-0000-4000-8000-000000000000'), // no such organization
        ),
        year: optional(fc.constantFrom(2021, ...YEARS)),
        fromYear: optional(fc.constantFrom(...YEARS)),
        toYear: optional(fc.constantFrom(...YEARS)),
        awardCode: optional(fc.constantFrom<AwardCode>(...CODES)),
        recipientKind: optional(fc.constantFrom<AwardRecipientKind>('INDIVIDUAL', 'COLLECTIVE')),
        basis: optional(fc.constantFrom<Basis>(...BASES)),
        includeRevoked: fc.boolean(),
        after: fc.oneof(
          fc.constant(null),
          fc.nat({ max: 399 }).map((i) => keys[i]),
          fc.tuple(fc.constantFrom(...issuedDates), fc.uuid({ version: 4 })),
        ),
        limit: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.constantFrom(50, 100)),
      })
      .map((filter) => {
        // The optional keys absent rather than undefined, as the service passes them.
        const copy: Record<string, unknown> = { ...filter };
        for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
        return copy as unknown as AwardFilter;
      });

  it('chooses the subtree unit by unit', () => {
    const { text } = awardListStatement({ subtreeOf: organizations[0], includeRevoked: false, limit: 50 });
    expect(text).toContain('cross join lateral');
  });

  it('gives the plain statement’s rows in its order, for any filters, cursor and page size', async () => {
    await fc.assert(
      fc.asyncProperty(filters(), async (filter) => {
        const expected = await plain(filter);
        // The prepared statement of the template, and the statement built for a read inside a transaction.
        expect((await awards.list(filter)).map((row) => row.id)).toEqual(expected);
        expect((await awardListSelect(r.queries, filter).execute()).map((row) => row.id)).toEqual(expected);
      }),
      { numRuns: 150, seed: 20260125 },
    );
  });

  it('reads a person’s history from the person’s awards alone: the plain statement’s rows, in its order', async () => {
    const people = (
      await r.db.query<{ id: string }[]>(
        `SELECT DISTINCT individual_id AS id FROM awards WHERE individual_id IS NOT NULL ORDER BY 1 LIMIT 40`,
      )
    ).map((row) => row.id);
    expect(people.length).toBeGreaterThan(5);
    const personFilters = fc
      .record({
        individualId: fc.oneof(fc.constantFrom(...people), fc.constant('00000000-0000-4000-8000-000000000000')),
        recipientKind: optional(fc.constantFrom<AwardRecipientKind>('INDIVIDUAL', 'COLLECTIVE')),
        year: optional(fc.constantFrom(...YEARS)),
        includeRevoked: fc.boolean(),
        after: fc.oneof(
          fc.constant(null),
          fc.nat({ max: 399 }).map((i) => keys[i]),
          fc.tuple(fc.constantFrom(...issuedDates), fc.uuid({ version: 4 })),
        ),
        limit: fc.integer({ min: 1, max: 4 }),
      })
      .map((filter) => {
        const copy: Record<string, unknown> = { ...filter };
        for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
        return copy as unknown as AwardFilter;
      });
    expect(awardListStatement({ individualId: people[0], includeRevoked: true, limit: 50 }).text).not.toContain(
      '"page"',
    );
    await fc.assert(
      fc.asyncProperty(personFilters, async (filter) => {
        const expected = await plain(filter);
        expect((await awards.list(filter)).map((row) => row.id)).toEqual(expected);
        expect((await awardListSelect(r.queries, filter).execute()).map((row) => row.id)).toEqual(expected);
      }),
      { numRuns: 100, seed: 20261203 },
    );
  });

  it('walks a subtree page by page to the same rows as one big page', async () => {
    for (const includeRevoked of [false, true]) {
      const everything = await plain({ subtreeOf: organizations[0], includeRevoked, limit: 1000 });
      expect(everything.length).toBeGreaterThan(300);
      const walked: string[] = [];
      let after: [string, string] | null = null;
      for (let page = 0; page < 100; page++) {
        const rows = await awards.list({ subtreeOf: organizations[0], includeRevoked, limit: 7, after });
        walked.push(...rows.slice(0, 7).map((row) => row.id));
        if (rows.length <= 7) break;
        after = [rows[6].issuedOn, rows[6].id];
      }
      expect(walked).toEqual(everything);
    }
  });
});
