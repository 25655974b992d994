import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { AwardCode, NominationStatus } from '../rules/index.js';
import { Individual } from '../individuals/individual.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import { CouncilVote } from './council-vote.entity.js';
import { NominationEvent } from './nomination-event.entity.js';
import { Nomination } from './nomination.entity.js';

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

/** Every query on `nominations`, `nomination_events` and `council_votes`. */
@Injectable()
export class NominationsRepository {
  constructor(
    @InjectRepository(Nomination) private readonly nominations: Repository<Nomination>,
    @InjectRepository(NominationEvent) private readonly events: Repository<NominationEvent>,
    @InjectRepository(CouncilVote) private readonly votes: Repository<CouncilVote>,
  ) {}

  private repo<T extends object>(entity: new () => T, fallback: Repository<T>, manager?: EntityManager): Repository<T> {
    return manager ? manager.getRepository(entity) : fallback;
  }

  /** A nominated person, or the organization that proposes or is nominated (references of a new nomination). */
  findIndividual(id: string, manager: EntityManager): Promise<Individual | null> {
    return manager.getRepository(Individual).findOneBy({ id });
  }

  findOrganization(id: string, manager: EntityManager): Promise<Organization | null> {
    return manager.getRepository(Organization).findOneBy({ id });
  }

  findById(id: string, manager?: EntityManager): Promise<Nomination | null> {
    return this.repo(Nomination, this.nominations, manager).findOneBy({ id });
  }

  /** Reads the nomination and locks its row until the transaction ends: transitions of one nomination queue up. */
  findByIdForUpdate(id: string, manager: EntityManager): Promise<Nomination | null> {
    return manager
      .getRepository(Nomination)
      .createQueryBuilder('n')
      .setLock('pessimistic_write')
      .where('n.id = :id', { id })
      .getOne();
  }

  /**
   * Keyset page, newest first, ordered by (created_at, id). The cursor carries created_at as PostgreSQL text with
   * microseconds (a JavaScript Date would lose them and skip or repeat rows).
   */
  async list(filter: NominationFilter): Promise<{ nomination: Nomination; cursorAt: string }[]> {
    const query = this.nominations.createQueryBuilder('n');
    if (filter.scopeRoot) {
      query.innerJoin(
        'organization_closure',
        'sc',
        'sc.descendant_id = n.proposing_organization_id AND sc.ancestor_id = :scopeRoot',
        {
          scopeRoot: filter.scopeRoot,
        },
      );
    }
    if (filter.organizationId) {
      query.innerJoin(
        'organization_closure',
        'fc',
        'fc.descendant_id = n.proposing_organization_id AND fc.ancestor_id = :organizationId',
        {
          organizationId: filter.organizationId,
        },
      );
    }
    if (filter.proposingOrganizationId)
      query.andWhere('n.proposing_organization_id = :proposing', { proposing: filter.proposingOrganizationId });
    if (filter.year !== undefined) query.andWhere('n.year = :year', { year: filter.year });
    if (filter.status) query.andWhere('n.status = :status', { status: filter.status });
    if (filter.awardCode) query.andWhere('n.award_code = :awardCode', { awardCode: filter.awardCode });
    if (filter.after) {
      query.andWhere('(n.created_at, n.id) < (CAST(:afterAt AS timestamptz), CAST(:afterId AS uuid))', {
        afterAt: filter.after[0],
        afterId: filter.after[1],
      });
    }
    query
      .addSelect(`to_char(n.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`, 'cursor_at')
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(filter.limit + 1);
    const { entities, raw } = await query.getRawAndEntities<{ cursor_at: string; n_id: string }>();
    const cursorById = new Map(raw.map((r) => [r.n_id, r.cursor_at]));
    return entities.map((nomination) => ({ nomination, cursorAt: cursorById.get(nomination.id) ?? '' }));
  }

  create(values: Partial<Nomination>, manager: EntityManager): Promise<Nomination> {
    const repo = manager.getRepository(Nomination);
    return repo.save(repo.create(values));
  }

