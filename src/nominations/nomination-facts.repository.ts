import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { compileTemplate, slot, TemplateCache, type CompiledTemplate } from '../database/compiled-template.js';
import { Db, runTemplate } from '../database/db.js';
import {
  memberHolds,
  MEMBER_AWARD_CODES,
  RULE_SETS,
  type AwardCode,
  type AwardHistoryItem,
  type Basis,
  type CollectiveMember,
  type DisciplinaryMeasure,
  type IndividualFacts,
  type InitiativeLevel,
  type NominationFacts,
  type NominationStatus,
  type Rating,
  type RecipientKind,
} from '../rules/index.js';
import { anyOf, isoDate } from '../common/database/expressions.js';
import type { CouncilVote } from './council-vote.js';
import { latestVotesQuery } from './nominations.repository.js';
import { advisoryLocks } from './query-helpers.js';

type FactSlot = 'people' | 'collectives' | 'votes' | 'locks';

/** What to load facts for: one nomination (stored or not). */
export interface FactsRequest {
  /** The caller's key for the result map (e.g. the nomination id or a row number). */
  key: string;
  year: number;
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: RecipientKind;
  individualId?: string | null;
  organizationId?: string | null;
  /** The nomination being evaluated: the rules never count it against itself. */
  excludeNominationId?: string;
  /** The achievement period claimed; absent: the default of the code and year. */
  periodFrom?: number | null;
  periodTo?: number | null;
  /** The criterion claimed (Law 2022 Art 73.1, 74.1) and its justification. */
  criterion?: string | null;
  justification?: string | null;
  /** The (expected) decision date, YYYY-MM-DD: rules in force from a date inside a regime read it. */
  decisionOn?: string;
}

/** Codes whose rules look at the members of the nominated collective (R-TTTT-1, R-TTXS-1). */
const MEMBER_RULES = new Set(['R-TTTT-1', 'R-TTXS-1']);
function needsMembers(code: AwardCode): boolean {
  return Object.values(RULE_SETS).some((set) => set[code].some((id) => MEMBER_RULES.has(id)));
}

interface HistoryRow {
  source: 'AWARD' | 'NOMINATION';
  individual_id: string | null;
  organization_id: string | null;
  recipient_kind: 'INDIVIDUAL' | 'COLLECTIVE';
  nomination_id: string | null;
  award_code: AwardCode;
  year: number;
  basis: Basis;
  revoked: boolean;
  status: NominationStatus | null;
  period_from: number;
  period_to: number;
}

interface MemberRow {
  collective_id: string;
  year: number;
  rating: Rating | null;
  history: RecordRow[];
}

/** A row of a recipient's record without the recipient columns. */
type RecordRow = Omit<HistoryRow, 'individual_id' | 'organization_id' | 'recipient_kind'>;

/** The rows of the facts statement, each set as a JSON array. */
interface FactSets {
  people: { id: string; recruited_on: string | null }[];
  ratings: { individual_id: string; year: number; rating: Rating }[];
  initiatives: { individual_id: string; year: number; level: InitiativeLevel }[];
  cases: {
    individual_id: string | null;
    organization_id: string | null;
    open: boolean;
    measure: DisciplinaryMeasure | null;
    measure_from: string | null;
    measure_to: string | null;
  }[];
  history: HistoryRow[];
  /** The latest vote on each nomination asked for (`loadWithVotes`); its times arrive as text through JSON. */
  votes: (Omit<CouncilVote, 'createdAt'> & { createdAt: string })[];
  /** The nominated collectives' names and lives (R-ORG-1). */
  collectives: { id: string; name: string; valid_from: string | null; valid_to: string | null }[];
}
const NO_FACTS: FactSets = {
  people: [],
  ratings: [],
  initiatives: [],
  cases: [],
  history: [],
  votes: [],
  collectives: [],
};

/**
 * The record of every nominee, as stored: all their awards (revoked or not) and all their nominations (any status).
 * Nothing here decides what counts: the rules do (`countedAwards`, `duplicateClashes` in src/rules).
 */
