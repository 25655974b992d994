import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import { ScopeService } from '../auth/scope.service.js';
import { AwardsRepository } from '../awards/awards.repository.js';
import { AppConfig } from '../config/app-config.js';
import { Transactions } from '../database/transactions.js';
import { DecisionsRepository } from '../decisions/decisions.repository.js';
import { msg } from '../i18n/index.js';
import {
  detectFormat,
  fileHashOf,
  importInvalid,
  readCsv,
  readXlsx,
  tooLarge,
  type ImportRowError,
} from '../nominations/import/import-file.js';
import type { HistoryImportResultDto } from './dto/history-import.dto.js';
import { organizationLivesInFile } from './history-life.js';
import { checkHistoryRows } from './history-rows.js';
import { HistoryRepository, type UnresolvedRow } from './history.repository.js';

/** Rows one history file may hold: an agency's whole past in one upload. */
export const HISTORY_MAX_ROWS = 200_000;
const MAX_UNPACK_RATIO = 20;

function unresolvedError(row: UnresolvedRow): ImportRowError {
  switch (row.field) {
    case 'nationalId':
      return { row: row.row, field: row.field, message: msg('import.noNationalId') };
    case 'fullName':
      return { row: row.row, field: row.field, message: msg('history.noPerson', { code: row.code ?? '' }) };
    case 'organizationCode':
    case 'collectiveCode':
    case 'issuerOrganizationCode':
      return { row: row.row, field: row.field, message: msg('history.notIssuer') };
    case 'decisionNumber':
      return { row: row.row, field: row.field, message: msg('history.decisionExists', { number: row.code ?? '' }) };
    case 'awardCode':
      return {
        row: row.row,
        field: row.field,
        message:
          row.earlierRow != null
            ? msg('history.duplicateRow', { row: row.earlierRow })
            : msg('history.duplicateAward', { number: row.code ?? '' }),
      };
  }
}

/**
 * `POST /history/import`: an agency's past decisions and awards from its spreadsheets. The rows are checked for form
 * in memory, copied into a staging table (COPY), resolved and checked there set-based, and inserted as decisions and
 * awards marked `source: HISTORY` — all in one transaction, all rows or none. The rules count these awards (the facts
 * of a nominee are every award on record); they never judge them, but for the registry's own records: R-DUP-1 (no
 * award twice) and R-ORG-1 (no decision by, or collective award to, an organization on a date it did not exist).
 */
@Injectable()
export class HistoryImportService {
  private readonly logger = new Logger(HistoryImportService.name);

  constructor(
    private readonly history: HistoryRepository,
    private readonly decisions: DecisionsRepository,
    private readonly awards: AwardsRepository,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
  ) {}

  async import(
    principal: Principal,
    file: { originalname: string; buffer?: Buffer },
  ): Promise<{ created: boolean; result: HistoryImportResultDto }> {
    const bytes = file.buffer ?? Buffer.alloc(0);
    const format = detectFormat(file.originalname, bytes);
    const fileHash = fileHashOf(bytes);
    const earlier = await this.history.findImport(fileHash);
    if (earlier) return { created: false, result: earlier };

    const started = Date.now();
    const sheet =
      format === 'xlsx' ? await readXlsx(bytes, this.config.IMPORT_MAX_BYTES * MAX_UNPACK_RATIO) : readCsv(bytes);
    if (sheet.length - 1 > HISTORY_MAX_ROWS) {
      throw tooLarge(msg('history.tooManyRows', { count: sheet.length - 1, max: HISTORY_MAX_ROWS }));
    }
    const { records, errors } = checkHistoryRows(sheet, new Date().toISOString().slice(0, 10));
    if (records.length === 0 && errors.length === 0) {
      throw importInvalid([{ row: 2, field: 'file', message: msg('import.noRows') }]);
    }
    if (errors.some((e) => e.row === 1)) throw importInvalid(errors);

    return this.transactions.run(async () => {
      await this.history.allowLongStatements();
      await this.history.lockFile(fileHash);
      const again = await this.history.findImport(fileHash);
      if (again) return { created: false, result: again };
      const importId = randomUUID();
      if (records.length > 0) {
        await this.history.stage(importId, records);
        await this.history.resolve(importId, this.scope.scopeRoot(principal));
        errors.push(...(await this.history.unresolved(importId)).map(unresolvedError));
        // R-ORG-1: no decision by, and no collective award to, an organization on a date it did not exist.
        errors.push(...organizationLivesInFile(await this.history.organizationLives(importId)));
      }
      // Every bad row at once, nothing stored: the transaction (the staged rows with it) rolls back.
      if (errors.length > 0) throw importInvalid(errors);
      await this.history.recordImport({
        fileHash,
        fileName: file.originalname,
        rows: records.length,
        decisions: 0,
        awards: 0,
        createdByKeyId: principal.keyId,
      });
      const decisions = await this.decisions.insertHistory(importId, fileHash);
      const awards = await this.awards.insertHistory(importId, fileHash);
      // Every staged row found its decision: anything else is a defect, and the transaction rolls back.
      if (awards !== records.length)
        throw new Error(`History import ${fileHash}: ${awards} awards for ${records.length} rows`);
      await this.history.updateCounts(fileHash, decisions, awards);
      await this.history.unstage(importId);
      this.logger.log(
        `Imported ${awards} history awards in ${decisions} decisions from a ${format} file (sha256 ${fileHash}) in ${Date.now() - started} ms`,
      );
      return { created: true, result: { fileHash, rows: records.length, decisions, awards } };
    });
  }
}
