import { msg, referenceMissing, semicolonList, type Message, type Text } from '../../i18n/index.js';
import { constraintMessage } from '../../i18n/validation-messages.js';
import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { isUUID, validate, type ValidationError } from 'class-validator';
import type { Principal } from '../../auth/principal.js';
import { ScopeService } from '../../auth/scope.service.js';
import { translateDatabaseError } from '../../common/errors/database-errors.js';
import { ApiError, ErrorCode } from '../../common/errors/problem.js';
import { AppConfig } from '../../config/app-config.js';
import { CreateNominationDto } from '../dto/nomination.dto.js';
import { NominationsService } from '../nominations.service.js';
import { duplicateClashes, isSubjectToDuplicateRule, type AwardHistoryItem } from '../../rules/index.js';
import type { ImportedNominationDto, ImportResultDto } from './dto/import-result.dto.js';
import { ALTERNATIVE_COLUMNS, type AlternativeColumn, type ImportColumn } from './import-columns.js';
import {
  detectFormat,
  fileHashOf,
  importInvalid,
  readCsv,
  readXlsx,
  tooLarge,
  type ImportRowError,
} from './import-file.js';
import { toNominationBody, toRecords, type ImportRecord } from './import-rows.js';
import {
  NominationImportRepository,
  type ImportedNominationRow,
  type IndividualRef,
  type OrganizationRef,
} from './nomination-import.repository.js';
import { Transactions } from '../../database/transactions.js';

/** An uploaded file as the multipart interceptor hands it over. */
export interface UploadedImportFile {
  originalname: string;
  buffer?: Buffer;
}

/** What the controller needs: the result, and whether this upload created it (201) or found it (200). */
export interface ImportOutcome {
  created: boolean;
  result: ImportResultDto;
}

/** A row that passed every check made before the transaction: the body `POST /nominations` would receive. */
interface ReadyRow {
  row: number;
  dto: CreateNominationDto;
  /** The column that names the nominee in this row: where R-DUP-1 and other nominee problems are reported. */
  nomineeColumn: ImportColumn;
  /** Contract columns this row gave through an alternative column (`individualId` → `nationalId`). */
  replacedBy: Partial<Record<string, AlternativeColumn>>;
}

/** A workbook may unpack to this many times the upload limit before it is refused unopened. */
const MAX_UNPACK_RATIO = 20;

/** Rules that concern the award code or the basis, so a row error can name the column to fix. */
const RULE_COLUMNS: Readonly<Record<string, ImportColumn>> = {
  'R-KIND-1': 'awardCode',
  'R-BASIS-2': 'basis',
};

const ALTERNATIVE_NOUN: Readonly<Record<AlternativeColumn, Message>> = {
  // One answer whether nobody has the id or somebody outside the key's scope has it (the look-up sees the scope only).
  nationalId: msg('import.noNationalId'),
  organizationCode: msg('import.noOrganizationCode'),
  proposingOrganizationCode: msg('import.noOrganizationCode'),
};

/** One error per field, its messages joined: a person fixes a cell once, whatever number of rules it broke. */
function flatten(errors: ValidationError[]): { field: string; message: Message }[] {
  return errors
    .filter((error) => Object.keys(error.constraints ?? {}).length > 0)
    .map((error) => ({
      field: error.property,
      message: semicolonList(
        Object.values(error.constraints ?? {}).map((text) => constraintMessage(error.property, text)),
      ),
    }));
}

const lower = (value: string) => value.toLowerCase();

/** A row of the file stands on the nominee's record, for R-DUP-1, as a proposal with this id. */
const fileIdOf = (row: number): string => `row:${row}`;
const rowOfFileId = (id: string): number => Number(id.slice('row:'.length));

/**
 * `POST /nominations/import`: a spreadsheet of nominations, all rows or none. Each row is judged exactly as
 * `POST /nominations` judges a body (the same DTO and validation, then the nominations service's own creation with
 * its reference, scope, eligibility and R-DUP-1 checks) and every row is created in one transaction. Any bad row
 * fails the whole file with a 422 listing every bad row, column and reason; nothing is stored.
 *
 * Re-importing a file is idempotent: each nomination keeps the SHA-256 of the file and its row, so uploading the
 * same bytes again returns what the first upload created.
 */
@Injectable()
export class NominationImportService {
  private readonly logger = new Logger(NominationImportService.name);

  constructor(
    private readonly nominations: NominationsService,
    private readonly imports: NominationImportRepository,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
    private readonly config: AppConfig,
  ) {}

