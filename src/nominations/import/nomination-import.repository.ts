import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
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
  constructor(private readonly dataSource: DataSource) {}

  private run(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  organizationsById(ids: readonly string[], manager?: EntityManager): Promise<OrganizationRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.run(manager).query('SELECT id, code FROM organizations WHERE id = ANY($1::uuid[])', [ids]);
  }

  organizationsByCode(codes: readonly string[], manager?: EntityManager): Promise<OrganizationRef[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.run(manager).query('SELECT id, code FROM organizations WHERE code = ANY($1::text[])', [codes]);
  }

  individualsById(ids: readonly string[], manager?: EntityManager): Promise<IndividualRef[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.run(manager).query(
      'SELECT id, national_id AS "nationalId", organization_id AS "organizationId" FROM individuals WHERE id = ANY($1::uuid[])',
      [ids],
    );
  }

  /**
   * The people with these national ids whose organization is in the subtree of `scopeRoot` (everyone for null).
   * Looked up within the scope only: a national id held outside it is not found at all, so the caller learns nothing
   * of people outside its scope (not even that the id is registered).
   */
  individualsByNationalId(
    nationalIds: readonly string[],
    scopeRoot: string | null,
    manager?: EntityManager,
  ): Promise<IndividualRef[]> {
    if (nationalIds.length === 0) return Promise.resolve([]);
    return this.run(manager).query(
      `SELECT i.id, i.national_id AS "nationalId", i.organization_id AS "organizationId"
         FROM individuals i
        WHERE i.national_id = ANY($1::text[])
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM organization_closure c
                                            WHERE c.ancestor_id = $2::uuid AND c.descendant_id = i.organization_id))`,
      [nationalIds, scopeRoot],
    );
  }

  /** The nominations an earlier upload of the file with this SHA-256 created, in file order. */
  findByFileHash(fileHash: string, manager?: EntityManager): Promise<ImportedNominationRow[]> {
    return this.run(manager).query(
      `SELECT id, import_row AS "importRow", status, (eligibility->>'eligible')::boolean AS eligible,
              proposing_organization_id AS "proposingOrganizationId"
         FROM nominations WHERE import_file_hash = $1 ORDER BY import_row`,
      [fileHash],
    );
  }

  /** Serialises uploads of the same file until the transaction ends: the second finds what the first created. */
  async lockFile(fileHash: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`nominations:import:${fileHash}`]);
  }

  /**
   * The nominees' advisory locks (R-DUP-1, `nomineeLockKey`), all at once and in a fixed order, so two imports
   * naming the same people never wait on each other in a cycle; each row's creation then holds its lock already.
   */
  async lockNominees(nomineeIds: readonly string[], manager: EntityManager): Promise<void> {
    const keys = [...new Set(nomineeIds.map((id) => id.toLowerCase()))].sort().map(nomineeLockKey);
    await manager.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n',
      [keys],
    );
  }

  /** Savepoints around each row, so one failing insert does not abort the transaction the others share. */
  async savepoint(manager: EntityManager): Promise<void> {
    await manager.query('SAVEPOINT import_row');
  }

  async releaseSavepoint(manager: EntityManager): Promise<void> {
    await manager.query('RELEASE SAVEPOINT import_row');
  }

  async rollbackToSavepoint(manager: EntityManager): Promise<void> {
    await manager.query('ROLLBACK TO SAVEPOINT import_row');
  }
}
