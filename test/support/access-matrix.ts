import {
  importCsv,
  makeOrganization,
  makeApprovedNomination,
  makeDecision,
  makeIndividual,
  makeRevocation,
  makeNomination,
  makeTree,
  MEETING,
  openDisciplinaryCase,
  recordCouncilSize,
  setRating,
  addInitiative,
} from './factories.js';
import { BOOTSTRAP_TOKEN, bearer, type TestApp } from './test-app.js';

/**
 * The access matrix: every route of the API × every kind of caller, with the status each must get. One row per
 * operation of the OpenAPI document; `test/e2e/access-matrix.e2e-spec.ts` fails when an operation has no row, so
 * a new route cannot ship without saying who may call it.
 *
 * Callers: `public` (no token), `admin`, `hrIn` (an HR officer whose scope holds the fixture's unit and person),
 * `hrOut` (an HR officer of another department), `approver` (an approver whose scope holds the fixture) and
 * `auditor`. A 401 or 403 is expected exactly where the table says so and nowhere else; for allowed callers each
 * row builds a request that succeeds (a fresh target for each caller where the request changes something).
 */
export const CALLERS = ['public', 'admin', 'hrIn', 'hrOut', 'approver', 'auditor'] as const;
export type Caller = (typeof CALLERS)[number];

export interface MatrixRequest {
  /** Values of the `{name}` placeholders of the path. */
  params?: Record<string, string>;
  query?: Record<string, string | number | boolean>;
  body?: object;
  /** A multipart upload instead of a JSON body. */
  file?: { field: string; content: Buffer; fileName: string };
}

export interface AccessRow {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as the OpenAPI document writes it, e.g. `/api/v1/individuals/{id}`. */
  path: string;
  expect: Record<Caller, number>;
  /** Builds the request for one caller (called once per caller, so it may create a fresh target each time). */
  request?: (world: World, caller: Caller) => Promise<MatrixRequest> | MatrixRequest;
}

// --- who may call what ---------------------------------------------------------------------------------------------

/** Anyone, with or without a token. */
const everyone = (status: number): Record<Caller, number> => ({
  public: status,
  admin: status,
  hrIn: status,
  hrOut: status,
  approver: status,
  auditor: status,
});
/** ADMIN only (a route with `@Roles()`). */
const adminOnly = (status: number): Record<Caller, number> => ({
  public: 401,
  admin: status,
  hrIn: 403,
  hrOut: 403,
  approver: 403,
  auditor: 403,
});
/** ADMIN and AUDITOR: exports and the audit trail. */
const auditors = (status: number): Record<Caller, number> => ({ ...adminOnly(status), auditor: status });
/** Any key; lists that each scoped key sees filtered to its own subtree. */
const anyKey = (status: number): Record<Caller, number> => ({ ...everyone(status), public: 401 });
/** Any key, but a scoped key only within its subtree: the out-of-scope HR officer is refused. */
const scopedRead = (status: number): Record<Caller, number> => ({ ...anyKey(status), hrOut: 403 });
/** HR officers write within their scope (and ADMIN anywhere). */
const hrWrite = (status: number): Record<Caller, number> => ({ ...adminOnly(status), hrIn: status });
/** Approvers act within their scope (and ADMIN anywhere). */
const approverWrite = (status: number): Record<Caller, number> => ({ ...adminOnly(status), approver: status });

// --- the fixture world ---------------------------------------------------------------------------------------------

/** The year of the fixture's achievements; decisions are dated in January of the next year (Decree 98 regime). */
export const YEAR = 2024;
export const DECIDED_ON = '2025-01-10';
/** Revocations of the fixture's awards are dated after them. */
export const REVOKED_ON = '2025-06-02';
/** Personal data of the fixture's person in scope: it must never appear in a public response. */
export const PERSONAL = { birthDate: '1985-04-12', nationalId: '011085001234' } as const;

