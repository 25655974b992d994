import { storedCheck, storedEligibility } from './stored-verdicts.js';
import { msg, referenceMissing, render, semicolonList, type Text } from '../i18n/index.js';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ScopeService } from '../auth/scope.service.js';
import { AwardTypesService } from '../award-types/award-types.service.js';
import { ApiError, ErrorCode, type RuleViolation } from '../common/errors/problem.js';
import { decodeCursor, DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import { councilKey, CouncilSizesRepository } from '../organizations/council-sizes.repository.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { QuotasService, type ApprovalGround } from '../quotas/quotas.service.js';
import {
  checkCouncilSize,
  checkOrganizationLife,
  criterionProblem,
  defaultPeriod,
  evaluateEligibility,
  evaluateVote,
  regimeOn,
  nominationPeriod,
  periodProblem,
  type Eligibility,
  type NominationStatus,
  type Period,
} from '../rules/index.js';
import type { EligibilityResultDto } from './dto/eligibility.dto.js';
import type {
  CreateNominationDto,
  ListNominationsQueryDto,
  NominationDetailDto,
  NominationDto,
  NominationEventDto,
  UpdateNominationDto,
} from './dto/nomination.dto.js';
import type { CouncilVoteDto, RecordVoteDto } from './dto/vote.dto.js';
import type { CouncilVote } from './council-vote.js';
import { NominationFactsRepository, type FactsRequest } from './nomination-facts.repository.js';
import type { NominationEvent } from './nomination-event.js';
import type { Nomination, NomineeKind } from './nomination.js';
import { NominationsRepository } from './nominations.repository.js';
import { BatchFacts, nomineeOf, type BatchItemOutcome } from './batch.js';
import {
  blockedFrom,
  decisionDateForNomination,
  canPerform,
  nomineeLockKey,
  nomineeLockKeys,
  quotaLockKeys,
  regimeForNomination,
  statusAfter,
  TRANSITIONS,
  violationsOf,
  withChecks,
  type NominationAction,
  type TransitionAction,
} from './workflow.js';
import { Transactions } from '../database/transactions.js';

export function toNominationDto(n: Nomination): NominationDto {
  return {
    id: n.id,
    year: n.year,
    awardCode: n.awardCode,
    basis: n.basis,
    recipientKind: n.recipientKind,
    individualId: n.individualId,
    organizationId: n.organizationId,
    householdId: n.householdId,
    proposingOrganizationId: n.proposingOrganizationId,
    achievements: n.achievements,
    periodFrom: n.periodFrom,
    periodTo: n.periodTo,
    criterion: n.criterion,
    justification: n.justification,
    expectedDecisionOn: n.expectedDecisionOn,
    status: n.status,
    statusReason: n.statusReason,
    regime: n.regime,
    eligibility: storedEligibility(n.eligibility),
    decisionId: n.decisionId,
    createdAt: n.createdAt.toISOString(),
    updatedAt: n.updatedAt.toISOString(),
  };
}

export function toNominationEventDto(e: NominationEvent): NominationEventDto {
  return {
    fromStatus: e.fromStatus as NominationStatus | null,
    toStatus: e.toStatus as NominationStatus,
    action: e.action as NominationAction,
    reason: e.reason,
    at: e.at.toISOString(),
    actorKeyId: e.actorKeyId,
    actorRole: e.actorRole,
    eligibility: storedEligibility(e.eligibility),
  };
}

export function toCouncilVoteDto(v: CouncilVote): CouncilVoteDto {
  return {
    id: v.id,
    nominationId: v.nominationId,
    heldOn: v.heldOn,
    minutesReference: v.minutesReference,
    members: v.members,
    present: v.present,
    writtenVotes: v.writtenVotes,
    yes: v.yes,
    passed: v.passed,
    check: storedCheck(v.check),
    recordedByKeyId: v.recordedByKeyId,
    recordedAt: v.createdAt.toISOString(),
  };
}

/** The rule ids that make a nomination impossible rather than not (yet) eligible: refused, never stored. */
const STRUCTURAL_RULES = new Set(['R-KIND-1', 'R-BASIS-2']);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CURSOR_AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

const invalidReference = (field: string, detail: Text) =>
  new ApiError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.INVALID_REFERENCE, 'A rule forbids this', detail, {
    errors: [{ field, message: detail }],
  });

function invalidState(action: TransitionAction, status: NominationStatus): ApiError {
  const from = TRANSITIONS[action].from.join(' or ');
  return new ApiError(
    HttpStatus.CONFLICT,
    ErrorCode.INVALID_STATE,
    'Conflict',
    msg('nomination.invalidState', { status, action: action.toLowerCase(), needed: from }),
    { currentStatus: status },
  );
}

/**
 * A decision grants APPROVED nominations only (the workflow's DECIDE): any other is a 409
 * `NOMINATION_NOT_APPROVED` listing each nomination that cannot be decided with its status.
 */
