import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/** The machine's PostgreSQL server binaries (Debian layout); PG_BIN overrides. */
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Can this machine run a private primary and its streaming replica (binaries present, root to act as postgres)? */
export function canRunStreamingReplica(): boolean {
  return (
    existsSync(path.join(BIN, 'initdb')) && existsSync(path.join(BIN, 'pg_basebackup')) && process.getuid?.() === 0
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a server binary as the `postgres` OS user (PostgreSQL refuses to run as root). */
function asPostgres(binary: string, args: string[]): void {
  execFileSync('runuser', ['-u', 'postgres', '--', path.join(BIN, binary), ...args], { stdio: 'pipe' });
}

export interface StreamingReplica {
  primaryUrl: string;
  replicaUrl: string;
  /** Runs SQL on the replica (e.g. `SELECT pg_wal_replay_pause()`). */
  onReplica<T>(sql: string): Promise<T[]>;
  /** Waits until the replica has replayed everything the primary has written so far. */
  catchUp(timeoutMs?: number): Promise<void>;
  stopReplica(): void;
  destroy(): void;
}

/**
 * A private primary (initdb in a temporary directory, its own port, replication allowed from 127.0.0.1) and a
 * streaming replica of it made with `pg_basebackup -R`, started with the machine's PostgreSQL binaries as the
 * `postgres` user. `database` is created on the primary before the base backup, so it exists on both.
 */
export async function startStreamingReplica(database: string): Promise<StreamingReplica> {
  const base = mkdtempSync(path.join(os.tmpdir(), 'awards-replica-'));
  execFileSync('chown', ['postgres:postgres', base]);
  const primaryDir = path.join(base, 'primary');
  const replicaDir = path.join(base, 'replica');
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const options = (port: number) =>
    `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${base} -c fsync=off -c max_connections=40`;

  asPostgres('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions']);
  asPostgres('pg_ctl', [
    '-D',
    primaryDir,
    '-l',
    path.join(base, 'primary.log'),
    '-w',
    '-o',
    `${options(primaryPort)} -c wal_level=replica -c max_wal_senders=4`,
    'start',
  ]);
  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/${database}`;
  const replicaUrl = `postgres://postgres@127.0.0.1:${replicaPort}/${database}`;
  const admin = new Client({ connectionString: `postgres://postgres@127.0.0.1:${primaryPort}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  asPostgres('pg_basebackup', [
    '-h',
    '127.0.0.1',
    '-p',
    String(primaryPort),
    '-U',
    'postgres',
    '-D',
    replicaDir,
    '-R',
    '-X',
    'stream',
  ]);
  asPostgres('pg_ctl', [
    '-D',
    replicaDir,
    '-l',
    path.join(base, 'replica.log'),
    '-w',
    '-o',
    options(replicaPort),
    'start',
  ]);

  const query = async <T>(url: string, sql: string): Promise<T[]> => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query(sql)).rows as T[];
    } finally {
      await client.end();
    }
  };
  let replicaRunning = true;
  return {
    primaryUrl,
    replicaUrl,
    onReplica: (sql) => query(replicaUrl, sql),
    async catchUp(timeoutMs = 30_000) {
      const [{ lsn }] = await query<{ lsn: string }>(primaryUrl, 'SELECT pg_current_wal_lsn()::text AS lsn');
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const [{ done }] = await query<{ done: boolean }>(
          replicaUrl,
          `SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`,
        );
        if (done) return;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`the replica did not replay up to ${lsn} within ${timeoutMs} ms`);
    },
    stopReplica() {
      if (!replicaRunning) return;
      asPostgres('pg_ctl', ['-D', replicaDir, '-m', 'immediate', '-w', 'stop']);
      replicaRunning = false;
    },
    destroy() {
      for (const dir of replicaRunning ? [replicaDir, primaryDir] : [primaryDir]) {
        try {
          asPostgres('pg_ctl', ['-D', dir, '-m', 'immediate', '-w', 'stop']);
        } catch {
          // already stopped
        }
      }
      replicaRunning = false;
      rmSync(base, { recursive: true, force: true });
    },
  };
}
