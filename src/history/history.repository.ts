import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Db } from '../database/db.js';
import { currentTransactionManager } from '../database/transaction-context.js';
import { duplicatesInFile, type RegistryAward, type StagedAward } from './history-duplicates.js';
import type { StagedOrganization } from './history-life.js';
import type { HistoryRecord } from './history-rows.js';

/** Longest one statement of a history import may run: a whole agency's past in one file. */
export const HISTORY_STATEMENT_TIMEOUT_MS = 10 * 60 * 1000;

/** The staged columns, in the order the COPY sends them. */
const STAGED = [
  'import_id',
  'row',
  'decision_number',
  'number',
  'issued_on',
  'regime',
  'issuer_name',
  'issuer_organization_code',
  'authority',
  'signer_name',
  'signer_title',
  'award_code',
  'basis',
  'year',
  'period_from',
  'period_to',
  'national_id',
  'full_name',
  'organization_code',
  'collective_code',
  'bonus_amount',
  'verification_code',
] as const;

/** A CSV field for COPY: quoted (a quoted empty string stays a string); null is the unquoted empty field. */
const field = (value: string | number | null): string =>
  value === null ? '' : typeof value === 'number' ? String(value) : `"${value.replace(/"/g, '""')}"`;

function csvLine(importId: string, r: HistoryRecord): string {
  return (
    [
      importId,
      r.row,
      r.decisionNumber,
      r.number,
      r.issuedOn,
      r.regime,
      r.issuerName,
      r.issuerOrganizationCode,
      r.authority,
      r.signerName,
      r.signerTitle,
      r.awardCode,
      r.basis,
      r.year,
      r.periodFrom,
      r.periodTo,
      r.nationalId,
      r.fullName,
      r.organizationCode,
      r.collectiveCode,
      r.bonusAmount,
      r.verificationCode,
    ]
      .map(field)
      .join(',') + '\n'
  );
}

/** A row the lookups could not resolve, and which column to blame. */
export interface UnresolvedRow {
  row: number;
  field:
    | 'nationalId'
    | 'fullName'
    | 'organizationCode'
    | 'collectiveCode'
    | 'issuerOrganizationCode'
    | 'decisionNumber'
    | 'awardCode';
  code: string | null;
  /** `awardCode`: the earlier row of the file it repeats, or null when the registry holds the award (`code`). */
  earlierRow?: number | null;
}

/**
 * `history_imports` and the staging table `history_import_rows`. The file's rows are copied into the staging table
 * with COPY (the one statement sent as text: Kysely has no COPY), resolved and checked there set-based, and removed
 * by the same transaction that inserts the decisions and awards from them.
 */
@Injectable()
export class HistoryRepository {
  constructor(private readonly db: Db) {}

  async findImport(fileHash: string) {
    return (
      (await this.db
        .selectFrom('history_imports')
        .select(['file_hash as fileHash', 'rows', 'decisions', 'awards'])
        .where('file_hash', '=', fileHash)
        .executeTakeFirst()) ?? null
    );
  }

  /**
   * The import's statements may run longer than a request's (`DATABASE_STATEMENT_TIMEOUT_MS`): inserting 100,000
   * awards runs their per-row audit trigger, eight foreign keys and ten indexes for each. For this transaction only.
   */
  async allowLongStatements(): Promise<void> {
    await sql`SELECT set_config('statement_timeout', ${String(HISTORY_STATEMENT_TIMEOUT_MS)}, true)`.execute(this.db);
  }

