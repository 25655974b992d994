import type { Locale } from '../i18n/index.js';
import { msg } from '../i18n/index.js';
import type { Readable } from 'node:stream';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { assertYearRange } from '../awards/awards.service.js';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import type { AwardExportFilter } from './award-export.sql.js';
import { awardWorkbook } from './award-workbook.js';
import type { ExportAwardsQueryDto } from './dto/export-awards-query.dto.js';
import { exportFileName } from './export-file-name.js';
import { ExportsRepository } from './exports.repository.js';

/** Byte order mark: lets Excel read the CSV as UTF-8, so Vietnamese shows right. */
export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Exports one instance streams at once; each holds a pooled connection for its whole length. */
export const MAX_CONCURRENT_EXPORTS = 4;

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';
export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A file ready to stream: its body has not started flowing yet. */
export interface ExportFile {
  fileName: string;
  contentType: string;
  stream: Readable;
}

@Injectable()
export class ExportsService {
  private readonly logger = new Logger('Exports');
  private running = 0;

  constructor(
    private readonly repository: ExportsRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

  /** Every matching award as CSV (UTF-8 with a BOM), straight from PostgreSQL's COPY. */
  async csv(query: ExportAwardsQueryDto): Promise<ExportFile> {
    const { filter, fileName } = await this.prepare(query, 'csv');
    return this.run(fileName, CSV_CONTENT_TYPE, async () => this.repository.csv(filter, UTF8_BOM));
  }

  /** Every matching award as an .xlsx workbook: the sheet's rows written by PostgreSQL's COPY, zipped as they come. */
  async xlsx(query: ExportAwardsQueryDto, locale: Locale = 'vi'): Promise<ExportFile> {
    const { filter, fileName } = await this.prepare(query, 'xlsx');
    return this.run(fileName, XLSX_CONTENT_TYPE, async () =>
      awardWorkbook(await this.repository.sheetRows(filter), new Date(), locale),
    );
  }

  /** Checks the filters (400, 404) and names the file; nothing is streamed yet. */
  private async prepare(
    query: ExportAwardsQueryDto,
    extension: 'csv' | 'xlsx',
  ): Promise<{ filter: AwardExportFilter; fileName: string }> {
    assertYearRange(query);
    let organizationLabel: string | undefined;
    if (query.organizationId !== undefined) {
      const organization = await this.organizations.findById(query.organizationId);
      if (!organization) throw ApiError.notFound('Organization', query.organizationId);
      organizationLabel = organization.documentSymbol ?? organization.code;
    }
    const includeRevoked = query.includeRevoked ?? true;
    const filter: AwardExportFilter = {
      year: query.year,
      fromYear: query.fromYear,
      toYear: query.toYear,
      awardCode: query.awardCode,
      subtreeOf: query.organizationId,
      recipientKind: query.recipientKind,
      basis: query.basis,
      q: query.q,
      includeRevoked,
    };
    const fileName = exportFileName({ ...query, organizationLabel, includeRevoked }, new Date(), extension);
    return { filter, fileName };
  }

  /**
   * Opens the stream under the per-instance limit. The slot is given back when the stream closes, however it
   * ends. A failure after the headers went out cannot become a problem response any more: it is logged, and the
   * response is cut short so the client sees an incomplete download rather than a complete-looking file.
   */
  private async run(fileName: string, contentType: string, open: () => Promise<Readable>): Promise<ExportFile> {
    if (this.running >= MAX_CONCURRENT_EXPORTS) {
      throw new ApiError(
        HttpStatus.SERVICE_UNAVAILABLE,
        ErrorCode.SERVICE_UNAVAILABLE,
        'Service unavailable',
        msg('export.busy', { count: MAX_CONCURRENT_EXPORTS }),
      );
    }
    this.running++;
    let stream: Readable;
    try {
      stream = await open();
    } catch (error) {
      this.running--;
      throw error;
    }
    let ended = false;
    stream.once('end', () => (ended = true));
    stream.once('error', (error: Error) =>
      this.logger.error(`${fileName}: the export failed while streaming: ${error.message}`),
    );
    stream.once('close', () => {
      this.running--;
      if (!ended && !stream.errored) this.logger.warn(`${fileName}: the client went away before the end of the export`);
    });
    return { fileName, contentType, stream };
  }
}
