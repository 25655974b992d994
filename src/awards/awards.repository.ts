import { HttpStatus, Injectable } from '@nestjs/common';
import { type Expression, expressionBuilder, type Kysely, sql, type SqlBool } from 'kysely';
import { DataSource } from 'typeorm';
import { unaccentedContains } from '../common/database/expressions.js';
import { registerConstraint } from '../common/errors/database-errors.js';
import { Db } from '../database/db.js';
import { compileTemplate, slot, TemplateCache } from '../database/compiled-template.js';
import { compileOnly, registerRead, replicaQuery } from '../database/replica-reads.js';
import { currentTransactionManager } from '../database/transaction-context.js';
import type { Awards, DB } from '../database/schema.js';
import type { Authority, AwardCode, Basis, Regime, RevocationGround, SigningMode } from '../rules/index.js';
import type { AwardRecipientKind } from './labels.js';
import { issuerNameAsIssued } from '../decisions/issuer-name.js';

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
  periodFrom: number;
  periodTo: number;
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
  /** R-MONEY-3: the award whose bonus covers this one (its own bonus is then 0). */
  bonusPaidWithAwardId: string | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  /** R-REVOKE-1: the revocation decision (null when not revoked, or revoked before revocations were decisions). */
  revocationId: string | null;
  revocationNumber: string | null;
  revocationIssuedOn: string | null;
  revocationGround: RevocationGround | null;
  /** R-REVOKE-1: a prerequisite this award counted was revoked; an approver reviews it. */
  needsReview: boolean;
  /** The register's version in the snapshot the row was read from (list reads only): the page's ETag. */
  registerVersion?: string | null;
}

/** An award row with what its certificate prints about the decision. */
export interface CertificateRow extends AwardRow {
  issuerName: string;
  signerName: string;
  signerTitle: string;
  signingMode: SigningMode;
}

/** An award as the reliance rules (R-REVOKE-1) read it. */
export interface RelianceRow {
  id: string;
  awardCode: AwardCode;
  basis: Basis;
  year: number;
  periodFrom: number;
  periodTo: number;
  issuedOn: string;
  recipientKind: AwardRecipientKind;
  individualId: string | null;
  householdId: string | null;
  organizationId: string;
  source: 'REGISTRY' | 'HISTORY';
  revoked: boolean;
}

/** An award locked for a revocation, with its granting decision. */
export interface AwardForRevocation extends RelianceRow {
  decisionId: string;
  decisionNumber: string;
  /** Null for a history decision whose issuer is not in the registry. */
  grantingIssuerId: string | null;
  grantingIssuerName: string;
  recipientName: string;
  revokedAt: Date | null;
  bonusAmount: string;
}

type RelianceLiterals = Pick<RelianceRow, 'awardCode' | 'basis' | 'recipientKind' | 'source' | 'revoked'>;

function relianceColumns(eb = expressionBuilder<DB & { a: Awards }, 'a'>()) {
  return [
    'a.id as id',
    'a.award_code as awardCode',
    'a.basis as basis',
    'a.year as year',
    'a.period_from as periodFrom',
    'a.period_to as periodTo',
    eb.fn<string>('to_char', ['a.issued_on', sql.lit('YYYY-MM-DD')]).as('issuedOn'),
    'a.recipient_kind as recipientKind',
    'a.individual_id as individualId',
    'a.household_id as householdId',
    'a.organization_id as organizationId',
    'a.source as source',
    eb('a.revoked_at', 'is not', null).as('revoked'),
  ] as const;
}

