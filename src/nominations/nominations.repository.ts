import { Injectable } from '@nestjs/common';
import { type ExpressionBuilder, type QueryCreator, sql } from 'kysely';
import { compileTemplate, slot, TemplateCache, type CompiledTemplate } from '../database/compiled-template.js';
import { Db, runTemplate } from '../database/db.js';
import type { DB } from '../database/schema.js';
import type { AwardCode, Basis, Eligibility, NominationStatus, Regime, RuleCheck } from '../rules/index.js';
import type { CouncilVote } from './council-vote.js';
import type { NominationEvent } from './nomination-event.js';
import type { Nomination, NomineeKind } from './nomination.js';
import { anyOf, isoDate } from '../common/database/expressions.js';
import { advisoryLocks, lockAdvisory } from './query-helpers.js';

export interface NominationFilter {
  /** The caller's scope: proposing organizations in this subtree only; null for no bound. */
  scopeRoot: string | null;
  year?: number;
  status?: NominationStatus;
  awardCode?: AwardCode;
  /** Proposing organization in this subtree. */
  organizationId?: string;
  proposingOrganizationId?: string;
  /** Keyset: (created_at as text with microseconds, id) of the last row served, newest first. */
  after?: [string, string] | null;
  limit: number;
}

/** The columns a new nomination is stored with; the rest (id, times, version) are the database's. */
export type NewNomination = Omit<Nomination, 'id' | 'createdAt' | 'updatedAt' | 'version'>;

/** A history row as written: its id and time are the database's. */
export type NewNominationEvent = Omit<NominationEvent, 'id' | 'at'>;

/** A meeting's vote as recorded: its id and time are the database's. */
export type NewCouncilVote = Omit<CouncilVote, 'id' | 'createdAt'>;

/** A nominated person as a new nomination needs them: the unit scope is checked on. */
export interface IndividualRef {
  id: string;
  organizationId: string;
}

/** Every column of `nominations` as a `Nomination` (usable in SELECT and RETURNING). */
function nominationColumns(eb: ExpressionBuilder<DB, 'nominations'>) {
  return [
    'nominations.id',
    'nominations.year',
    eb.ref('nominations.award_code').$castTo<AwardCode>().as('awardCode'),
    eb.ref('nominations.basis').$castTo<Basis>().as('basis'),
    eb.ref('nominations.recipient_kind').$castTo<NomineeKind>().as('recipientKind'),
    'nominations.individual_id as individualId',
    'nominations.organization_id as organizationId',
    'nominations.household_id as householdId',
    'nominations.proposing_organization_id as proposingOrganizationId',
    'nominations.achievements',
    'nominations.period_from as periodFrom',
    'nominations.period_to as periodTo',
    'nominations.criterion',
    'nominations.justification',
    isoDate(eb.ref('nominations.expected_decision_on')).$castTo<string | null>().as('expectedDecisionOn'),
    eb.ref('nominations.status').$castTo<NominationStatus>().as('status'),
    eb.ref('nominations.regime').$castTo<Regime>().as('regime'),
    eb.ref('nominations.eligibility').$castTo<Eligibility>().as('eligibility'),
    'nominations.status_reason as statusReason',
    'nominations.decision_id as decisionId',
    'nominations.import_file_hash as importFileHash',
    'nominations.import_row as importRow',
    'nominations.created_by_key_id as createdByKeyId',
    'nominations.created_at as createdAt',
    'nominations.updated_at as updatedAt',
    'nominations.version',
  ] as const;
}

function eventColumns(eb: ExpressionBuilder<DB, 'nomination_events'>) {
  return [
    'nomination_events.id',
    'nomination_events.nomination_id as nominationId',
    'nomination_events.from_status as fromStatus',
    'nomination_events.to_status as toStatus',
    'nomination_events.action',
    'nomination_events.reason',
    eb.ref('nomination_events.eligibility').$castTo<Eligibility | null>().as('eligibility'),
    'nomination_events.actor_key_id as actorKeyId',
    'nomination_events.actor_role as actorRole',
    'nomination_events.at',
  ] as const;
}

