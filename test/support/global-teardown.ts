import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Client } from 'pg';

/** Drops this run's databases and its shared build, and stops the embedded server if the setup started one. */
export default async function globalTeardown(): Promise<void> {
  const admin = process.env.TEST_PG_ADMIN_URL;
  const run = process.env.TEST_RUN_ID;
  if (admin && run) {
    const mine = new RegExp(`^awards_test_(template_)?${run}_`);
    const client = new Client({ connectionString: admin });
    await client.connect();
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'awards\\_test\\_%'`,
    );
    for (const { datname } of rows.filter((row) => mine.test(row.datname))) {
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
    }
    await client.end();
    await rm(path.resolve('.data', `built-service-${run}`), { recursive: true, force: true });
  }
  await (globalThis as { __EMBEDDED_PG__?: { stop(): Promise<void> } }).__EMBEDDED_PG__?.stop();
}
