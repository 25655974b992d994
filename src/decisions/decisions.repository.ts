import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { SqlConditions } from '../common/database/sql.js';
import { registerConstraint } from '../common/errors/database-errors.js';
import type { Authority, AwardCode, Basis, NominationStatus, Regime, SigningMode } from '../rules/index.js';

registerConstraint('uq_decisions_issuer_year_number', {
  status: HttpStatus.CONFLICT,
  code: 'DECISION_NUMBER_TAKEN',
  detail: 'The issuer already used this decision number this year (R-NUM-1)',
  field: 'number',
});

/** A decision as reads serve it, with its issuer and the number of lines. */
export interface DecisionRow {
  id: string;
  number: number;
  numberText: string;
  year: number;
  issuedOn: string;
  issuerId: string;
  issuerName: string;
  issuerSymbol: string | null;
  authority: Authority;
  signerName: string;
  signerTitle: string;
  signingMode: SigningMode;
  regime: Regime;
  createdAt: Date;
  awardCount: number;
}

/** A nomination locked for a decision, with what its award needs to know about the nominee. */
export interface NominationForDecision {
  id: string;
  status: NominationStatus;
  year: number;
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: 'INDIVIDUAL' | 'COLLECTIVE';
  individualId: string | null;
  /** The nominated collective. */
  nomineeOrganizationId: string | null;
  proposingOrganizationId: string;
  individualName: string | null;
  /** The individual's unit now, i.e. at decision time. */
  individualOrganizationId: string | null;
  individualOrganizationName: string | null;
  collectiveName: string | null;
}

export interface NewDecision {
  issuerOrganizationId: string;
  authority: Authority;
  year: number;
  number: number;
  numberText: string;
  issuedOn: string;
  signerName: string;
  signerTitle: string;
  signingMode: SigningMode;
  regime: Regime;
  createdByKeyId: string | null;
}

export interface DecisionFilter {
  issuerOrganizationId?: string;
  year?: number;
  authority?: Authority;
  /** Keyset: the (issuedOn, id) of the last row served. */
  after?: [string, string] | null;
  limit: number;
}

const DECISION_COLUMNS = `
  d.id AS "id",
  d.number AS "number",
  d.number_text AS "numberText",
  d.year AS "year",
  to_char(d.issued_on, 'YYYY-MM-DD') AS "issuedOn",
  d.issuer_organization_id AS "issuerId",
  o.name AS "issuerName",
  o.document_symbol AS "issuerSymbol",
  d.authority AS "authority",
  d.signer_name AS "signerName",
  d.signer_title AS "signerTitle",
  d.signing_mode AS "signingMode",
  d.regime AS "regime",
  d.created_at AS "createdAt",
  (SELECT count(*)::int FROM awards a WHERE a.decision_id = d.id) AS "awardCount"`;

/**
 * Namespace of the advisory locks that serialise a decision-number series: the two-key form
 * `pg_advisory_xact_lock(namespace, hashtext(issuer:year))` never meets the single-key locks used elsewhere.
 */
const NUMBER_SERIES_LOCK_NAMESPACE = 'awards-registry:decision-number-series';

/**
 * Every query on `decisions`, plus the reads a decision needs from other tables (its nominations, locked, and open
 * holds). It writes `decisions` only: the nominations move through `NominationsService.markDecided`.
 */