function voteColumns(eb: ExpressionBuilder<DB, 'council_votes'>) {
  return [
    'council_votes.id',
    'council_votes.nomination_id as nominationId',
    isoDate(eb.ref('council_votes.held_on')).as('heldOn'),
    'council_votes.minutes_reference as minutesReference',
    'council_votes.members',
    'council_votes.present',
    'council_votes.written_votes as writtenVotes',
    'council_votes.yes',
    'council_votes.passed',
    eb.ref('council_votes.check').$castTo<RuleCheck>().as('check'),
    'council_votes.recorded_by_key_id as recordedByKeyId',
    'council_votes.created_at as createdAt',
  ] as const;
}

/**
 * The latest meeting's vote on each of `nominationIds` that has one (see `latestVote`), one row each: an approval
 * reads it with the facts (`NominationFactsRepository.loadWithVotes`).
 */
export function latestVotesQuery(db: Db, nominationIds: readonly string[]) {
  return db
    .selectFrom('council_votes')
    .distinctOn('council_votes.nomination_id')
    .select(voteColumns)
    .where('nomination_id', '=', anyOf(nominationIds, 'uuid'))
    .orderBy('nomination_id')
    .orderBy('held_on', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc');
}

/** A JSON value as a bound parameter: PostgreSQL parses the text into the `jsonb` column it is compared with. */
const jsonb = (value: unknown): string => JSON.stringify(value);

/** A nomination moved by a data-modifying CTE `moved`, as its history row needs it (`historyOfMoved`). */
interface MovedRow {
  id: string;
  from_status: string | null;
  to_status: string;
  eligibility: unknown;
}

/**
 * The one history insert of every transition: a `nomination_events` row for each nomination the CTE `moved`
 * returned, with its own from/to status and evaluation, and `event`'s action, reason and actor.
 */
function historyOfMoved(event: Pick<NominationEvent, 'action' | 'reason' | 'actorKeyId' | 'actorRole'>) {
  return (db: QueryCreator<DB & { moved: MovedRow }>) =>
    db
      .insertInto('nomination_events')
      .columns([
        'nomination_id',
        'from_status',
        'to_status',
        'action',
        'reason',
        'eligibility',
        'actor_key_id',
        'actor_role',
      ])
      .expression((eb) =>
        eb
          .selectFrom('moved')
          .select((m) => [
            'moved.id',
            'moved.from_status',
            'moved.to_status',
            m.val(event.action).as('action'),
            m.val(event.reason).as('reason'),
            sql<string | null>`${m.ref('moved.eligibility')}::jsonb`.as('eligibility'),
            m.val(event.actorKeyId).as('actor_key_id'),
            m.val(event.actorRole).as('actor_role'),
          ]),
      );
}

const TRANSITION_SLOTS = [
  'ids',
  'froms',
  'tos',
  'reasons',
  'eligibilities',
  'regimes',
  'action',
  'reason',
  'actorKeyId',
  'actorRole',
] as const;
type TransitionSlot = (typeof TRANSITION_SLOTS)[number];

/**
 * Every query on `nominations`, `nomination_events` and `council_votes`. An approval's statements are compiled once
 * (`*Template`) and sent as named prepared statements (`runTemplate`): they cost more to build and plan than to run.
 */
@Injectable()
export class NominationsRepository {
  private readonly templates = new TemplateCache<string>();

  constructor(private readonly db: Db) {}

  /** A nominated person, or the organization that proposes or is nominated (references of a new nomination). */
  findIndividual(id: string): Promise<IndividualRef | undefined> {
    return this.db
      .selectFrom('individuals')
      .select(['id', 'organization_id as organizationId'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** A nominated household and the commune it belongs to. */
  findHousehold(id: string): Promise<{ id: string; organizationId: string } | undefined> {
    return this.db
      .selectFrom('households')
      .select(['id', 'organization_id as organizationId'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  findOrganization(id: string): Promise<{ id: string } | undefined> {
    return this.db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst();
  }

  findById(id: string): Promise<Nomination | undefined> {
    return this.db.selectFrom('nominations').select(nominationColumns).where('id', '=', id).executeTakeFirst();
  }

  /** Reads the nomination and locks its row until the transaction ends: transitions of one nomination queue up. */
  findByIdForUpdate(id: string): Promise<Nomination | undefined> {
    return this.db
      .selectFrom('nominations')
      .select(nominationColumns)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
  }

  /** The nominations of `ids` that exist, in no particular order (ids are matched as given: lower-case UUIDs). */
  findByIds(ids: readonly string[]): Promise<Nomination[]> {
    return this.db.selectFrom('nominations').select(nominationColumns).where('id', '=', anyOf(ids, 'uuid')).execute();
  }

  /** `findByIds`, locking the rows until the transaction ends, in id order (two batches never lock in a cycle). */
  findByIdsForUpdate(ids: readonly string[]): Promise<Nomination[]> {
    return this.db
      .selectFrom('nominations')
      .select(nominationColumns)
      .where('id', '=', anyOf(ids, 'uuid'))
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  /**
   * `findByIds` with whether each nomination's proposing organization lies in the subtree of `scopeRoot` (itself
   * included), in one statement.
   */
  async findByIdsInScope(
    ids: readonly string[],
    scopeRoot: string,
  ): Promise<{ nomination: Nomination; inScope: boolean }[]> {
    if (ids.length === 0) return [];
    const rows = await runTemplate<Nomination & { inScope: boolean }, 'ids' | 'scopeRoot'>(
      this.db,
      this.inScopeTemplate(),
      { ids, scopeRoot },
    );
    return rows.map(({ inScope, ...nomination }) => ({ nomination, inScope }));
  }

  /** `findByIdsInScope`'s statement, compiled once (an approval's first read; the bench's floor sends it too). */
  inScopeTemplate(): CompiledTemplate<'ids' | 'scopeRoot'> {
    return this.templates.get('inScope', () =>
      compileTemplate(
        this.db
          .selectFrom('nominations')
          .select(nominationColumns)
          .select((eb) =>
            eb
              .exists(
                eb
                  .selectFrom('organization_closure as sc')
                  .select('sc.depth')
                  .where('sc.ancestor_id', '=', slot<string>('scopeRoot'))
                  .whereRef('sc.descendant_id', '=', 'nominations.proposing_organization_id'),
              )
              .$castTo<boolean>()
              .as('inScope'),
          )
          .where('id', '=', anyOf(slot<string[]>('ids'), 'uuid')),
        ['ids', 'scopeRoot'],
      ),
    );
  }

  /**
   * Takes the advisory locks `keys` in the order given, then reads the nominations of `ids` locking their rows in
   * id order, in one statement. The locks come first (a one-time filter evaluated before the rows are read), and a
   * row read FOR UPDATE is its latest committed version (READ COMMITTED re-reads a row changed since the statement
   * began), so what is returned is current under the locks.
   */
  async findByIdsForUpdateAfterLocks(keys: readonly string[], ids: readonly string[]): Promise<Nomination[]> {
    return runTemplate<Nomination, 'keys' | 'ids'>(this.db, this.lockedTemplate(), { keys, ids });
  }

  /** `findByIdsForUpdateAfterLocks`'s statement, compiled once. */
  lockedTemplate(): CompiledTemplate<'keys' | 'ids'> {
    return this.templates.get('locked', () =>
      compileTemplate(
        this.db
          .selectFrom('nominations')
          .select(nominationColumns)
          .where('id', '=', anyOf(slot<string[]>('ids'), 'uuid'))
          .where(sql<boolean>`(${advisoryLocks(slot<string[]>('keys'))}) >= 0`)
          .orderBy('id')
          .forUpdate(),
        ['keys', 'ids'],
      ),
    );
  }

  /**
   * Keyset page, newest first, ordered by (created_at, id). The cursor carries created_at as PostgreSQL text with
   * microseconds (a JavaScript Date would lose them and skip or repeat rows).
   */
  async list(filter: NominationFilter): Promise<{ nomination: Nomination; cursorAt: string }[]> {
    const { scopeRoot, organizationId, proposingOrganizationId, year, status, awardCode, after } = filter;
    const rows = await this.db
      .selectFrom('nominations')
      .select(nominationColumns)
      .select(
        sql<string>`to_char(${sql.ref('nominations.created_at')} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
          'cursorAt',
        ),
      )
      .$if(scopeRoot !== null, (q) =>
        q.innerJoin('organization_closure as sc', (join) =>
          join
            .onRef('sc.descendant_id', '=', 'nominations.proposing_organization_id')
            .on('sc.ancestor_id', '=', scopeRoot as string),
        ),
      )
      .$if(organizationId !== undefined, (q) =>
        q.innerJoin('organization_closure as fc', (join) =>
          join
            .onRef('fc.descendant_id', '=', 'nominations.proposing_organization_id')
            .on('fc.ancestor_id', '=', organizationId as string),
        ),
      )
      .$if(proposingOrganizationId !== undefined, (q) =>
        q.where('nominations.proposing_organization_id', '=', proposingOrganizationId as string),
      )
      .$if(year !== undefined, (q) => q.where('nominations.year', '=', year as number))
      .$if(status !== undefined, (q) => q.where('nominations.status', '=', status as NominationStatus))
      .$if(awardCode !== undefined, (q) => q.where('nominations.award_code', '=', awardCode as AwardCode))
      .$if(after != null, (q) =>
        q.where((eb) =>
          eb(
            eb.refTuple('nominations.created_at', 'nominations.id'),
            '<',
            eb.tuple(sql<Date>`CAST(${after?.[0]} AS timestamptz)`, sql<string>`CAST(${after?.[1]} AS uuid)`),
          ),
        ),
      )
      .orderBy('nominations.created_at', 'desc')
      .orderBy('nominations.id', 'desc')
      .limit(filter.limit + 1)
      .execute();
    return rows.map(({ cursorAt, ...nomination }) => ({ nomination, cursorAt }));
  }

  create(values: NewNomination): Promise<Nomination> {
    return this.db
      .insertInto('nominations')
      .values({
        year: values.year,
        award_code: values.awardCode,
        basis: values.basis,
        recipient_kind: values.recipientKind,
        individual_id: values.individualId,
        organization_id: values.organizationId,
        household_id: values.householdId,
        proposing_organization_id: values.proposingOrganizationId,
        achievements: values.achievements,
        period_from: values.periodFrom,
        period_to: values.periodTo,
        criterion: values.criterion,
        justification: values.justification,
        expected_decision_on: values.expectedDecisionOn,
        status: values.status,
        regime: values.regime,
        eligibility: jsonb(values.eligibility),
        status_reason: values.statusReason,
        decision_id: values.decisionId,
        import_file_hash: values.importFileHash,
        import_row: values.importRow,
        created_by_key_id: values.createdByKeyId,
        version: 1,
      })
      .returning(nominationColumns)
      .executeTakeFirstOrThrow();
  }

  /**
   * Writes a nomination's new state and its history row in one statement (a data-modifying CTE), in the caller's
   * transaction: the columns a transition or an edit may change, the version bumped. `nomination` gets its new
   * version and update time; the event's nomination and new status are the row's.
   */
  async recordTransition(
    nomination: Nomination,
    event: Omit<NewNominationEvent, 'nominationId' | 'toStatus'>,
  ): Promise<Nomination> {
    const row = await this.db
      .with('moved', (db) =>
        db
          .updateTable('nominations')
          .set((eb) => ({
            status: nomination.status,
            status_reason: nomination.statusReason,
            eligibility: jsonb(nomination.eligibility),
            regime: nomination.regime,
            achievements: nomination.achievements,
            basis: nomination.basis,
            period_from: nomination.periodFrom,
            period_to: nomination.periodTo,
            criterion: nomination.criterion,
            justification: nomination.justification,
            expected_decision_on: nomination.expectedDecisionOn,
            version: eb('version', '+', 1),
            updated_at: sql<Date>`now()`,
          }))
          .where('id', '=', nomination.id)
          .returning((eb) => [
            'id',
            eb.val(event.fromStatus).$castTo<string | null>().as('from_status'),
            'status as to_status',
            sql<unknown>`${event.eligibility === null ? null : jsonb(event.eligibility)}::jsonb`.as('eligibility'),
            'version',
            'updated_at',
          ]),
      )
      .with('event', historyOfMoved(event))
      .selectFrom('moved')
      .select(['moved.version', 'moved.updated_at'])
      .executeTakeFirst();
    if (!row) throw new Error(`Nomination ${nomination.id} vanished inside its own transaction`);
    nomination.version = row.version;
    nomination.updatedAt = row.updated_at;
    return nomination;
  }

  /**
   * Writes many transitions in one statement (a data-modifying CTE), in the caller's transaction, as
   * `recordTransition` writes one: each nomination moves `from` → `to` with its stored evaluation and status reason,
   * its version bumped, and gets one `nomination_events` row with `event`'s action, reason and actor and its own
   * evaluation. A nomination no longer in its `from` status is left alone. Returns the version and update time of
   * each nomination moved, by id.
   */
  async recordTransitions(
    moves: readonly {
      id: string;
      from: NominationStatus;
      to: NominationStatus;
      statusReason: string | null;
      eligibility: Eligibility;
    }[],
    event: Pick<NominationEvent, 'action' | 'reason' | 'actorKeyId' | 'actorRole'>,
  ): Promise<Map<string, { version: number; updatedAt: Date }>> {
    if (moves.length === 0) return new Map();
    const rows = await runTemplate<{ id: string; version: number; updated_at: Date }, TransitionSlot>(
      this.db,
      this.transitionsTemplate(),
      {
        ids: moves.map((m) => m.id),
        froms: moves.map((m) => m.from),
        tos: moves.map((m) => m.to),
        reasons: moves.map((m) => m.statusReason),
        eligibilities: moves.map((m) => jsonb(m.eligibility)),
        regimes: moves.map((m) => m.eligibility.regime),
        action: event.action,
        reason: event.reason,
        actorKeyId: event.actorKeyId,
        actorRole: event.actorRole,
      },
    );
    return new Map(rows.map((r) => [r.id, { version: r.version, updatedAt: r.updated_at }]));
  }

  /** `recordTransitions`' statement, compiled once: the moves as arrays unnested side by side, and the event. */
  transitionsTemplate(): CompiledTemplate<TransitionSlot> {
    return this.templates.get('transitions', () =>
      compileTemplate(
        this.db
          .with('wanted', (db) =>
            db.selectNoFrom([
              sql<string>`unnest(${slot('ids')}::uuid[])`.as('id'),
              sql<string>`unnest(${slot('froms')}::text[])`.as('from_status'),
              sql<string>`unnest(${slot('tos')}::text[])`.as('to_status'),
              sql<string | null>`unnest(${slot('reasons')}::text[])`.as('status_reason'),
              sql<string>`unnest(${slot('eligibilities')}::jsonb[])`.as('eligibility'),
              sql<string>`unnest(${slot('regimes')}::text[])`.as('regime'),
            ]),
          )
          .with('moved', (db) =>
            db
              .updateTable('nominations as n')
              .from('wanted as w')
              .set((eb) => ({
                status: eb.ref('w.to_status'),
                status_reason: eb.ref('w.status_reason'),
                eligibility: eb.ref('w.eligibility'),
                regime: eb.ref('w.regime'),
                version: eb('n.version', '+', 1),
                updated_at: sql<Date>`now()`,
              }))
              .whereRef('n.id', '=', 'w.id')
              .whereRef('n.status', '=', 'w.from_status')
              .returning([
                'n.id',
                'w.from_status',
                'n.status as to_status',
                'w.eligibility',
                'n.version',
                'n.updated_at',
              ]),
          )
          .with(
            'event',
            historyOfMoved({
              action: slot('action'),
              reason: slot('reason'),
              actorKeyId: slot('actorKeyId'),
              actorRole: slot('actorRole'),
            }),
          )
          .selectFrom('moved')
          .select(['moved.id', 'moved.version', 'moved.updated_at']),
        TRANSITION_SLOTS,
      ),
    );
  }

  /** The current status of each of `ids` that exists, locking its row until the transaction ends (in id order). */
  lockStatuses(ids: readonly string[]): Promise<{ id: string; status: NominationStatus }[]> {
    return this.db
      .selectFrom('nominations')
      .select((eb) => ['id', eb.ref('status').$castTo<NominationStatus>().as('status')])
      .where('id', '=', anyOf(ids, 'uuid'))
      .orderBy('id')
      .forUpdate()
      .execute();
  }

  /**
   * Records one decision over many nominations in one statement (a data-modifying CTE), in the caller's
   * transaction: each nomination moves `from` → `to` (the workflow's DECIDE) and points at the decision, its version
   * bumped, and gets one `nomination_events` row with `event`. A nomination no longer in its `from` status is left
   * alone; the number of nominations moved is returned.
   */
  async recordDecision(
    moves: readonly { id: string; from: NominationStatus; to: NominationStatus }[],
    decisionId: string,
    event: Pick<NominationEvent, 'action' | 'reason' | 'actorKeyId' | 'actorRole'>,
  ): Promise<number> {
    const row = await this.db
      // The arrays are unnested side by side (in step, as one row per move).
      .with('wanted', (db) =>
        db.selectNoFrom([
          sql<string>`unnest(${moves.map((m) => m.id)}::uuid[])`.as('id'),
          sql<string>`unnest(${moves.map((m) => m.from)}::text[])`.as('from_status'),
          sql<string>`unnest(${moves.map((m) => m.to)}::text[])`.as('to_status'),
        ]),
      )
      .with('moved', (db) =>
        db
          .updateTable('nominations as n')
          .from('wanted as w')
          .set((eb) => ({
            status: eb.ref('w.to_status'),
            decision_id: decisionId,
            version: eb('n.version', '+', 1),
            updated_at: sql<Date>`now()`,
          }))
          .whereRef('n.id', '=', 'w.id')
          .whereRef('n.status', '=', 'w.from_status')
          .returning(['n.id', 'w.from_status', 'n.status as to_status']),
      )
      .with('event', (db) =>
        db
          .insertInto('nomination_events')
          .columns(['nomination_id', 'from_status', 'to_status', 'action', 'reason', 'actor_key_id', 'actor_role'])
          .expression((eb) =>
            eb
              .selectFrom('moved')
              .select((m) => [
                'moved.id',
                'moved.from_status',
                'moved.to_status',
                m.val(event.action).as('action'),
                m.val(event.reason).as('reason'),
                m.val(event.actorKeyId).as('actor_key_id'),
                m.val(event.actorRole).as('actor_role'),
              ]),
          ),
      )
      .selectFrom('moved')
      .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('moved'))
      .executeTakeFirstOrThrow();
    return row.moved;
  }

  async addEvent(values: NewNominationEvent): Promise<void> {
    await this.db
      .insertInto('nomination_events')
      .values({
        nomination_id: values.nominationId,
        from_status: values.fromStatus,
        to_status: values.toStatus,
        action: values.action,
        reason: values.reason,
        eligibility: values.eligibility === null ? null : jsonb(values.eligibility),
        actor_key_id: values.actorKeyId,
        actor_role: values.actorRole,
      })
      .execute();
  }

  history(nominationId: string): Promise<NominationEvent[]> {
    return this.db
      .selectFrom('nomination_events')
      .select(eventColumns)
      .where('nomination_id', '=', nominationId)
      .orderBy('id')
      .execute();
  }

  addVote(values: NewCouncilVote): Promise<CouncilVote> {
    return this.db
      .insertInto('council_votes')
      .values({
        nomination_id: values.nominationId,
        held_on: values.heldOn,
        minutes_reference: values.minutesReference,
        members: values.members,
        present: values.present,
        written_votes: values.writtenVotes,
        yes: values.yes,
        passed: values.passed,
        check: jsonb(values.check),
        recorded_by_key_id: values.recordedByKeyId,
      })
      .returning(voteColumns)
      .executeTakeFirstOrThrow();
  }

  /** Every meeting's vote on a nomination, oldest first: by meeting date, then by when it was recorded. */
  listVotes(nominationId: string): Promise<CouncilVote[]> {
    return this.db
      .selectFrom('council_votes')
      .select(voteColumns)
      .where('nomination_id', '=', nominationId)
      .orderBy('held_on')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }

  /**
   * The latest meeting's vote on a nomination (the one that counts for R-VOTE-1), or undefined: the latest
   * `heldOn`, then the latest recorded.
   */
  latestVote(nominationId: string): Promise<CouncilVote | undefined> {
    return this.db
      .selectFrom('council_votes')
      .select(voteColumns)
      .where('nomination_id', '=', nominationId)
      .orderBy('held_on', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  /**
   * Takes transaction-scoped advisory locks on `keys`, in the order given (callers pass a fixed order, see
   * `nomineeLockKeys`). Keys are namespaced text hashed to 64 bits; they are released at commit or rollback.
   */
  lock(keys: readonly string[]): Promise<void> {
    return lockAdvisory(this.db, keys);
  }
}
