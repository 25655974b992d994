/**
 * The floor of the benchmark: the same SQL as the service, served by a bare `node:http` handler on a plain `pg`
 * pool of the same size — no framework, no validation, no guards. What the service reaches of this is the ratio.
 *
 * - `GET /api/v1/awards?year=&awardCode=&organizationId=&limit=`: the statement of `AwardsRepository.list`, sent as
 *   the same named prepared statement, rows mapped as the service maps them.
 * - `GET /api/v1/individuals/{id}/awards`: the same statements as the service's award history.
 * - `POST /api/v1/nominations/{id}/approve`: the approval's concurrency core done directly: the same advisory
 *   locks, the row lock, the quota count against the unit quota, the update and the history row, in one
 *   transaction.
 * - `POST /api/v1/nominations/approve`: the same for a list (`approveMany`).
 *
 * Run as a child process of `bench/run.ts`: env DATABASE_URL, PORT, POOL_SIZE; prints `listening <port>`.
 */
import http from 'node:http';
import pg from 'pg';
import { awardListQuery } from '../src/awards/awards.repository.js';
import { toAwardDto } from '../src/awards/awards.service.js';
import { toPage } from '../src/common/pagination/pagination.js';
import type { AwardCode } from '../src/rules/index.js';
import { approvalLockKeys } from '../src/nominations/workflow.js';
import { statementName } from '../src/database/replica-reads.js';

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

interface NominationRow {
  id: string;
  year: number;
  award_code: string;
  status: string;
  individual_id: string | null;
  organization_id: string | null;
  proposing_organization_id: string;
}

/** 200 with the nomination, 404, 409 (not SUBMITTED) or 422 (quota full). */
async function approve(id: string): Promise<[number, unknown]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const found = await client.query<NominationRow>('SELECT * FROM nominations WHERE id = $1', [id]);
    const current = found.rows[0];
    if (!current) {
      await client.query('ROLLBACK');
      return [404, { code: 'NOT_FOUND' }];
    }
    const keys = approvalLockKeys({
      proposingOrganizationId: current.proposing_organization_id,
      year: current.year,
      nomineeId: (current.individual_id ?? current.organization_id) as string,
    });
    for (const key of keys) await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
    const locked = await client.query<NominationRow>('SELECT * FROM nominations WHERE id = $1 FOR UPDATE', [id]);
    const n = locked.rows[0];
    if (n.status !== 'SUBMITTED') {
      await client.query('ROLLBACK');
      return [409, { code: 'INVALID_STATE' }];
    }
    const counted = await client.query<{ used: number; max_count: number | null }>(
      `SELECT (SELECT count(*)::int FROM (
                 SELECT 1 FROM awards WHERE proposing_organization_id = $1 AND year = $2 AND award_code = $3 AND revoked_at IS NULL
                 UNION ALL
                 SELECT 1 FROM nominations WHERE proposing_organization_id = $1 AND year = $2 AND award_code = $3 AND status = 'APPROVED'
               ) c) AS used,
              (SELECT max_count FROM unit_quotas WHERE organization_id = $1 AND year = $2 AND award_code = $3) AS max_count`,
      [n.proposing_organization_id, n.year, n.award_code],
    );
    const { used, max_count: maxCount } = counted.rows[0];
    if (maxCount !== null && used + 1 > maxCount) {
      await client.query('ROLLBACK');
      return [
        422,
        { code: 'RULE_VIOLATION', violations: [{ rule: 'R-QUOTA-UNIT', limit: maxCount, actual: used + 1 }] },
      ];
    }
    const updated = await client.query(
      `UPDATE nominations SET status = 'APPROVED', updated_at = now(), version = version + 1 WHERE id = $1 RETURNING *`,
      [id],
    );
    await client.query(
      `INSERT INTO nomination_events (nomination_id, from_status, to_status, action) VALUES ($1, 'SUBMITTED', 'APPROVED', 'APPROVE')`,
      [id],
    );
    await client.query('COMMIT');
    return [200, updated.rows[0]];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * The batch approval's concurrency core done directly, in one transaction: the same advisory locks (every quota key,
 * then every nominee key, sorted), the rows locked, the counts of each unit against its quota, then one UPDATE and
 * one INSERT for the approved. Answers per item, as the service does.
 */
