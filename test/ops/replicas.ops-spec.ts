import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import supertest from 'supertest';
import { createApp } from '../../src/app.setup.js';
import { loadConfig } from '../../src/config/app-config.js';
import { runMigrations } from '../../src/database/migrate.js';
import { canRunStreamingReplica, startStreamingReplica, type StreamingReplica } from '../support/streaming-replica.js';
import { BOOTSTRAP_TOKEN, bearer } from '../support/test-app.js';

jest.setTimeout(120_000);

/**
 * Read replicas (`DATABASE_REPLICA_URLS`) against a real streaming replica: a private primary and a
 * `pg_basebackup -R` copy of it, each on its own port. The award register reads the replica; everything else reads
 * the primary, so it sees its own writes however far the replica lags; a replica that is down sends the register's
 * reads back to the primary.
 */
const describeWithReplica = canRunStreamingReplica() ? describe : describe.skip;

describeWithReplica('read replicas', () => {
  let cluster: StreamingReplica;
  let app: NestFastifyApplication;
  let http: ReturnType<typeof supertest>;
  const admin = bearer(BOOTSTRAP_TOKEN);

  async function onPrimary<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    const client = new Client({ connectionString: cluster.primaryUrl });
    await client.connect();
    try {
      return (await client.query(sql, params)).rows as T[];
    } finally {
      await client.end();
    }
  }

  /** One collective award, written straight on the primary. */
  async function grantAward(code: string): Promise<void> {
    const [organization] = await onPrimary<{ id: string }>(
      `INSERT INTO organizations (code, name, kind) VALUES ($1, 'Sở Thông tin và Truyền thông', 'DEPARTMENT') RETURNING id`,
      [`STTTT-${code}`],
    );
    const [decision] = await onPrimary<{ id: string }>(
      `INSERT INTO decisions (issuer_organization_id, authority, year, number, number_text, issued_on, signer_name,
                              signer_title, signing_mode, regime)
       VALUES ($1, 'DEPARTMENT_HEAD', 2024, 5, '05/QĐ-STTTT', '2024-01-23', 'Lò Văn Minh', 'Giám đốc', 'DIRECT',
               'TDKT_2022_ND98') RETURNING id`,
      [organization.id],
    );
    await onPrimary(
      `INSERT INTO awards (decision_id, decision_number, year, award_code, basis, recipient_kind, organization_id,
                           proposing_organization_id, recipient_name, organization_name, issued_on, regime, bonus_amount,
                           verification_code, period_from, period_to)
       VALUES ($1, (SELECT number_text FROM decisions WHERE id = $1), 2023, 'TAP_THE_LAO_DONG_TIEN_TIEN', 'REGULAR', 'COLLECTIVE', $2, $2, 'Sở Thông tin và Truyền thông',
               'Sở Thông tin và Truyền thông', '2024-01-23', 'TDKT_2022_ND98', 2880000, $3, 2023, 2023)`,
      [decision.id, organization.id, code],
    );
  }

  beforeAll(async () => {
    cluster = await startStreamingReplica('awards');
    await runMigrations(cluster.primaryUrl);
    await cluster.catchUp();
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      AUTH_BOOTSTRAP_ADMIN_TOKEN: BOOTSTRAP_TOKEN,
      DATABASE_POOL_SIZE: '4',
      DATABASE_CONNECT_TIMEOUT_MS: '2000',
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URLS: cluster.replicaUrl,
      AUDIT_SEAL_INTERVAL_MS: '0',
    });
    app = await createApp({ ...config, DATABASE_URL: cluster.primaryUrl }, { logger: false });
    http = supertest(app.getHttpServer());
  });

  afterAll(async () => {
    await app?.close();
    cluster?.destroy();
  });

  it('GET /awards reads the replica: an award replayed late is listed late', async () => {
    await cluster.onReplica('SELECT pg_wal_replay_pause()');
    await grantAward('0123456789ABCDEFGHJK');
    const stale = await http.get('/api/v1/awards').expect(200);
    expect(stale.body.items).toHaveLength(0);

    await cluster.onReplica('SELECT pg_wal_replay_resume()');
    await cluster.catchUp();
    const fresh = await http.get('/api/v1/awards').expect(200);
    expect(fresh.body.items).toHaveLength(1);
    expect(fresh.body.items[0]).toMatchObject({ decisionNumber: '05/QĐ-STTTT', recipientKind: 'COLLECTIVE' });
  });

  it('reads outside the register stay on the primary: a write is read back at once while the replica lags', async () => {
    await cluster.onReplica('SELECT pg_wal_replay_pause()');
    try {
      const created = await http
        .post('/api/v1/organizations')
        .set(admin)
        .send({ code: 'SYT', name: 'Sở Y tế', kind: 'DEPARTMENT' })
        .expect(201);
      const read = await http.get(`/api/v1/organizations/${created.body.id}`).set(admin).expect(200);
      expect(read.body).toMatchObject({ id: created.body.id, name: 'Sở Y tế' });
      const [{ n }] = await cluster.onReplica<{ n: number }>(
        `SELECT count(*)::int AS n FROM organizations WHERE code = 'SYT'`,
      );
      expect(n).toBe(0);
    } finally {
      await cluster.onReplica('SELECT pg_wal_replay_resume()');
    }
  });

  it('with the replica down, the register is read from the primary', async () => {
    await grantAward('ABCDEFGHJKMNPQRSTVWX');
    cluster.stopReplica();
    const response = await http.get('/api/v1/awards').expect(200);
    expect(response.body.items).toHaveLength(2);
    const certificate = await http.get('/api/v1/certificates/ABCDEFGHJKMNPQRSTVWX').expect(200);
    expect(certificate.body).toMatchObject({ decisionNumber: '05/QĐ-STTTT' });
  });
});