function historyQuery(db: Db, individualIds: readonly string[], collectiveIds: readonly string[]) {
  return db
    .selectFrom('awards as a')
    .select((eb) => [
      sql.lit('AWARD').$castTo<'AWARD' | 'NOMINATION'>().as('source'),
      'a.individual_id',
      eb.ref('a.organization_id').$castTo<string | null>().as('organization_id'),
      eb.ref('a.recipient_kind').$castTo<'INDIVIDUAL' | 'COLLECTIVE'>().as('recipient_kind'),
      sql<string | null>`NULL::uuid`.as('nomination_id'),
      eb.ref('a.award_code').$castTo<AwardCode>().as('award_code'),
      'a.year',
      eb.ref('a.basis').$castTo<Basis>().as('basis'),
      eb('a.revoked_at', 'is not', null).$castTo<boolean>().as('revoked'),
      sql<NominationStatus | null>`NULL`.as('status'),
      'a.period_from',
      'a.period_to',
    ])
    .where((eb) =>
      eb.or([
        eb('a.individual_id', '=', anyOf(individualIds, 'uuid')),
        eb.and([eb('a.recipient_kind', '=', 'COLLECTIVE'), eb('a.organization_id', '=', anyOf(collectiveIds, 'uuid'))]),
      ]),
    )
    .unionAll(
      db
        .selectFrom('nominations as n')
        .select((eb) => [
          sql.lit('NOMINATION').$castTo<'AWARD' | 'NOMINATION'>().as('source'),
          'n.individual_id',
          'n.organization_id',
          eb.ref('n.recipient_kind').$castTo<'INDIVIDUAL' | 'COLLECTIVE'>().as('recipient_kind'),
          eb.ref('n.id').$castTo<string | null>().as('nomination_id'),
          eb.ref('n.award_code').$castTo<AwardCode>().as('award_code'),
          'n.year',
          eb.ref('n.basis').$castTo<Basis>().as('basis'),
          sql.lit(false).$castTo<boolean>().as('revoked'),
          eb.ref('n.status').$castTo<NominationStatus | null>().as('status'),
          'n.period_from',
          'n.period_to',
        ])
        .where((eb) =>
          eb.or([
            eb('n.individual_id', '=', anyOf(individualIds, 'uuid')),
            eb.and([
              eb('n.recipient_kind', '=', 'COLLECTIVE'),
              eb('n.organization_id', '=', anyOf(collectiveIds, 'uuid')),
            ]),
          ]),
        ),
    );
}

/**
 * The members of collectives in years (`requests`, pairwise), with their rating and their record of the year
 * restricted to the codes the member rules look at (`codes`): facts only, `memberHolds` decides what counts.
 */
function membersQuery(db: Db, collectiveIds: readonly string[], years: readonly number[], codes: readonly AwardCode[]) {
  return (
    db
      // The two arrays unnested side by side: one row per (collective, year) asked for.
      .with('q', (q) =>
        q
          .selectNoFrom([
            sql<string>`unnest(${[...collectiveIds]}::uuid[])`.as('collective_id'),
            sql<number>`unnest(${[...years]}::int[])`.as('year'),
          ])
          .distinct(),
      )
      .with('m', (q) =>
        q
          .selectFrom('q')
          .innerJoin('organization_closure as c', 'c.ancestor_id', 'q.collective_id')
          .innerJoin('individuals as i', (join) =>
            join
              .onRef('i.organization_id', '=', 'c.descendant_id')
              .on((eb) =>
                eb.or([
                  eb('i.joined_on', 'is', null),
                  eb('i.joined_on', '<=', sql<Date>`make_date(${eb.ref('q.year')}, 12, 31)`),
                ]),
              ),
          )
          .select(['q.collective_id', 'q.year', 'i.id as individual_id']),
      )
      .selectFrom('m')
      .leftJoin('individual_ratings as r', (join) =>
        join.onRef('r.individual_id', '=', 'm.individual_id').onRef('r.year', '=', 'm.year'),
      )
      .select((eb) => [
        'm.collective_id',
        'm.year',
        eb.ref('r.rating').$castTo<Rating | null>().as('rating'),
        jsonArrayFrom(
          eb
            .selectFrom('awards as a')
            .select((h) => [
              sql.lit('AWARD').$castTo<'AWARD' | 'NOMINATION'>().as('source'),
              sql<string | null>`NULL::uuid`.as('nomination_id'),
              h.ref('a.award_code').$castTo<AwardCode>().as('award_code'),
              'a.year',
              h.ref('a.basis').$castTo<Basis>().as('basis'),
              h('a.revoked_at', 'is not', null).$castTo<boolean>().as('revoked'),
              sql<NominationStatus | null>`NULL`.as('status'),
              'a.period_from',
              'a.period_to',
            ])
            .whereRef('a.individual_id', '=', 'm.individual_id')
            .whereRef('a.year', '=', 'm.year')
            .where('a.award_code', '=', anyOf(codes, 'text'))
            .unionAll(
              eb
                .selectFrom('nominations as n')
                .select((h) => [
                  sql.lit('NOMINATION').$castTo<'AWARD' | 'NOMINATION'>().as('source'),
                  h.ref('n.id').$castTo<string | null>().as('nomination_id'),
                  h.ref('n.award_code').$castTo<AwardCode>().as('award_code'),
                  'n.year',
                  h.ref('n.basis').$castTo<Basis>().as('basis'),
                  sql.lit(false).$castTo<boolean>().as('revoked'),
                  h.ref('n.status').$castTo<NominationStatus | null>().as('status'),
                  'n.period_from',
                  'n.period_to',
                ])
                .whereRef('n.individual_id', '=', 'm.individual_id')
                .whereRef('n.year', '=', 'm.year')
                .where('n.award_code', '=', anyOf(codes, 'text')),
            ),
        ).as('history'),
      ])
  );
}