export function assertDecidable(nominations: readonly { id: string; status: NominationStatus }[]): void {
  const blocked = blockedFrom('DECIDE', nominations);
  if (blocked.length === 0) return;
  const from = TRANSITIONS.DECIDE.from.join(' or ');
  throw new ApiError(
    HttpStatus.CONFLICT,
    'NOMINATION_NOT_APPROVED',
    'Conflict',
    msg('nomination.notDecidable', {
      needed: from,
      blocked: blocked.map((n) => msg('nomination.blocked', { id: n.id, status: n.status })),
    }),
    { nominations: blocked.map((n) => ({ id: n.id, status: n.status })) },
  );
}

/** A nominee as the rules and the scope check see it. */
interface Nominee {
  recipientKind: NomineeKind;
  individualId: string | null;
  organizationId: string | null;
  householdId: string | null;
  /** The organization the nominee belongs to (a person's unit) or is (a collective): scope is checked on it. */
  homeOrganizationId: string;
}

/** What the rules judge of a nomination, stored or not. */
type Judged = Pick<
  Nomination,
  | 'year'
  | 'awardCode'
  | 'basis'
  | 'recipientKind'
  | 'individualId'
  | 'organizationId'
  | 'periodFrom'
  | 'periodTo'
  | 'criterion'
  | 'justification'
> & { id?: string };

function factsRequestOf(n: Judged, decisionOn: string): FactsRequest {
  const request: FactsRequest = {
    key: n.id ?? 'new',
    year: n.year,
    awardCode: n.awardCode,
    basis: n.basis,
    recipientKind: n.recipientKind,
    individualId: n.individualId,
    organizationId: n.organizationId,
    periodFrom: n.periodFrom,
    periodTo: n.periodTo,
    criterion: n.criterion,
    justification: n.justification,
    decisionOn,
  };
  if (n.id !== undefined) request.excludeNominationId = n.id;
  return request;
}

/**
 * The nomination workflow (docs/rules.md). Every rule comes from `src/rules`; this service loads the facts, calls
 * the rules inside the transaction that writes, and keeps the status history.
 *
 * Creation (and an edit, and each row of an import) takes the nominee's advisory lock (`nomineeLockKey`) before the
 * nominee's record is read, and refuses what the rule engine calls a duplicate (R-DUP-1, 409): two requests on any
 * number of instances never both create one. Approval takes the nominee's advisory lock with the nomination's row,
 * reads the nominee's facts, then takes the lock on the proposing organization and year (`quotaLockKeys`, always
 * in that order), reads the quota figures, re-evaluates everything from the database and only then writes — so any
 * number of API instances on one database never approve past a quota.
 */
@Injectable()
export class NominationsService {
  constructor(
    private readonly nominations: NominationsRepository,
    private readonly facts: NominationFactsRepository,
    private readonly quotas: QuotasService,
    private readonly awardTypes: AwardTypesService,
    private readonly councilSizes: CouncilSizesRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
  ) {}

  // --- creation and evaluation -----------------------------------------------------------------------------------

  async create(principal: Principal, dto: CreateNominationDto): Promise<NominationDto> {
    return this.createWith(principal, dto);
  }

  /**
   * `create`, joining the ambient transaction (the import creates a whole file in one). `source` marks a row of an
   * imported file: the file's SHA-256 and the spreadsheet row, so a re-import finds it instead of adding it again.
   */
  async createWith(
    principal: Principal,
    dto: CreateNominationDto,
    source: { importFileHash: string; importRow: number } | null = null,
  ): Promise<NominationDto> {
    return this.transactions.run(async () => {
      const { nominee, eligibility, period } = await this.evaluateNew(principal, dto, { forCreation: true });
      assertNotDuplicate(eligibility);
      const nomination = await this.nominations.create({
        year: dto.year,
        awardCode: dto.awardCode,
        basis: dto.basis,
        recipientKind: nominee.recipientKind,
        individualId: nominee.individualId,
        organizationId: nominee.organizationId,
        householdId: nominee.householdId,
        proposingOrganizationId: dto.proposingOrganizationId,
        achievements: dto.achievements,
        periodFrom: period.from,
        periodTo: period.to,
        criterion: dto.criterion ?? null,
        justification: dto.justification ?? null,
        expectedDecisionOn: dto.expectedDecisionOn ?? null,
        status: 'DRAFT',
        regime: eligibility.regime,
        eligibility,
        statusReason: null,
        decisionId: null,
        importFileHash: source?.importFileHash ?? null,
        importRow: source?.importRow ?? null,
        createdByKeyId: principal.keyId,
      });
      await this.addEvent(nomination.id, null, 'DRAFT', 'CREATE', null, eligibility, principal);
      return toNominationDto(nomination);
    });
  }

  /**
   * `POST /nominations/check`: the same validation and evaluation as `create`, nothing stored. Its R-DUP-1 check is
   * the one creation refuses on: where it fails, `POST /nominations` answers 409 `DUPLICATE_NOMINATION`; where it
   * passes, creation is not refused for a duplicate.
   */
  async check(principal: Principal, dto: CreateNominationDto): Promise<EligibilityResultDto> {
    const { eligibility } = await this.evaluateNew(principal, dto, { forCreation: false });
    return { eligibility };
  }