async function approveMany(ids: string[]): Promise<[number, unknown]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const found = await client.query<NominationRow>('SELECT * FROM nominations WHERE id = ANY($1::uuid[])', [ids]);
    const keys = found.rows.map((n) =>
      approvalLockKeys({
        proposingOrganizationId: n.proposing_organization_id,
        year: n.year,
        nomineeId: (n.individual_id ?? n.organization_id) as string,
      }),
    );
    const ordered = [...[...new Set(keys.map((k) => k[0]))].sort(), ...[...new Set(keys.map((k) => k[1]))].sort()];
    await client.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0))
         FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n`,
      [ordered],
    );
    const locked = await client.query<NominationRow>(
      'SELECT * FROM nominations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [found.rows.map((n) => n.id)],
    );
    const byId = new Map(locked.rows.map((n) => [n.id, n]));
    const counted = await client.query<{
      organization_id: string;
      year: number;
      award_code: string;
      used: number;
      max_count: number | null;
    }>(
      `SELECT q.organization_id, q.year, q.award_code, q.max_count,
              (SELECT count(*)::int FROM awards a WHERE a.proposing_organization_id = q.organization_id AND a.year = q.year
                  AND a.award_code = q.award_code AND a.revoked_at IS NULL)
            + (SELECT count(*)::int FROM nominations n WHERE n.proposing_organization_id = q.organization_id
                  AND n.year = q.year AND n.award_code = q.award_code AND n.status = 'APPROVED') AS used
         FROM unit_quotas q
        WHERE (q.organization_id, q.year, q.award_code) IN
              (SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[]))`,
      [
        locked.rows.map((n) => n.proposing_organization_id),
        locked.rows.map((n) => n.year),
        locked.rows.map((n) => n.award_code),
      ],
    );
    const quota = new Map(
      counted.rows.map((r) => [`${r.organization_id}:${r.year}:${r.award_code}`, { used: r.used, max: r.max_count }]),
    );
    const items: unknown[] = [];
    const approved: string[] = [];
    for (const id of ids) {
      const n = byId.get(id);
      if (!n) {
        items.push({ id, status: 'REFUSED', problem: { status: 404, code: 'NOT_FOUND' } });
        continue;
      }
      if (n.status !== 'SUBMITTED') {
        items.push({ id, status: 'REFUSED', problem: { status: 409, code: 'INVALID_STATE' } });
        continue;
      }
      const q = quota.get(`${n.proposing_organization_id}:${n.year}:${n.award_code}`);
      if (q && q.max !== null && q.used + 1 > q.max) {
        items.push({
          id,
          status: 'REFUSED',
          problem: {
            status: 422,
            code: 'RULE_VIOLATION',
            violations: [{ rule: 'R-QUOTA-UNIT', limit: q.max, actual: q.used + 1 }],
          },
        });
        continue;
      }
      if (q) q.used++;
      n.status = 'APPROVED';
      approved.push(id);
      items.push({ id, status: 'APPROVED' });
    }
    await client.query(
      `WITH moved AS (
         UPDATE nominations SET status = 'APPROVED', updated_at = now(), version = version + 1
          WHERE id = ANY($1::uuid[]) RETURNING id)
       INSERT INTO nomination_events (nomination_id, from_status, to_status, action)
       SELECT id, 'SUBMITTED', 'APPROVED', 'APPROVE' FROM moved`,
      [approved],
    );
    await client.query('COMMIT');
    return [200, { items, moved: approved.length, refused: ids.length - approved.length }];
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
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
      const [status, payload] = await approveMany(body.nominationIds);
      return send(response, status, payload);
    }
    const approval = APPROVE.exec(url.pathname);
    if (request.method === 'POST' && approval) {
      request.resume();
      const [status, body] = await approve(approval[1]);
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
