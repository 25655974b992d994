/**
 * W5 of `npm run bench`: `POST /history/import` of one file of BENCH_HISTORY_ROWS rows (100,000) for the seeded data
 * set's people, timed from the first byte sent to the 201 (rows/s, server peak RSS), beside its floor: `psql`'s
 * `\copy` of the same file into an unlogged table of the file's shape (rows/s). After each round what the import
 * wrote (awards, decisions, the import's row) is deleted, so the other workloads keep the data set as seeded.
 *
 * The file is an agency's past before the seeded years (1986–2005: no clash with a seeded award, R-DUP-1): each of
 * ⌈rows / 20⌉ people gets Lao động tiên tiến for each of twenty years in one decision per department and year; one
 * person in ten is named by name and unit (only where the name is unique in the unit), the others by national id.
 */
import type { ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type pg from 'pg';

const FIRST = 1986;
const YEARS = 20;
const FLOOR_TABLE = 'bench_history_floor';
/** The columns of the file, in order; the floor's table has them with these types. */
const COLUMNS: [string, string][] = [
  ['decision_number', 'text'],
  ['issued_on', 'date'],
  ['issuer_name', 'text'],
  ['issuer_organization_code', 'text'],
  ['authority', 'text'],
  ['award_code', 'text'],
  ['basis', 'text'],
  ['year', 'int'],
  ['national_id', 'text'],
  ['full_name', 'text'],
  ['organization_code', 'text'],
  ['bonus_amount', 'bigint'],
];
const HEADER = [
  'decisionNumber',
  'issuedOn',
  'issuerName',
  'issuerOrganizationCode',
  'authority',
  'awardCode',
  'basis',
  'year',
  'nationalId',
  'fullName',
  'organizationCode',
  'bonusAmount',
];

/** What run.ts gives W5 (its types, structurally). */
export interface HistoryBenchContext {
  client: pg.Client;
  databaseUrl: string;
  service: { port: number; child: ChildProcess };
  rows: number;
  rounds: number;
  log: (line: string) => void;
  rssSampler: (pid: number | undefined) => { before: number; stop(): number };
  /** Waits until the service has sealed the audit events of the last import (see `settleAudit` in run.ts). */
  settleAudit: () => Promise<void>;
}

interface Run {
  value: number;
  p50: number | null;
  p99: number | null;
  peakRssMb: number | null;
  note?: string;
}

const round = (value: number, digits = 0): number => Math.round(value * 10 ** digits) / 10 ** digits;
const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The history file: its bytes, written to a temporary path for the floor. */
async function historyFile(client: pg.Client, rows: number): Promise<{ bytes: Buffer; file: string }> {
  const people = (
    await client.query<{ national_id: string; full_name: string; unit: string; department: string; n: string }>(
      `SELECT i.national_id, i.full_name, u.code AS unit, d.code AS department,
              count(*) OVER (PARTITION BY i.organization_id, i.full_name) AS n
         FROM individuals i
         JOIN organizations u ON u.id = i.organization_id
         JOIN organizations d ON d.id = u.parent_id
        WHERE i.national_id IS NOT NULL
        ORDER BY i.national_id
        LIMIT $1`,
      [Math.ceil(rows / YEARS)],
    )
  ).rows;
  const lines = [HEADER.join(',')];
  let written = 0;
  for (let p = 0; p < people.length && written < rows; p++) {
    const person = people[p];
    const byName = p % 10 === 0 && person.n === '1';
    for (let k = 0; k < YEARS && written < rows; k++, written++) {
      const year = FIRST + k;
      lines.push(
        [
          `${200 + k}/QĐ-${person.department}`,
          `${year}-12-20`,
          `Giám đốc ${person.department}`,
          person.department,
          'DEPARTMENT_HEAD',
          'LAO_DONG_TIEN_TIEN',
          'REGULAR',
          String(year),
          byName ? '' : person.national_id,
          byName ? person.full_name : '',
          byName ? person.unit : '',
          '90000',
        ]
          .map(quote)
          .join(','),
      );
    }
  }
  if (written < rows) throw new Error(`W5: ${people.length} people with a national id give ${written} rows only`);
  const bytes = Buffer.from(lines.join('\n') + '\n', 'utf8');
  const file = path.join(os.tmpdir(), `bench-history-${process.pid}.csv`);
  writeFileSync(file, bytes);
  return { bytes, file };
}

/** One multipart POST of the file; the status, the parsed body and the seconds to the whole answer. */
async function upload(
  port: number,
  token: string,
  bytes: Buffer,
): Promise<{ status: number; body: unknown; seconds: number }> {
  const boundary = `----bench${randomBytes(8).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lich-su.csv"\r\nContent-Type: text/csv\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const payload = Buffer.concat([head, bytes, tail]);
  const startedAt = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/v1/history/import',
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': payload.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // kept as text
          }
          resolve({
            status: response.statusCode ?? 0,
            body,
            seconds: Number(process.hrtime.bigint() - startedAt) / 1e9,
          });
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** Removes what an import of `fileHash` wrote; triggers are skipped (the audit of a benchmark is not wanted). */
async function undo(client: pg.Client, fileHash: string): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(`SET LOCAL session_replication_role = replica`);
    const awards = await client.query(
      `DELETE FROM awards WHERE decision_id IN (SELECT id FROM decisions WHERE history_import_hash = $1)`,
      [fileHash],
    );
    await client.query(`DELETE FROM decisions WHERE history_import_hash = $1`, [fileHash]);
    await client.query(`DELETE FROM history_imports WHERE file_hash = $1`, [fileHash]);
    await client.query('COMMIT');
    return awards.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** W5: the rounds, floor then service, and the cleaning after each. */
export async function historyWorkload(ctx: HistoryBenchContext) {
  const { client, log } = ctx;
  const { bytes, file } = await historyFile(client, ctx.rows);
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  log(`W5: history file of ${ctx.rows} rows, ${round(bytes.length / 1e6, 1)} MB`);
  const token = `ar_${randomBytes(32).toString('base64url')}`;
  await client.query(`SET session_replication_role = replica`);
  await client.query(
    `INSERT INTO api_keys (name, role, token_hash, token_prefix) VALUES ('bench history', 'ADMIN', $1, $2)`,
    [createHash('sha256').update(token, 'utf8').digest('hex'), token.slice(0, 9)],
  );
  await client.query(`SET session_replication_role = origin`);
  // A previous run stopped half-way leaves its import behind: the same file would only be answered 200.
  await undo(client, fileHash);
  await client.query(
    `CREATE UNLOGGED TABLE IF NOT EXISTS ${FLOOR_TABLE} (${COLUMNS.map(([c, t]) => `${c} ${t}`).join(', ')})`,
  );

  const floorRun = async (): Promise<Run> => {
    await client.query(`TRUNCATE ${FLOOR_TABLE}`);
    const copy = `\\copy ${FLOOR_TABLE} (${COLUMNS.map(([c]) => c).join(', ')}) from '${file}' with (format csv, header true, encoding 'UTF8')`;
    const startedAt = process.hrtime.bigint();
    const { stdout } = await promisify(execFile)('psql', [ctx.databaseUrl, '-X', '-v', 'ON_ERROR_STOP=1', '-c', copy]);
    const seconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
    const copied = Number(/COPY (\d+)/.exec(stdout)?.[1] ?? NaN);
    await client.query(`TRUNCATE ${FLOOR_TABLE}`);
    return {
      value: round(copied / seconds),
      p50: round(seconds * 1000),
      p99: null,
      peakRssMb: null,
      note: `${copied} rows in ${round(seconds, 2)} s`,
    };
  };
  const serviceRun = async (): Promise<Run> => {
    const sampler = ctx.rssSampler(ctx.service.child.pid);
    const answer = await upload(ctx.service.port, token, bytes);
    const rss = sampler.stop();
    const awards = (answer.body as { awards?: number }).awards;
    if (answer.status !== 201 || awards !== ctx.rows) {
      throw new Error(`W5: HTTP ${answer.status} ${JSON.stringify(answer.body).slice(0, 500)}`);
    }
    const removed = await undo(client, fileHash);
    // The import's audit events are sealed after it commits; the next round is measured without that work.
    await ctx.settleAudit();
    return {
      value: round(ctx.rows / answer.seconds),
      p50: round(answer.seconds * 1000),
      p99: null,
      peakRssMb: rss,
      note: `${awards} awards in ${round(answer.seconds, 2)} s, RSS ${sampler.before} → ${rss} MB; ${removed} removed after`,
    };
  };

  const workload = {
    id: 'W5',
    title: `POST /history/import (${ctx.rows} rows, one file)`,
    unit: 'rows/s',
    service: [] as Run[],
    floor: [] as Run[],
    floorName: 'psql \\copy to a table',
  };
  try {
    for (let i = 1; i <= ctx.rounds; i++) {
      const f = await floorRun();
      const s = await serviceRun();
      workload.floor.push(f);
      workload.service.push(s);
      log(
        `W5 round ${i}: service ${s.value} rows/s (${s.note}), floor ${f.value} (${f.note}) → ${round(s.value / f.value, 2)}`,
      );
    }
  } finally {
    await undo(client, fileHash);
    await client.query(`DROP TABLE IF EXISTS ${FLOOR_TABLE}`);
    await client.query(`SET session_replication_role = replica`);
    await client.query(`DELETE FROM api_keys WHERE name = 'bench history'`);
    await client.query(`SET session_replication_role = origin`);
    // The deleted rows' space, and the planner's statistics, as the other workloads found them.
    await client.query(`VACUUM (ANALYZE) awards, decisions`);
    rmSync(file, { force: true });
  }
  return workload;
}