  /** Serialises two uploads of one file: the second waits, then finds the first one's import. */
  async lockFile(fileHash: string): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${`history-import:${fileHash}`}))`.execute(this.db);
  }

  /** COPY of the checked rows into the staging table, on the ambient transaction's connection. */
  async stage(importId: string, records: readonly HistoryRecord[]): Promise<void> {
    const runner = currentTransactionManager()?.queryRunner;
    if (!runner) throw new Error('Staging a history import needs the ambient transaction');
    const client = (await runner.connect()) as PoolClient;
    const copy = client.query(copyFrom(`COPY history_import_rows (${STAGED.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
    const BATCH = 1000;
    // Synchronous: the stream pulls batches as the connection drains, so the file's text is never built whole.
    function* lines(): Generator<string> {
      for (let i = 0; i < records.length; i += BATCH) {
        yield records
          .slice(i, i + BATCH)
          .map((r) => csvLine(importId, r))
          .join('');
      }
    }
    await pipeline(Readable.from(lines()), copy);
  }

  /**
   * Resolves the recipients (by national id; by name within a unit, only when exactly one person matches; by a
   * collective's code) and the issuers named by code, within `scopeRoot`'s subtree when given. Set-based: one
   * UPDATE per way of naming.
   */
  async resolve(importId: string, scopeRoot: string | null): Promise<void> {
    const inScope = (column: 'i.organization_id' | 'o.id') =>
      scopeRoot === null
        ? sql<boolean>`true`
        : sql<boolean>`${sql.ref(column)} IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${scopeRoot}::uuid)`;
    await this.db
      .updateTable('history_import_rows as s')
      .from('individuals as i')
      .innerJoin('organizations as o', 'o.id', 'i.organization_id')
      .set((eb) => ({
        individual_id: eb.ref('i.id'),
        organization_id: eb.ref('i.organization_id'),
        recipient_name: eb.ref('i.full_name'),
        organization_name: eb.ref('o.name'),
      }))
      .where('s.import_id', '=', importId)
      .whereRef('i.national_id', '=', 's.national_id')
      .where(inScope('i.organization_id'))
      .execute();
    await this.db
      .updateTable('history_import_rows as s')
      .from((eb) =>
        eb
          .selectFrom('history_import_rows as s2')
          .innerJoin('organizations as o', (join) => join.on(sql`lower(o.code)`, '=', sql`lower(s2.organization_code)`))
          .innerJoin('individuals as i', (join) =>
            join.onRef('i.organization_id', '=', 'o.id').onRef('i.full_name', '=', 's2.full_name'),
          )
          .select((q) => [
            's2.row',
            sql<string>`min(i.id::text)::uuid`.as('individual_id'),
            sql<string>`min(o.id::text)::uuid`.as('organization_id'),
            q.fn.min('i.full_name').as('recipient_name'),
            q.fn.min('o.name').as('organization_name'),
          ])
          .where('s2.import_id', '=', importId)
          .where('s2.full_name', 'is not', null)
          .where(inScope('o.id'))
          .groupBy('s2.row')
          .having(sql`count(*)`, '=', 1)
          .as('m'),
      )
      .set((eb) => ({
        individual_id: eb.ref('m.individual_id'),
        organization_id: eb.ref('m.organization_id'),
        recipient_name: eb.ref('m.recipient_name'),
        organization_name: eb.ref('m.organization_name'),
      }))
      .where('s.import_id', '=', importId)
      .whereRef('s.row', '=', 'm.row')
      .execute();
    await this.db
      .updateTable('history_import_rows as s')
      .from('organizations as o')
      .set((eb) => ({
        organization_id: eb.ref('o.id'),
        recipient_name: eb.ref('o.name'),
        organization_name: eb.ref('o.name'),
      }))
      .where('s.import_id', '=', importId)
      .where(sql`lower(o.code)`, '=', sql`lower(s.collective_code)`)
      .where(inScope('o.id'))
      .execute();
    await this.db
      .updateTable('history_import_rows as s')
      .from('organizations as o')
      .set((eb) => ({ issuer_organization_id: eb.ref('o.id') }))
      .where('s.import_id', '=', importId)
      .where(sql`lower(o.code)`, '=', sql`lower(s.issuer_organization_code)`)
      .execute();
  }

  /** Rows left unresolved, and rows whose decision the registry already holds. */
  async unresolved(importId: string): Promise<UnresolvedRow[]> {
    const missing = await this.db
      .selectFrom('history_import_rows as s')
      .select((eb) => [
        's.row',
        eb
          .case()
          .when('s.national_id', 'is not', null)
          .then(sql.lit('nationalId'))
          .when(
            sql<boolean>`s.full_name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organizations o WHERE lower(o.code) = lower(s.organization_code))`,
          )
          .then(sql.lit('organizationCode'))
          .when('s.full_name', 'is not', null)
          .then(sql.lit('fullName'))
          .else(sql.lit('collectiveCode'))
          .end()
          .$castTo<UnresolvedRow['field']>()
          .as('field'),
        's.organization_code as code',
      ])
      .where('s.import_id', '=', importId)
      .where('s.organization_id', 'is', null)
      .execute();
    const issuers = await this.db
      .selectFrom('history_import_rows as s')
      .select([
        's.row',
        sql.lit('issuerOrganizationCode').$castTo<UnresolvedRow['field']>().as('field'),
        's.decision_number as code',
      ])
      .where('s.import_id', '=', importId)
      .where('s.issuer_organization_code', 'is not', null)
      .where('s.issuer_organization_id', 'is', null)
      .execute();
    const taken = await this.db
      .selectFrom('history_import_rows as s')
      .innerJoin('decisions as d', (join) =>
        join.on((eb) =>
          eb.or([
            eb.and([
              eb('s.issuer_organization_id', 'is not', null),
              eb('d.issuer_organization_id', '=', eb.ref('s.issuer_organization_id')),
              eb('d.number', '=', eb.ref('s.number')),
            ]),
            eb.and([
              eb('s.issuer_organization_id', 'is', null),
              eb('d.issuer_organization_id', 'is', null),
              eb(sql`lower(d.issuer_name)`, '=', sql`lower(s.issuer_name)`),
              eb('d.number_text', '=', eb.ref('s.decision_number')),
            ]),
          ]),
        ),
      )
      .select([
        's.row',
        sql.lit('decisionNumber').$castTo<UnresolvedRow['field']>().as('field'),
        's.decision_number as code',
      ])
      .where('s.import_id', '=', importId)
      .whereRef('d.year', '=', sql`extract(year FROM s.issued_on)::int`)
      .execute();
    return [...missing, ...issuers, ...taken, ...(await this.duplicates(importId))];
  }

  /**
   * R-DUP-1 (one achievement is rewarded once) on the resolved rows, judged by the rule engine (`duplicatesInFile`
   * over `duplicateClashKind`): a REGULAR award of one recipient and year given twice in the file (the later row is
   * named, with the first), or already in the registry. History is never judged otherwise; a repeated row is a
   * mistake of the file. The SQL only gathers the facts: the resolved REGULAR rows that share their recipient and
   * year with another row, and the registry's awards of the recipients and years of the rows.
   */
  private async duplicates(importId: string): Promise<UnresolvedRow[]> {
    const recipient = sql`coalesce(s.individual_id, s.organization_id), s.individual_id IS NULL`;
    const peers = await sql<StagedAward>`
      SELECT row, award_code AS "awardCode", year, recipient
      FROM (
        SELECT s.row, s.award_code, s.year, coalesce(s.individual_id, s.organization_id)::text AS recipient,
               count(*) OVER (PARTITION BY ${recipient}, s.year) AS n
        FROM history_import_rows s
        WHERE s.import_id = ${importId} AND s.basis = 'REGULAR' AND s.organization_id IS NOT NULL
      ) d
      WHERE n > 1`.execute(this.db);
    // Two equality joins (a person by id and year, a collective by organization and year), so each uses its index.
    const staged = sql`s.import_id = ${importId} AND s.basis = 'REGULAR'`;
    const registry = await sql<RegistryAward>`
      SELECT x.row, x.row_code AS "rowCode", x.year, x.award_code AS "awardCode", x.basis, x.revoked,
             d.number_text AS "decisionNumber"
      FROM (
        SELECT s.row, s.award_code AS row_code, s.year, a.award_code, a.basis, a.revoked_at IS NOT NULL AS revoked,
               a.decision_id, a.issued_on
        FROM history_import_rows s
        JOIN awards a ON a.individual_id = s.individual_id AND a.year = s.year
        WHERE ${staged} AND s.individual_id IS NOT NULL
        UNION ALL
        SELECT s.row, s.award_code, s.year, a.award_code, a.basis, a.revoked_at IS NOT NULL, a.decision_id,
               a.issued_on
        FROM history_import_rows s
        JOIN awards a ON a.organization_id = s.organization_id AND a.year = s.year
                     AND a.individual_id IS NULL AND a.household_id IS NULL
        WHERE ${staged} AND s.individual_id IS NULL AND s.organization_id IS NOT NULL
      ) x
      JOIN decisions d ON d.id = x.decision_id
      ORDER BY x.row, x.issued_on`.execute(this.db);
    return duplicatesInFile(peers.rows, registry.rows);
  }

  /**
   * R-ORG-1's facts: each organization the resolved rows name as issuer, or as the collective awarded, with its life
   * and the name in force on each decision date, once per (role, organization, date) with the rows. Every one is
   * share-locked first (in id order, as decisions lock theirs), so a concurrent dissolution sees the imported
   * decisions and awards or waits for them (`OrganizationsService.dissolve`). Only organizations with a life bound
   * are returned: the others exist on every date.
   */
  async organizationLives(importId: string): Promise<StagedOrganization[]> {
    await sql`
      SELECT o.id FROM organizations o
       WHERE o.id IN (SELECT s.issuer_organization_id FROM history_import_rows s
                       WHERE s.import_id = ${importId} AND s.issuer_organization_id IS NOT NULL
                      UNION
                      SELECT s.organization_id FROM history_import_rows s
                       WHERE s.import_id = ${importId} AND s.individual_id IS NULL AND s.organization_id IS NOT NULL)
       ORDER BY o.id
         FOR SHARE`.execute(this.db);
    const named = await sql<StagedOrganization>`
      SELECT x.role, to_char(x.issued_on, 'YYYY-MM-DD') AS "issuedOn", x.rows,
             coalesce(organization_name_on(o.id, x.issued_on), o.name) AS name,
             to_char(o.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(o.valid_to, 'YYYY-MM-DD') AS "validTo"
        FROM (SELECT 'ISSUER' AS role, s.issuer_organization_id AS organization_id, s.issued_on,
                     array_agg(s.row ORDER BY s.row) AS rows
                FROM history_import_rows s
               WHERE s.import_id = ${importId} AND s.issuer_organization_id IS NOT NULL
               GROUP BY s.issuer_organization_id, s.issued_on
              UNION ALL
              SELECT 'RECIPIENT', s.organization_id, s.issued_on, array_agg(s.row ORDER BY s.row)
                FROM history_import_rows s
               WHERE s.import_id = ${importId} AND s.individual_id IS NULL AND s.organization_id IS NOT NULL
               GROUP BY s.organization_id, s.issued_on) x
        JOIN organizations o ON o.id = x.organization_id
       WHERE o.valid_from IS NOT NULL OR o.valid_to IS NOT NULL
       ORDER BY x.role, o.id, x.issued_on`.execute(this.db);
    return named.rows;
  }

  async recordImport(values: {
    fileHash: string;
    fileName: string;
    rows: number;
    decisions: number;
    awards: number;
    createdByKeyId: string | null;
  }): Promise<void> {
    await this.db
      .insertInto('history_imports')
      .values({
        file_hash: values.fileHash,
        file_name: values.fileName,
        rows: values.rows,
        decisions: values.decisions,
        awards: values.awards,
        created_by_key_id: values.createdByKeyId,
      })
      .execute();
  }

  async updateCounts(fileHash: string, decisions: number, awards: number): Promise<void> {
    await this.db.updateTable('history_imports').set({ decisions, awards }).where('file_hash', '=', fileHash).execute();
  }

  async unstage(importId: string): Promise<void> {
    await this.db.deleteFrom('history_import_rows').where('import_id', '=', importId).execute();
  }
}