@Injectable()
export class DecisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  async findById(id: string, manager?: EntityManager): Promise<DecisionRow | null> {
    const rows = await this.manager(manager).query<DecisionRow[]>(
      `SELECT ${DECISION_COLUMNS} FROM decisions d JOIN organizations o ON o.id = d.issuer_organization_id WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Keyset page, newest first: (issued_on, id) descending (index `ix_decisions_issued_on`). */
  list(filter: DecisionFilter): Promise<DecisionRow[]> {
    const where = new SqlConditions();
    if (filter.issuerOrganizationId !== undefined) {
      where.add(`d.issuer_organization_id = ${where.param(filter.issuerOrganizationId)}::uuid`);
    }
    if (filter.year !== undefined) where.add(`d.year = ${where.param(filter.year)}`);
    if (filter.authority !== undefined) where.add(`d.authority = ${where.param(filter.authority)}`);
    if (filter.after) {
      where.add(`(d.issued_on, d.id) < (${where.param(filter.after[0])}::date, ${where.param(filter.after[1])}::uuid)`);
    }
    const limit = where.param(filter.limit + 1);
    return this.dataSource.query<DecisionRow[]>(
      `SELECT ${DECISION_COLUMNS}
         FROM decisions d JOIN organizations o ON o.id = d.issuer_organization_id
         ${where.where()}
        ORDER BY d.issued_on DESC, d.id DESC
        LIMIT ${limit}`,
      where.params,
    );
  }

  /**
   * Locks the nominations (`FOR UPDATE`, in id order so concurrent decisions cannot deadlock) and returns them
   * with the nominee's name and unit as of now. Unknown ids are simply missing from the result.
   */
  lockNominations(ids: string[], manager: EntityManager): Promise<NominationForDecision[]> {
    return manager.query<NominationForDecision[]>(
      `SELECT n.id AS "id",
              n.status AS "status",
              n.year AS "year",
              n.award_code AS "awardCode",
              n.basis AS "basis",
              n.recipient_kind AS "recipientKind",
              n.individual_id AS "individualId",
              n.organization_id AS "nomineeOrganizationId",
              n.proposing_organization_id AS "proposingOrganizationId",
              i.full_name AS "individualName",
              i.organization_id AS "individualOrganizationId",
              io.name AS "individualOrganizationName",
              o.name AS "collectiveName"
         FROM nominations n
         LEFT JOIN individuals i ON i.id = n.individual_id
         LEFT JOIN organizations io ON io.id = i.organization_id
         LEFT JOIN organizations o ON o.id = n.organization_id
        WHERE n.id = ANY($1::uuid[])
        ORDER BY n.id
          FOR UPDATE OF n`,
      [ids],
    );
  }

  /** R-HOLD-1: open disciplinary cases, investigations or inspections per individual (only those with any). */
  async openHolds(individualIds: string[], manager: EntityManager): Promise<Map<string, number>> {
    if (individualIds.length === 0) return new Map();
    const rows = await manager.query<{ individualId: string; count: number }[]>(
      `SELECT individual_id AS "individualId", count(*)::int AS "count"
         FROM disciplinary_cases
        WHERE individual_id = ANY($1::uuid[]) AND closed_on IS NULL
        GROUP BY individual_id`,
      [individualIds],
    );
    return new Map(rows.map((row) => [row.individualId, row.count]));
  }

  /**
   * Serialises the number series of one issuer and year until the transaction ends (R-NUM-1). Whoever holds
   * it sees every decision committed before it got the lock, so `max + 1` is gapless and unique, and a refused
   * decision (rolled back) leaves no gap.
   */
  async lockNumberSeries(issuerOrganizationId: string, year: number, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
      NUMBER_SERIES_LOCK_NAMESPACE,
      `${issuerOrganizationId}:${year}`,
    ]);
  }

  /** The next number of the series; call under `lockNumberSeries`. */
  async nextNumber(issuerOrganizationId: string, year: number, manager: EntityManager): Promise<number> {
    const rows = await manager.query<{ next: number }[]>(
      'SELECT coalesce(max(number), 0) + 1 AS "next" FROM decisions WHERE issuer_organization_id = $1 AND year = $2',
      [issuerOrganizationId, year],
    );
    return Number(rows[0].next);
  }

  /** The decision already numbered `number` by this issuer in this year, if any. */
  async findByNumber(
    issuerOrganizationId: string,
    year: number,
    number: number,
    manager: EntityManager,
  ): Promise<{ id: string; numberText: string } | null> {
    const rows = await manager.query<{ id: string; numberText: string }[]>(
      'SELECT id, number_text AS "numberText" FROM decisions WHERE issuer_organization_id = $1 AND year = $2 AND number = $3',
      [issuerOrganizationId, year, number],
    );
    return rows[0] ?? null;
  }

  async insert(decision: NewDecision, manager: EntityManager): Promise<string> {
    const rows = await manager.query<{ id: string }[]>(
      `INSERT INTO decisions (issuer_organization_id, authority, year, number, number_text, issued_on, signer_name,
                              signer_title, signing_mode, regime, created_by_key_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       RETURNING id`,
      [
        decision.issuerOrganizationId,
        decision.authority,
        decision.year,
        decision.number,
        decision.numberText,
        decision.issuedOn,
        decision.signerName,
        decision.signerTitle,
        decision.signingMode,
        decision.regime,
        decision.createdByKeyId,
      ],
    );
    return rows[0].id;
  }
}