  async import(principal: Principal, file: UploadedImportFile): Promise<ImportOutcome> {
    const bytes = file.buffer ?? Buffer.alloc(0);
    const format = detectFormat(file.originalname, bytes);
    const fileHash = fileHashOf(bytes);

    const earlier = await this.imports.findByFileHash(fileHash);
    if (earlier.length > 0) return { created: false, result: await this.replay(principal, fileHash, earlier) };

    const sheet =
      format === 'xlsx' ? await readXlsx(bytes, this.config.IMPORT_MAX_BYTES * MAX_UNPACK_RATIO) : readCsv(bytes);
    const { records, errors: layoutErrors } = toRecords(sheet);
    if (records.length > this.config.IMPORT_MAX_ROWS) {
      throw tooLarge(msg('import.tooManyRows', { count: records.length, max: this.config.IMPORT_MAX_ROWS }));
    }
    if (layoutErrors.length > 0) throw importInvalid(layoutErrors);
    if (records.length === 0) {
      throw importInvalid([{ row: 2, field: 'file', message: msg('import.noRows') }]);
    }

    const { ready, errors, scopeErrors } = await this.check(principal, records);
    if (scopeErrors.length > 0) {
      throw new ApiError(HttpStatus.FORBIDDEN, ErrorCode.OUT_OF_SCOPE, 'Forbidden', msg('import.outOfScope'), {
        errors: scopeErrors.sort((a, b) => a.row - b.row),
      });
    }

    if (ready.length === 0) throw importInvalid(errors);
    // Rows that passed go through creation even when others failed, so the 422 lists every bad row at once.
    const outcome = await this.transactions.run(() => this.createAll(principal, fileHash, ready, errors));
    if (outcome.created) {
      this.logger.log(`Imported ${ready.length} nominations from a ${format} file (sha256 ${fileHash})`);
    }
    return outcome;
  }

  /** The nominations an earlier upload of the same file created, provided the caller may see every one. */
  private async replay(
    principal: Principal,
    fileHash: string,
    rows: ImportedNominationRow[],
  ): Promise<ImportResultDto> {
    const outside: ImportRowError[] = [];
    const inScope = new Map<string, boolean>();
    for (const row of rows) {
      const key = row.proposingOrganizationId;
      if (!inScope.has(key)) inScope.set(key, await this.scope.isInScope(principal, key));
      if (!inScope.get(key)) {
        outside.push({
          row: row.importRow,
          field: 'proposingOrganizationId',
          message: msg('error.outOfScope', { id: key }),
        });
      }
    }
    if (outside.length > 0) {
      throw new ApiError(HttpStatus.FORBIDDEN, ErrorCode.OUT_OF_SCOPE, 'Forbidden', msg('import.replayOutOfScope'), {
        errors: outside,
      });
    }
    return { fileHash, rows: rows.length, created: 0, nominations: rows.map(toImportedDto) };
  }

  /**
   * Everything that can be judged before writing, for every row: the DTO rules of `POST /nominations`, one nominee,
   * the alternative columns, that every referenced organization and person exists, scope, and duplicates within the
   * file. Look-ups go in bulk; scope is asked once per organization.
   */
  private async check(
    principal: Principal,
    records: ImportRecord[],
  ): Promise<{ ready: ReadyRow[]; errors: ImportRowError[]; scopeErrors: ImportRowError[] }> {
    const refs = await this.lookUp(principal, records);
    const scopeCache = new Map<string, Promise<boolean>>();
    const inScope = (organizationId: string) => {
      let answer = scopeCache.get(organizationId);
      if (!answer) {
        answer = this.scope.isInScope(principal, organizationId);
        scopeCache.set(organizationId, answer);
      }
      return answer;
    };

    const ready: ReadyRow[] = [];
    const errors: ImportRowError[] = [];
    const scopeErrors: ImportRowError[] = [];
    /** Per nominee, the file's rows so far as proposals on their record (for R-DUP-1 within the file). */
    const fileRecordOf = new Map<string, AwardHistoryItem[]>();
    const sameRowOf = new Map<string, number>();

    for (const record of records) {
      const { row, values } = record;
      const rowErrors: ImportRowError[] = [];
      const fail = (field: string, message: Text) => rowErrors.push({ row, field, message });

      // Alternative columns name what the contract columns name by id.
      const resolved: Partial<Record<(typeof ALTERNATIVE_COLUMNS)[AlternativeColumn], string>> = {};
      const replacedBy: Partial<Record<string, AlternativeColumn>> = {};
      for (const [alternative, column] of Object.entries(ALTERNATIVE_COLUMNS) as [AlternativeColumn, ImportColumn][]) {
        const given = values[alternative];
        if (given === undefined) continue;
        replacedBy[column] = alternative;
        if (values[column] !== undefined) {
          fail(alternative, msg('import.both', { column, alternative }));
          continue;
        }
        const id =
          alternative === 'nationalId'
            ? refs.individualByNationalId.get(given)?.id
            : refs.organizationByCode.get(given)?.id;
        if (id) resolved[column as keyof typeof resolved] = id;
        else fail(alternative, ALTERNATIVE_NOUN[alternative]);
      }

      const dto = plainToInstance(CreateNominationDto, toNominationBody(values, resolved));
      const invalid = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false });
      for (const error of flatten(invalid)) {
        if (!replacedBy[error.field]) fail(error.field, error.message);
      }