export interface World {
  t: TestApp;
  tokens: Record<Exclude<Caller, 'public'>, string>;
  tree: Awaited<ReturnType<typeof makeTree>>;
  /** A person of the unit (in the HR officer's and the approver's scope) with personal data, ratings, an initiative, a closed case and an award. */
  personIn: string;
  /** A person of the other department. */
  personOut: string;
  nominations: { draft: string; submitted: string; approved: string; decided: string };
  /** The closed disciplinary case of `personIn`. */
  caseId: string;
  decision: { id: string; awardId: string; verificationCode: string };
  apiKeyId: string;
  /** A commune in the HR officer's scope, and a household of it. */
  commune: string;
  householdIn: string;
  fresh: ReturnType<typeof freshFactories>;
}

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

function expectStatus(response: { status: number; body: unknown }, status: number, what: string) {
  if (response.status !== status) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

/** Fresh targets for requests that change something, so every caller acts on an untouched record. */
function freshFactories(t: TestApp, tree: Awaited<ReturnType<typeof makeTree>>) {
  const admin = bearer(BOOTSTRAP_TOKEN);
  const person = async (organizationId = tree.unit.id) => {
    const individual = await makeIndividual(t, organizationId);
    await setRating(t, individual.id, YEAR, 'HTT');
    return individual.id;
  };
  const nominationBody = (individualId: string) => ({
    year: YEAR,
    awardCode: 'LAO_DONG_TIEN_TIEN',
    basis: 'REGULAR',
    individualId,
    proposingOrganizationId: tree.department.id,
    achievements: 'Hoàn thành tốt nhiệm vụ năm 2024',
    expectedDecisionOn: DECIDED_ON,
  });
  const draft = async () => (await makeNomination(t, nominationBody(await person()))).id;
  const submitted = async () => {
    const id = await draft();
    expectStatus(await t.http.post(`/api/v1/nominations/${id}/submit`).set(admin), 200, 'submit');
    return id;
  };
  const approved = async () =>
    (
      await makeApprovedNomination(t, {
        awardCode: 'LAO_DONG_TIEN_TIEN',
        year: YEAR,
        individualId: await person(),
        proposingOrganizationId: tree.department.id,
      })
    ).id;
  const decision = async () => {
    const signed = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      nominationIds: [await approved()],
      issuedOn: DECIDED_ON,
    });
    return { id: signed.id, awardId: signed.awards[0].id, verificationCode: signed.awards[0].verificationCode };
  };
  const revocationBody = {
    issuerOrganizationId: tree.department.id,
    issuedOn: REVOKED_ON,
    ground: 'B',
    reason: 'Làm giả hồ sơ',
  };
  /** A revocation of a fresh award (R-REVOKE-1). */
  const revocation = async () =>
    (await makeRevocation(t, { ...revocationBody, awardIds: [(await decision()).awardId] })).id;
  /** An award flagged for review: a CSTĐ cơ sở that counted a Lao động tiên tiến since revoked (R-REVOKE-1). */
  const flagged = async () => {
    const individualId = await person();
    await addInitiative(t, individualId, YEAR);
    const common = { year: YEAR, individualId, proposingOrganizationId: tree.department.id };
    const ldtt = await makeApprovedNomination(t, { ...common, awardCode: 'LAO_DONG_TIEN_TIEN' });
    const cscs = await makeApprovedNomination(t, { ...common, awardCode: 'CHIEN_SI_THI_DUA_CO_SO' });
    const signed = await makeDecision(t, {
      issuerOrganizationId: tree.department.id,
      nominationIds: [ldtt.id, cscs.id],
      issuedOn: DECIDED_ON,
    });
    const revoked = signed.awards.find((a) => a.awardCode === 'LAO_DONG_TIEN_TIEN')!;
    const made = await makeRevocation(t, { ...revocationBody, awardIds: [revoked.id] });
    return made.flagged[0].award.id;
  };
  return {
    revocationBody,
    revocation,
    flagged,
    person,
    nominationBody,
    draft,
    submitted,
    approved,
    decision,
    openCase: async () => openDisciplinaryCase(t, await person()),
    apiKey: async () =>
      String(
        expectStatus(
          await t.http
            .post('/api/v1/api-keys')
            .set(admin)
            .send({ name: `matrix ${unique()}`, role: 'AUDITOR' }),
          201,
          'api key',
        ).id,
      ),
    /** A unit quota of its own (organization, year, code), to remove: of the unit, below the approver's scope. */
    quota: async () => {
      const query = { organizationId: tree.unit.id, year: 2000 + (++counter % 90), awardCode: 'GIAY_KHEN' };
      expectStatus(
        await t.http
          .put('/api/v1/quotas')
          .set(admin)
          .send({ ...query, maxCount: 10 }),
        200,
        'quota',
      );
      return query;
    },
    // A year of its own per call: the same title twice for one year is refused as a duplicate (R-DUP-1).
    historyFile: () => {
      const year = 1980 + (++counter % 40);
      return importCsv([
        ['decisionNumber', 'issuedOn', 'issuerName', 'authority', 'awardCode', 'year', 'nationalId'],
        [
          `${unique().replace(/\D/g, '').slice(-8)}/QĐ-STTTT`,
          `${year + 1}-01-15`,
          'Giám đốc Sở Thông tin và Truyền thông',
          'DEPARTMENT_HEAD',
          'LAO_DONG_TIEN_TIEN',
          String(year),
          PERSONAL.nationalId,
        ],
      ]);
    },
    importFile: async () =>
      importCsv([
        ['year', 'awardCode', 'basis', 'individualId', 'proposingOrganizationId', 'achievements', 'expectedDecisionOn'],
        [
          String(YEAR),
          'LAO_DONG_TIEN_TIEN',
          'REGULAR',
          await person(),
          tree.department.id,
          'Hoàn thành tốt nhiệm vụ',
          DECIDED_ON,
        ],
      ]),
  };
}