/**
 * Loads everything the eligibility rules need (`NominationFacts`) for any number of nominations in a fixed number
 * of set-based queries — at most two, never one per nomination:
 *
 * - individuals (date of entering public service), their ratings, initiatives and cases (open ones hold, closed
 *   ones with a measure keep their years from counting: R-DISC-1); the open cases of nominated collectives;
 * - the record of every nominee: every award with its revoked flag, every nomination with its status (the rules
 *   decide what counts: prerequisites and quotas in `countedAwards`, R-DUP-1 in `duplicateClashes`);
 * - for collective titles judged on their members (R-TTTT-1, R-TTXS-1): each member's rating and record of the
 *   year for Lao động tiên tiến / CSTĐ cơ sở (`memberHolds` decides, with R-BASIS-1 and R-REVOKE-1).
 *
 * Facts of the registry's model that the rules approximate, by design:
 * - members of a collective in year Y are the individuals now in its subtree who joined on or before 31 December
 *   of Y (or whose joining date is unknown): the registry keeps no membership history;
 * - "disciplined in Y" (R-LDTT-2) is a measure recorded on a closed case that was in force during Y.
 *
 * Statements run in the ambient transaction, if any, so the facts are read inside the transaction that acts on them.
 */
@Injectable()
export class NominationFactsRepository {
  private readonly templates = new TemplateCache<FactSlot>();

  constructor(private readonly db: Db) {}

  async loadOne(request: FactsRequest): Promise<NominationFacts> {
    const facts = await this.load([request]);
    return facts.get(request.key) as NominationFacts;
  }

  async load(requests: readonly FactsRequest[]): Promise<Map<string, NominationFacts>> {
    return (await this.loadWithVotes(requests, [])).facts;
  }

