import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { registerConstraint } from '../common/errors/database-errors.js';
import { replicaQuery } from '../database/replica-reads.js';
import { SqlConditions, unaccentedContains } from '../common/database/sql.js';
import type { AwardCode, Basis, Regime, SigningMode } from '../rules/index.js';
import type { AwardRecipientKind } from './labels.js';

registerConstraint('uq_awards_verification_code', {
  status: HttpStatus.CONFLICT,
  code: 'VERIFICATION_CODE_COLLISION',
  detail: 'Two awards drew the same verification code; retry the request',
});
registerConstraint('uq_awards_nomination_id', {
  status: HttpStatus.CONFLICT,
  code: 'NOMINATION_ALREADY_DECIDED',
  detail: 'A nomination of this decision has already been granted by another decision',
  field: 'nominationIds',
});

/** One award as every read serves it: plain columns, no entity hydration. */
export interface AwardRow {
  id: string;
  year: number;
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: AwardRecipientKind;
  recipientName: string;
  individualId: string | null;
  organizationId: string;
  organizationName: string;
  proposingOrganizationId: string;
  decisionId: string;
  decisionNumber: string;
  issuedOn: string;
  regime: Regime;
  certificateNumber: string | null;
  verificationCode: string;
  /** bigint: PostgreSQL returns it as text. */
  bonusAmount: string;
  revokedAt: Date | null;
  revokedReason: string | null;
}

/** An award row with what its certificate prints about the decision. */
export interface CertificateRow extends AwardRow {
  issuerName: string;
  signerName: string;
  signerTitle: string;
  signingMode: SigningMode;
}

/** A new award, one per nomination of a decision. */
export interface NewAward {
  decisionId: string;
  nominationId: string;
  year: number;
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: AwardRecipientKind;
  individualId: string | null;
  organizationId: string;
  proposingOrganizationId: string;
  recipientName: string;
  organizationName: string;
  issuedOn: string;
  regime: Regime;
  bonusAmount: number;
  verificationCode: string;
}

export interface AwardFilter {
  year?: number;
  fromYear?: number;
  toYear?: number;
  awardCode?: AwardCode;
  /** Awards whose organization is in this organization's subtree (itself included). */
  subtreeOf?: string;
  /** Awards whose organization is exactly this one. */
  organizationId?: string;
  individualId?: string;
  recipientKind?: AwardRecipientKind;
  basis?: Basis;
  q?: string;
  includeRevoked: boolean;
  /** Keyset: the (issuedOn, id) of the last row served. */
  after?: [string, string] | null;
  limit: number;
}

const AWARD_COLUMNS = `
  a.id AS "id",
  a.year AS "year",
  a.award_code AS "awardCode",
  a.basis AS "basis",
  a.recipient_kind AS "recipientKind",
  a.recipient_name AS "recipientName",
  a.individual_id AS "individualId",
  a.organization_id AS "organizationId",
  a.organization_name AS "organizationName",
  a.proposing_organization_id AS "proposingOrganizationId",
  a.decision_id AS "decisionId",
  d.number_text AS "decisionNumber",
  to_char(a.issued_on, 'YYYY-MM-DD') AS "issuedOn",
  a.regime AS "regime",
  a.certificate_number AS "certificateNumber",
  a.verification_code AS "verificationCode",
  a.bonus_amount AS "bonusAmount",
  a.revoked_at AS "revokedAt",
  a.revoked_reason AS "revokedReason"`;

/**
 * The award filters of `GET /awards`, `GET /stats/*` and the histories, applied to the alias `a` (awards).
 * Revoked awards are left out unless `includeRevoked`.
 */
export function applyAwardFilter(where: SqlConditions, filter: Omit<AwardFilter, 'after' | 'limit'>): SqlConditions {
  if (!filter.includeRevoked) where.add('a.revoked_at IS NULL');
  if (filter.year !== undefined) where.add(`a.year = ${where.param(filter.year)}`);
  if (filter.fromYear !== undefined) where.add(`a.year >= ${where.param(filter.fromYear)}`);
  if (filter.toYear !== undefined) where.add(`a.year <= ${where.param(filter.toYear)}`);
  if (filter.awardCode !== undefined) where.add(`a.award_code = ${where.param(filter.awardCode)}`);
  if (filter.recipientKind !== undefined) where.add(`a.recipient_kind = ${where.param(filter.recipientKind)}`);
  if (filter.basis !== undefined) where.add(`a.basis = ${where.param(filter.basis)}`);
  if (filter.individualId !== undefined) where.add(`a.individual_id = ${where.param(filter.individualId)}::uuid`);
  if (filter.organizationId !== undefined) {
    where.add(`a.organization_id = ${where.param(filter.organizationId)}::uuid`);
  }
  if (filter.subtreeOf !== undefined) {
    where.add(
      `a.organization_id IN (SELECT descendant_id FROM organization_closure WHERE ancestor_id = ${where.param(filter.subtreeOf)}::uuid)`,
    );
  }
  if (hasNameSearch(filter)) {
    where.add(unaccentedContains('a.recipient_name', where.param(filter.q.trim())));
  }
  return where;
}

/** Does the filter search by name (a `LIKE` whose best plan depends on the pattern)? */
export function hasNameSearch<F extends Pick<AwardFilter, 'q'>>(filter: F): filter is F & { q: string } {
  return filter.q !== undefined && filter.q.trim() !== '';
}

/**
 * The statement of `AwardsRepository.list`: one keyset page (`limit + 1` rows), newest first by (issued_on, id).
 * The page's ids are chosen first from the filters alone — an index-only scan of the keyset indexes (see the
 * AwardListIndexes migration) — and only those rows are then read, with their decision's number. Exported so the
 * benchmark's floor runs exactly the SQL the service runs.
 */
