import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Db } from '../../database/db.js';
import { anyOf } from '../../common/database/expressions.js';
import { lockAdvisory } from '../query-helpers.js';
import { nomineeLockKey } from '../workflow.js';

/** What an import needs to know of an organization named in a file. */
export interface OrganizationRef {
  id: string;
  code: string;
}

/** What an import needs to know of a person named in a file: the unit scope is checked on. */
export interface IndividualRef {
  id: string;
  nationalId: string | null;
  organizationId: string;
}

/** A nomination created by an import, as a re-import reports it. */
export interface ImportedNominationRow {
  id: string;
  importRow: number;
  status: string;
  eligible: boolean;
  proposingOrganizationId: string;
}

/** The queries of `POST /nominations/import`: look-ups of everything a file names, in bulk, and its nominations. */
@Injectable()
export class NominationImportRepository {
  constructor(private readonly db: Db) {}

  organizationsById(ids: readonly string[]): Promise<OrganizationRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('organizations').select(['id', 'code']).where('id', '=', anyOf(ids, 'uuid')).execute();
  }

  organizationsByCode(codes: readonly string[]): Promise<OrganizationRef[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('organizations')
      .select(['id', 'code'])
      .where('code', '=', anyOf(codes, 'text'))
      .execute();
  }

  individualsById(ids: readonly string[]): Promise<IndividualRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('individuals')
      .select(['id', 'national_id as nationalId', 'organization_id as organizationId'])
      .where('id', '=', anyOf(ids, 'uuid'))
      .execute();
  }

  /**
   * The people with these national ids whose organization is in the subtree of `scopeRoot` (everyone for null).
   * Looked up within the scope only: a national id held outside it is not found at all, so the caller learns nothing
   * of people outside its scope (not even that the id is registered).
   */
  individualsByNationalId(nationalIds: readonly string[], scopeRoot: string | null): Promise<IndividualRef[]> {
    if (nationalIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('individuals as i')
      .select(['i.id', 'i.national_id as nationalId', 'i.organization_id as organizationId'])
      .where('i.national_id', '=', anyOf(nationalIds, 'text'))
      .$if(scopeRoot !== null, (q) =>
        q.where((eb) =>
          eb.exists(
            eb
              .selectFrom('organization_closure as c')
              .select(sql.lit(1).as('one'))
              .where('c.ancestor_id', '=', scopeRoot as string)
              .whereRef('c.descendant_id', '=', 'i.organization_id'),
          ),
        ),
      )
      .execute();
  }

  /** The nominations an earlier upload of the file with this SHA-256 created, in file order. */
  findByFileHash(fileHash: string): Promise<ImportedNominationRow[]> {
    return this.db
      .selectFrom('nominations')
      .select((eb) => [
        'id',
        eb.ref('import_row').$castTo<number>().as('importRow'),
        'status',
        eb.cast<boolean>(sql`${eb.ref('eligibility')}->>${sql.lit('eligible')}`, 'boolean').as('eligible'),
        'proposing_organization_id as proposingOrganizationId',
      ])
      .where('import_file_hash', '=', fileHash)
      .orderBy('import_row')
      .execute();
  }

  /** Serialises uploads of the same file until the transaction ends: the second finds what the first created. */
  lockFile(fileHash: string): Promise<void> {
    return lockAdvisory(this.db, [`nominations:import:${fileHash}`]);
  }

  /**
   * The nominees' advisory locks (R-DUP-1, `nomineeLockKey`), all at once and in a fixed order, so two imports
   * naming the same people never wait on each other in a cycle; each row's creation then holds its lock already.
   */
  lockNominees(nomineeIds: readonly string[]): Promise<void> {
    const keys = [...new Set(nomineeIds.map((id) => id.toLowerCase()))].sort().map(nomineeLockKey);
    return lockAdvisory(this.db, keys);
  }

  /** Savepoints around each row, so one failing insert does not abort the transaction the others share. */
  async savepoint(): Promise<void> {
    await sql`SAVEPOINT import_row`.execute(this.db);
  }

  async releaseSavepoint(): Promise<void> {
    await sql`RELEASE SAVEPOINT import_row`.execute(this.db);
  }

  async rollbackToSavepoint(): Promise<void> {
    await sql`ROLLBACK TO SAVEPOINT import_row`.execute(this.db);
  }
}