  /**
   * Validates a new nomination and evaluates it. For a creation (`forCreation`, inside the creating transaction) the
   * nominee's advisory lock is taken before their record is read, so two creations on any number of instances are
   * judged one after the other and never both pass R-DUP-1.
   */
  private async evaluateNew(
    principal: Principal,
    dto: CreateNominationDto,
    options: { forCreation: boolean },
  ): Promise<{ nominee: Nominee; eligibility: Eligibility; period: Period }> {
    const named = [dto.individualId, dto.organizationId, dto.householdId].filter((id) => id !== undefined);
    if (named.length !== 1) {
      const message = msg('nomination.oneNominee');
      throw new ApiError(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, 'Invalid request', message, {
        errors: [
          { field: 'individualId', message },
          { field: 'organizationId', message },
          { field: 'householdId', message },
        ],
      });
    }
    assertDecisionDate(dto.year, dto.expectedDecisionOn ?? null);
    const period = nominationPeriod(dto, dto.periodFrom, dto.periodTo);
    assertPeriod(dto.year, period, dto.periodFrom !== undefined ? 'periodFrom' : 'periodTo');

    const proposing = await this.nominations.findOrganization(dto.proposingOrganizationId);
    if (!proposing)
      throw invalidReference(
        'proposingOrganizationId',
        referenceMissing('entity.organization', dto.proposingOrganizationId),
      );
    const nominee = await this.loadNominee(dto);
    await this.scope.assertInScope(principal, dto.proposingOrganizationId);
    await this.scope.assertInScope(principal, nominee.homeOrganizationId);
    if (options.forCreation) {
      await this.nominations.lock([nomineeLockKey(nomineeOf(nominee))]);
    }

    assertCriterion(
      { awardCode: dto.awardCode, basis: dto.basis, recipientKind: nominee.recipientKind },
      dto.criterion ?? null,
      dto.justification ?? null,
    );
    const eligibility = await this.evaluate(
      {
        year: dto.year,
        awardCode: dto.awardCode,
        basis: dto.basis,
        ...nominee,
        periodFrom: period.from,
        periodTo: period.to,
        criterion: dto.criterion ?? null,
        justification: dto.justification ?? null,
      },
      dto.expectedDecisionOn ?? null,
    );
    assertStructurallyValid(eligibility);
    return { nominee, eligibility, period };
  }

  private async loadNominee(dto: CreateNominationDto): Promise<Nominee> {
    if (dto.individualId !== undefined) {
      const person = await this.nominations.findIndividual(dto.individualId);
      if (!person) throw invalidReference('individualId', referenceMissing('entity.individual', dto.individualId));
      return {
        recipientKind: 'INDIVIDUAL',
        individualId: person.id,
        organizationId: null,
        householdId: null,
        homeOrganizationId: person.organizationId,
      };
    }
    if (dto.householdId !== undefined) {
      const household = await this.nominations.findHousehold(dto.householdId);
      if (!household) throw invalidReference('householdId', referenceMissing('entity.household', dto.householdId));
      return {
        recipientKind: 'HOUSEHOLD',
        individualId: null,
        organizationId: null,
        householdId: household.id,
        homeOrganizationId: household.organizationId,
      };
    }
    const id = dto.organizationId as string;
    const collective = await this.nominations.findOrganization(id);
    if (!collective) throw invalidReference('organizationId', referenceMissing('entity.organization', id));
    return {
      recipientKind: 'COLLECTIVE',
      individualId: null,
      organizationId: collective.id,
      householdId: null,
      homeOrganizationId: collective.id,
    };
  }

  /** Eligibility of a nomination (stored or not) from the database, under the regime its dates choose. */
  private async evaluate(n: Judged, expectedDecisionOn: string | null): Promise<Eligibility> {
    const facts = await this.facts.loadOne(factsRequestOf(n, decisionDateForNomination(expectedDecisionOn)));
    return evaluateEligibility(facts, regimeForNomination(expectedDecisionOn));
  }

  /**
   * A decision re-judges every line under the regime of its date (the facts may have changed since approval, and the
   * regime may differ from the one the approval assumed): the failing checks, each naming its nomination. R-HOLD-1
   * is left to the decision, which reports it per line itself.
   */
  async recheckForDecision(
    nominations: readonly (Judged & { id: string })[],
    issuedOn: string,
  ): Promise<RuleViolation[]> {
    const facts = await this.facts.load(nominations.map((n) => factsRequestOf(n, issuedOn)));
    const regime = regimeOn(issuedOn);
    return nominations.flatMap((n) => {
      const found = facts.get(n.id);
      if (!found) return [];
      return violationsOf(evaluateEligibility(found, regime).checks)
        .filter((v) => v.rule !== 'R-HOLD-1')
        .map((v) => ({
          ...v,
          message: msg('decision.lineNoLongerEligible', { id: n.id, text: v.message }),
          nominationId: n.id,
        }));
    });
  }

  // --- reading ---------------------------------------------------------------------------------------------------

