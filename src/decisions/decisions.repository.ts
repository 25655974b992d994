import { HttpStatus, Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { registerConstraint } from '../common/errors/database-errors.js';
import { Db } from '../database/db.js';
import { lockAdvisory } from '../nominations/query-helpers.js';
import type { Authority, AwardCode, Basis, NominationStatus, Regime, SigningMode } from '../rules/index.js';
import { issuerNameAsIssued } from './issuer-name.js';

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
  /** Null for a history decision whose issuer is not an organization of the registry. */
  issuerId: string | null;
  /** The issuer as written on a history decision, else the organization's name. */
  issuerName: string;
  issuerSymbol: string | null;
  source: 'REGISTRY' | 'HISTORY';
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
  periodFrom: number;
  periodTo: number;
  awardCode: AwardCode;
  basis: Basis;
  /** The criterion claimed and its justification: the decision re-judges the line on them. */
  criterion: string | null;
  justification: string | null;
  recipientKind: 'INDIVIDUAL' | 'COLLECTIVE' | 'HOUSEHOLD';
  individualId: string | null;
  /** The nominated collective. */
  nomineeOrganizationId: string | null;
  /** The nominated household, its head and its commune. */
  householdId: string | null;
  householdName: string | null;
  householdOrganizationId: string | null;
  householdOrganizationName: string | null;
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
  constructor(private readonly db: Db) {}

  /** A decision with its issuer and its number of lines. */
  private selectDecisions() {
    return this.db
      .selectFrom('decisions as d')
      .leftJoin('organizations as o', 'o.id', 'd.issuer_organization_id')
      .select((eb) => [
        'd.id as id',
        'd.number as number',
        'd.number_text as numberText',
        'd.year as year',
        eb.fn<string>('to_char', ['d.issued_on', sql.lit('YYYY-MM-DD')]).as('issuedOn'),
        'd.issuer_organization_id as issuerId',
        issuerNameAsIssued().as('issuerName'),
        'o.document_symbol as issuerSymbol',
        'd.source as source',
        'd.authority as authority',
        'd.signer_name as signerName',
        'd.signer_title as signerTitle',
        'd.signing_mode as signingMode',
        'd.regime as regime',
        'd.created_at as createdAt',
        eb
          .selectFrom('awards as a')
          .select(sql<number>`count(*)::int`.as('count'))
          .whereRef('a.decision_id', '=', 'd.id')
          .$asScalar()
          .$notNull()
          .as('awardCount'),
      ])
      .$narrowType<Pick<DecisionRow, 'authority' | 'signingMode' | 'regime' | 'source'>>();
  }

  async findById(id: string): Promise<DecisionRow | null> {
    return (await this.selectDecisions().where('d.id', '=', id).executeTakeFirst()) ?? null;
  }

  /** Keyset page, newest first: (issued_on, id) descending (index `ix_decisions_issued_on`). */
  list(filter: DecisionFilter): Promise<DecisionRow[]> {
    let query = this.selectDecisions();
    if (filter.issuerOrganizationId !== undefined) {
      query = query.where('d.issuer_organization_id', '=', sql<string>`${filter.issuerOrganizationId}::uuid`);
    }
    if (filter.year !== undefined) query = query.where('d.year', '=', filter.year);
    if (filter.authority !== undefined) query = query.where('d.authority', '=', filter.authority);
    const after = filter.after;
    if (after) {
      query = query.where((eb) =>
        eb(
          eb.refTuple('d.issued_on', 'd.id'),
          '<',
          eb.tuple(sql<Date>`${after[0]}::date`, sql<string>`${after[1]}::uuid`),
        ),
      );
    }
    return query
      .orderBy('d.issued_on', 'desc')
      .orderBy('d.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
  }

  /**
   * The decisions of a staged history import (`history_import_rows`), one per issuer (the registry's organization,
   * else the name as written), year and number as written; their date, authority and signer from the first row.
   * Returns how many were inserted.
   */
  async insertHistory(importId: string, fileHash: string): Promise<number> {
    const result = await this.db
      .insertInto('decisions')
      .columns([
        'issuer_organization_id',
        'issuer_name',
        'authority',
        'year',
        'number',
        'number_text',
        'issued_on',
        'signer_name',
        'signer_title',
        'signing_mode',
        'regime',
        'source',
        'history_import_hash',
      ])
      .expression((eb) =>
        eb
          .selectFrom('history_import_rows as s')
          .distinctOn([
            sql`coalesce(s.issuer_organization_id::text, lower(s.issuer_name))`,
            sql`extract(year FROM s.issued_on)`,
            's.decision_number',
          ])
          .select([
            's.issuer_organization_id',
            's.issuer_name',
            's.authority',
            sql<number>`extract(year FROM s.issued_on)::int`.as('year'),
            's.number',
            's.decision_number',
            's.issued_on',
            's.signer_name',
            's.signer_title',
            sql.lit('DIRECT').as('signing_mode'),
            's.regime',
            sql.lit('HISTORY').as('source'),
            sql<string>`${fileHash}::text`.as('history_import_hash'),
          ])
          .where('s.import_id', '=', importId)
          .orderBy(sql`coalesce(s.issuer_organization_id::text, lower(s.issuer_name))`)
          .orderBy(sql`extract(year FROM s.issued_on)`)
          .orderBy('s.decision_number')
          .orderBy('s.row'),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  /**
   * Locks the nominations (`FOR UPDATE`, in id order so concurrent decisions cannot deadlock) and returns them
   * with the nominee's name and unit as of now. Unknown ids are simply missing from the result.
   */
  lockNominations(ids: string[]): Promise<NominationForDecision[]> {
    return this.db
      .selectFrom('nominations as n')
      .leftJoin('individuals as i', 'i.id', 'n.individual_id')
      .leftJoin('organizations as io', 'io.id', 'i.organization_id')
      .leftJoin('organizations as o', 'o.id', 'n.organization_id')
      .leftJoin('households as h', 'h.id', 'n.household_id')
      .leftJoin('organizations as ho', 'ho.id', 'h.organization_id')
      .select([
        'n.id as id',
        'n.status as status',
        'n.year as year',
        'n.period_from as periodFrom',
        'n.period_to as periodTo',
        'n.award_code as awardCode',
        'n.basis as basis',
        'n.criterion as criterion',
        'n.justification as justification',
        'n.recipient_kind as recipientKind',
        'n.individual_id as individualId',
        'n.organization_id as nomineeOrganizationId',
        'n.proposing_organization_id as proposingOrganizationId',
        'i.full_name as individualName',
        'i.organization_id as individualOrganizationId',
        'io.name as individualOrganizationName',
        'o.name as collectiveName',
        'n.household_id as householdId',
        'h.head_name as householdName',
        'h.organization_id as householdOrganizationId',
        'ho.name as householdOrganizationName',
      ])
      .$narrowType<Pick<NominationForDecision, 'status' | 'awardCode' | 'basis' | 'recipientKind'>>()
      .where('n.id', '=', sql<string>`ANY(${ids}::uuid[])`)
      .orderBy('n.id')
      .forUpdate('n')
      .execute();
  }

  /** R-HOLD-1: open cases per subject — an individual or a collective, by its id (only those with any). */
  async openHolds(subjectIds: string[]): Promise<Map<string, number>> {
    if (subjectIds.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('disciplinary_cases')
      .select((eb) => [
        eb.fn.coalesce('individual_id', 'organization_id').$castTo<string>().as('subjectId'),
        sql<number>`count(*)::int`.as('count'),
      ])
      .where((eb) =>
        eb.or([
          eb('individual_id', '=', sql<string>`ANY(${subjectIds}::uuid[])`),
          eb('organization_id', '=', sql<string>`ANY(${subjectIds}::uuid[])`),
        ]),
      )
      .where('closed_on', 'is', null)
      .groupBy(['individual_id', 'organization_id'])
      .execute();
    return new Map(rows.map((row) => [row.subjectId, row.count]));
  }

  /**
   * Serialises the number series of one issuer and year until the transaction ends (R-NUM-1). Whoever holds
   * it sees every decision committed before it got the lock, so `max + 1` is gapless and unique, and a refused
   * decision (rolled back) leaves no gap.
   */
  async lockNumberSeries(issuerOrganizationId: string, year: number): Promise<void> {
    await sql`SELECT pg_advisory_xact_lock(hashtext(${NUMBER_SERIES_LOCK_NAMESPACE}), hashtext(${`${issuerOrganizationId}:${year}`}))`.execute(
      this.db,
    );
  }

  /**
   * R-MONEY-3: serialises the bonuses of these recipients (individual or organization ids) until the transaction
   * ends, so two decisions never both pay titles of one recipient's period. Sorted, so they cannot deadlock.
   */
  async lockRecipientBonuses(recipientIds: string[]): Promise<void> {
    await lockAdvisory(
      this.db,
      [...new Set(recipientIds)].sort().map((id) => `awards:bonus:${id}`),
    );
  }

  /**
   * The next number of the series; call under `lockNumberSeries`. Revocation decisions (R-REVOKE-1) are decisions of
   * the same register, so they take numbers of the same series.
   */
  async nextNumber(issuerOrganizationId: string, year: number): Promise<number> {
    const used = this.db
      .selectFrom('decisions')
      .select('number')
      .where('issuer_organization_id', '=', issuerOrganizationId)
      .where('year', '=', year)
      .unionAll(
        this.db
          .selectFrom('revocations')
          .select('number')
          .where('issuer_organization_id', '=', issuerOrganizationId)
          .where('year', '=', year),
      );
    const row = await this.db
      .selectFrom(used.as('used'))
      .select((eb) => eb(eb.fn.coalesce(eb.fn.max('used.number'), eb.lit(0)), '+', 1).as('next'))
      .executeTakeFirstOrThrow();
    return Number(row.next);
  }

  /**
   * The decision (an award decision or a revocation, R-REVOKE-1: one register) already numbered `number` by this
   * issuer in this year, if any.
   */
  async findByNumber(
    issuerOrganizationId: string,
    year: number,
    number: number,
  ): Promise<{ id: string; numberText: string; kind: 'DECISION' | 'REVOCATION' } | null> {
    const row = await this.db
      .selectFrom('decisions')
      .select(['id', 'number_text as numberText', sql<'DECISION' | 'REVOCATION'>`'DECISION'`.as('kind')])
      .where('issuer_organization_id', '=', issuerOrganizationId)
      .where('year', '=', year)
      .where('number', '=', number)
      .unionAll(
        this.db
          .selectFrom('revocations')
          .select(['id', 'number_text as numberText', sql<'DECISION' | 'REVOCATION'>`'REVOCATION'`.as('kind')])
          .where('issuer_organization_id', '=', issuerOrganizationId)
          .where('year', '=', year)
          .where('number', '=', number),
      )
      .executeTakeFirst();
    return row ?? null;
  }

  async insert(decision: NewDecision): Promise<string> {
    const row = await this.db
      .insertInto('decisions')
      .values({
        issuer_organization_id: decision.issuerOrganizationId,
        authority: decision.authority,
        year: decision.year,
        number: decision.number,
        number_text: decision.numberText,
        issued_on: decision.issuedOn,
        signer_name: decision.signerName,
        signer_title: decision.signerTitle,
        signing_mode: decision.signingMode,
        regime: decision.regime,
        created_by_key_id: decision.createdByKeyId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }
}
