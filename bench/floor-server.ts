/**
 * The floor of the benchmark: the service's statements, served by a bare `node:http` handler on a plain `pg` pool of
 * the same size — no framework (routing, guards, validation, interceptors, logging, the ORM's query runner, query
 * building), no rule engine. What the service reaches of this is the ratio: the cost of the framework.
 *
 * - `GET /api/v1/awards?year=&awardCode=&organizationId=&limit=`: the statement of `AwardsRepository.list`, sent as
 *   the same named prepared statement, rows mapped as the service maps them.
 * - `GET /api/v1/individuals/{id}/awards`: the same statements as the service's award history.
 * - `POST /api/v1/nominations/{id}/approve` and `POST /api/v1/nominations/approve` (a list): every statement the
 *   service sends for an approval, compiled from the service's own builders and sent under the same statement
 *   names, in the same order: the API key lookup, the transaction with its audit actor, the nominations with the
 *   scope, the nominees' locks with the rows locked, the nominees' facts (what the eligibility judgement reads,
 *   R-DUP-1 among it) with the quota locks, the quota figures, the moves with their history rows. The floor judges
 *   the quota only (the bench's nominations are eligible but for it) and reads no council sizes (they have no vote).
 *
 * Run as a child process of `bench/run.ts`: env DATABASE_URL, PORT, POOL_SIZE; prints `listening <port>`.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { awardListQuery } from '../src/awards/awards.repository.js';
import { toAwardDto } from '../src/awards/awards.service.js';
import { toPage } from '../src/common/pagination/pagination.js';
import type { AwardCode } from '../src/rules/index.js';
import { compileOnly, statementName } from '../src/database/replica-reads.js';
import type { CompiledTemplate } from '../src/database/compiled-template.js';
import type { Db } from '../src/database/db.js';
import { auditActorTemplate } from '../src/database/transactions.js';
import { ApiKeysRepository } from '../src/api-keys/api-keys.repository.js';
import { NominationsRepository } from '../src/nominations/nominations.repository.js';
import { NominationFactsRepository } from '../src/nominations/nomination-facts.repository.js';
import { QuotasRepository } from '../src/quotas/quotas.repository.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.POOL_SIZE ?? 20),
  application_name: 'bench-floor',
});

/** The register's statements go out named, as the service sends them (`replicaQuery` with `prepared`). */
const prepared = (statement: { text: string; values: unknown[] }): pg.QueryConfig => ({
  name: statementName(statement.text),
  text: statement.text,
  values: statement.values,
});

const sortKey = (row: { issuedOn: string; id: string }): [string, string] => [row.issuedOn, row.id];

async function listAwards(query: URLSearchParams): Promise<unknown> {
  const limit = Number(query.get('limit') ?? 50);
  const statement = awardListQuery({
    year: query.has('year') ? Number(query.get('year')) : undefined,
    awardCode: (query.get('awardCode') ?? undefined) as AwardCode | undefined,
    subtreeOf: query.get('organizationId') ?? undefined,
    includeRevoked: false,
    after: null,
    limit,
  });
  const { rows } = await pool.query(prepared(statement));
  return toPage(rows, limit, sortKey, toAwardDto);
}

/** As `AwardsService.forIndividual`: the page first; only an empty one asks whether the individual exists. */
async function individualAwards(id: string): Promise<unknown> {
  const limit = 50;
  const statement = awardListQuery({ individualId: id, includeRevoked: true, after: null, limit });
  const { rows } = await pool.query(prepared(statement));
  if (rows.length === 0 && (await pool.query('SELECT 1 FROM individuals WHERE id = $1', [id])).rowCount === 0)
    return null;
  return toPage(rows, limit, sortKey, toAwardDto);
}

// The approval's statements, compiled once from the service's own builders (the repositories over a compile-only
// Kysely) and sent under the service's statement names: the same SQL text, parameters and prepared statements.
const compiled = compileOnly as unknown as Db;
const nominationsSql = new NominationsRepository(compiled);
const factsSql = new NominationFactsRepository(compiled);
const quotasSql = new QuotasRepository(compiled);
const LIVE_KEY = new ApiKeysRepository(compiled).liveKeyTemplate();
const AUDIT_ACTOR = auditActorTemplate(compiled);
const IN_SCOPE = nominationsSql.inScopeTemplate();
const LOCKED = nominationsSql.lockedTemplate();
const FACTS = factsSql.factSetsTemplate(true);
const FIGURES = quotasSql.approvalFiguresTemplate(false);
const TRANSITIONS = nominationsSql.transitionsTemplate();