  async list(principal: Principal, query: ListNominationsQueryDto): Promise<Page<NominationDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = decodeCursor(query.cursor, 2) as [string, string] | null;
    if (
      after &&
      !(typeof after[0] === 'string' && CURSOR_AT.test(after[0]) && typeof after[1] === 'string' && UUID.test(after[1]))
    ) {
      throw ApiError.badRequest('cursor', msg('error.cursor'));
    }
    const rows = await this.nominations.list({
      scopeRoot: this.scope.scopeRoot(principal),
      year: query.year,
      status: query.status,
      awardCode: query.awardCode,
      organizationId: query.organizationId,
      proposingOrganizationId: query.proposingOrganizationId,
      after,
      limit,
    });
    return toPage(
      rows,
      limit,
      (row) => [row.cursorAt, row.nomination.id],
      (row) => toNominationDto(row.nomination),
    );
  }

  async get(principal: Principal, id: string): Promise<NominationDetailDto> {
    const nomination = await this.nominations.findById(id);
    if (!nomination) throw ApiError.notFound('Nomination', id);
    await this.scope.assertInScope(principal, nomination.proposingOrganizationId);
    const [history, votes] = await Promise.all([this.nominations.history(id), this.nominations.listVotes(id)]);
    return {
      ...toNominationDto(nomination),
      history: history.map(toNominationEventDto),
      votes: votes.map(toCouncilVoteDto),
    };
  }

  // --- transitions -----------------------------------------------------------------------------------------------

  /** `PATCH`: edits a DRAFT or RETURNED nomination and re-evaluates it. */
  async update(principal: Principal, id: string, dto: UpdateNominationDto): Promise<NominationDto> {
    for (const field of ['achievements', 'basis'] as const) {
      if (dto[field] === null) throw ApiError.badRequest(field, msg('error.notNull'));
    }
    return this.transactions.run(async () => {
      // The nominee's lock before the row's (the order an approval takes them): a new basis can make a duplicate.
      const current = await this.nominations.findById(id);
      if (!current) throw ApiError.notFound('Nomination', id);
      await this.nominations.lock([nomineeLockKey(nomineeOf(current))]);
      const n = await this.lockedInScope(principal, id);
      if (!canPerform('EDIT', n.status)) throw invalidState('EDIT', n.status);
      if (dto.achievements !== undefined) n.achievements = dto.achievements;
      if (dto.basis !== undefined && dto.basis !== n.basis) {
        // A period left at its default follows the new basis (a regular Bằng khen tỉnh covers two years).
        const old = defaultPeriod(n.awardCode, n.basis, n.year);
        if (n.periodFrom === old.from && n.periodTo === old.to) {
          const next = defaultPeriod(n.awardCode, dto.basis, n.year);
          n.periodFrom = next.from;
          n.periodTo = next.to;
        }
        n.basis = dto.basis;
      }
      assertCriterion(n, n.criterion, n.justification);
      if (dto.expectedDecisionOn !== undefined) n.expectedDecisionOn = dto.expectedDecisionOn;
      assertDecisionDate(n.year, n.expectedDecisionOn);
      const eligibility = await this.evaluate(n, n.expectedDecisionOn);
      assertStructurallyValid(eligibility);
      assertNotDuplicate(eligibility);
      return this.move(n, 'EDIT', null, eligibility, principal);
    });
  }

  /** DRAFT/RETURNED → SUBMITTED; refused with every failing rule while the nomination is not eligible. */
  submit(principal: Principal, id: string): Promise<NominationDto> {
    return this.simpleTransition(principal, id, 'SUBMIT', null, true);
  }

  /** SUBMITTED → RETURNED, with a reason; the HR officer can edit and resubmit it. */
  returnToProposer(principal: Principal, id: string, reason: string): Promise<NominationDto> {
    return this.simpleTransition(principal, id, 'RETURN', reason, false);
  }

  /** DRAFT/RETURNED/SUBMITTED → WITHDRAWN. */
  withdraw(principal: Principal, id: string, reason: string | null): Promise<NominationDto> {
    return this.simpleTransition(principal, id, 'WITHDRAW', reason, false);
  }

  /** SUBMITTED → REJECTED, with a reason. */
  reject(principal: Principal, id: string, reason: string): Promise<NominationDto> {
    return this.simpleTransition(principal, id, 'REJECT', reason, false);
  }

  private simpleTransition(
    principal: Principal,
    id: string,
    action: 'SUBMIT' | 'RETURN' | 'WITHDRAW' | 'REJECT',
    reason: string | null,
    requireEligible: boolean,
  ): Promise<NominationDto> {
    return this.transactions.run(async () => {
      const n = await this.lockedInScope(principal, id);
      if (!canPerform(action, n.status)) throw invalidState(action, n.status);
      const eligibility = await this.evaluate(n, n.expectedDecisionOn);
      const proposer = action === 'SUBMIT' ? await this.proposerViolations(n) : [];
      if (requireEligible && (!eligibility.eligible || proposer.length > 0)) {
        throw ApiError.ruleViolation(msg('nomination.notEligible'), [...violationsOf(eligibility.checks), ...proposer]);
      }
      return this.move(n, action, reason, eligibility, principal);
    });
  }

  /**
   * Records the council's vote at one meeting on a SUBMITTED nomination and evaluates it with the award code's
   * policy (R-VOTE-1). Every meeting is a new record: a re-vote never replaces an earlier one. `members` must be the
   * council size on file for the meeting date (see `CouncilSizesRepository.inForce`), else 422 R-VOTE-1 and nothing
   * is recorded.
   */
  async recordVote(principal: Principal, id: string, dto: RecordVoteDto): Promise<CouncilVoteDto> {
    const written = dto.writtenVotes ?? 0;
    const errors = [
      ...(dto.present + written > dto.members
        ? [{ field: written > 0 ? 'writtenVotes' : 'present', message: msg('nomination.voteTurnout') }]
        : []),
      ...(dto.yes > dto.present + written ? [{ field: 'yes', message: msg('nomination.voteYes') }] : []),
    ];
    if (errors.length > 0) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        ErrorCode.VALIDATION_FAILED,
        'Invalid request',
        semicolonList(errors.map((e) => msg('problem.fieldList', { field: e.field, text: e.message }))),
        { errors },
      );
    }
    return this.transactions.run(async () => {
      const n = await this.lockedInScope(principal, id);
      if (!canPerform('VOTE', n.status)) throw invalidState('VOTE', n.status);
      const council = await this.councilSizes.inForce(n.proposingOrganizationId, dto.heldOn);
      const size = checkCouncilSize(dto.members, council?.members ?? null);
      if (!size.passed) {
        throw ApiError.ruleViolation(msg('nomination.voteCouncil'), violationsOf([size]));
      }
      const policy = await this.awardTypes.votePolicy(n.awardCode);
      const tally = { members: dto.members, present: dto.present, writtenVotes: written, yes: dto.yes };
      const check = evaluateVote(tally, policy, n.awardCode);
      const vote = await this.nominations.addVote({
        nominationId: n.id,
        heldOn: dto.heldOn,
        minutesReference: dto.minutesReference,
        ...tally,
        passed: check.passed === true,
        check,
        recordedByKeyId: principal.keyId,
      });
      // The event's reason is a stored text: the vote's verdict as the registry's people read it.
      await this.addEvent(n.id, n.status, n.status, 'VOTE', render(check.message, 'vi'), null, principal);
      return toCouncilVoteDto(vote);
    });
  }

  /**
   * SUBMITTED → APPROVED, atomically: eligibility (with what counts now, this nomination excluded), R-HOLD-1,
   * R-DUP-1, R-VOTE-1 on the latest meeting against the council size on file for its date, and the quotas of the
   * proposing organization, year and code. Any failure is a 422 listing every failing rule, and nothing changes.
   * The same judgement as a batch's (`approveItems`), for a batch of one.
   */
  async approve(principal: Principal, id: string): Promise<NominationDto> {
    return this.transactions.run(async () => {
      const [outcome] = await this.approveItems(principal, [id]);
      if (outcome.problem) throw outcome.problem;
      return toNominationDto(outcome.nomination);
    });
  }

  /**
   * `POST /nominations/approve`: each nomination of `ids`, in the order given, judged exactly as a single approval
   * (`approve`) would judge it right after the ones before it; one transaction holds every lock the single approvals
   * would take (quota keys, then nominees), so quotas count exactly across instances. A refused nomination changes
   * nothing and does not stop the others.
   */
  approveMany(principal: Principal, ids: readonly string[]): Promise<BatchItemOutcome[]> {
    return this.transactions.run(() => this.approveItems(principal, ids));
  }

  /**
   * `POST /nominations/reject`: each nomination of `ids`, in the order given, rejected with `reason` exactly as a
   * single rejection (`reject`) would; a refused nomination changes nothing and does not stop the others.
   */
  rejectMany(principal: Principal, ids: readonly string[], reason: string): Promise<BatchItemOutcome[]> {
    return this.transactions.run(async () => {
      const keys = ids.map((id) => id.toLowerCase());
      // As a single rejection: the row locked first (in id order for a batch), then the scope.
      const locked = new Map(
        (await this.nominations.findByIdsForUpdate([...new Set(keys)])).map((n) => [n.id, n] as const),
      );
      const allowed = await this.scope.inScopeOf(principal, [
        ...new Set([...locked.values()].map((n) => n.proposingOrganizationId)),
      ]);
      const open = [...locked.values()].filter(
        (n) => allowed.has(n.proposingOrganizationId) && canPerform('REJECT', n.status),
      );
      const facts = new BatchFacts(
        await this.facts.load(open.map((n) => factsRequestOf(n, decisionDateForNomination(n.expectedDecisionOn)))),
        open,
      );
      const moves: Move[] = [];
      const outcomes: BatchItemOutcome[] = [];
      for (const [i, key] of keys.entries()) {
        const id = ids[i];
        const n = locked.get(key);
        if (!n) {
          outcomes.push({ id, nomination: null, problem: ApiError.notFound('Nomination', id) });
          continue;
        }
        if (!allowed.has(n.proposingOrganizationId)) {
          outcomes.push({ id, nomination: null, problem: this.scope.outOfScope(n.proposingOrganizationId) });
          continue;
        }
        if (!canPerform('REJECT', n.status)) {
          outcomes.push({ id, nomination: null, problem: invalidState('REJECT', n.status) });
          continue;
        }
        if (facts.isStale(n.id)) await this.refreshFacts(facts, n, moves, 'REJECT', reason, principal);
        const eligibility = evaluateEligibility(facts.of(n.id), regimeForNomination(n.expectedDecisionOn));
        moves.push(moveInMemory(n, 'REJECT', reason, eligibility));
        facts.moved(n, n.status);
        outcomes.push({ id, nomination: n, problem: null });
      }
      await this.writeMoves(moves, 'REJECT', reason, principal);
      return outcomes;
    });
  }

  /** The judgement of `approve` and `approveMany`, in the caller's transaction. */
  private async approveItems(principal: Principal, ids: readonly string[]): Promise<BatchItemOutcome[]> {
    const keys = ids.map((id) => id.toLowerCase());
    const { found, allowed } = await this.findInScope(principal, [...new Set(keys)]);
    const actionable = [...found.values()].filter((n) => allowed.has(n.proposingOrganizationId));
    // The nominees' locks (sorted) and the re-read under them in one statement: another approval of the same nominee
    // may have committed while this one waited.
    const nominees = nomineeLockKeys(actionable.map(nomineeOf));
    const locked = new Map(
      (actionable.length === 0
        ? []
        : await this.nominations.findByIdsForUpdateAfterLocks(
            nominees,
            actionable.map((n) => n.id),
          )
      ).map((n) => [n.id, n] as const),
    );
    const open = [...locked.values()].filter((n) => canPerform('APPROVE', n.status));
    if (open.length === 0) return this.judgeApprovals(principal, ids, keys, found, allowed, locked, null);
    // The facts (under the nominees' locks), then the quota locks (sorted) in the same statement: the quota figures
    // below are read after them, so a unit's approvals queue on its lock for the figures and the write only.
    const quotas = quotaLockKeys(open);
    const loaded = await this.facts.loadWithVotes(
      open.map((n) => factsRequestOf(n, decisionDateForNomination(n.expectedDecisionOn))),
      open.map((n) => n.id),
      quotas,
    );
    const facts = new BatchFacts(loaded.facts, open);
    const votes = loaded.votes;
    const councils = await this.councilSizes.inForceOf(
      open.flatMap((n) => {
        const vote = votes.get(n.id);
        return vote ? [{ organizationId: n.proposingOrganizationId, on: vote.heldOn }] : [];
      }),
    );
    const ground = await this.quotas.approvalGround(
      open.map((n) => ({ organizationId: n.proposingOrganizationId, year: n.year, awardCode: n.awardCode })),
    );
    return this.judgeApprovals(principal, ids, keys, found, allowed, locked, { facts, votes, councils, ground });
  }

  /** The nominations of `ids` that exist, and the proposing organizations of theirs `principal` may act on. */
  private async findInScope(
    principal: Principal,
    ids: readonly string[],
  ): Promise<{ found: Map<string, Nomination>; allowed: Set<string> }> {
    const root = this.scope.scopeRoot(principal);
    if (root === null) {
      const found = new Map((await this.nominations.findByIds(ids)).map((n) => [n.id, n] as const));
      const allowed = await this.scope.inScopeOf(principal, [
        ...new Set([...found.values()].map((n) => n.proposingOrganizationId)),
      ]);
      return { found, allowed };
    }
    // The scope read with the rows (a scoped key: HR officer or approver).
    const rows = await this.nominations.findByIdsInScope(ids, root);
    return {
      found: new Map(rows.map((r) => [r.nomination.id, r.nomination] as const)),
      allowed: new Set(rows.filter((r) => r.inScope).map((r) => r.nomination.proposingOrganizationId)),
    };
  }

  /** Judges each item of `ids` in order against what `approveItems` read, and writes the approvals. */
  private async judgeApprovals(
    principal: Principal,
    ids: readonly string[],
    keys: readonly string[],
    found: Map<string, Nomination>,
    allowed: Set<string>,
    locked: Map<string, Nomination>,
    read: {
      facts: BatchFacts;
      votes: Map<string, CouncilVote>;
      councils: Map<string, number>;
      ground: ApprovalGround;
    } | null,
  ): Promise<BatchItemOutcome[]> {
    const moves: Move[] = [];
    const outcomes: BatchItemOutcome[] = [];
    for (const [i, key] of keys.entries()) {
      const id = ids[i];
      const before = found.get(key);
      if (!before) {
        outcomes.push({ id, nomination: null, problem: ApiError.notFound('Nomination', id) });
        continue;
      }
      if (!allowed.has(before.proposingOrganizationId)) {
        outcomes.push({ id, nomination: null, problem: this.scope.outOfScope(before.proposingOrganizationId) });
        continue;
      }
      const n = locked.get(key);
      if (!n) {
        // Deleted between the two reads: nominations are never deleted, so only a race with a test's cleanup.
        outcomes.push({ id, nomination: null, problem: ApiError.notFound('Nomination', id) });
        continue;
      }
      if (!canPerform('APPROVE', n.status) || read === null) {
        outcomes.push({ id, nomination: null, problem: invalidState('APPROVE', n.status) });
        continue;
      }
      const { facts, votes, councils, ground } = read;
      if (facts.isStale(n.id)) await this.refreshFacts(facts, n, moves, 'APPROVE', null, principal);
      const eligibility = evaluateEligibility(facts.of(n.id), regimeForNomination(n.expectedDecisionOn));
      const latest = votes.get(n.id);
      const group = { organizationId: n.proposingOrganizationId, year: n.year, awardCode: n.awardCode };
      const approvalChecks = this.quotas.judgeApproval(
        ground,
        group,
        latest
          ? {
              tally: {
                members: latest.members,
                present: latest.present,
                writtenVotes: latest.writtenVotes,
                yes: latest.yes,
              },
              councilMembersOnFile: councils.get(councilKey(n.proposingOrganizationId, latest.heldOn)) ?? null,
            }
          : null,
        eligibility.regime,
      );
      const evaluation = withChecks(eligibility, approvalChecks);
      if (!evaluation.eligible) {
        outcomes.push({
          id,
          nomination: null,
          problem: ApiError.ruleViolation(msg('nomination.cannotApprove'), violationsOf(evaluation.checks)),
        });
        continue;
      }
      moves.push(moveInMemory(n, 'APPROVE', null, evaluation));
      this.quotas.countApproval(ground, { ...group, basis: n.basis });
      facts.moved(n, n.status);
      outcomes.push({ id, nomination: n, problem: null });
    }
    await this.writeMoves(moves, 'APPROVE', null, principal);
    return outcomes;
  }

  /** Writes the moves so far (so the database shows them), then reads `n`'s facts again. */
  private async refreshFacts(
    facts: BatchFacts,
    n: Nomination,
    moves: Move[],
    action: TransitionAction,
    reason: string | null,
    principal: Principal,
  ): Promise<void> {
    await this.writeMoves(moves, action, reason, principal);
    moves.length = 0;
    facts.replace(n.id, await this.facts.loadOne(factsRequestOf(n, decisionDateForNomination(n.expectedDecisionOn))));
  }

  /** Writes moved nominations and their history rows in one statement; every one must move (their rows are locked). */
  private async writeMoves(
    moves: readonly Move[],
    action: TransitionAction,
    reason: string | null,
    principal: Principal,
  ): Promise<void> {
    if (moves.length === 0) return;
    const written = await this.nominations.recordTransitions(
      moves.map((m) => ({
        id: m.nomination.id,
        from: m.from,
        to: m.nomination.status,
        statusReason: m.nomination.statusReason,
        eligibility: m.nomination.eligibility,
      })),
      { action, reason, actorKeyId: principal.keyId, actorRole: principal.role },
    );
    for (const m of moves) {
      const row = written.get(m.nomination.id);
      // The rows are locked above, so every judged nomination moves; anything else is a bug, never a partial write.
      if (!row) throw new Error(`Nomination ${m.nomination.id} did not move from ${m.from}`);
      m.nomination.version = row.version;
      m.nomination.updatedAt = row.updatedAt;
    }
  }

  /**
   * APPROVED → DECIDED (the workflow's DECIDE) for every nomination a signed decision grants, inside the decision's
   * transaction (the ambient one, joined): the rows are locked, each status is checked by the workflow (409
   * `NOMINATION_NOT_APPROVED` otherwise, and the caller's transaction rolls back), then all move in one statement,
   * each with its `DECIDE` history row naming the decision.
   */
  markDecided(
    nominationIds: readonly string[],
    decision: { id: string; numberText: string },
    principal: Principal,
  ): Promise<void> {
    return this.transactions.run(async () => {
      const current = await this.nominations.lockStatuses(nominationIds);
      const byId = new Map(current.map((n) => [n.id, n]));
      const missing = nominationIds.find((id) => !byId.has(id.toLowerCase()));
      if (missing !== undefined) throw ApiError.notFound('Nomination', missing);
      assertDecidable(current);
      const moves = current.map((n) => ({ id: n.id, from: n.status, to: statusAfter('DECIDE', n.status) }));
      const moved = await this.nominations.recordDecision(moves, decision.id, {
        action: 'DECIDE',
        reason: `Granted by decision ${decision.numberText}`,
        actorKeyId: principal.keyId,
        actorRole: principal.role,
      });
      // The rows are locked above, so every checked nomination moves; anything else is a bug, never a partial decision.
      if (moved !== moves.length)
        throw new Error(`Decision ${decision.id} moved ${moved} of ${moves.length} nominations`);
    });
  }

  // --- helpers ---------------------------------------------------------------------------------------------------

  /**
   * R-ORG-1: a nomination is submitted by a proposing organization that exists on the date it is judged on (its
   * expected decision date, else today, as the collective's check; a dissolved one's successor proposes).
   * Share-locked, as a decision's issuer is, so a concurrent dissolution is seen or waits.
   */
  private async proposerViolations(n: Nomination): Promise<RuleViolation[]> {
    const proposer = await this.organizations.findOneForShare(n.proposingOrganizationId);
    if (!proposer) return [];
    const check = checkOrganizationLife(proposer, decisionDateForNomination(n.expectedDecisionOn), 'PROPOSER');
    return violationsOf([check]);
  }

  private async lockedInScope(principal: Principal, id: string): Promise<Nomination> {
    const n = await this.nominations.findByIdForUpdate(id);
    if (!n) throw ApiError.notFound('Nomination', id);
    await this.scope.assertInScope(principal, n.proposingOrganizationId);
    return n;
  }

  /** Applies `action` to a locked nomination, stores the evaluation and appends the history row. */
  private async move(
    n: Nomination,
    action: TransitionAction,
    reason: string | null,
    eligibility: Eligibility,
    principal: Principal,
  ): Promise<NominationDto> {
    const from = n.status;
    n.status = statusAfter(action, from);
    n.eligibility = eligibility;
    n.regime = eligibility.regime;
    if (action === 'SUBMIT') n.statusReason = null;
    if (action === 'RETURN' || action === 'REJECT' || action === 'WITHDRAW') n.statusReason = reason;
    const saved = await this.nominations.recordTransition(n, {
      fromStatus: from,
      action,
      reason,
      eligibility,
      actorKeyId: principal.keyId,
      actorRole: principal.role,
    });
    return toNominationDto(saved);
  }

  private addEvent(
    nominationId: string,
    fromStatus: NominationStatus | null,
    toStatus: NominationStatus,
    action: NominationAction,
    reason: string | null,
    eligibility: Eligibility | null,
    principal: Principal,
  ): Promise<void> {
    return this.nominations.addEvent({
      nominationId,
      fromStatus,
      toStatus,
      action,
      reason,
      eligibility,
      actorKeyId: principal.keyId,
      actorRole: principal.role,
    });
  }
}

