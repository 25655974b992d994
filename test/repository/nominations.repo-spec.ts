import { msg } from '../../src/i18n/index.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { NominationImportRepository } from '../../src/nominations/import/nomination-import.repository.js';
import { NominationFactsRepository } from '../../src/nominations/nomination-facts.repository.js';
import type { Nomination } from '../../src/nominations/nomination.js';
import { NominationsRepository, type NewNomination } from '../../src/nominations/nominations.repository.js';
import type { Eligibility } from '../../src/rules/index.js';
import { makeAwardRecord } from '../support/factories.js';
import { insertIndividual, insertOrganization, openRepositoryDb, type RepositoryDb } from '../support/repository-db.js';

const ELIGIBILITY: Eligibility = { eligible: true, regime: 'TDKT_2022_ND98', checks: [] } as unknown as Eligibility;

/**
 * The nominations module's statements on real PostgreSQL, through `Db` on the ambient transaction: the keyset
 * pages of `GET /nominations` (closure-table subtree and scope), the one-statement transition and decision writes,
 * the row and advisory locks, the council votes' order, the facts the rules judge, and the import look-ups.
 */
describe('nominations repositories', () => {
  let r: RepositoryDb;
  let nominations: NominationsRepository;
  let facts: NominationFactsRepository;
  let imports: NominationImportRepository;
  let department: string;
  let unit: string;
  let otherDepartment: string;
  let person: string;

  beforeAll(async () => {
    r = await openRepositoryDb();
    nominations = new NominationsRepository(r.queries);
    facts = new NominationFactsRepository(r.queries);
    imports = new NominationImportRepository(r.queries);
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
    person = await insertIndividual(r.db, unit, 'Nguyễn Thị Hương');
  });

  const newNomination = (values: Partial<NewNomination> = {}): NewNomination => ({
    year: 2024,
    awardCode: 'GIAY_KHEN',
    basis: 'REGULAR',
    recipientKind: 'INDIVIDUAL',
    individualId: person,
    organizationId: null,
    householdId: null,
    proposingOrganizationId: unit,
    achievements: 'Hoàn thành xuất sắc nhiệm vụ',
    criterion: null,
    justification: null,
    expectedDecisionOn: null,
    status: 'DRAFT',
    regime: 'TDKT_2022_ND98',
    eligibility: ELIGIBILITY,
    statusReason: null,
    decisionId: null,
    importFileHash: null,
    importRow: null,
    createdByKeyId: null,
    ...values,
    // A yearly award's period is its year unless a test states one (ck_nominations_period).
    periodFrom: values.periodFrom ?? values.year ?? 2024,
    periodTo: values.periodTo ?? values.year ?? 2024,
  });
  const create = (values: Partial<NewNomination> = {}) =>
    r.transactions.run(() => nominations.create(newNomination(values)));

  describe('NominationsRepository', () => {
    it('stores a nomination and reads back the same row: dates as YYYY-MM-DD, version 1', async () => {
      const created = await create({ expectedDecisionOn: '2025-03-31', basis: 'THEMATIC' });
      expect(created).toMatchObject({ version: 1, expectedDecisionOn: '2025-03-31', basis: 'THEMATIC' });
      expect(created.createdAt).toBeInstanceOf(Date);
      expect(await nominations.findById(created.id)).toEqual(created);
      expect(await nominations.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('pages newest first by (created_at, id) with microsecond cursors, within a subtree and a scope', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const people = await insertIndividual(r.db, unit);
        ids.push(
          (await create({ individualId: people, proposingOrganizationId: i === 4 ? otherDepartment : unit })).id,
        );
      }
      // Two rows share created_at to the microsecond: the id breaks the tie.
      await r.db.query(`UPDATE nominations SET created_at = '2024-05-01T10:00:00.123456Z' WHERE id = ANY($1::uuid[])`, [
        ids.slice(1, 3),
      ]);
      const all = await nominations.list({ scopeRoot: null, limit: 10 });
      expect(all).toHaveLength(5);
      const order = all.map((row) => row.nomination.id);
      const sorted = [...all].sort(
        (a, b) => b.cursorAt.localeCompare(a.cursorAt) || b.nomination.id.localeCompare(a.nomination.id),
      );
      expect(order).toEqual(sorted.map((row) => row.nomination.id));
      expect(all.find((row) => row.nomination.id === ids[1])?.cursorAt).toBe('2024-05-01T10:00:00.123456Z');

      // Pages of two: limit + 1 rows come back, the cursor is the last row served.
      const seen: string[] = [];
      let after: [string, string] | null = null;
      for (let page = 0; page < 3; page++) {
        const rows = await nominations.list({ scopeRoot: null, limit: 2, after });
        const served = rows.slice(0, 2);
        seen.push(...served.map((row) => row.nomination.id));
        const last = served[served.length - 1];
        after = [last.cursorAt, last.nomination.id];
        if (rows.length <= 2) break;
      }
      expect(seen).toEqual(order);

      const inDepartment = await nominations.list({ scopeRoot: null, organizationId: department, limit: 10 });
      expect(inDepartment.map((row) => row.nomination.id).sort()).toEqual(ids.slice(0, 4).sort());
      const scoped = await nominations.list({ scopeRoot: otherDepartment, limit: 10 });
      expect(scoped.map((row) => row.nomination.id)).toEqual([ids[4]]);
      const filtered = await nominations.list({
        scopeRoot: department,
        proposingOrganizationId: unit,
        year: 2024,
        status: 'DRAFT',
        awardCode: 'GIAY_KHEN',
        limit: 10,
      });
      expect(filtered).toHaveLength(4);
      expect(await nominations.list({ scopeRoot: null, status: 'SUBMITTED', limit: 10 })).toEqual([]);
    });

    it('writes a transition and its history row in one statement, bumping the version', async () => {
      const n = await create();
      const moved = await r.transactions.run(async () => {
        const locked = (await nominations.findByIdForUpdate(n.id)) as Nomination;
        locked.status = 'SUBMITTED';
        return nominations.recordTransition(locked, {
          fromStatus: 'DRAFT',
          action: 'SUBMIT',
          reason: null,
          eligibility: ELIGIBILITY,
          actorKeyId: null,
          actorRole: 'ADMIN',
        });
      });
      expect(moved.version).toBe(2);
      expect(moved.updatedAt.getTime()).toBeGreaterThanOrEqual(n.updatedAt.getTime());
      expect(await nominations.findById(n.id)).toMatchObject({ status: 'SUBMITTED', version: 2 });
      const history = await nominations.history(n.id);
      expect(history).toEqual([
        expect.objectContaining({
          nominationId: n.id,
          fromStatus: 'DRAFT',
          toStatus: 'SUBMITTED',
          action: 'SUBMIT',
          eligibility: ELIGIBILITY,
          actorRole: 'ADMIN',
        }),
      ]);
    });

    it('locks statuses in id order and decides only the rows still in their from status', async () => {
      const a = await create({ status: 'APPROVED' });
      const b = await create({ individualId: await insertIndividual(r.db, unit), status: 'APPROVED' });
      const { decisionId } = await makeAwardRecord(r, {
        awardCode: 'GIAY_KHEN',
        year: 2023,
        proposingOrganizationId: unit,
        individualId: person,
      });
      const moved = await r.transactions.run(async () => {
        const statuses = await nominations.lockStatuses([a.id, b.id, '00000000-0000-4000-8000-000000000000']);
        expect(statuses).toEqual(
          [a, b].map((n) => ({ id: n.id, status: 'APPROVED' })).sort((x, y) => x.id.localeCompare(y.id)),
        );
        return nominations.recordDecision(
          [
            { id: a.id, from: 'APPROVED', to: 'DECIDED' },
            { id: b.id, from: 'SUBMITTED', to: 'DECIDED' },
          ],
          decisionId,
          { action: 'DECIDE', reason: 'Granted by decision 1/QĐ-UBND', actorKeyId: null, actorRole: 'ADMIN' },
        );
      });
      expect(moved).toBe(1);
      expect(await nominations.findById(a.id)).toMatchObject({ status: 'DECIDED', decisionId, version: 2 });
      expect(await nominations.findById(b.id)).toMatchObject({ status: 'APPROVED', decisionId: null, version: 1 });
      expect(await nominations.history(a.id)).toEqual([
        expect.objectContaining({ fromStatus: 'APPROVED', toStatus: 'DECIDED', action: 'DECIDE' }),
      ]);
      expect(await nominations.history(b.id)).toEqual([]);
    });

    it('orders council votes by meeting date, then by when recorded; the latest is the last', async () => {
      const n = await create({ status: 'SUBMITTED' });
      const vote = (heldOn: string, yes: number) =>
        r.transactions.run(() =>
          nominations.addVote({
            nominationId: n.id,
            heldOn,
            minutesReference: `BB-${heldOn}`,
            members: 9,
            present: 7,
            writtenVotes: 1,
            yes,
            passed: yes >= 5,
            check: { rule: 'R-VOTE-1', passed: yes >= 5, message: msg('auth.needsKey') },
            recordedByKeyId: null,
          }),
        );
      const late = await vote('2024-12-20', 6);
      const early = await vote('2024-11-02', 3);
      const again = await vote('2024-12-20', 4);
      expect(late).toMatchObject({ heldOn: '2024-12-20', writtenVotes: 1, check: { rule: 'R-VOTE-1' } });
      expect((await nominations.listVotes(n.id)).map((v) => v.id)).toEqual([early.id, late.id, again.id]);
      expect(await nominations.latestVote(n.id)).toEqual(again);
      expect(await nominations.latestVote(person)).toBeUndefined();
    });

    it('holds advisory locks until the transaction ends', async () => {
      const key = `test:lock:${person}`;
      const tryLock = async () => {
        const [row] = await r.db.query<{ locked: boolean }[]>(
          'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
          [key],
        );
        if (row.locked) await r.db.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [key]);
        return row.locked;
      };
      const heldInside = await r.transactions.run(async () => {
        await nominations.lock([`${key}:other`, key]);
        return !(await tryLock());
      });
      expect(heldInside).toBe(true);
      expect(await tryLock()).toBe(true);
    });
  });

  describe('NominationFactsRepository', () => {
    it('loads every award (revoked flagged) and every nomination with its status, in two statements at most', async () => {
      await makeAwardRecord(r, {
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: 2023,
        proposingOrganizationId: unit,
        individualId: person,
      });
      await makeAwardRecord(r, {
        awardCode: 'GIAY_KHEN',
        year: 2022,
        proposingOrganizationId: unit,
        individualId: person,
        revoked: true,
      });
      const withdrawn = await create({ status: 'WITHDRAWN', year: 2024 });
      await makeAwardRecord(r, {
        awardCode: 'TAP_THE_LAO_DONG_TIEN_TIEN',
        year: 2023,
        proposingOrganizationId: department,
        organizationId: unit,
      });
      await r.db.query(`INSERT INTO individual_ratings (individual_id, year, rating) VALUES ($1, 2024, 'HTXS')`, [
        person,
      ]);
      await r.db.query(
        `INSERT INTO disciplinary_cases (individual_id, kind, opened_on) VALUES ($1, 'DISCIPLINE', '2024-03-01')`,
        [person],
      );

      const loaded = await facts.load([
        {
          key: 'p',
          year: 2024,
          awardCode: 'LAO_DONG_TIEN_TIEN',
          basis: 'REGULAR',
          recipientKind: 'INDIVIDUAL',
          individualId: person,
        },
        {
          key: 'c',
          year: 2024,
          awardCode: 'TAP_THE_LAO_DONG_TIEN_TIEN',
          basis: 'REGULAR',
          recipientKind: 'COLLECTIVE',
          organizationId: unit,
        },
      ]);
      const individual = loaded.get('p')?.individual;
      expect(individual?.history).toEqual(
        expect.arrayContaining([
          {
            source: 'AWARD',
            awardCode: 'LAO_DONG_TIEN_TIEN',
            year: 2023,
            basis: 'REGULAR',
            revoked: false,
            periodFrom: 2023,
            periodTo: 2023,
          },
          {
            source: 'AWARD',
            awardCode: 'GIAY_KHEN',
            year: 2022,
            basis: 'REGULAR',
            revoked: true,
            periodFrom: 2022,
            periodTo: 2022,
          },
          {
            source: 'NOMINATION',
            id: withdrawn.id,
            awardCode: 'GIAY_KHEN',
            year: 2024,
            basis: 'REGULAR',
            status: 'WITHDRAWN',
            periodFrom: 2024,
            periodTo: 2024,
          },
        ]),
      );
      expect(individual?.history).toHaveLength(3);
      expect(individual?.ratings).toEqual({ 2024: 'HTXS' });
      // An open case holds (R-HOLD-1); only a measure recorded at closing keeps years from counting (R-DISC-1).
      expect(individual).toMatchObject({ measures: [], openHolds: 1 });
      const collective = loaded.get('c')?.collective;
      expect(collective?.history).toEqual([
        {
          source: 'AWARD',
          awardCode: 'TAP_THE_LAO_DONG_TIEN_TIEN',
          year: 2023,
          basis: 'REGULAR',
          revoked: false,
          periodFrom: 2023,
          periodTo: 2023,
        },
      ]);
      // The members of the unit in 2024: the one person, rated, without Lao động tiên tiến of 2024.
      expect(collective?.members).toEqual([{ rating: 'HTXS', hasLaoDongTienTien: false, hasChienSiCoSo: false }]);
      expect(await facts.load([])).toEqual(new Map());
    });
  });

  describe('NominationImportRepository', () => {
    it('finds people by national id within the scope only, and an earlier upload by its file hash', async () => {
      await r.db.query(`UPDATE individuals SET national_id = '001099000001' WHERE id = $1`, [person]);
      expect(await imports.individualsByNationalId(['001099000001'], department)).toEqual([
        { id: person, nationalId: '001099000001', organizationId: unit },
      ]);
      expect(await imports.individualsByNationalId(['001099000001'], otherDepartment)).toEqual([]);
      expect(await imports.individualsByNationalId(['001099000001'], null)).toHaveLength(1);
      expect(await imports.organizationsById([unit, otherDepartment])).toHaveLength(2);
      expect(await imports.organizationsByCode([])).toEqual([]);

      const second = await create({
        importFileHash: 'abc',
        importRow: 3,
        individualId: await insertIndividual(r.db, unit),
      });
      const first = await create({ importFileHash: 'abc', importRow: 2 });
      expect(await imports.findByFileHash('abc')).toEqual([
        { id: first.id, importRow: 2, status: 'DRAFT', eligible: true, proposingOrganizationId: unit },
        { id: second.id, importRow: 3, status: 'DRAFT', eligible: true, proposingOrganizationId: unit },
      ]);
    });

    it('rolls back one row to its savepoint and keeps the others', async () => {
      await r.transactions.run(async () => {
        await imports.savepoint();
        await nominations.create(newNomination({ importFileHash: 'f', importRow: 1 }));
        await imports.releaseSavepoint();
        await imports.savepoint();
        await nominations.create(newNomination({ importFileHash: 'f', importRow: 2, year: 2023 }));
        await imports.rollbackToSavepoint();
        await sql`SELECT 1`.execute(r.queries);
      });
      expect((await imports.findByFileHash('f')).map((row) => row.importRow)).toEqual([1]);
    });
  });
});