  /**
   * Writes a nomination's new state and its history row in one statement (a data-modifying CTE), in the caller's
   * transaction: the columns a transition or an edit may change, the version bumped. `nomination` gets its new
   * version and update time; `event.nominationId` is `nomination.id`.
   */
  async recordTransition(
    nomination: Nomination,
    event: Omit<NominationEvent, 'id' | 'at' | 'nomination' | 'nominationId' | 'toStatus'>,
    manager: EntityManager,
  ): Promise<Nomination> {
    const [row] = await manager.query<{ version: number; updated_at: Date }[]>(
      `WITH moved AS (
         UPDATE nominations
            SET status = $2, status_reason = $3, eligibility = $4::jsonb, regime = $5, achievements = $6, basis = $7,
                expected_decision_on = $8, version = version + 1, updated_at = now()
          WHERE id = $1
      RETURNING id, status, version, updated_at
       ), event AS (
         INSERT INTO nomination_events (nomination_id, from_status, to_status, action, reason, eligibility,
                                        actor_key_id, actor_role)
         SELECT id, $9, status, $10, $11, $12::jsonb, $13, $14 FROM moved
       )
       SELECT version, updated_at FROM moved`,
      [
        nomination.id,
        nomination.status,
        nomination.statusReason,
        JSON.stringify(nomination.eligibility),
        nomination.regime,
        nomination.achievements,
        nomination.basis,
        nomination.expectedDecisionOn,
        event.fromStatus,
        event.action,
        event.reason,
        event.eligibility === null ? null : JSON.stringify(event.eligibility),
        event.actorKeyId,
        event.actorRole,
      ],
    );
    if (!row) throw new Error(`Nomination ${nomination.id} vanished inside its own transaction`);
    nomination.version = row.version;
    nomination.updatedAt = row.updated_at;
    return nomination;
  }

  /** The current status of each of `ids` that exists, locking its row until the transaction ends (in id order). */
  lockStatuses(ids: readonly string[], manager: EntityManager): Promise<{ id: string; status: NominationStatus }[]> {
    return manager.query<{ id: string; status: NominationStatus }[]>(
      'SELECT id, status FROM nominations WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
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
    manager: EntityManager,
  ): Promise<number> {
    const [row] = await manager.query<{ moved: number }[]>(
      `WITH wanted AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) AS w(id, from_status, to_status)
       ), moved AS (
         UPDATE nominations n
            SET status = w.to_status, decision_id = $4, version = n.version + 1, updated_at = now()
           FROM wanted w
          WHERE n.id = w.id AND n.status = w.from_status
      RETURNING n.id, w.from_status, n.status AS to_status
       ), event AS (
         INSERT INTO nomination_events (nomination_id, from_status, to_status, action, reason, actor_key_id, actor_role)
         SELECT id, from_status, to_status, $5, $6, $7, $8 FROM moved
       )
       SELECT count(*)::int AS moved FROM moved`,
      [
        moves.map((m) => m.id),
        moves.map((m) => m.from),
        moves.map((m) => m.to),
        decisionId,
        event.action,
        event.reason,
        event.actorKeyId,
        event.actorRole,
      ],
    );
    return row.moved;
  }

  async addEvent(values: Omit<NominationEvent, 'id' | 'at' | 'nomination'>, manager: EntityManager): Promise<void> {
    // The verdict's messages are JSON the column stores as is; TypeORM's deep partial type cannot follow them.
    await manager.getRepository(NominationEvent).insert(values as QueryDeepPartialEntity<NominationEvent>);
  }

  history(nominationId: string, manager?: EntityManager): Promise<NominationEvent[]> {
    return this.repo(NominationEvent, this.events, manager).find({ where: { nominationId }, order: { id: 'ASC' } });
  }

  addVote(values: Omit<CouncilVote, 'id' | 'createdAt' | 'nomination'>, manager: EntityManager): Promise<CouncilVote> {
    const repo = manager.getRepository(CouncilVote);
    return repo.save(repo.create(values));
  }

  /** Every meeting's vote on a nomination, oldest first: by meeting date, then by when it was recorded. */
  listVotes(nominationId: string, manager?: EntityManager): Promise<CouncilVote[]> {
    return this.repo(CouncilVote, this.votes, manager).find({
      where: { nominationId },
      order: { heldOn: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
  }

  /**
   * The latest meeting's vote on a nomination (the one that counts for R-VOTE-1), or null: the latest `heldOn`,
   * then the latest recorded.
   */
  latestVote(nominationId: string, manager?: EntityManager): Promise<CouncilVote | null> {
    return this.repo(CouncilVote, this.votes, manager)
      .createQueryBuilder('v')
      .where('v.nomination_id = :nominationId', { nominationId })
      .orderBy('v.held_on', 'DESC')
      .addOrderBy('v.created_at', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .limit(1)
      .getOne();
  }

  /**
   * Takes transaction-scoped advisory locks on `keys`, in the order given (callers pass a fixed order, see
   * `approvalLockKeys`). Keys are namespaced text hashed to 64 bits; they are released at commit or rollback.
   */
  async lock(keys: readonly string[], manager: EntityManager): Promise<void> {
    // One statement, the locks taken in the array's order.
    await manager.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(k.key, 0)) FROM unnest($1::text[]) WITH ORDINALITY AS k(key, n) ORDER BY k.n',
      [keys],
    );
  }
}
