/**
 * A front end's view of the API: a client typed from `openapi.json` (openapi-typescript generates `./schema.js`,
 * openapi-fetch calls), walking the README's tour. `test/e2e/openapi.e2e-spec.ts` generates the types, compiles this
 * file with `tsc --strict` (no casts, no `any`: a type the document gets wrong is a compile error) and runs it
 * against the built service; every response is also checked against the document (status, content type, body).
 *
 * Environment: API_ORIGIN (`http://host:port`), DEMO_TOKENS_FILE, OPENAPI_FILE. Prints one JSON line of findings.
 */
import { readFileSync } from 'node:fs';
import createClient, { type Middleware } from 'openapi-fetch';
import { Conformance, type OpenApiDocument } from './openapi-conformance.js';
import type { components, paths } from './schema.js';

type NominationAction = components['schemas']['NominationAction'];
type ProblemCode = components['schemas']['ProblemCode'];

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function isDocument(value: unknown): value is OpenApiDocument {
  return typeof value === 'object' && value !== null && 'paths' in value && 'components' in value;
}

function tokenOf(tokens: unknown, name: string): string {
  if (typeof tokens !== 'object' || tokens === null || !(name in tokens)) throw new Error(`no token ${name}`);
  const token: unknown = Object.entries(tokens).find(([key]) => key === name)?.[1];
  if (typeof token !== 'string') throw new Error(`token ${name} is not a string`);
  return token;
}

/** What a person reads for each history action: exhaustive, so an action the document lacks cannot compile. */
function describeAction(action: NominationAction): string {
  switch (action) {
    case 'CREATE':
      return 'created';
    case 'EDIT':
      return 'edited';
    case 'SUBMIT':
      return 'submitted';
    case 'RETURN':
      return 'returned';
    case 'WITHDRAW':
      return 'withdrawn';
    case 'VOTE':
      return 'council vote recorded';
    case 'APPROVE':
      return 'approved';
    case 'REJECT':
      return 'rejected';
    case 'DECIDE':
      return 'granted by a decision';
  }
}

/** What a client does with a problem: switches on its `code` (a closed enum). */
function isRetryable(code: ProblemCode): boolean {
  switch (code) {
    case 'SERVICE_UNAVAILABLE':
    case 'TOO_MANY_REQUESTS':
    case 'IDEMPOTENCY_IN_PROGRESS':
    case 'CONCURRENT_UPDATE':
      return true;
    default:
      return false;
  }
}

function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

