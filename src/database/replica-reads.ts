import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** How long a replica that failed is left alone before reads try it again. */
export const REPLICA_RETRY_AFTER_MS = 5000;

/** Connection-level failures: the server cannot serve this read now (refused, reset, shutting down, starting up). */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EPIPE',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);

/** Is `error` a failure to reach the server, rather than a fault of the statement? */
export function isUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const codes = [(error as { code?: unknown }).code, (error as { driverError?: { code?: unknown } }).driverError?.code];
  if (codes.some((code) => typeof code === 'string' && UNAVAILABLE_CODES.has(code))) return true;
  const message = error instanceof Error ? error.message : '';
  return /timeout exceeded when trying to connect|Connection terminated/i.test(message);
}

const logger = new Logger('ReadReplicas');
let replicaDownUntil = 0;

/**
 * A read that may lag the primary by a little — the public register, histories, statistics — on a read replica
 * when `DATABASE_REPLICA_URLS` names any (TypeORM `replication`), otherwise on the primary. When the replica cannot
 * be reached the read goes to the primary, and the replica is left alone for `REPLICA_RETRY_AFTER_MS`.
 *
 * Never for a read that must see the caller's own writes: workflow steps, quota counts and the audit chain read
 * through their transaction's `EntityManager`, which TypeORM keeps on the primary.
 */
export async function replicaQuery<T>(dataSource: DataSource, sql: string, parameters?: unknown[]): Promise<T> {
  const replicated = 'replication' in dataSource.options && dataSource.options.replication !== undefined;
  if (!replicated || Date.now() < replicaDownUntil) return dataSource.query<T>(sql, parameters);
  const runner = dataSource.createQueryRunner('slave');
  try {
    return (await runner.query(sql, parameters)) as T;
  } catch (error) {
    if (!isUnavailable(error)) throw error;
    replicaDownUntil = Date.now() + REPLICA_RETRY_AFTER_MS;
    logger.warn(`read replica unavailable (${(error as Error).message}); reading from the primary`);
    return dataSource.query<T>(sql, parameters);
  } finally {
    await runner.release();
  }
}