/** A new award, one per nomination of a decision. */
export interface NewAward {
  decisionId: string;
  /** The decision's number as written (`number_text`): the award carries it for the register's reads. */
  decisionNumber: string;
  nominationId: string;
  year: number;
  /** The nomination's achievement period, copied (Decree 98/2023 Art 30.9). */
  periodFrom: number;
  periodTo: number;
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: AwardRecipientKind;
  individualId: string | null;
  householdId: string | null;
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

/**
 * The select list of `AwardRow`, from `awards a` alone: an award carries its decision's number and its revocation
 * decision's number, date and ground (the AwardDecisionNumbers migration).
 */
function awardColumns(eb = expressionBuilder<DB & { a: Awards }, 'a'>()) {
  return [
    'a.id as id',
    'a.year as year',
    'a.period_from as periodFrom',
    'a.period_to as periodTo',
    'a.award_code as awardCode',
    'a.basis as basis',
    'a.recipient_kind as recipientKind',
    'a.recipient_name as recipientName',
    'a.individual_id as individualId',
    'a.organization_id as organizationId',
    'a.organization_name as organizationName',
    'a.proposing_organization_id as proposingOrganizationId',
    'a.decision_id as decisionId',
    'a.decision_number as decisionNumber',
    eb.fn<string>('to_char', ['a.issued_on', sql.lit('YYYY-MM-DD')]).as('issuedOn'),
    'a.regime as regime',
    'a.certificate_number as certificateNumber',
    'a.verification_code as verificationCode',
    'a.bonus_amount as bonusAmount',
    'a.bonus_paid_with_award_id as bonusPaidWithAwardId',
    'a.revoked_at as revokedAt',
    'a.revoked_reason as revokedReason',
    'a.revocation_id as revocationId',
    'a.revocation_number as revocationNumber',
    eb.fn<string | null>('to_char', ['a.revocation_issued_on', sql.lit('YYYY-MM-DD')]).as('revocationIssuedOn'),
    'a.revocation_ground as revocationGround',
    'a.needs_review as needsReview',
  ] as const;
}

/** What the columns typed as plain text in the schema hold: the values the database checks against the lists. */
type AwardLiterals = Pick<AwardRow, 'awardCode' | 'basis' | 'recipientKind' | 'regime' | 'revocationGround'>;

/**
 * The award filters of `GET /awards`, `GET /stats/*`, the exports and the histories, on the alias `a` (awards), one
 * condition each (the caller ANDs them with `where`). Revoked awards are left out unless `includeRevoked`.
 */
export function awardConditions(filter: Omit<AwardFilter, 'after' | 'limit'>): Expression<SqlBool>[] {
  const eb = expressionBuilder<DB & { a: Awards }, 'a'>();
  const conditions: Expression<SqlBool>[] = [];
  if (!filter.includeRevoked) conditions.push(eb('a.revoked_at', 'is', null));
  if (filter.year !== undefined) conditions.push(eb('a.year', '=', filter.year));
  if (filter.fromYear !== undefined) conditions.push(eb('a.year', '>=', filter.fromYear));
  if (filter.toYear !== undefined) conditions.push(eb('a.year', '<=', filter.toYear));
  if (filter.awardCode !== undefined) conditions.push(eb('a.award_code', '=', filter.awardCode));
  if (filter.recipientKind !== undefined) conditions.push(eb('a.recipient_kind', '=', filter.recipientKind));
  if (filter.basis !== undefined) conditions.push(eb('a.basis', '=', filter.basis));
  if (filter.individualId !== undefined) {
    conditions.push(eb('a.individual_id', '=', sql<string>`${filter.individualId}::uuid`));
  }
  if (filter.organizationId !== undefined) {
    conditions.push(eb('a.organization_id', '=', sql<string>`${filter.organizationId}::uuid`));
  }
  if (filter.subtreeOf !== undefined) {
    conditions.push(
      eb(
        'a.organization_id',
        'in',
        eb
          .selectFrom('organization_closure')
          .select('descendant_id')
          .where('ancestor_id', '=', sql<string>`${filter.subtreeOf}::uuid`),
      ),
    );
  }
  if (hasNameSearch(filter)) conditions.push(unaccentedContains(eb.ref('a.recipient_name'), filter.q.trim()));
  return conditions;
}

/** Does the filter search by name (a `LIKE` whose best plan depends on the pattern)? */
export function hasNameSearch<F extends Pick<AwardFilter, 'q'>>(filter: F): filter is F & { q: string } {
  return filter.q !== undefined && filter.q.trim() !== '';
}

/**
 * The statement of `AwardsRepository.list`: one keyset page (`limit + 1` rows), newest first by (issued_on, id).
 * The page's ids are chosen first from the filters alone — an index-only scan of the keyset indexes (see the
 * AwardListIndexes migration) — and only those rows are then read. A person's history is read directly: its few
 * rows come from the person's index, and choosing ids first would read each of them twice.
 */
export function awardListSelect(db: Kysely<DB>, filter: AwardFilter) {
  return awardPageSelect(db, filter, filter.limit + 1);
}

/** `awardListSelect` with the number of rows to fetch given apart (a template binds it as a value). */
function awardPageSelect(db: Kysely<DB>, filter: Omit<AwardFilter, 'limit'>, fetch: number) {
  if (filter.individualId !== undefined && !hasNameSearch(filter)) return personPage(db, filter, fetch);
  const page = usesUnitLateral(filter) ? subtreePageIds(db, filter, fetch) : pageIds(db, filter, fetch);
  return db
    .selectFrom(page.as('page'))
    .innerJoin('awards as a', 'a.id', 'page.id')
    .select(awardColumns())
    .select((eb) => eb.selectFrom('register_version').select('version').as('registerVersion'))
    .$narrowType<AwardLiterals>()
    .orderBy('a.issued_on', 'desc')
    .orderBy('a.id', 'desc');
}

/** One page of a person's awards, read from `awards` alone by the person's index. */
function personPage(db: Kysely<DB>, filter: Omit<AwardFilter, 'limit'>, fetch: number) {
  let page = db
    .selectFrom('awards as a')
    .select(awardColumns())
    .select((eb) => eb.selectFrom('register_version').select('version').as('registerVersion'))
    .$narrowType<AwardLiterals>();
  for (const condition of awardConditions(filter)) page = page.where(condition);
  if (filter.after) page = page.where(beforeCursor(filter.after));
  return page.orderBy('a.issued_on', 'desc').orderBy('a.id', 'desc').limit(fetch);
}

/**
 * A subtree page is chosen unit by unit (see `subtreePageIds`), except for a name search: its trigram index finds
 * the few matching names of the whole register faster than a scan of every unit.
 */
function usesUnitLateral(filter: Omit<AwardFilter, 'limit'>): filter is typeof filter & { subtreeOf: string } {
  return filter.subtreeOf !== undefined && !hasNameSearch(filter);
}

/** `(issued_on, id) < cursor` on the alias `a`: the keyset condition, a range of the keyset index. */
function beforeCursor(after: [string, string]) {
  const eb = expressionBuilder<DB & { a: Awards }, 'a'>();
  return eb(
    eb.refTuple('a.issued_on', 'a.id'),
    '<',
    eb.tuple(sql<Date>`${after[0]}::date`, sql<string>`${after[1]}::uuid`),
  );
}

/** The ids of one page, newest first, from every award the filters admit. */
function pageIds(db: Kysely<DB>, filter: Omit<AwardFilter, 'limit'>, fetch: number) {
  let page = db.selectFrom('awards as a').select('a.id');
  for (const condition of awardConditions(filter)) page = page.where(condition);
  if (filter.after) page = page.where(beforeCursor(filter.after));
  return page.orderBy('a.issued_on', 'desc').orderBy('a.id', 'desc').limit(fetch);
}

/**
 * The ids of one page of a subtree: the newest `fetch` of each unit of the subtree (with `year` and `awardCode`,
 * a backward scan of the keyset index that stops there), then the newest `fetch` of those. The same rows as
 * `pageIds` — each award is in exactly one unit, and the page's rows are among its unit's newest — but a page
 * reads at most `fetch` entries per unit instead of every matching entry of the subtree.
 */
function subtreePageIds(db: Kysely<DB>, filter: Omit<AwardFilter, 'limit'> & { subtreeOf: string }, fetch: number) {
  const { subtreeOf, after, ...unitFilter } = filter;
  return db
    .selectFrom('organization_closure as c')
    .crossJoinLateral((eb) => {
      let unit = eb
        .selectFrom('awards as a')
        .select(['a.id', 'a.issued_on'])
        .whereRef('a.organization_id', '=', 'c.descendant_id');
      for (const condition of awardConditions(unitFilter)) unit = unit.where(condition);
      if (after) unit = unit.where(beforeCursor(after));
      return unit.orderBy('a.issued_on', 'desc').orderBy('a.id', 'desc').limit(fetch).as('u');
    })
    .select('u.id')
    .where('c.ancestor_id', '=', sql<string>`${subtreeOf}::uuid`)
    .orderBy('u.issued_on', 'desc')
    .orderBy('u.id', 'desc')
    .limit(fetch);
}

/** The values of an award list that are bound as parameters (the rest of the filter decides the shape). */
const LIST_VALUES = [
  'year',
  'fromYear',
  'toYear',
  'awardCode',
  'subtreeOf',
  'organizationId',
  'individualId',
  'recipientKind',
  'basis',
] as const satisfies readonly (keyof AwardFilter)[];
type ListSlot = (typeof LIST_VALUES)[number] | 'afterOn' | 'afterId' | 'fetch';

const listTemplates = new TemplateCache<ListSlot>();

/**
 * `awardListSelect` compiled once per shape (which filters are present, revoked ones or not, a cursor or not),
 * its parameters bound for this filter. Not for a name search, whose statement is planned for its pattern.
 */
export function awardListStatement(filter: AwardFilter): { text: string; values: unknown[] } {
  const present = LIST_VALUES.filter((key) => filter[key] !== undefined);
  const after = filter.after ?? null;
  const shape = `${present.join(',')}|${filter.includeRevoked ? 'r' : ''}|${after ? 'c' : ''}`;
  const template = listTemplates.get(shape, () => {
    const slots: Omit<AwardFilter, 'limit'> = { includeRevoked: filter.includeRevoked };
    for (const key of present) Object.assign(slots, { [key]: slot(key) });
    if (after) slots.after = [slot('afterOn'), slot('afterId')];
    const keys: ListSlot[] = [...present, ...(after ? (['afterOn', 'afterId'] as const) : []), 'fetch'];
    return compileTemplate(awardPageSelect(compileOnly, slots, slot('fetch')), keys);
  });
  return {
    text: template.sql,
    values: template.bind({ ...filter, afterOn: after?.[0], afterId: after?.[1], fetch: filter.limit + 1 }),
  };
}

/** `awardListSelect` as SQL text and values: the benchmark's floor runs exactly the statement the service runs. */
export function awardListQuery(filter: AwardFilter): { text: string; values: unknown[] } {
  const compiled = awardListSelect(compileOnly, filter).compile();
  return { text: compiled.sql, values: [...compiled.parameters] };
}

/**
 * Every query on `awards`. Reads return plain rows in one statement each (no N+1). The register's reads go to a
 * replica as prepared statements (`registerRead`) unless they run inside a transaction, which they then join.
 */
@Injectable()
export class AwardsRepository {
  constructor(
    private readonly db: Db,
    private readonly dataSource: DataSource,
  ) {}