async function main(): Promise<void> {
  const document = readJson(env('OPENAPI_FILE'));
  check(isDocument(document), 'OPENAPI_FILE is not an OpenAPI document');
  const conformance = new Conformance(document);
  const tokens = readJson(env('DEMO_TOKENS_FILE'));
  // Sở KH&CN took over Sở TT&TT on 2025-03-01: today's people and nominations are its (R-ORG-1).
  const hr = tokenOf(tokens, 'HR_OFFICER_SKHCN');
  const approver = tokenOf(tokens, 'APPROVER_SKHCN');

  const nonConforming: string[] = [];
  let responses = 0;
  const validate: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      responses++;
      const body = await response.clone().text();
      const problems = conformance.responseProblems(request.method, schemaPath, {
        status: response.status,
        contentType: response.headers.get('content-type') ?? undefined,
        body,
      });
      if (problems.length > 0)
        nonConforming.push(`${request.method} ${schemaPath} → ${response.status}: ${problems.join('; ')}`);
      return response;
    },
  };
  const api = createClient<paths>({ baseUrl: env('API_ORIGIN') });
  api.use(validate);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  // Public: the catalogue, the organization tree, the awardees.
  const awardTypes = await api.GET('/api/v1/award-types');
  check((awardTypes.data?.items.length ?? 0) > 0, 'the catalogue is empty');
  const sttttPage = await api.GET('/api/v1/organizations', { params: { query: { q: 'so thong tin' } } });
  const stttt = sttttPage.data?.items[0];
  check(stttt !== undefined, 'no Sở Thông tin và Truyền thông');
  const subtree = await api.GET('/api/v1/organizations', { params: { query: { ancestorId: stttt.id } } });
  check((subtree.data?.items.length ?? 0) > 1, 'the subtree is empty');

  // Paging: the Sở's Giấy khen of 2023, three at a time, each once, as many as one page of them all.
  const seen = new Set<string>();
  const awardsPage = async (cursor: string | undefined) =>
    (
      await api.GET('/api/v1/awards', {
        params: { query: { year: 2023, awardCode: 'GIAY_KHEN', organizationId: stttt.id, limit: 3, cursor } },
      })
    ).data;
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await awardsPage(cursor ?? undefined);
    check(page !== undefined, `page ${pages + 1} failed`);
    for (const award of page.items) {
      check(!seen.has(award.id), `award ${award.id} on two pages`);
      seen.add(award.id);
    }
    cursor = page.nextCursor;
    pages++;
  } while (cursor !== null && pages < 50);
  const all = await api.GET('/api/v1/awards', {
    params: { query: { year: 2023, awardCode: 'GIAY_KHEN', organizationId: stttt.id, limit: 100 } },
  });
  const total = all.data?.items.length ?? 0;
  check(total > 3 && all.data?.nextCursor === null, `one page of them all expected, got ${total}`);
  check(
    seen.size === total && pages === Math.ceil(total / 3),
    `${total} awards on ${Math.ceil(total / 3)} pages expected, got ${seen.size} on ${pages}`,
  );

  // Verify a certificate by the code printed on it.
  const huong = await api.GET('/api/v1/awards', { params: { query: { q: 'nguyen thi huong' } } });
  const code = huong.data?.items[0]?.verificationCode;
  check(code !== undefined, 'no award of Nguyễn Thị Hương');
  const certificate = await api.GET('/api/v1/certificates/{verificationCode}', {
    params: { path: { verificationCode: code.toLowerCase().replace(/(.{4})(?=.)/g, '$1-') } },
  });
  check(certificate.data?.valid === true && certificate.data.revokedAt === null, 'the certificate is not valid');

  // An unknown code: a typed problem.
  const unknown = await api.GET('/api/v1/certificates/{verificationCode}', {
    params: { path: { verificationCode: '0000-0000-0000-0000-0000' } },
  });
  check(unknown.error?.code === 'NOT_FOUND' && !isRetryable(unknown.error.code), 'an unknown code is not a 404');

  // HR officer of Sở KH&CN: a person, a rating, and the rules' verdict on a nomination.
  const skhcnPage = await api.GET('/api/v1/organizations', { params: { query: { q: 'so khoa hoc' } } });
  const skhcn = skhcnPage.data?.items[0];
  check(skhcn !== undefined, 'no Sở Khoa học và Công nghệ');
  const person = await api.POST('/api/v1/individuals', {
    headers: as(hr),
    body: { fullName: 'Điêu Thị Xuân', gender: 'FEMALE', organizationId: skhcn.id, position: 'Chuyên viên' },
  });
  check(person.data !== undefined, `the person was not created: ${JSON.stringify(person.error)}`);
  const rating = await api.PUT('/api/v1/individuals/{id}/ratings/{year}', {
    headers: as(hr),
    params: { path: { id: person.data.id, year: 2023 } },
    body: { rating: 'HT' },
  });
  check(rating.data?.rating === 'HT', 'the rating was not recorded');
  const nominee: Pick<
    components['schemas']['CreateNominationDto'],
    'year' | 'basis' | 'individualId' | 'proposingOrganizationId'
  > = {
    year: 2023,
    basis: 'REGULAR',
    individualId: person.data.id,
    proposingOrganizationId: skhcn.id,
  };
  const verdict = await api.POST('/api/v1/nominations/check', {
    headers: as(hr),
    body: { ...nominee, awardCode: 'LAO_DONG_TIEN_TIEN', achievements: 'Hoàn thành nhiệm vụ' },
  });
  check(verdict.data !== undefined, 'no verdict');
  const { checks, eligible } = verdict.data.eligibility;
  const failing = checks.filter((ruleCheck) => !ruleCheck.passed).map((ruleCheck) => ruleCheck.rule);
  check(!eligible && failing.includes('R-LDTT-1'), `R-LDTT-1 should fail: ${failing.join(', ')}`);

  // The nomination, its eligibility, and an approver's decision.
  const created = await api.POST('/api/v1/nominations', {
    headers: as(hr),
    body: { ...nominee, awardCode: 'GIAY_KHEN', achievements: 'Hoàn thành xuất sắc nhiệm vụ năm 2023' },
  });
  check(created.data !== undefined, `the nomination was not created: ${JSON.stringify(created.error)}`);
  const eligibility = created.data.eligibility;
  check(
    eligibility.checks.every((ruleCheck) => ruleCheck.message.length > 0),
    'a check without a message',
  );
  const id = created.data.id;
  const submitted = await api.POST('/api/v1/nominations/{id}/submit', { headers: as(hr), params: { path: { id } } });
  check(submitted.data?.status === 'SUBMITTED', 'not submitted');
  const approved = await api.POST('/api/v1/nominations/{id}/approve', {
    headers: as(approver),
    params: { path: { id } },
  });
  check(approved.data?.status === 'APPROVED', `not approved: ${JSON.stringify(approved.error)}`);
  const decision = await api.POST('/api/v1/decisions', {
    headers: { ...as(approver), 'Idempotency-Key': `tour-${id}` },
    body: {
      issuerOrganizationId: skhcn.id,
      number: '01/QĐ-SKHCN',
      authority: 'DEPARTMENT_HEAD',
      issuedOn: '2024-02-01',
      signerName: 'Nguyễn Văn Bình',
      signerTitle: 'Giám đốc Sở',
      signingMode: 'DIRECT',
      nominationIds: [id],
    },
  });
  check(decision.data !== undefined, `no decision: ${JSON.stringify(decision.error)}`);
  const bonus = decision.data.awards.map((award) => award.bonusAmount);
  const decided = await api.GET('/api/v1/nominations/{id}', { headers: as(approver), params: { path: { id } } });
  check(decided.data?.status === 'DECIDED', 'not decided');
  const history = decided.data.history.map((event) => describeAction(event.action));
  const decisionCheck = decided.data.eligibility.checks.length;

  // The same key again: the stored response, replayed.
  const replay = await api.POST('/api/v1/decisions', {
    headers: { ...as(approver), 'Idempotency-Key': `tour-${id}` },
    body: {
      issuerOrganizationId: skhcn.id,
      number: '01/QĐ-SKHCN',
      authority: 'DEPARTMENT_HEAD',
      issuedOn: '2024-02-01',
      signerName: 'Nguyễn Văn Bình',
      signerTitle: 'Giám đốc Sở',
      signingMode: 'DIRECT',
      nominationIds: [id],
    },
  });
  check(replay.response.headers.get('idempotent-replayed') === 'true', 'not replayed');

  process.stdout.write(
    `${JSON.stringify({
      responses,
      nonConforming,
      awardPages: pages,
      awardsPaged: seen.size,
      certificateValid: certificate.data.valid,
      failing,
      decisionNumber: decision.data.number,
      bonus,
      history,
      decisionCheck,
    })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