      const person = values.individualId !== undefined || values.nationalId !== undefined;
      const collective = values.organizationId !== undefined || values.organizationCode !== undefined;
      const nomineeColumn: ImportColumn = person
        ? values.nationalId !== undefined
          ? 'nationalId'
          : 'individualId'
        : values.organizationCode !== undefined
          ? 'organizationCode'
          : 'organizationId';
      if (person === collective) {
        fail(person ? 'organizationId' : 'individualId', msg('import.oneNominee'));
      }

      if (rowErrors.length === 0) {
        // Existence, then scope, on what the row names (the DTO made sure these are UUIDs).
        const proposing = refs.organizationById.get(lower(dto.proposingOrganizationId));
        if (!proposing)
          fail('proposingOrganizationId', referenceMissing('entity.organization', dto.proposingOrganizationId));
        const individual = dto.individualId ? refs.individualById.get(lower(dto.individualId)) : undefined;
        const organization = dto.organizationId ? refs.organizationById.get(lower(dto.organizationId)) : undefined;
        if (dto.individualId && !individual)
          fail(nomineeColumn, referenceMissing('entity.individual', dto.individualId));
        if (dto.organizationId && !organization)
          fail(nomineeColumn, referenceMissing('entity.organization', dto.organizationId));

        if (rowErrors.length === 0) {
          const proposingColumn =
            values.proposingOrganizationCode !== undefined ? 'proposingOrganizationCode' : 'proposingOrganizationId';
          if (!(await inScope(proposing!.id))) {
            scopeErrors.push({
              row,
              field: proposingColumn,
              message: msg('error.outOfScope', { id: proposing!.id }),
            });
          }
          const home = individual ? individual.organizationId : organization!.id;
          if (!(await inScope(home))) {
            scopeErrors.push({
              row,
              field: nomineeColumn,
              // Where a person works is theirs: the message names the person's row, not the organization.
              message: individual ? msg('error.personOutOfScope') : msg('error.outOfScope', { id: home }),
            });
          }

          // Two rows of the file proposing the same thing. R-DUP-1 is the rule engine's: the file's earlier rows
          // are new proposals (DRAFT) on the nominee's record, and the engine says whether this row duplicates one.
          // The registry's own record is judged at creation, by the same function. Off the rule, the very same row
          // twice is refused too.
          const nominee = (individual ?? organization)!.id;
          const candidate = { awardCode: dto.awardCode, year: dto.year, basis: dto.basis };
          const earlierRows = fileRecordOf.get(nominee) ?? [];
          const clash = isSubjectToDuplicateRule(candidate)
            ? duplicateClashes(candidate, earlierRows).at(0)
            : undefined;
          const sameRowKey = `${nominee}|${dto.awardCode}|${dto.year}|${dto.basis}|${dto.achievements}`;
          const sameRow = sameRowOf.get(sameRowKey);
          if (clash?.nominationId !== undefined) {
            fail(nomineeColumn, msg('import.duplicateRule', { row: rowOfFileId(clash.nominationId) }));
          } else if (sameRow !== undefined) {
            fail(nomineeColumn, msg('import.duplicateRow', { row: sameRow }));
          } else {
            earlierRows.push({ source: 'NOMINATION', id: fileIdOf(row), status: 'DRAFT', ...candidate });
            fileRecordOf.set(nominee, earlierRows);
            sameRowOf.set(sameRowKey, row);
          }
        }
      }

