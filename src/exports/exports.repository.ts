import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import { type AwardExportFilter, awardExportCopy, awardExportSelect } from './award-export.sql.js';

/**
 * Longest an export may hold its statement open (the client's download speed included). The pool's usual
 * statement timeout is for requests, not for streaming a million rows to a slow client.
 */
export const EXPORT_STATEMENT_TIMEOUT_MS = 30 * 60 * 1000;

/** Rows fetched from the server-side cursor per round trip (spreadsheet export). */
const CURSOR_BATCH_SIZE = 2000;

/** What TypeORM's PostgreSQL driver offers for a raw pooled `pg` client: a replica when there is one. */
interface PooledConnectionSource {
  obtainSlaveConnection(): Promise<[PoolClient, (error?: Error | boolean) => void]>;
}

/** One row of the typed export (`awardExportSelect(…, 'typed')`), keyed by `AWARD_EXPORT_COLUMNS[].key`. */
export type AwardExportRow = Record<string, string | number | Date | null>;

/**
 * A pooled connection held for the whole of one export, inside a read-only transaction whose statement timeout is
 * the export's. Released exactly once: back to the pool after COMMIT, or destroyed (never reused half-way through
 * a COPY or a cursor) when the export fails or the client goes away.
 */
export class ExportConnection {
  private released = false;
  private readonly onError = (error: Error) => this.logger.warn(`export connection failed: ${error.message}`);

  constructor(
    readonly client: PoolClient,
    private readonly releaseToPool: (error?: Error | boolean) => void,
    private readonly logger: Logger,
  ) {
    client.on('error', this.onError);
  }

  async begin(): Promise<void> {
    await this.client.query('BEGIN READ ONLY');
    await this.client.query(`SET LOCAL statement_timeout = ${EXPORT_STATEMENT_TIMEOUT_MS}`);
  }

  /** The export went to its end: commit and give the connection back. */
  async finish(): Promise<void> {
    await this.client.query('COMMIT');
    this.release();
  }

  /**
   * Gives the connection back; with an error the pool ends it instead of reusing it, and its socket is destroyed:
   * a server blocked sending COPY data nobody reads would never see the polite Terminate message, and would hold
   * its snapshot until the statement timeout.
   */
  release(error?: Error): void {
    if (this.released) return;
    this.released = true;
    this.client.removeListener('error', this.onError);
    this.releaseToPool(error ?? undefined);
    if (error)
      (this.client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  }
}

/**
 * Rows of the typed export, read through a server-side cursor in batches: the first row is already fetched (an SQL
 * error surfaces before any response header), the rest come as the consumer asks for them.
 */
export class ExportRows {
  private finished = false;

  constructor(
    private readonly connection: ExportConnection,
    private readonly iterator: AsyncIterator<AwardExportRow>,
    private first: IteratorResult<AwardExportRow> | null,
  ) {}

  /** The next row, or null at the end. */
  async next(): Promise<AwardExportRow | null> {
    const result = this.first ?? (await this.iterator.next());
    this.first = null;
    return result.done ? null : result.value;
  }

  /** Every row was read: commit and release the connection. */
  async finish(): Promise<void> {
    this.finished = true;
    await this.connection.finish();
  }

  /** Stops early (error or client gone): closes the cursor and destroys the connection. */
  abort(error: Error): void {
    if (this.finished) return;
    this.finished = true;
    void this.iterator.return?.().catch(() => undefined);
    this.connection.release(error);
  }
}

/** The award exports' reads, streamed from PostgreSQL with memory flat whatever the number of rows. */
@Injectable()
export class ExportsRepository {
  private readonly logger = new Logger('Exports');

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The CSV export as one `COPY (SELECT …) TO STDOUT WITH (FORMAT csv, HEADER)`: PostgreSQL formats and quotes,
   * the bytes pass through untouched. `prefix` (the UTF-8 BOM) goes first. The first chunk is awaited before this
   * resolves, so a failing statement is still an ordinary error response.
   */
  async csv(filter: AwardExportFilter, prefix: Buffer): Promise<Readable> {
    const connection = await this.connect();
    try {
      await connection.begin();
      const source = connection.client.query(copyTo(awardExportCopy(filter)));
      source.on('error', () => undefined); // the iterator below reports it; this keeps a late one from crashing
      const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const first = await chunks.next();
      return relay(connection, chunks, first, prefix);
    } catch (error) {
      connection.release(error as Error);
      throw error;
    }
  }

  /** The rows of the spreadsheet export, typed (numbers, dates, instants), through a cursor. */
  async rows(filter: AwardExportFilter): Promise<ExportRows> {
    const connection = await this.connect();
    try {
      await connection.begin();
      const select = awardExportSelect(filter, 'typed');
      const stream = connection.client.query(
        new QueryStream(select.text, select.values, { batchSize: CURSOR_BATCH_SIZE, highWaterMark: CURSOR_BATCH_SIZE }),
      );
      stream.on('error', () => undefined); // the iterator reports it
      const iterator = stream[Symbol.asyncIterator]() as AsyncIterator<AwardExportRow>;
      const first = await iterator.next();
      return new ExportRows(connection, iterator, first);
    } catch (error) {
      connection.release(error as Error);
      throw error;
    }
  }

  /** A raw `pg` client from TypeORM's pool (a read replica's when replicas are configured). */
  private async connect(): Promise<ExportConnection> {
    const driver = this.dataSource.driver as unknown as PooledConnectionSource;
    const [client, release] = await driver.obtainSlaveConnection();
    return new ExportConnection(client, release, this.logger);
  }
}

/**
 * Streams `prefix`, `first` and the rest of `chunks`, then commits. If the consumer goes away early (client abort)
 * or the source fails, the source is closed and the connection destroyed, once.
 */
function relay(
  connection: ExportConnection,
  chunks: AsyncIterator<Buffer>,
  first: IteratorResult<Buffer>,
  prefix: Buffer,
): Readable {
  let finished = false;
  async function* body(): AsyncGenerator<Buffer> {
    yield prefix;
    for (let next = first; !next.done; next = await chunks.next()) yield next.value;
    await connection.finish();
    finished = true;
  }
  const out = Readable.from(body(), { objectMode: false });
  out.once('close', () => {
    if (finished) return;
    void chunks.return?.()?.catch(() => undefined);
    connection.release(new Error('the export stopped before its end'));
  });
  return out;
}