/** A nomination moved in memory by a batch, to be written with the others (`writeMoves`). */
interface Move {
  nomination: Nomination;
  from: NominationStatus;
}

/** Applies `action` to a locked nomination in memory, as `move` does before it writes. */
function moveInMemory(n: Nomination, action: TransitionAction, reason: string | null, eligibility: Eligibility): Move {
  const from = n.status;
  n.status = statusAfter(action, from);
  n.eligibility = eligibility;
  n.regime = eligibility.regime;
  if (action === 'RETURN' || action === 'REJECT' || action === 'WITHDRAW') n.statusReason = reason;
  return { nomination: n, from };
}

/** The expected decision date, when given, cannot be before the year the achievements belong to. */
function assertDecisionDate(year: number, expectedDecisionOn: string | null): void {
  if (expectedDecisionOn !== null && expectedDecisionOn < `${year}-01-01`) {
    throw ApiError.badRequest('expectedDecisionOn', msg('nomination.decisionDate', { year }));
  }
}

/** The achievement period: from ≤ to ≤ year (Decree 98/2023 Art 30.9). */
function assertPeriod(year: number, period: Period, field: 'periodFrom' | 'periodTo'): void {
  const problem = periodProblem(year, period);
  if (problem === null) return;
  throw ApiError.badRequest(problem === 'ORDER' ? 'periodFrom' : field, msg(`nomination.period.${problem}`, { year }));
}