  /** Awards as `AwardRow`s: every column a reader sees is on the award itself. */
  private awardRows() {
    return this.db.selectFrom('awards as a').select(awardColumns()).$narrowType<AwardLiterals>();
  }

  /** Keyset page, newest first: (issued_on, id) descending. A name search is planned for its own pattern. */
  list(filter: AwardFilter): Promise<AwardRow[]> {
    if (hasNameSearch(filter) || currentTransactionManager() !== undefined) {
      return registerRead(this.dataSource, awardListSelect(this.db, filter), { prepared: !hasNameSearch(filter) });
    }
    const statement = awardListStatement(filter);
    return replicaQuery<AwardRow[]>(this.dataSource, statement.text, statement.values, { prepared: true });
  }

  /** Every line of a decision, revoked ones included, by award code, then recipient kind and name. */
  listByDecision(decisionId: string): Promise<AwardRow[]> {
    return this.awardRows()
      .where('a.decision_id', '=', decisionId)
      .orderBy('a.award_code')
      .orderBy('a.recipient_kind')
      .orderBy('a.recipient_name')
      .orderBy('a.id')
      .execute();
  }

  async findById(id: string): Promise<AwardRow | null> {
    const rows = await registerRead(this.dataSource, this.awardRows().where('a.id', '=', id), { prepared: true });
    return rows[0] ?? null;
  }

