import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { DataSource } from 'typeorm';
import { obtainPooledClient } from '../database/replica-reads.js';
import { type AwardExportFilter, awardExportCopy, awardSheetCopy } from './award-export.sql.js';
import { CopyOutStream } from './copy-out-stream.js';

/**
 * Longest an export may hold its statement open (the client's download speed included). The pool's usual
 * statement timeout is for requests, not for streaming a million rows to a slow client.
 */
export const EXPORT_STATEMENT_TIMEOUT_MS = 30 * 60 * 1000;

/**
 * A pooled connection held for the whole of one export, inside a read-only transaction whose statement timeout is
 * the export's. Released exactly once: back to the pool after COMMIT, or destroyed (never reused half-way through
 * a COPY) when the export fails or the client goes away.
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

  /** Opens the transaction; `parallelWorkers: false` keeps its statements from using parallel workers. */
  async begin(options: { parallelWorkers: boolean }): Promise<void> {
    await this.client.query('BEGIN READ ONLY');
    await this.client.query(`SET LOCAL statement_timeout = ${EXPORT_STATEMENT_TIMEOUT_MS}`);
    if (!options.parallelWorkers) await this.client.query('SET LOCAL max_parallel_workers_per_gather = 0');
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
    return this.copy(awardExportCopy(filter), { prefix, parallelWorkers: true });
  }

  /**
   * The spreadsheet's rows as PostgreSQL writes them (`awardSheetCopy`): one `<row>` element of the sheet's XML per
   * line, passed through untouched. Like `csv`, resolves once the first chunk has arrived.
   *
   * Without parallel workers: the statement's time goes into what only its leading process can do, numbering the
   * sorted rows and writing each one's XML; workers would sort sooner, then cost the leader the passing of every
   * row through their queues, and take cores from the compressor (on the two-core benchmark machine, where the
   * database and the service share the cores, the export ran about 8 % slower with them).
   */
  async sheetRows(filter: AwardExportFilter): Promise<Readable> {
    return this.copy(awardSheetCopy(filter), { parallelWorkers: false });
  }

  /** Runs a `COPY … TO STDOUT` in the export's transaction and streams its output, after `prefix` if given. */
  private async copy(statement: string, options: { prefix?: Buffer; parallelWorkers: boolean }): Promise<Readable> {
    const connection = await this.connect();
    try {
      await connection.begin(options);
      const source = connection.client.query(new CopyOutStream(statement));
      source.on('error', () => undefined); // the iterator below reports it; this keeps a late one from crashing
      const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
      const first = await chunks.next();
      return relay(connection, chunks, first, options.prefix);
    } catch (error) {
      connection.release(error as Error);
      throw error;
    }
  }

  /** A raw `pg` client from TypeORM's pool (a read replica's when replicas are configured). */
  private async connect(): Promise<ExportConnection> {
    const [client, release] = await obtainPooledClient(this.dataSource, 'slave');
    return new ExportConnection(client, release, this.logger);
  }
}

/**
 * Streams `prefix` (if any), `first` and the rest of `chunks`, then commits. If the consumer goes away early (client
 * abort) or the source fails, the source is closed and the connection destroyed, once.
 */
function relay(
  connection: ExportConnection,
  chunks: AsyncIterator<Buffer>,
  first: IteratorResult<Buffer>,
  prefix: Buffer | undefined,
): Readable {
  let finished = false;
  async function* body(): AsyncGenerator<Buffer> {
    if (prefix) yield prefix;
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