      if (rowErrors.length > 0) errors.push(...rowErrors);
      else ready.push({ row, dto, nomineeColumn, replacedBy });
    }
    return { ready, errors, scopeErrors };
  }

  /**
   * Every organization and person the file names, in four queries. National ids are looked up within the caller's
   * scope only (organizations are public; a person's id is not, nor where the person works).
   */
  private async lookUp(principal: Principal, records: ImportRecord[]) {
    const ids = (columns: ImportColumn[]) => [
      ...new Set(
        records.flatMap((r) =>
          columns.map((c) => r.values[c]).filter((v): v is string => v !== undefined && isUUID(v, 'all')),
        ),
      ),
    ];
    const texts = (columns: ImportColumn[]) => [
      ...new Set(records.flatMap((r) => columns.map((c) => r.values[c]).filter((v): v is string => v !== undefined))),
    ];
    const [byId, byCode, individuals, byNationalId] = await Promise.all([
      this.imports.organizationsById(ids(['organizationId', 'proposingOrganizationId'])),
      this.imports.organizationsByCode(texts(['organizationCode', 'proposingOrganizationCode'])),
      this.imports.individualsById(ids(['individualId'])),
      this.imports.individualsByNationalId(texts(['nationalId']), this.scope.scopeRoot(principal)),
    ]);
    const organizationById = new Map<string, OrganizationRef>([...byId, ...byCode].map((o) => [lower(o.id), o]));
    return {
      organizationById,
      organizationByCode: new Map<string, OrganizationRef>(byCode.map((o) => [o.code, o])),
      individualById: new Map<string, IndividualRef>([...individuals, ...byNationalId].map((i) => [lower(i.id), i])),
      individualByNationalId: new Map<string, IndividualRef>(
        byNationalId.filter((i) => i.nationalId !== null).map((i) => [i.nationalId as string, i]),
      ),
    };
  }

  /**
   * Creates every row through the nominations service, in one transaction, under a lock on the file's hash (two
   * uploads of one file at once: the second waits, then finds the first's nominations). Each row runs in a
   * savepoint so that a refused row (R-DUP-1 against the database, a structural rule) does not hide the next ones;
   * any refusal, or any error `checked` found before, rolls everything back with the full list.
   */
  private async createAll(
    principal: Principal,
    fileHash: string,
    rows: ReadyRow[],
    checked: readonly ImportRowError[],
  ): Promise<ImportOutcome> {
    await this.imports.lockFile(fileHash);
    const earlier = await this.imports.findByFileHash(fileHash);
    if (earlier.length > 0) {
      return {
        created: false,
        result: { fileHash, rows: earlier.length, created: 0, nominations: earlier.map(toImportedDto) },
      };
    }

    await this.imports.lockNominees(rows.map((r) => (r.dto.individualId ?? r.dto.organizationId) as string));
    const nominations: ImportedNominationDto[] = [];
    const errors: ImportRowError[] = [...checked];
    for (const ready of rows) {
      await this.imports.savepoint();
      try {
        const created = await this.nominations.createWith(principal, ready.dto, {
          importFileHash: fileHash,
          importRow: ready.row,
        });
        await this.imports.releaseSavepoint();
        nominations.push({
          row: ready.row,
          id: created.id,
          status: created.status,
          eligible: created.eligibility.eligible,
        });
      } catch (error) {
        const refusal = asRowRefusal(error);
        if (!refusal) throw error;
        await this.imports.rollbackToSavepoint();
        errors.push(...rowErrorsOf(ready, refusal));
      }
    }
    if (errors.length > 0) throw importInvalid(errors);
    return { created: true, result: { fileHash, rows: rows.length, created: nominations.length, nominations } };
  }
}

function toImportedDto(row: ImportedNominationRow): ImportedNominationDto {
  return {
    row: row.importRow,
    id: row.id,
    status: row.status as ImportedNominationDto['status'],
    eligible: row.eligible,
  };
}

/**
 * The refusal of one row, or undefined for an error that concerns the whole transaction (a deadlock, a lost
 * connection, a bug): those are rethrown, so the transaction is retried or fails as any request would.
 */
function asRowRefusal(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return Number(error.status) < 500 ? error : undefined;
  const code = (error as { driverError?: { code?: string } }).driverError?.code ?? (error as { code?: string }).code;
  if (typeof code !== 'string' || !code.startsWith('23')) return undefined;
  return translateDatabaseError(error);
}

/** The row errors a refusal stands for, each naming the column to fix. */
function rowErrorsOf(ready: ReadyRow, refusal: ApiError): ImportRowError[] {
  const { row } = ready;
  const fieldErrors = (refusal.extensions.errors ?? []).map((e) => ({
    row,
    field: ready.replacedBy[e.field] ?? e.field,
    message: e.message,
  }));
  const ruleErrors = (refusal.extensions.violations ?? []).map((v) => ({
    row,
    field: RULE_COLUMNS[v.rule] ?? ready.nomineeColumn,
    message: msg('problem.fieldList', { field: v.rule, text: v.message }),
  }));
  const found = [...fieldErrors, ...ruleErrors];
  return found.length > 0 ? found : [{ row, field: ready.nomineeColumn, message: refusal.detail }];
}