export function awardListQuery(filter: AwardFilter): { text: string; values: unknown[] } {
  const where = applyAwardFilter(new SqlConditions(), filter);
  if (filter.after) {
    where.add(`(a.issued_on, a.id) < (${where.param(filter.after[0])}::date, ${where.param(filter.after[1])}::uuid)`);
  }
  const limit = where.param(filter.limit + 1);
  return {
    text: `SELECT ${AWARD_COLUMNS}
         FROM (SELECT a.id FROM awards a
                ${where.where()}
                ORDER BY a.issued_on DESC, a.id DESC
                LIMIT ${limit}) page
         JOIN awards a ON a.id = page.id
         JOIN decisions d ON d.id = a.decision_id
        ORDER BY a.issued_on DESC, a.id DESC`,
    values: where.params,
  };
}

/** Every query on `awards`. Reads return plain rows in one statement each (no N+1). */
@Injectable()
export class AwardsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  /**
   * A read of the register: in the caller's transaction when given one, else on a read replica if any, as a
   * prepared statement unless told otherwise (see `RegisterReadOptions`).
   */
  private read<T>(sql: string, parameters: unknown[], manager?: EntityManager, prepared = true): Promise<T> {
    return manager
      ? manager.query<T>(sql, parameters)
      : replicaQuery<T>(this.dataSource, sql, parameters, { prepared });
  }

  /** Keyset page, newest first: (issued_on, id) descending. A name search is planned for its own pattern. */
  list(filter: AwardFilter, manager?: EntityManager): Promise<AwardRow[]> {
    const { text, values } = awardListQuery(filter);
    return this.read<AwardRow[]>(text, values, manager, !hasNameSearch(filter));
  }

  /** Every line of a decision, revoked ones included, by award code, then recipient kind and name. */
  listByDecision(decisionId: string, manager?: EntityManager): Promise<AwardRow[]> {
    return this.manager(manager).query<AwardRow[]>(
      `SELECT ${AWARD_COLUMNS}
         FROM awards a JOIN decisions d ON d.id = a.decision_id
        WHERE a.decision_id = $1
        ORDER BY a.award_code, a.recipient_kind, a.recipient_name, a.id`,
      [decisionId],
    );
  }

  async findById(id: string, manager?: EntityManager): Promise<AwardRow | null> {
    const rows = await this.read<AwardRow[]>(
      `SELECT ${AWARD_COLUMNS} FROM awards a JOIN decisions d ON d.id = a.decision_id WHERE a.id = $1`,
      [id],
      manager,
    );
    return rows[0] ?? null;
  }

  /** The award a certificate's code names, with the decision's issuer and signer. */
  async findCertificate(verificationCode: string): Promise<CertificateRow | null> {
    const rows = await this.read<CertificateRow[]>(
      `SELECT ${AWARD_COLUMNS},
              o.name AS "issuerName",
              d.signer_name AS "signerName",
              d.signer_title AS "signerTitle",
              d.signing_mode AS "signingMode"
         FROM awards a
         JOIN decisions d ON d.id = a.decision_id
         JOIN organizations o ON o.id = d.issuer_organization_id
        WHERE a.verification_code = $1`,
      [verificationCode],
    );
    return rows[0] ?? null;
  }

  /** Inserts the lines of a decision in one statement. */
  async insertMany(awards: NewAward[], manager: EntityManager): Promise<void> {
    if (awards.length === 0) return;
    const columns = [
      'decision_id',
      'nomination_id',
      'year',
      'award_code',
      'basis',
      'recipient_kind',
      'individual_id',
      'organization_id',
      'proposing_organization_id',
      'recipient_name',
      'organization_name',
      'issued_on',
      'regime',
      'bonus_amount',
      'verification_code',
    ];
    const params: unknown[] = [];
    const rows = awards.map((award) => {
      const values = [
        award.decisionId,
        award.nominationId,
        award.year,
        award.awardCode,
        award.basis,
        award.recipientKind,
        award.individualId,
        award.organizationId,
        award.proposingOrganizationId,
        award.recipientName,
        award.organizationName,
        award.issuedOn,
        award.regime,
        award.bonusAmount,
        award.verificationCode,
      ];
      const placeholders = values.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(`INSERT INTO awards (${columns.join(', ')}) VALUES ${rows.join(', ')}`, params);
  }

  /** Locks one line of a decision for a revocation; null when the decision has no such line. */
  async lockInDecision(
    decisionId: string,
    awardId: string,
    manager: EntityManager,
  ): Promise<{ id: string; revokedAt: Date | null } | null> {
    const rows = await manager.query<{ id: string; revokedAt: Date | null }[]>(
      'SELECT id, revoked_at AS "revokedAt" FROM awards WHERE id = $1 AND decision_id = $2 FOR UPDATE',
      [awardId, decisionId],
    );
    return rows[0] ?? null;
  }

  /** R-REVOKE-1: marks the award revoked; the row stays. */
  async revoke(awardId: string, reason: string, actorKeyId: string | null, manager: EntityManager): Promise<void> {
    await manager.query(
      'UPDATE awards SET revoked_at = now(), revoked_reason = $2, revoked_by_key_id = $3 WHERE id = $1',
      [awardId, reason, actorKeyId],
    );
  }

  async individualExists(id: string): Promise<boolean> {
    const rows = await this.dataSource.query<unknown[]>('SELECT 1 FROM individuals WHERE id = $1', [id]);
    return rows.length > 0;
  }
}