  /** The award a certificate's code names, with the decision's issuer and signer. */
  async findCertificate(verificationCode: string): Promise<CertificateRow | null> {
    const query = this.awardRows()
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .leftJoin('organizations as o', 'o.id', 'd.issuer_organization_id')
      .select([
        issuerNameAsIssued().as('issuerName'),
        'd.signer_name as signerName',
        'd.signer_title as signerTitle',
        'd.signing_mode as signingMode',
      ])
      .$narrowType<Pick<CertificateRow, 'signingMode'>>()
      .where('a.verification_code', '=', verificationCode);
    const rows = await registerRead(this.dataSource, query, { prepared: true });
    return rows[0] ?? null;
  }

  /**
   * R-MONEY-3: the title awards (not revoked) of these recipients in these years, with what their bonus was computed
   * from (the decision's authority). Individuals by id, collectives by organization.
   */
  titleAwardsOf(
    recipients: { individualIds: string[]; organizationIds: string[] },
    years: number[],
    titleCodes: readonly string[],
  ) {
    return this.db
      .selectFrom('awards as a')
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .select((eb) => [
        'a.id as id',
        'a.award_code as awardCode',
        'a.recipient_kind as recipientKind',
        'a.individual_id as individualId',
        'a.organization_id as organizationId',
        'a.year as year',
        eb.fn<string>('to_char', ['a.issued_on', sql.lit('YYYY-MM-DD')]).as('issuedOn'),
        'd.authority as authority',
        'a.bonus_amount as bonusAmount',
        'a.bonus_paid_with_award_id as bonusPaidWithAwardId',
      ])
      .$narrowType<{ awardCode: AwardCode; recipientKind: AwardRecipientKind; authority: Authority }>()
      .where('a.revoked_at', 'is', null)
      .where('a.award_code', 'in', [...titleCodes])
      .where('a.year', 'in', years)
      .where((eb) =>
        eb.or([
          eb('a.individual_id', '=', sql<string>`ANY(${recipients.individualIds}::uuid[])`),
          eb.and([
            eb('a.recipient_kind', '=', 'COLLECTIVE'),
            eb('a.organization_id', '=', sql<string>`ANY(${recipients.organizationIds}::uuid[])`),
          ]),
        ]),
      )
      .orderBy('a.issued_on')
      .orderBy('a.id')
      .execute();
  }