  /**
   * `load`, with the latest council vote on each nomination of `voteNominationIds` (as
   * `NominationsRepository.latestVotes` reads it) in the same round trip: what an approval judges, read at once.
   */
  async loadWithVotes(
    requests: readonly FactsRequest[],
    voteNominationIds: readonly string[],
    lockKeysAfter: readonly string[] = [],
  ): Promise<{ facts: Map<string, NominationFacts>; votes: Map<string, CouncilVote> }> {
    const individualIds = unique(requests.filter((r) => r.recipientKind === 'INDIVIDUAL').map((r) => r.individualId));
    const collectiveIds = unique(requests.filter((r) => r.recipientKind === 'COLLECTIVE').map((r) => r.organizationId));
    const memberRequests = requests.filter(
      (r) => r.recipientKind === 'COLLECTIVE' && r.organizationId && needsMembers(r.awardCode),
    );

    // The person facts and the nominees' records in one round trip, each set as a JSON array of its rows (the
    // collective members below stay a query of their own: only collective titles need them).
    const sets: FactSets =
      individualIds.length > 0 || collectiveIds.length > 0 || voteNominationIds.length > 0 || lockKeysAfter.length > 0
        ? await runTemplate<FactSets, FactSlot>(this.db, this.factSetsTemplate(lockKeysAfter.length > 0), {
            people: individualIds,
            collectives: collectiveIds,
            votes: voteNominationIds,
            locks: lockKeysAfter,
          }).then((rows) => rows[0])
        : NO_FACTS;
    const { people, ratings, initiatives, cases, history, collectives } = sets;
    const votes = new Map(sets.votes.map((v) => [v.nominationId, { ...v, createdAt: new Date(v.createdAt) }]));
    const lifeOf = new Map(
      collectives.map((c) => [c.id, { name: c.name, validFrom: c.valid_from, validTo: c.valid_to }]),
    );
    const members: MemberRow[] =
      memberRequests.length > 0
        ? await membersQuery(
            this.db,
            memberRequests.map((r) => r.organizationId as string),
            memberRequests.map((r) => r.year),
            MEMBER_AWARD_CODES,
          ).execute()
        : [];

    const recruitedOn = new Map(people.map((p) => [p.id, p.recruited_on]));
    const ratingsOf = groupBy(ratings, (r) => r.individual_id);
    const initiativesOf = groupBy(initiatives, (r) => r.individual_id);
    const casesOf = groupBy(
      cases.filter((c) => c.individual_id !== null),
      (r) => r.individual_id ?? '',
    );
    const collectiveCasesOf = groupBy(
      cases.filter((c) => c.organization_id !== null),
      (r) => r.organization_id ?? '',
    );
    const historyOfIndividual = groupBy(
      history.filter((h) => h.recipient_kind === 'INDIVIDUAL'),
      (h) => h.individual_id ?? '',
    );
    const historyOfCollective = groupBy(
      history.filter((h) => h.recipient_kind === 'COLLECTIVE'),
      (h) => h.organization_id ?? '',
    );
    const membersOf = groupBy(members, (r) => `${r.collective_id}:${r.year}`);

    const out = new Map<string, NominationFacts>();
    for (const request of requests) {
      const base: NominationFacts = {
        year: request.year,
        awardCode: request.awardCode,
        basis: request.basis,
        recipientKind: request.recipientKind,
      };
      if (request.excludeNominationId !== undefined) base.excludeNominationId = request.excludeNominationId;
      if (request.periodFrom !== undefined && request.periodFrom !== null) base.periodFrom = request.periodFrom;
      if (request.periodTo !== undefined && request.periodTo !== null) base.periodTo = request.periodTo;
      if (request.criterion !== undefined) base.criterion = request.criterion;
      if (request.justification !== undefined) base.justification = request.justification;
      if (request.decisionOn !== undefined) base.decisionOn = request.decisionOn;
      if (request.recipientKind === 'INDIVIDUAL' && request.individualId) {
        const id = request.individualId;
        const personCases = casesOf.get(id) ?? [];
        const individual: IndividualFacts = {
          ratings: Object.fromEntries((ratingsOf.get(id) ?? []).map((r) => [r.year, r.rating])),
          initiatives: (initiativesOf.get(id) ?? []).map((i) => ({ year: i.year, level: i.level })),
          history: (historyOfIndividual.get(id) ?? []).map(toHistoryItem),
          recruitedOn: recruitedOn.get(id) ?? null,
          measures: personCases.flatMap((c) =>
            c.measure !== null && c.measure_from !== null && c.measure_to !== null
              ? [{ measure: c.measure, from: c.measure_from, to: c.measure_to }]
              : [],
          ),
          openHolds: personCases.filter((c) => c.open).length,
        };
        base.individual = individual;
      } else if (request.recipientKind === 'COLLECTIVE' && request.organizationId) {
        const id = request.organizationId;
        base.collective = {
          history: (historyOfCollective.get(id) ?? []).map(toHistoryItem),
          openHolds: (collectiveCasesOf.get(id) ?? []).filter((c) => c.open).length,
          members: (membersOf.get(`${id}:${request.year}`) ?? []).map(toMember),
        };
        const life = lifeOf.get(id);
        if (life) base.collective.organization = life;
      }
      out.set(request.key, base);
    }
    return { facts: out, votes };
  }