/**
 * A small world, built once through the API (and the factories): province → department → unit and another
 * department; a person in scope with everything personal, one out of scope; nominations in DRAFT, SUBMITTED,
 * APPROVED and DECIDED; a decision with its award; a key per caller.
 */
export async function buildWorld(t: TestApp): Promise<World> {
  const admin = bearer(BOOTSTRAP_TOKEN);
  const tree = await makeTree(t);
  const fresh = freshFactories(t, tree);

  const personIn = (await makeIndividual(t, tree.unit.id, { ...PERSONAL, gender: 'FEMALE', position: 'Chuyên viên' }))
    .id;
  await setRating(t, personIn, YEAR, 'HTXS');
  await addInitiative(t, personIn, YEAR);
  const caseId = await openDisciplinaryCase(t, personIn, 'INSPECTION', '2024-02-01');
  expectStatus(
    await t.http
      .post(`/api/v1/disciplinary-cases/${caseId}/close`)
      .set(admin)
      .send({ closedOn: '2024-02-20', outcome: 'Không vi phạm' }),
    200,
    'close case',
  );
  const personOut = await fresh.person(tree.otherDepartment.id);
  // The department's council, which the votes on its nominations count (R-VOTE-1).
  await recordCouncilSize(t, tree.department.id, 15);

  const approvedOfPersonIn = await makeApprovedNomination(t, {
    awardCode: 'GIAY_KHEN',
    year: YEAR,
    individualId: personIn,
    proposingOrganizationId: tree.department.id,
  });
  const signed = await makeDecision(t, {
    issuerOrganizationId: tree.department.id,
    nominationIds: [approvedOfPersonIn.id],
    issuedOn: DECIDED_ON,
  });
  const nominations = {
    draft: await fresh.draft(),
    submitted: await fresh.submitted(),
    approved: await fresh.approved(),
    decided: approvedOfPersonIn.id,
  };

  const commune = (await makeOrganization(t, { kind: 'COMMUNE', parentId: tree.department.id })).id;
  const household = await t.http
    .post('/api/v1/households')
    .set(admin)
    .send({ headName: 'Lò Văn Páo', address: 'Bản Him Lam', organizationId: commune });
  expectStatus(household, 201, 'household');

  const tokens = {
    admin: BOOTSTRAP_TOKEN,
    hrIn: await t.token('HR_OFFICER', tree.department.id),
    hrOut: await t.token('HR_OFFICER', tree.otherDepartment.id),
    approver: await t.token('APPROVER', tree.department.id),
    auditor: await t.token('AUDITOR'),
  };
  return {
    t,
    tokens,
    tree,
    personIn,
    personOut,
    nominations,
    caseId,
    decision: { id: signed.id, awardId: signed.awards[0].id, verificationCode: signed.awards[0].verificationCode },
    apiKeyId: await fresh.apiKey(),
    commune,
    householdIn: (household.body as { id: string }).id,
    fresh,
  };
}