/** A named criterion must exist for the award and, when attested, come with a justification (Law 2022 Art 73.1, 74.1). */
function assertCriterion(
  n: Pick<Nomination, 'awardCode' | 'basis' | 'recipientKind'>,
  criterion: string | null,
  justification: string | null,
): void {
  const problem = criterionProblem(n, criterion, justification);
  if (problem === null) return;
  throw ApiError.badRequest(
    problem.field,
    msg(`nomination.criterion.${problem.reason}`, { criterion: criterion ?? '' }),
  );
}

/**
 * R-DUP-1 (Law 2022 principles: one achievement is rewarded once), as the rule engine decided it: a nomination that
 * would duplicate an award or a nomination counted against it is refused, never stored (409, as a unique key).
 */
function assertNotDuplicate(eligibility: Eligibility): void {
  const broken = eligibility.checks.filter((c) => c.passed === false && c.rule === 'R-DUP-1');
  if (broken.length > 0) {
    throw new ApiError(HttpStatus.CONFLICT, ErrorCode.DUPLICATE_NOMINATION, 'Conflict', msg('nomination.duplicate'), {
      violations: violationsOf(broken),
    });
  }
}

/** R-KIND-1 (the award does not take this kind of recipient) and R-BASIS-2 (a title on a basis other than REGULAR). */
function assertStructurallyValid(eligibility: Eligibility): void {
  const broken = eligibility.checks.filter((c) => c.passed === false && STRUCTURAL_RULES.has(c.rule));
  if (broken.length > 0) {
    throw ApiError.ruleViolation(msg('nomination.structural'), violationsOf(broken));
  }
}