  /** R-MONEY-3: sets what an award's bonus is, and which award's bonus covers it instead. */
  async setBonus(awardId: string, bonusAmount: number, paidWithAwardId: string | null): Promise<void> {
    await this.db
      .updateTable('awards')
      .set({ bonus_amount: bonusAmount, bonus_paid_with_award_id: paidWithAwardId })
      .where('id', '=', awardId)
      .execute();
  }

  /** Inserts the lines of a decision in one statement; returns each line's award id by nomination id. */
  async insertMany(awards: NewAward[]): Promise<Map<string, string>> {
    if (awards.length === 0) return new Map();
    const rows = await this.db
      .insertInto('awards')
      .values(
        awards.map((award) => ({
          decision_id: award.decisionId,
          decision_number: award.decisionNumber,
          nomination_id: award.nominationId,
          year: award.year,
          period_from: award.periodFrom,
          period_to: award.periodTo,
          award_code: award.awardCode,
          basis: award.basis,
          recipient_kind: award.recipientKind,
          individual_id: award.individualId,
          household_id: award.householdId,
          organization_id: award.organizationId,
          proposing_organization_id: award.proposingOrganizationId,
          recipient_name: award.recipientName,
          organization_name: award.organizationName,
          issued_on: award.issuedOn,
          regime: award.regime,
          bonus_amount: award.bonusAmount,
          verification_code: award.verificationCode,
        })),
      )
      .returning(['id', 'nomination_id as nominationId'])
      .execute();
    return new Map(rows.map((row) => [row.nominationId as string, row.id]));
  }