// --- the table -----------------------------------------------------------------------------------------------------

const id = (value: string) => ({ params: { id: value } });

export const ACCESS_MATRIX: AccessRow[] = [
  // api keys: ADMIN manages them; an auditor reads them (the audit trail names keys)
  {
    method: 'POST',
    path: '/api/v1/api-keys',
    expect: adminOnly(201),
    request: () => ({ body: { name: `matrix ${unique()}`, role: 'AUDITOR' } }),
  },
  { method: 'GET', path: '/api/v1/api-keys', expect: auditors(200) },
  { method: 'GET', path: '/api/v1/api-keys/{id}', expect: auditors(200), request: (w) => id(w.apiKeyId) },
  {
    method: 'DELETE',
    path: '/api/v1/api-keys/{id}',
    expect: adminOnly(204),
    request: async (w) => id(await w.fresh.apiKey()),
  },

  // catalogue and health: public
  { method: 'GET', path: '/api/v1/award-types', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/v1/award-types/{code}',
    expect: everyone(200),
    request: () => ({ params: { code: 'LAO_DONG_TIEN_TIEN' } }),
  },
  { method: 'GET', path: '/api/v1/health/live', expect: everyone(200) },
  { method: 'GET', path: '/api/v1/health/ready', expect: everyone(200) },

  // organizations: public reads, ADMIN writes
  {
    method: 'POST',
    path: '/api/v1/organizations',
    expect: adminOnly(201),
    request: (w) => ({
      body: { code: `MATRIX-${unique()}`, name: 'Phòng Văn hoá', kind: 'UNIT', parentId: w.tree.unit.id },
    }),
  },
  { method: 'GET', path: '/api/v1/organizations', expect: everyone(200) },
  { method: 'GET', path: '/api/v1/organizations/{id}', expect: everyone(200), request: (w) => id(w.tree.unit.id) },
  {
    method: 'PATCH',
    path: '/api/v1/organizations/{id}',
    expect: adminOnly(200),
    request: (w) => ({ ...id(w.tree.unit.id), body: { shortName: 'TT CNTT&TT' } }),
  },
  // A fresh leaf under the department each time, dissolved into the department.
  {
    method: 'POST',
    path: '/api/v1/organizations/{id}/dissolve',
    expect: adminOnly(200),
    request: async (w) => ({
      ...id((await makeOrganization(w.t, { kind: 'UNIT', parentId: w.tree.department.id })).id),
      body: { on: '2025-03-01', successorId: w.tree.department.id },
    }),
  },
  // A council's size is set from above its organization: the department's approver sets the unit's.
  {
    method: 'POST',
    path: '/api/v1/organizations/{id}/council-sizes',
    expect: approverWrite(201),
    request: (w) => ({
      ...id(w.tree.unit.id),
      body: { members: 9, effectiveFrom: '2024-01-01', reference: `QĐ-${unique()}` },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/organizations/{id}/council-sizes',
    expect: anyKey(200),
    request: (w) => id(w.tree.department.id),
  },

  // individuals: personal data, never public; HR officers write within scope
  {
    method: 'POST',
    path: '/api/v1/individuals',
    expect: hrWrite(201),
    request: (w) => ({ body: { fullName: 'Lò Thị Mai', organizationId: w.tree.unit.id, birthDate: '1990-05-06' } }),
  },
  { method: 'GET', path: '/api/v1/individuals', expect: anyKey(200) },

  // households: HR officers of the commune's subtree register them
  {
    method: 'POST',
    path: '/api/v1/households',
    expect: hrWrite(201),
    request: (w) => ({ body: { headName: 'Giàng A Sử', address: 'Bản Púng Tôm', organizationId: w.commune } }),
  },
  { method: 'GET', path: '/api/v1/households', expect: anyKey(200) },
  { method: 'GET', path: '/api/v1/households/{id}', expect: scopedRead(200), request: (w) => id(w.householdIn) },
  { method: 'GET', path: '/api/v1/individuals/{id}', expect: scopedRead(200), request: (w) => id(w.personIn) },
  {
    method: 'PATCH',
    path: '/api/v1/individuals/{id}',
    expect: hrWrite(200),
    request: (w) => ({ ...id(w.personIn), body: { position: 'Chuyên viên chính' } }),
  },
  {
    method: 'PUT',
    path: '/api/v1/individuals/{id}/ratings/{year}',
    expect: hrWrite(200),
    request: (w) => ({ params: { id: w.personIn, year: '2023' }, body: { rating: 'HTT' } }),
  },
  { method: 'GET', path: '/api/v1/individuals/{id}/ratings', expect: scopedRead(200), request: (w) => id(w.personIn) },
  {
    method: 'POST',
    path: '/api/v1/individuals/{id}/initiatives',
    expect: hrWrite(201),
    request: (w) => ({
      ...id(w.personIn),
      body: { year: 2023, title: 'Chữ ký số trong văn bản', level: 'UNIT', recognizedOn: '2023-12-01' },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/individuals/{id}/initiatives',
    expect: scopedRead(200),
    request: (w) => id(w.personIn),
  },
  {
    method: 'POST',
    path: '/api/v1/individuals/{id}/disciplinary-cases',
    expect: hrWrite(201),
    request: async (w) => ({ ...id(await w.fresh.person()), body: { kind: 'INSPECTION', openedOn: '2024-03-01' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/individuals/{id}/disciplinary-cases',
    expect: scopedRead(200),
    request: (w) => id(w.personIn),
  },
  {
    method: 'POST',
    path: '/api/v1/disciplinary-cases/{id}/close',
    expect: hrWrite(200),
    request: async (w) => ({ ...id(await w.fresh.openCase()), body: { closedOn: '2024-06-30' } }),
  },
  {
    method: 'POST',
    path: '/api/v1/organizations/{id}/cases',
    expect: hrWrite(201),
    request: (w) => ({ ...id(w.tree.unit.id), body: { kind: 'COMPLAINT', openedOn: '2024-03-01' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/organizations/{id}/cases',
    expect: scopedRead(200),
    request: (w) => id(w.tree.unit.id),
  },

  // quotas and rule settings
  // A unit's quota is set from above it: the approver of the department sets the unit's (never its own).
  {
    method: 'PUT',
    path: '/api/v1/quotas',
    expect: approverWrite(200),
    request: (w) => ({
      body: { organizationId: w.tree.unit.id, year: YEAR, awardCode: 'GIAY_KHEN', maxCount: 20 },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/quotas',
    expect: scopedRead(200),
    request: (w) => ({ query: { organizationId: w.tree.department.id, year: YEAR } }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/quotas',
    expect: approverWrite(204),
    request: async (w) => ({ query: await w.fresh.quota() }),
  },
  { method: 'GET', path: '/api/v1/rule-settings', expect: anyKey(200) },
  {
    method: 'PUT',
    path: '/api/v1/rule-settings/quotas',
    expect: adminOnly(200),
    // The defaults: the table changes nothing the other rows depend on.
    request: () => ({ body: { cscsRatio: 0.15, cstinhRatio: 0.1, cscsEnabled: true, cstinhEnabled: false } }),
  },
  {
    method: 'PUT',
    path: '/api/v1/award-types/{code}/vote-policy',
    expect: adminOnly(200),
    request: async (w) => {
      const [policy]: { vote_required: boolean; vote_pass_ratio: string }[] = await w.t.db.query(
        `SELECT vote_required, vote_pass_ratio FROM award_types WHERE code = 'GIAY_KHEN'`,
      );
      return {
        params: { code: 'GIAY_KHEN' },
        body: { required: policy.vote_required, passRatio: Number(policy.vote_pass_ratio) },
      };
    },
  },

  // nominations: HR officers draft and submit, approvers decide, auditors read
  {
    method: 'POST',
    path: '/api/v1/nominations',
    expect: hrWrite(201),
    request: async (w) => ({ body: w.fresh.nominationBody(await w.fresh.person()) }),
  },
  { method: 'GET', path: '/api/v1/nominations', expect: anyKey(200) },
  {
    method: 'POST',
    path: '/api/v1/nominations/check',
    expect: hrWrite(200),
    request: (w) => ({ body: w.fresh.nominationBody(w.personIn) }),
  },
  {
    method: 'GET',
    path: '/api/v1/nominations/{id}',
    expect: scopedRead(200),
    request: (w) => id(w.nominations.submitted),
  },
  {
    method: 'PATCH',
    path: '/api/v1/nominations/{id}',
    expect: hrWrite(200),
    request: async (w) => ({
      ...id(await w.fresh.draft()),
      body: { achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2024' },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/{id}/submit',
    expect: hrWrite(200),
    request: async (w) => id(await w.fresh.draft()),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/{id}/return',
    expect: approverWrite(200),
    request: async (w) => ({ ...id(await w.fresh.submitted()), body: { reason: 'Bổ sung minh chứng' } }),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/{id}/withdraw',
    expect: hrWrite(200),
    request: async (w) => ({ ...id(await w.fresh.draft()), body: {} }),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/{id}/votes',
    expect: approverWrite(201),
    request: async (w) => ({
      ...id(await w.fresh.submitted()),
      body: { ...MEETING, members: 15, present: 15, yes: 15 },
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/{id}/approve',
    expect: approverWrite(200),
    request: async (w) => id(await w.fresh.submitted()),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/approve',
    expect: approverWrite(200),
    request: async (w) => ({ body: { nominationIds: [await w.fresh.submitted()] } }),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/reject',
    expect: approverWrite(200),
    request: async (w) => ({ body: { nominationIds: [await w.fresh.submitted()], reason: 'Không đủ thành tích' } }),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/{id}/reject',
    expect: approverWrite(200),
    request: async (w) => ({ ...id(await w.fresh.submitted()), body: { reason: 'Không đủ thành tích' } }),
  },
  {
    method: 'POST',
    path: '/api/v1/nominations/import',
    expect: hrWrite(201),
    request: async (w) => ({ file: { field: 'file', content: await w.fresh.importFile(), fileName: 'de-nghi.csv' } }),
  },
  { method: 'GET', path: '/api/v1/nominations/import/template.xlsx', expect: everyone(200) },
  { method: 'GET', path: '/api/v1/nominations/import/template.csv', expect: everyone(200) },

  // history: HR officers load their agency's past awards; a person outside the scope is one nobody holds (422)
  {
    method: 'POST',
    path: '/api/v1/history/import',
    expect: { ...hrWrite(201), hrOut: 422 },
    request: (w) => ({ file: { field: 'file', content: w.fresh.historyFile(), fileName: 'lich-su.csv' } }),
  },
  { method: 'GET', path: '/api/v1/history/import/template.xlsx', expect: everyone(200) },

  // decisions and awards: approvers sign and revoke, the register is public
  {
    method: 'POST',
    path: '/api/v1/decisions',
    expect: approverWrite(201),
    request: async (w) => ({
      body: {
        issuerOrganizationId: w.tree.department.id,
        authority: 'DEPARTMENT_HEAD',
        issuedOn: DECIDED_ON,
        signerName: 'Vũ Anh Dũng',
        signerTitle: 'Giám đốc',
        signingMode: 'DIRECT',
        nominationIds: [await w.fresh.approved()],
      },
    }),
  },
  { method: 'GET', path: '/api/v1/decisions', expect: everyone(200) },
  { method: 'GET', path: '/api/v1/decisions/{id}', expect: everyone(200), request: (w) => id(w.decision.id) },
  {
    method: 'POST',
    path: '/api/v1/decisions/{id}/awards/{awardId}/revoke',
    expect: approverWrite(201),
    request: async (w) => {
      const decision = await w.fresh.decision();
      return { params: { id: decision.id, awardId: decision.awardId }, body: w.fresh.revocationBody };
    },
  },
  // revocation decisions (R-REVOKE-1): approvers record them, they are public acts
  {
    method: 'POST',
    path: '/api/v1/revocations',
    expect: approverWrite(201),
    request: async (w) => ({ body: { ...w.fresh.revocationBody, awardIds: [(await w.fresh.decision()).awardId] } }),
  },
  { method: 'GET', path: '/api/v1/revocations', expect: everyone(200) },
  {
    method: 'GET',
    path: '/api/v1/revocations/{id}',
    expect: everyone(200),
    request: async (w) => id(await w.fresh.revocation()),
  },
  {
    method: 'POST',
    path: '/api/v1/awards/{id}/review',
    expect: approverWrite(200),
    request: async (w) => ({ ...id(await w.fresh.flagged()), body: { outcome: 'CONFIRMED' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/awards',
    expect: everyone(200),
    request: () => ({ query: { includeRevoked: true } }),
  },
  { method: 'GET', path: '/api/v1/individuals/{id}/awards', expect: everyone(200), request: (w) => id(w.personIn) },
  {
    method: 'GET',
    path: '/api/v1/organizations/{id}/awards',
    expect: everyone(200),
    request: (w) => id(w.tree.unit.id),
  },
  {
    method: 'GET',
    path: '/api/v1/certificates/{verificationCode}',
    expect: everyone(200),
    request: (w) => ({ params: { verificationCode: w.decision.verificationCode } }),
  },
  {
    method: 'GET',
    path: '/api/v1/awards/{id}/certificate.pdf',
    expect: everyone(200),
    request: (w) => id(w.decision.awardId),
  },
  {
    method: 'GET',
    path: '/api/v1/decisions/{id}/certificates.pdf',
    expect: everyone(200),
    request: (w) => id(w.decision.id),
  },
  {
    method: 'GET',
    path: '/api/v1/stats/awards',
    expect: everyone(200),
    request: () => ({ query: { year: YEAR, groupBy: 'awardCode' } }),
  },
  {
    method: 'GET',
    path: '/api/v1/stats/form-0603',
    expect: everyone(200),
    request: (w) => ({ query: { year: YEAR, organizationId: w.tree.province.id } }),
  },

  // exports and the audit trail: auditors
  {
    method: 'GET',
    path: '/api/v1/exports/awards.csv',
    expect: auditors(200),
    request: () => ({ query: { year: YEAR } }),
  },
  {
    method: 'GET',
    path: '/api/v1/exports/awards.xlsx',
    expect: auditors(200),
    request: () => ({ query: { year: YEAR } }),
  },
  { method: 'GET', path: '/api/v1/exports/audit-events.csv', expect: auditors(200) },
  { method: 'GET', path: '/api/v1/audit-events', expect: auditors(200) },
  { method: 'GET', path: '/api/v1/audit-events/verify', expect: auditors(200) },
];

/** `GET /api/v1/x/{id}` with the request's params filled in. */
export function resolvePath(path: string, params: Record<string, string> = {}): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`${path}: no value for {${name}}`);
    return encodeURIComponent(params[name]);
  });
}

/** Sends one row's request as one caller. */
export async function send(world: World, row: AccessRow, caller: Caller) {
  const spec = row.request ? await row.request(world, caller) : {};
  const url = resolvePath(row.path, spec.params);
  let request = world.t.http[row.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
  if (caller !== 'public') request = request.set(bearer(world.tokens[caller]));
  if (spec.query) request = request.query(spec.query);
  if (spec.file) return request.attach(spec.file.field, spec.file.content, spec.file.fileName);
  if (spec.body !== undefined) return request.send(spec.body);
  return request;
}