/** `template` with `values`, as the service sends it (`runTemplate`): a named prepared statement. */
function run<K extends string>(
  client: pg.PoolClient,
  template: CompiledTemplate<K>,
  values: Partial<Record<K, unknown>>,
): Promise<pg.QueryResult> {
  return client.query({ name: statementName(template.sql), text: template.sql, values: template.bind(values) });
}

interface NominationRow {
  id: string;
  year: number;
  awardCode: string;
  status: string;
  individualId: string | null;
  organizationId: string | null;
  householdId: string | null;
  proposingOrganizationId: string;
  regime: string;
  inScope?: boolean;
}

interface Caller {
  keyId: string;
  role: string;
  organizationId: string | null;
}

/** The API key lookup every authenticated request of the service sends (`AuthGuard`), outside the transaction. */
async function caller(request: http.IncomingMessage): Promise<Caller | null> {
  const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
  if (token === undefined) return null;
  const client = await pool.connect();
  try {
    const { rows } = await run(client, LIVE_KEY, {
      tokenHash: createHash('sha256').update(token, 'utf8').digest('hex'),
    });
    const owner = rows[0] as { id: string; role: string; organizationId: string | null } | undefined;
    return owner ? { keyId: owner.id, role: owner.role, organizationId: owner.organizationId } : null;
  } finally {
    client.release();
  }
}

const nomineeOf = (n: NominationRow): string => (n.individualId ?? n.organizationId ?? n.householdId) as string;

/** The counted items of the figures' `counts` for one organization, year and code (as `countedByCode` counts). */
function usedOf(
  counts: { organization_id: string; year: number; source: string; award_code: string; revoked: boolean; n: number }[],
  n: NominationRow,
): number {
  return counts
    .filter(
      (c) =>
        c.organization_id === n.proposingOrganizationId &&
        c.year === n.year &&
        c.award_code === n.awardCode &&
        !(c.source === 'AWARD' && c.revoked),
    )
    .reduce((sum, c) => sum + c.n, 0);
}

/**
 * The approval of a list (`approveMany`; a single approval is a list of one), with the service's statements in the
 * service's order: the scope with the rows; the nominees' locks with the rows locked; the nominees' facts and votes
 * with the quota locks; the quota figures; the moves with their history rows. Each item is judged in order against
 * the quota figures (the rule engine's eligibility judgement is not repeated: the fixture's nominations are all
 * eligible but for the quota). Answers per item, as the service does.
 */
