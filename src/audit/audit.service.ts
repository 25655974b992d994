import { msg } from '../i18n/index.js';
import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors/problem.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import type { Role } from '../api-keys/api-key.js';
import { ChainVerifier } from './audit-chain.js';
import type { AuditEntityType } from './audited-tables.js';
import type {
  AuditEventDto,
  AuditVerificationDto,
  ExportAuditEventsQueryDto,
  ListAuditEventsQueryDto,
} from './dto/audit-event.dto.js';
import { type AuditEventFilter, type AuditEventRow, AuditRepository } from './audit.repository.js';
import { csvLine, UTF8_BOM } from './csv.js';

/** Sealed events read per query while verifying or exporting. */
const SCAN_PAGE = 5000;

const camelCase = (key: string) => key.replace(/_([a-z0-9])/g, (_, char: string) => char.toUpperCase());

/** Row snapshots are stored as the table's columns; the API shows them with its own camelCase field names. */
function camelKeys(row: Record<string, unknown> | null): Record<string, unknown> | null {
  if (row === null) return null;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [camelCase(key), value]));
}

export function toAuditEventDto(row: AuditEventRow): AuditEventDto {
  return {
    id: row.id,
    seq: row.seq === null ? null : Number(row.seq),
    at: row.at,
    actorKeyId: row.actorKeyId,
    actorRole: row.actorRole as Role | null,
    action: row.action,
    entityType: row.entityType as AuditEntityType,
    entityId: row.entityId,
    before: camelKeys(row.beforeJson),
    after: camelKeys(row.afterJson),
    requestId: row.requestId,
    dbUser: row.dbUser,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}

/** Columns of the CSV export: the stored fields in the exact text the chain hashes (see docs/audit.md). */
const CSV_COLUMNS = [
  'id',
  'seq',
  'at',
  'actorKeyId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'requestId',
  'dbUser',
  'before',
  'after',
  'prevHash',
  'hash',
] as const;

@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async list(query: ListAuditEventsQueryDto): Promise<Page<AuditEventDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const [beforeId] = decodeCursor(query.cursor, 1) ?? [null];
    if (beforeId !== null && (typeof beforeId !== 'string' || !/^\d{1,19}$/.test(beforeId))) {
      throw ApiError.badRequest('cursor', msg('error.cursor'));
    }
    const rows = await this.audit.list({ ...toFilter(query), beforeId, limit: limit + 1 });
    return toPage(rows, limit, (row) => [row.id], toAuditEventDto);
  }

  /**
   * Recomputes the chain from its first event up to the head recorded when the call started, one page at a
   * time (constant memory), and reports the first event that does not verify.
   */
  async verify(): Promise<AuditVerificationDto> {
    const head = await this.audit.head();
    const pending = await this.audit.countUnsealed();
    const verifier = new ChainVerifier();
    let afterSeq = '0';
    for (;;) {
      const page = await this.audit.sealedPage(afterSeq, head?.seq ?? null, SCAN_PAGE);
      if (!verifier.feed(page) || page.length < SCAN_PAGE) break;
      afterSeq = page[page.length - 1].seq ?? afterSeq;
    }
    const broken = verifier.finish(head);
    return {
      ok: broken === null,
      checked: verifier.checked,
      pending,
      head: head ? { seq: Number(head.seq), hash: head.hash } : null,
      ...(broken ? { brokenAt: broken } : {}),
    };
  }

  /** The CSV export, newest first, read page by page while it is sent: any size in constant memory. */
  async *exportCsv(query: ExportAuditEventsQueryDto): AsyncGenerator<string> {
    yield UTF8_BOM + csvLine([...CSV_COLUMNS]);
    const filter = toFilter(query);
    let beforeId: string | null = null;
    for (;;) {
      const rows = await this.audit.list({ ...filter, beforeId, limit: SCAN_PAGE });
      if (rows.length > 0) {
        yield rows.map((row) => csvLine(CSV_COLUMNS.map((column) => row[column]))).join('');
      }
      if (rows.length < SCAN_PAGE) return;
      beforeId = rows[rows.length - 1].id;
    }
  }

  /** `audit-events_entityType-nominations_20260103T081530Z.csv`: the filters and the time of the export. */
  exportFileName(query: ExportAuditEventsQueryDto, now = new Date()): string {
    const filters = (['entityType', 'entityId', 'actorKeyId', 'action', 'from', 'to'] as const)
      .filter((key) => query[key] !== undefined)
      .map((key) => `${key}-${String(query[key]).replace(/[^A-Za-z0-9.-]+/g, '-')}`);
    const stamp = now
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\.\d+Z$/, 'Z');
    return ['audit-events', ...filters, stamp].join('_') + '.csv';
  }
}

function toFilter(query: ExportAuditEventsQueryDto): Omit<AuditEventFilter, 'limit' | 'beforeId'> {
  const from = query.from === undefined ? undefined : new Date(query.from);
  const to = query.to === undefined ? undefined : new Date(query.to);
  if (from && to && from > to) throw ApiError.badRequest('from', msg('range.fromAfterTo'));
  return {
    entityType: query.entityType,
    entityId: query.entityId,
    actorKeyId: query.actorKeyId,
    action: query.action,
    from,
    to,
  };
}