  /**
   * The facts statement, compiled once per shape: the person facts, the nominees' records, the latest votes and the
   * collectives' lives, each set as a JSON array of its rows. With `locks`, the statement then takes the advisory
   * locks of `locks` (its last column): an approval takes its quota locks there, after the facts its nominee locks
   * protect and before the quota figures it reads in its next statement, which sees what the locks' last holders
   * committed (READ COMMITTED takes a new snapshot per statement).
   */
  factSetsTemplate(locks: boolean): CompiledTemplate<FactSlot> {
    return this.templates.get(locks ? 'locks' : 'plain', () => {
      const ofPeople = anyOf(slot<string[]>('people'), 'uuid');
      const ofCollectives = anyOf(slot<string[]>('collectives'), 'uuid');
      const people = slot<string[]>('people');
      const collectives = slot<string[]>('collectives');
      const query = this.db.selectNoFrom([
        jsonArrayFrom(latestVotesQuery(this.db, slot<string[]>('votes'))).as('votes'),
        jsonArrayFrom(
          this.db
            .selectFrom('individuals')
            .select((eb) => ['id', isoDate(eb.ref('recruited_on')).$castTo<string | null>().as('recruited_on')])
            .where('id', '=', ofPeople),
        ).as('people'),
        jsonArrayFrom(
          this.db
            .selectFrom('individual_ratings')
            .select((eb) => ['individual_id', 'year', eb.ref('rating').$castTo<Rating>().as('rating')])
            .where('individual_id', '=', ofPeople),
        ).as('ratings'),
        jsonArrayFrom(
          this.db
            .selectFrom('initiatives')
            .select((eb) => ['individual_id', 'year', eb.ref('level').$castTo<InitiativeLevel>().as('level')])
            .where('individual_id', '=', ofPeople),
        ).as('initiatives'),
        jsonArrayFrom(
          this.db
            .selectFrom('disciplinary_cases')
            .select((eb) => [
              'individual_id',
              'organization_id',
              eb('closed_on', 'is', null).$castTo<boolean>().as('open'),
              eb.ref('measure').$castTo<DisciplinaryMeasure | null>().as('measure'),
              isoDate(eb.ref('measure_from')).$castTo<string | null>().as('measure_from'),
              isoDate(eb.ref('measure_to')).$castTo<string | null>().as('measure_to'),
            ])
            .where((eb) => eb.or([eb('individual_id', '=', ofPeople), eb('organization_id', '=', ofCollectives)])),
        ).as('cases'),
        jsonArrayFrom(historyQuery(this.db, people, collectives)).as('history'),
        jsonArrayFrom(
          this.db
            .selectFrom('organizations')
            .select((eb) => [
              'id',
              'name',
              isoDate(eb.ref('valid_from')).$castTo<string | null>().as('valid_from'),
              isoDate(eb.ref('valid_to')).$castTo<string | null>().as('valid_to'),
            ])
            .where('id', '=', ofCollectives),
        ).as('collectives'),
      ]);
      return locks
        ? compileTemplate(query.select(sql<number>`(${advisoryLocks(slot<string[]>('locks'))})`.as('locks')), [
            'people',
            'collectives',
            'votes',
            'locks',
          ])
        : compileTemplate(query, ['people', 'collectives', 'votes']);
    });
  }
}

function toHistoryItem(row: RecordRow): AwardHistoryItem {
  const period = { periodFrom: row.period_from, periodTo: row.period_to };
  return row.source === 'AWARD'
    ? { source: 'AWARD', awardCode: row.award_code, year: row.year, basis: row.basis, revoked: row.revoked, ...period }
    : {
        source: 'NOMINATION',
        id: row.nomination_id ?? undefined,
        awardCode: row.award_code,
        year: row.year,
        basis: row.basis,
        status: row.status as NominationStatus,
        ...period,
      };
}

function toMember(row: MemberRow): CollectiveMember {
  const history = row.history.map(toHistoryItem);
  const member: CollectiveMember = {
    hasLaoDongTienTien: memberHolds(history, 'LAO_DONG_TIEN_TIEN', row.year),
    hasChienSiCoSo: memberHolds(history, 'CHIEN_SI_THI_DUA_CO_SO', row.year),
  };
  if (row.rating !== null) member.rating = row.rating;
  return member;
}

function unique(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