async function judge(caller: Caller, ids: string[]): Promise<{ id: string; status: number; body: unknown }[]> {
  const client = await pool.connect();
  try {
    await client.query('START TRANSACTION');
    await run(client, AUDIT_ACTOR, { keyId: caller.keyId, role: caller.role, requestId: randomUUID() });
    const found = (await run(client, IN_SCOPE, { ids, scopeRoot: caller.organizationId })).rows as NominationRow[];
    const actionable = found.filter((n) => n.inScope);
    const nominees = [...new Set(actionable.map((n) => `nominations:nominee:${nomineeOf(n)}`))].sort();
    const locked =
      actionable.length === 0
        ? []
        : ((await run(client, LOCKED, { keys: nominees, ids: actionable.map((n) => n.id) })).rows as NominationRow[]);
    const byId = new Map(locked.map((n) => [n.id, n]));
    const open = locked.filter((n) => n.status === 'SUBMITTED');
    const items: { id: string; status: number; body: unknown }[] = [];
    const moved: NominationRow[] = [];
    if (open.length > 0) {
      const quotas = [...new Set(open.map((n) => `nominations:quota:${n.proposingOrganizationId}:${n.year}`))].sort();
      await run(client, FACTS, {
        people: [...new Set(open.flatMap((n) => (n.individualId ? [n.individualId] : [])))],
        collectives: [...new Set(open.flatMap((n) => (n.individualId ? [] : [n.organizationId ?? ''])))],
        votes: open.map((n) => n.id),
        locks: quotas,
      });
      const figures = (
        await run(client, FIGURES, {
          organizationIds: [...new Set(open.map((n) => n.proposingOrganizationId))],
          years: [...new Set(open.map((n) => n.year))],
          codes: [...new Set(open.map((n) => n.awardCode))],
        })
      ).rows[0] as {
        counts: Parameters<typeof usedOf>[0];
        unitQuotas: { organization_id: string; year: number; award_code: string; max_count: number | null }[];
      };
      const used = new Map<string, number>();
      for (const id of ids) {
        const n = byId.get(id);
        if (!n || n.status !== 'SUBMITTED') continue;
        const key = `${n.proposingOrganizationId}:${n.year}:${n.awardCode}`;
        const count = used.get(key) ?? usedOf(figures.counts, n);
        const max = figures.unitQuotas.find(
          (q) => q.organization_id === n.proposingOrganizationId && q.year === n.year && q.award_code === n.awardCode,
        )?.max_count;
        if (max !== undefined && max !== null && count + 1 > max) {
          used.set(key, count);
          items.push({
            id,
            status: 422,
            body: { code: 'RULE_VIOLATION', violations: [{ rule: 'R-QUOTA-UNIT', limit: max, actual: count + 1 }] },
          });
          continue;
        }
        used.set(key, count + 1);
        moved.push(n);
        items.push({ id, status: 200, body: n });
      }
    }
    if (moved.length > 0) {
      const eligibility = (n: NominationRow) =>
        JSON.stringify({ eligible: true, regime: n.regime, checks: [{ rule: 'R-QUOTA-UNIT', passed: true }] });
      const written = await run(client, TRANSITIONS, {
        ids: moved.map((n) => n.id),
        froms: moved.map(() => 'SUBMITTED'),
        tos: moved.map(() => 'APPROVED'),
        reasons: moved.map(() => null),
        eligibilities: moved.map(eligibility),
        regimes: moved.map((n) => n.regime),
        action: 'APPROVE',
        reason: null,
        actorKeyId: caller.keyId,
        actorRole: caller.role,
      });
      const versions = new Map(written.rows.map((r: { id: string; version: number }) => [r.id, r.version]));
      for (const n of moved) Object.assign(n, { status: 'APPROVED', version: versions.get(n.id) });
    }
    await client.query('COMMIT');
    // The items of `ids` the reads did not answer: unknown, out of scope or not SUBMITTED.
    const answered = new Map(items.map((i) => [i.id, i]));
    return ids.map((id) => {
      const item = answered.get(id);
      if (item) return item;
      const n = found.find((f) => f.id === id);
      if (!n) return { id, status: 404, body: { code: 'NOT_FOUND' } };
      if (!n.inScope) return { id, status: 403, body: { code: 'FORBIDDEN' } };
      return { id, status: 409, body: { code: 'INVALID_STATE' } };
    });
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** 200 with the nomination, 404, 409 (not SUBMITTED) or 422 (quota full). */
async function approve(caller: Caller, id: string): Promise<[number, unknown]> {
  const [item] = await judge(caller, [id]);
  return [item.status, item.body];
}

async function approveMany(caller: Caller, ids: string[]): Promise<[number, unknown]> {
  const items = await judge(caller, ids);
  const moved = items.filter((i) => i.status === 200).length;
  return [
    200,
    {
      items: items.map((i) =>
        i.status === 200 ? { id: i.id, status: 'APPROVED' } : { id: i.id, status: 'REFUSED', problem: i.body },
      ),
      moved,
      refused: items.length - moved,
    },
  ];
}

/** The JSON body of a request. */
async function jsonBody(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

const INDIVIDUAL_AWARDS = /^\/api\/v1\/individuals\/([0-9a-f-]{36})\/awards$/;
const APPROVE = /^\/api\/v1\/nominations\/([0-9a-f-]{36})\/approve$/;

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(payload),
  });
  response.end(payload);
}

const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  const handle = async (): Promise<void> => {
    if (request.method === 'GET' && url.pathname === '/api/v1/awards')
      return send(response, 200, await listAwards(url.searchParams));
    const history = INDIVIDUAL_AWARDS.exec(url.pathname);
    if (request.method === 'GET' && history) {
      const page = await individualAwards(history[1]);
      return page === null ? send(response, 404, { code: 'NOT_FOUND' }) : send(response, 200, page);
    }
    if (request.method === 'POST' && url.pathname === '/api/v1/nominations/approve') {
      const body = (await jsonBody(request)) as { nominationIds: string[] };
      const who = await caller(request);
      if (!who) return send(response, 401, { code: 'UNAUTHENTICATED' });
      const [status, payload] = await approveMany(who, body.nominationIds);
      return send(response, status, payload);
    }
    const approval = APPROVE.exec(url.pathname);
    if (request.method === 'POST' && approval) {
      request.resume();
      const who = await caller(request);
      if (!who) return send(response, 401, { code: 'UNAUTHENTICATED' });
      const [status, body] = await approve(who, approval[1]);
      return send(response, status, body);
    }
    send(response, 404, { code: 'NOT_FOUND' });
  };
  handle().catch((error: Error) => send(response, 500, { message: error.message }));
});

server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
