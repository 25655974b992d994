import { defaultPeriod, type AwardCode, type Basis } from '../../src/rules/index.js';
import type { TestApp } from './test-app.js';
import { BOOTSTRAP_TOKEN, bearer } from './test-app.js';

let sequence = 0;
const next = () => `${process.pid}-${++sequence}`;

/**
 * Creates an organization through the API (as ADMIN) and returns the response body. Its decisions are numbered
 * `AUTO` (R-NUM-1) unless `decisionNumbering: 'REGISTER'` is given: most tests are about what a decision grants,
 * not about the number the document register gave it (decisions.e2e-spec.ts covers REGISTER).
 */
export async function makeOrganization(
  t: TestApp,
  overrides: Partial<{
    code: string;
    name: string;
    kind: string;
    parentId: string;
    documentSymbol: string;
    shortName: string;
    decisionNumbering: 'REGISTER' | 'AUTO';
  }> = {},
): Promise<{
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  documentSymbol: string | null;
  decisionNumbering: string;
}> {
  const response = await t.http
    .post('/api/v1/organizations')
    .set(bearer(BOOTSTRAP_TOKEN))
    .send({ code: `ORG-${next()}`, name: `Đơn vị ${sequence}`, kind: 'UNIT', decisionNumbering: 'AUTO', ...overrides });
  if (response.status !== 201) throw new Error(`makeOrganization: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A province → department → unit tree, the shape of the demo data. */
export async function makeTree(t: TestApp) {
  const province = await makeOrganization(t, { kind: 'PROVINCE', name: 'UBND tỉnh Điện Biên', documentSymbol: 'UBND' });
  const department = await makeOrganization(t, {
    kind: 'DEPARTMENT',
    name: 'Sở Thông tin và Truyền thông',
    parentId: province.id,
    documentSymbol: 'STTTT',
  });
  const unit = await makeOrganization(t, {
    kind: 'UNIT',
    name: 'Trung tâm Công nghệ thông tin và Truyền thông',
    parentId: department.id,
  });
  const otherDepartment = await makeOrganization(t, {
    kind: 'DEPARTMENT',
    name: 'Sở Tài chính',
    parentId: province.id,
    documentSymbol: 'STC',
  });
  return { province, department, unit, otherDepartment };
}

export async function makeIndividual(
  t: TestApp,
  organizationId: string,
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; fullName: string; organizationId: string }> {
  const response = await t.http
    .post('/api/v1/individuals')
    .set(bearer(BOOTSTRAP_TOKEN))
    .send({ fullName: `Nguyễn Văn ${next()}`, organizationId, ...overrides });
  if (response.status !== 201) throw new Error(`makeIndividual: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * A nomination straight in the database, APPROVED by default (the workflow endpoints are not needed to test what
 * comes after approval). The nominee is `individualId` or, for a collective, `organizationId`.
 */
export async function makeApprovedNomination(
  t: Pick<TestApp, 'db'>,
  options: {
    awardCode: string;
    year: number;
    proposingOrganizationId: string;
    individualId?: string;
    organizationId?: string;
    basis?: string;
    status?: string;
    regime?: string;
    criterion?: string;
    justification?: string;
  },
): Promise<{ id: string }> {
  const regime = options.regime ?? 'TDKT_2022_ND98';
  const recipientKind = options.individualId ? 'INDIVIDUAL' : 'COLLECTIVE';
  const period = periodOf(options);
  const rows: { id: string }[] = await t.db.query(
    `INSERT INTO nominations (year, award_code, basis, recipient_kind, individual_id, organization_id,
                              proposing_organization_id, achievements, status, regime, eligibility, version,
                              period_from, period_to, criterion, justification)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1, $12, $13, $14, $15)
     RETURNING id`,
    [
      options.year,
      options.awardCode,
      options.basis ?? 'REGULAR',
      recipientKind,
      options.individualId ?? null,
      options.individualId ? null : (options.organizationId ?? null),
      options.proposingOrganizationId,
      'Hoàn thành xuất sắc nhiệm vụ được giao',
      options.status ?? 'APPROVED',
      regime,
      JSON.stringify({ eligible: true, regime, checks: [] }),
      period.from,
      period.to,
      options.criterion ?? null,
      options.justification ?? null,
    ],
  );
  return rows[0];
}

/**
 * Records, through the API, the ratings and initiatives that make `individualId` eligible for `awardCode` of `year`
 * under every regime (a decision re-judges its lines, so an approved nomination's nominee must really qualify):
 * HTXS in the year (R-LDTT-1; R-CSCS-1 with an initiative, mandatory under Decree 91/2017), and for a Bằng khen tỉnh
 * HTXS in both years of its period with two initiatives (Law 2022 Art 74.1.d). Prerequisite titles (the Lao động
 * tiên tiến of a CSTĐ cơ sở…) are the caller's.
 */
export async function makeEligible(t: TestApp, individualId: string, awardCode: string, year: number): Promise<void> {
  if (awardCode === 'LAO_DONG_TIEN_TIEN') await setRating(t, individualId, year, 'HTXS');
  if (awardCode === 'CHIEN_SI_THI_DUA_CO_SO') {
    await setRating(t, individualId, year, 'HTXS');
    await addInitiative(t, individualId, year);
  }
  if (awardCode === 'BANG_KHEN_TINH') {
    for (const y of [year - 1, year]) {
      await setRating(t, individualId, y, 'HTXS');
      await addInitiative(t, individualId, y);
    }
  }
}

/** The default achievement period of a code and year (Decree 98/2023 Art 30.9), as the service would give it. */
function periodOf(options: { awardCode: string; basis?: string; year: number }): { from: number; to: number } {
  return defaultPeriod(options.awardCode as AwardCode, (options.basis ?? 'REGULAR') as Basis, options.year);
}

/**
 * Signs a decision through the API (as ADMIN unless a token is given) and returns the response body. The authority
 * follows from the issuer (R-AUTH-4) unless one is given.
 */
export async function makeDecision(
  t: TestApp,
  options: {
    issuerOrganizationId: string;
    nominationIds: string[];
    authority?: string;
    issuedOn?: string;
    number?: number | string;
    signingMode?: string;
    signerName?: string;
    signerTitle?: string;
    token?: string;
  },
): Promise<{
  id: string;
  number: string;
  numberValue: number;
  awards: { id: string; verificationCode: string; bonusAmount: number; recipientName: string; awardCode: string }[];
}> {
  const { token, ...body } = options;
  const response = await t.http
    .post('/api/v1/decisions')
    .set(bearer(token ?? BOOTSTRAP_TOKEN))
    .send({
      issuedOn: '2024-01-23',
      signerName: 'Vũ Anh Dũng',
      signerTitle: 'Giám đốc',
      signingMode: 'DIRECT',
      ...body,
    });
  if (response.status !== 201) throw new Error(`makeDecision: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Records a revocation decision through the API (R-REVOKE-1): ground A, a reason, the given awards; the issuer's
 * AUTO series numbers it unless `number` is given.
 */
export async function makeRevocation(
  t: TestApp,
  options: {
    issuerOrganizationId: string;
    awardIds: string[];
    issuedOn?: string;
    ground?: string;
    reason?: string;
    number?: number | string;
    token?: string;
  },
): Promise<{
  id: string;
  number: string;
  awards: { id: string }[];
  flagged: { award: { id: string }; reliedOnAwardId: string; rule: string }[];
}> {
  const { token, ...body } = options;
  const response = await t.http
    .post('/api/v1/revocations')
    .set(bearer(token ?? BOOTSTRAP_TOKEN))
    .send({ issuedOn: '2025-06-02', ground: 'A', reason: 'Khai man thành tích', ...body });
  if (response.status !== 201) throw new Error(`makeRevocation: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

// --- nominations workflow: facts about people, award history, nominations -----------------------------------------

/** Sets a person's annual rating through the API (as ADMIN). */
export async function setRating(
  t: TestApp,
  individualId: string,
  year: number,
  rating: 'HTXS' | 'HTT' | 'HT' | 'KHT',
): Promise<void> {
  const response = await t.http
    .put(`/api/v1/individuals/${individualId}/ratings/${year}`)
    .set(bearer(BOOTSTRAP_TOKEN))
    .send({ rating });
  if (response.status !== 200) throw new Error(`setRating: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Records an initiative recognised in `year` at `level` through the API (as ADMIN). */
export async function addInitiative(
  t: TestApp,
  individualId: string,
  year: number,
  level: 'UNIT' | 'PROVINCE' | 'NATIONAL' = 'UNIT',
): Promise<void> {
  const response = await t.http
    .post(`/api/v1/individuals/${individualId}/initiatives`)
    .set(bearer(BOOTSTRAP_TOKEN))
    .send({ year, title: `Sáng kiến ${next()}`, level, recognizedOn: `${year}-11-15` });
  if (response.status !== 201) throw new Error(`addInitiative: ${response.status} ${JSON.stringify(response.body)}`);
}

/** Opens a disciplinary case (a hold, R-HOLD-1) through the API (as ADMIN); returns the case id. */
export async function openDisciplinaryCase(
  t: TestApp,
  individualId: string,
  kind: 'DISCIPLINE' | 'INVESTIGATION' | 'INSPECTION' | 'COMPLAINT' | 'DENUNCIATION' | 'PRESS_REPORT' = 'INVESTIGATION',
  openedOn = '2024-03-01',
): Promise<string> {
  const response = await t.http
    .post(`/api/v1/individuals/${individualId}/disciplinary-cases`)
    .set(bearer(BOOTSTRAP_TOKEN))
    .send({ kind, openedOn });
  if (response.status !== 201)
    throw new Error(`openDisciplinaryCase: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.id;
}

let awardDecisionNumber = 0;

/**
 * A granted award straight in the database, with a decision of its own: history that counts for prerequisites,
 * duplicates and quota bases (e.g. CSTĐ cơ sở of earlier years, or a THEMATIC award that must not count). The
 * recipient is `individualId` or the collective `organizationId`; the award is issued on 15 December of its year.
 */
export async function makeAwardRecord(
  t: Pick<TestApp, 'db'>,
  options: {
    awardCode: string;
    year: number;
    proposingOrganizationId: string;
    individualId?: string;
    organizationId?: string;
    basis?: string;
    revoked?: boolean;
  },
): Promise<{ id: string; decisionId: string }> {
  const issuedOn = `${options.year}-12-15`;
  const regime = options.year <= 2023 ? 'TDKT_2003_ND91' : 'TDKT_2022_ND98';
  const [decision]: { id: string }[] = await t.db.query(
    `INSERT INTO decisions (issuer_organization_id, authority, year, number, number_text, issued_on, signer_name, signer_title, signing_mode, regime)
     VALUES ($1, 'PROVINCE_CHAIR', $2, $3, $4, $5, 'Vừ A Bằng', 'Phó Chủ tịch', 'ON_BEHALF', $6) RETURNING id`,
    [
      options.proposingOrganizationId,
      options.year,
      ++awardDecisionNumber,
      `${awardDecisionNumber}/QĐ-UBND`,
      issuedOn,
      regime,
    ],
  );
  const recipient: { organization_id: string; name: string }[] = options.individualId
    ? await t.db.query(`SELECT organization_id, full_name AS name FROM individuals WHERE id = $1`, [
        options.individualId,
      ])
    : await t.db.query(`SELECT id AS organization_id, name FROM organizations WHERE id = $1`, [options.organizationId]);
  const period = periodOf(options);
  const [award]: { id: string }[] = await t.db.query(
    `INSERT INTO awards (decision_id, decision_number, year, award_code, basis, recipient_kind, individual_id, organization_id,
                         proposing_organization_id, recipient_name, organization_name, issued_on, regime, bonus_amount,
                         verification_code, revoked_at, revoked_reason, period_from, period_to)
     VALUES ($1, (SELECT number_text FROM decisions WHERE id = $1), $2, $3, $4, $5, $6, $7, $8, $9, $9, $10, $11, 0, $12, $13, $14, $15, $16) RETURNING id`,
    [
      decision.id,
      options.year,
      options.awardCode,
      options.basis ?? 'REGULAR',
      options.individualId ? 'INDIVIDUAL' : 'COLLECTIVE',
      options.individualId ?? null,
      recipient[0].organization_id,
      options.proposingOrganizationId,
      recipient[0].name,
      issuedOn,
      regime,
      `TEST-${next()}-${Math.random().toString(36).slice(2, 10)}`,
      options.revoked ? new Date() : null,
      options.revoked ? 'Khai man thành tích' : null,
      period.from,
      period.to,
    ],
  );
  return { id: award.id, decisionId: decision.id };
}

/** Drafts a nomination through the API (as ADMIN unless a token is given); returns the response body. */
export async function makeNomination(
  t: TestApp,
  body: {
    year: number;
    awardCode: string;
    proposingOrganizationId: string;
    individualId?: string;
    organizationId?: string;
    basis?: string;
    achievements?: string;
    expectedDecisionOn?: string;
    periodFrom?: number;
    periodTo?: number;
    criterion?: string;
    justification?: string;
  },
  token: string = BOOTSTRAP_TOKEN,
): Promise<{
  id: string;
  status: string;
  periodFrom: number;
  periodTo: number;
  criterion: string | null;
  eligibility: { eligible: boolean; regime: string; checks: { rule: string; passed: boolean | null }[] };
}> {
  const response = await t.http
    .post('/api/v1/nominations')
    .set(bearer(token))
    .send({ basis: 'REGULAR', achievements: 'Hoàn thành xuất sắc nhiệm vụ năm', ...body });
  if (response.status !== 201) throw new Error(`makeNomination: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A council meeting every test may cite (R-VOTE-1): a date in the past and a minutes reference. */
export const MEETING = { heldOn: '2024-12-20', minutesReference: 'BB-TEST/2024' } as const;

/** From when the test councils' sizes hold: before every meeting the tests record. */
export const COUNCIL_FROM = '2000-01-01';

/** The tally of a council vote, optionally with its meeting (`MEETING` by default). */
export interface VoteBody {
  members: number;
  present: number;
  writtenVotes?: number;
  yes: number;
  heldOn?: string;
  minutesReference?: string;
}

/**
 * Records the size of an organization's emulation council through the API (as ADMIN unless a token is given),
 * from `COUNCIL_FROM` unless told otherwise: council votes of the organization and those under it without a
 * council of their own count against it (R-VOTE-1). Returns the response body.
 */
export async function recordCouncilSize(
  t: TestApp,
  organizationId: string,
  members: number,
  options: { effectiveFrom?: string; reference?: string; token?: string } = {},
): Promise<{ id: string; organizationId: string; members: number; effectiveFrom: string; reference: string }> {
  const response = await t.http
    .post(`/api/v1/organizations/${organizationId}/council-sizes`)
    .set(bearer(options.token ?? BOOTSTRAP_TOKEN))
    .send({
      members,
      effectiveFrom: options.effectiveFrom ?? COUNCIL_FROM,
      reference: options.reference ?? `QĐ-HĐTĐKT-${next()}`,
    });
  if (response.status !== 201)
    throw new Error(`recordCouncilSize: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/**
 * Makes sure the council that counts for a vote of `organizationId` at a meeting held `heldOn` has `members`
 * members (R-VOTE-1 refuses a vote that counts any other number): records it for the organization unless the
 * size in force already is `members`.
 */
export async function ensureCouncilSize(
  t: TestApp,
  organizationId: string,
  members: number,
  heldOn: string = MEETING.heldOn,
): Promise<void> {
  const rows: { members: number }[] = await t.db.query(
    `SELECT s.members FROM organization_closure c
       JOIN council_sizes s ON s.organization_id = c.ancestor_id AND s.effective_from <= $2::date
      WHERE c.descendant_id = $1
      ORDER BY c.depth, s.effective_from DESC, s.created_at DESC, s.id DESC LIMIT 1`,
    [organizationId, heldOn],
  );
  if (rows[0]?.members !== members) await recordCouncilSize(t, organizationId, members);
}

/**
 * Drafts and submits a nomination (it must be eligible); with `vote`, also records a council vote on it at
 * `MEETING` (unless the vote names its own), first recording the council size the vote counts when another is on
 * file (or none).
 */
export async function makeSubmittedNomination(
  t: TestApp,
  body: Parameters<typeof makeNomination>[1],
  options: { vote?: VoteBody; token?: string } = {},
): Promise<{ id: string }> {
  const token = options.token ?? BOOTSTRAP_TOKEN;
  const nomination = await makeNomination(t, body, token);
  const submitted = await t.http.post(`/api/v1/nominations/${nomination.id}/submit`).set(bearer(token));
  if (submitted.status !== 200)
    throw new Error(`makeSubmittedNomination: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  if (options.vote) {
    const vote = { ...MEETING, ...options.vote };
    await ensureCouncilSize(t, body.proposingOrganizationId, vote.members, vote.heldOn);
    const voted = await t.http
      .post(`/api/v1/nominations/${nomination.id}/votes`)
      .set(bearer(BOOTSTRAP_TOKEN))
      .send(vote);
    if (voted.status !== 201)
      throw new Error(`makeSubmittedNomination vote: ${voted.status} ${JSON.stringify(voted.body)}`);
  }
  return { id: nomination.id };
}

// --- nominations import: files built in the test --------------------------------------------------------------------

/**
 * A CSV import file from rows of cells (the first row is the header), RFC 4180 quoting, CRLF line ends; `bom` adds
 * the UTF-8 byte order mark Excel writes, `delimiter` `;` mimics Excel in a Vietnamese locale.
 */
export function importCsv(rows: string[][], options: { bom?: boolean; delimiter?: ',' | ';' } = {}): Buffer {
  const delimiter = options.delimiter ?? ',';
  const field = (value: string) => (/[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  const text = rows.map((cells) => cells.map(field).join(delimiter)).join('\r\n') + '\r\n';
  return Buffer.from(`${options.bom ? '\uFEFF' : ''}${text}`, 'utf8');
}

/** An .xlsx import file: one sheet, the rows as given (numbers stay numbers, Dates become date cells, null is empty). */
export async function importXlsx(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đề nghị');
  for (const cells of rows) sheet.addRow(cells);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// --- shared by several suites ----------------------------------------------------------------------------------------

/** The organizations `makeTree` creates. */
export type Tree = Awaited<ReturnType<typeof makeTree>>;

/** A person of `organizationId` (through `makeIndividual`) rated `rating` in each of `years`; unrated without one. */
export async function makeRatedIndividual(
  t: TestApp,
  organizationId: string,
  rating?: 'HTXS' | 'HTT' | 'HT' | 'KHT',
  years: number[] = [2024],
  overrides: Record<string, unknown> = {},
): Promise<{ id: string; fullName: string; organizationId: string }> {
  const individual = await makeIndividual(t, organizationId, overrides);
  if (rating) for (const year of years) await setRating(t, individual.id, year, rating);
  return individual;
}

let revocationNumber = 9000;

/**
 * The fields of a revocation decision (R-REVOKE-1) by the issuer of decision `decisionId`, dated today (UTC, never
 * after today in Vietnam), ground A, `reason`; a register number when the issuer numbers from its register.
 */
export async function revocationFields(
  t: TestApp,
  decisionId: string,
  reason = 'Khai man thành tích',
): Promise<{ issuerOrganizationId: string; issuedOn: string; ground: string; reason: string; number?: number }> {
  const decision = await t.http.get(`/api/v1/decisions/${decisionId}`);
  if (decision.status !== 200) throw new Error(`revocationFields: decision ${decision.status}`);
  const issuerId = decision.body.issuer.id as string;
  const issuer = await t.http.get(`/api/v1/organizations/${issuerId}`);
  if (issuer.status !== 200) throw new Error(`revocationFields: issuer ${issuer.status}`);
  const fields = {
    issuerOrganizationId: issuerId,
    issuedOn: new Date().toISOString().slice(0, 10),
    ground: 'A',
    reason,
  };
  return issuer.body.decisionNumbering === 'REGISTER' ? { ...fields, number: ++revocationNumber } : fields;
}

/** Revokes an award of a decision through the API (as ADMIN): a revocation decision of one award (R-REVOKE-1). */
export async function revokeAward(t: TestApp, decisionId: string, awardId: string, reason: string): Promise<void> {
  const response = await t.http
    .post(`/api/v1/decisions/${decisionId}/awards/${awardId}/revoke`)
    .set(bearer(BOOTSTRAP_TOKEN))
    .send(await revocationFields(t, decisionId, reason));
  if (response.status !== 201) throw new Error(`revokeAward: ${response.status} ${JSON.stringify(response.body)}`);
}