  /**
   * The awards of a staged history import, each on the history decision of its row (same import, issuer, year and
   * number as written), marked `source: HISTORY`. Returns how many were inserted.
   */
  async insertHistory(importId: string, fileHash: string): Promise<number> {
    const result = await this.db
      .insertInto('awards')
      .columns([
        'decision_id',
        'decision_number',
        'year',
        'period_from',
        'period_to',
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
        'source',
      ])
      .expression((eb) =>
        eb
          .selectFrom('history_import_rows as s')
          .innerJoin('decisions as d', (join) =>
            join
              .on('d.history_import_hash', '=', fileHash)
              .onRef('d.number_text', '=', 's.decision_number')
              .on('d.year', '=', sql<number>`extract(year FROM s.issued_on)::int`)
              .on((on) =>
                on.or([
                  on('d.issuer_organization_id', '=', on.ref('s.issuer_organization_id')),
                  on.and([
                    on('s.issuer_organization_id', 'is', null),
                    on('d.issuer_organization_id', 'is', null),
                    on(sql`lower(d.issuer_name)`, '=', sql`lower(s.issuer_name)`),
                  ]),
                ]),
              ),
          )
          .select((q) => [
            'd.id',
            'd.number_text',
            's.year',
            's.period_from',
            's.period_to',
            's.award_code',
            's.basis',
            q
              .case()
              .when('s.individual_id', 'is', null)
              .then(sql.lit('COLLECTIVE'))
              .else(sql.lit('INDIVIDUAL'))
              .end()
              .as('recipient_kind'),
            's.individual_id',
            q.fn
              .coalesce('s.organization_id', sql<string>`NULL::uuid`)
              .$notNull()
              .as('organization_id'),
            q.fn
              .coalesce('s.organization_id', sql<string>`NULL::uuid`)
              .$notNull()
              .as('proposing_organization_id'),
            q.fn
              .coalesce('s.recipient_name', sql<string>`NULL::text`)
              .$notNull()
              .as('recipient_name'),
            q.fn
              .coalesce('s.organization_name', sql<string>`NULL::text`)
              .$notNull()
              .as('organization_name'),
            's.issued_on',
            's.regime',
            's.bonus_amount',
            's.verification_code',
            sql.lit('HISTORY').as('source'),
          ])
          .where('s.import_id', '=', importId),
      )
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }

  /** The recipients (individual, household, or the collective's organization id) of these awards, unlocked. */
  async recipientsOf(ids: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .selectFrom('awards as a')
      .select((eb) =>
        eb.fn.coalesce('a.individual_id', 'a.household_id', 'a.organization_id').$notNull().as('recipient'),
      )
      .where('a.id', '=', sql<string>`ANY(${[...ids]}::uuid[])`)
      .execute();
    return rows.map((row) => row.recipient);
  }

  /**
   * R-REVOKE-1: locks the awards a revocation names (`FOR UPDATE`, in id order so two revocations never wait in a
   * cycle), with what the revocation checks: the granting decision's issuer and date, and the award's own facts.
   */
  lockForRevocation(ids: readonly string[]): Promise<AwardForRevocation[]> {
    return this.db
      .selectFrom('awards as a')
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .leftJoin('organizations as o', 'o.id', 'd.issuer_organization_id')
      .select((eb) => [
        ...relianceColumns(),
        'a.decision_id as decisionId',
        'd.number_text as decisionNumber',
        'd.issuer_organization_id as grantingIssuerId',
        eb.fn.coalesce('d.issuer_name', 'o.name').$notNull().as('grantingIssuerName'),
        'a.recipient_name as recipientName',
        'a.revoked_at as revokedAt',
        'a.bonus_amount as bonusAmount',
      ])
      .$narrowType<RelianceLiterals>()
      .where('a.id', '=', sql<string>`ANY(${[...ids]}::uuid[])`)
      .orderBy('a.id')
      .forUpdate('a')
      .execute();
  }

  /**
   * R-REVOKE-1: the awards of these recipients of the codes that may count an earlier award (`dependentCodes`),
   * not revoked: the candidates the reliance rules judge. Individuals, collectives and households by id.
   */
  relianceCandidates(
    recipients: { individualIds: string[]; organizationIds: string[]; householdIds: string[] },
    dependentCodes: readonly string[],
  ): Promise<RelianceRow[]> {
    return this.db
      .selectFrom('awards as a')
      .select(relianceColumns())
      .$narrowType<RelianceLiterals>()
      .where('a.revoked_at', 'is', null)
      .where('a.award_code', 'in', [...dependentCodes])
      .where((eb) =>
        eb.or([
          eb('a.individual_id', '=', sql<string>`ANY(${recipients.individualIds}::uuid[])`),
          eb('a.household_id', '=', sql<string>`ANY(${recipients.householdIds}::uuid[])`),
          eb.and([
            eb('a.recipient_kind', '=', 'COLLECTIVE'),
            eb('a.organization_id', '=', sql<string>`ANY(${recipients.organizationIds}::uuid[])`),
          ]),
        ]),
      )
      .orderBy('a.id')
      .execute();
  }

  /** R-REVOKE-1: marks the awards revoked by `revocationId`, in one statement; the rows stay. */
  async revokeMany(ids: readonly string[], revocationId: string, reason: string, actorKeyId: string | null) {
    await this.db
      .updateTable('awards')
      .from('revocations as r')
      .set((eb) => ({
        revoked_at: sql`now()`,
        revoked_reason: reason,
        revoked_by_key_id: actorKeyId,
        revocation_id: eb.ref('r.id'),
        revocation_number: eb.ref('r.number_text'),
        revocation_issued_on: eb.ref('r.issued_on'),
        revocation_ground: eb.ref('r.ground'),
        needs_review: false,
      }))
      .where('r.id', '=', revocationId)
      .where('awards.id', '=', sql<string>`ANY(${[...ids]}::uuid[])`)
      .execute();
  }

  /** R-REVOKE-1: flags awards that counted one revoked by `revocationId`, in one statement. */
  async flagForReview(ids: readonly string[], revocationId: string): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .updateTable('awards')
      .set({ needs_review: true, review_revocation_id: revocationId })
      .where('id', '=', sql<string>`ANY(${[...ids]}::uuid[])`)
      .execute();
  }

  /** Clears the review flag of an award after its review; false when it was not flagged (or does not exist). */
  async clearReview(id: string): Promise<boolean> {
    const result = await this.db
      .updateTable('awards')
      .set({ needs_review: false })
      .where('id', '=', id)
      .where('needs_review', '=', true)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The awards a revocation revoked (`revoked`) or flagged for review (`flagged`), by decision date and id. */
  listByRevocation(revocationId: string, which: 'revoked' | 'flagged'): Promise<AwardRow[]> {
    const column = which === 'revoked' ? 'a.revocation_id' : 'a.review_revocation_id';
    return this.awardRows().where(column, '=', revocationId).orderBy('a.issued_on').orderBy('a.id').execute();
  }

  /** The reliance facts of awards by id (for a revocation's read). */
  relianceFacts(ids: readonly string[]): Promise<RelianceRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('awards as a')
      .select(relianceColumns())
      .$narrowType<RelianceLiterals>()
      .where('a.id', '=', sql<string>`ANY(${[...ids]}::uuid[])`)
      .execute();
  }

  async individualExists(id: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('individuals')
      .select(sql<number>`1`.as('one'))
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }
}
