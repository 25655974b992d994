import { msg, referenceMissing } from '../i18n/index.js';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ScopeService } from '../auth/scope.service.js';
import { changedFields } from '../common/database/changed-fields.js';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  type Page,
  type PageQueryDto,
  toPage,
} from '../common/pagination/pagination.js';
import { todayInVietnam } from '../common/time/vietnam-time.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { checkOrganizationLife } from '../rules/index.js';
import type { DisciplinaryCase } from './disciplinary-case.js';
import type {
  CloseDisciplinaryCaseDto,
  DisciplinaryCaseDto,
  OpenDisciplinaryCaseDto,
} from './dto/disciplinary-case.dto.js';
import type {
  CreateIndividualDto,
  IndividualDto,
  ListIndividualsQueryDto,
  UpdateIndividualDto,
} from './dto/individual.dto.js';
import type { CreateInitiativeDto, InitiativeDto } from './dto/initiative.dto.js';
import type { RatingDto } from './dto/rating.dto.js';
import type { Individual, IndividualValues } from './individual.js';
import { IndividualsRepository } from './individuals.repository.js';
import type { Initiative } from './initiative.js';
import type { Rating } from '../rules/index.js';
import type { IndividualRating } from './rating.js';
import { Transactions } from '../database/transactions.js';

export function toIndividualDto(individual: Individual): IndividualDto {
  return {
    id: individual.id,
    fullName: individual.fullName,
    gender: individual.gender,
    birthDate: individual.birthDate,
    nationalId: individual.nationalId,
    position: individual.position,
    organizationId: individual.organizationId,
    joinedOn: individual.joinedOn,
    reportingCategory: individual.reportingCategory,
    recruitedOn: individual.recruitedOn,
    createdAt: individual.createdAt.toISOString(),
    updatedAt: individual.updatedAt.toISOString(),
  };
}

export function toRatingDto(rating: IndividualRating): RatingDto {
  return {
    individualId: rating.individualId,
    year: rating.year,
    rating: rating.rating,
    updatedAt: rating.updatedAt.toISOString(),
  };
}

export function toInitiativeDto(initiative: Initiative): InitiativeDto {
  return {
    id: initiative.id,
    individualId: initiative.individualId,
    year: initiative.year,
    title: initiative.title,
    level: initiative.level,
    recognizedOn: initiative.recognizedOn,
    createdAt: initiative.createdAt.toISOString(),
  };
}

export function toDisciplinaryCaseDto(disciplinaryCase: DisciplinaryCase): DisciplinaryCaseDto {
  return {
    id: disciplinaryCase.id,
    individualId: disciplinaryCase.individualId,
    organizationId: disciplinaryCase.organizationId,
    kind: disciplinaryCase.kind,
    openedOn: disciplinaryCase.openedOn,
    note: disciplinaryCase.note,
    closedOn: disciplinaryCase.closedOn,
    outcome: disciplinaryCase.outcome,
    measure: disciplinaryCase.measure,
    measureFrom: disciplinaryCase.measureFrom,
    measureTo: disciplinaryCase.measureTo,
    open: disciplinaryCase.closedOn === null,
    createdAt: disciplinaryCase.createdAt.toISOString(),
  };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const badCursor = () => ApiError.badRequest('cursor', msg('error.cursor'));

/** Decodes a cursor and checks each value's shape, so a forged cursor is a 400, never a database error. */
function cursorOf<T extends unknown[]>(cursor: string | undefined, checks: ((value: unknown) => boolean)[]): T | null {
  const values = decodeCursor(cursor, checks.length);
  if (values === null) return null;
  if (!checks.every((check, index) => check(values[index]))) throw badCursor();
  return values as T;
}
const isYear = (value: unknown) => Number.isInteger(value);
const isDate = (value: unknown) => typeof value === 'string' && ISO_DATE.test(value);
const isUuid = (value: unknown) => typeof value === 'string' && UUID.test(value);
const isText = (value: unknown) => typeof value === 'string';

@Injectable()
export class IndividualsService {
  constructor(
    private readonly individuals: IndividualsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
  ) {}

  // --- individuals ---------------------------------------------------------------------------------------------

  async create(principal: Principal, dto: CreateIndividualDto): Promise<IndividualDto> {
    return this.transactions.run(async () => {
      await this.requireOrganizationInScope(principal, dto.organizationId);
      await this.assertOrganizationAlive(dto.organizationId);
      const values: IndividualValues = {
        fullName: dto.fullName,
        gender: dto.gender ?? null,
        birthDate: dto.birthDate ?? null,
        nationalId: dto.nationalId ?? null,
        position: dto.position ?? null,
        organizationId: dto.organizationId,
        joinedOn: dto.joinedOn ?? null,
        reportingCategory: dto.reportingCategory ?? null,
        recruitedOn: dto.recruitedOn ?? null,
      };
      assertJoinedAfterBirth(values);
      return toIndividualDto(await this.individuals.create(values));
    });
  }

  /** HR officers and approvers see their scope subtree only; auditors and admins see everyone. */
  async list(principal: Principal, query: ListIndividualsQueryDto): Promise<Page<IndividualDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = cursorOf<[string, string]>(query.cursor, [isText, isUuid]);
    const rows = await this.individuals.list({
      organizationId: query.organizationId,
      scopeRoot: this.scope.scopeRoot(principal),
      q: query.q,
      after,
      limit,
    });
    return toPage(rows, limit, (row) => [row.fullName, row.id], toIndividualDto);
  }

  async get(principal: Principal, id: string): Promise<IndividualDto> {
    return toIndividualDto(await this.requireInScope(principal, id));
  }

  /** A new `organizationId` moves the person: both the old and the new organization must be in scope. */
  async update(principal: Principal, id: string, dto: UpdateIndividualDto): Promise<IndividualDto> {
    for (const field of ['fullName', 'organizationId'] as const) {
      if (dto[field] === null) throw ApiError.badRequest(field, msg('error.notNull'));
    }
    return this.transactions.run(async () => {
      const individual = await this.individuals.findByIdForUpdate(id);
      if (!individual) throw ApiError.notFound('Individual', id);
      await this.scope.assertInScope(principal, individual.organizationId);
      if (dto.organizationId !== undefined && dto.organizationId.toLowerCase() !== individual.organizationId) {
        await this.requireOrganizationInScope(principal, dto.organizationId);
        // Only the unit moved to: people leave a dissolved unit freely.
        await this.assertOrganizationAlive(dto.organizationId);
      }
      // Only what differs is written: an unchanged person keeps its updatedAt and leaves no audit event.
      const changes = changedFields<IndividualValues>(individual, {
        fullName: dto.fullName ?? undefined,
        gender: dto.gender,
        birthDate: dto.birthDate,
        nationalId: dto.nationalId,
        position: dto.position,
        organizationId: dto.organizationId ?? undefined,
        joinedOn: dto.joinedOn,
        reportingCategory: dto.reportingCategory,
        recruitedOn: dto.recruitedOn,
      });
      assertJoinedAfterBirth({ ...individual, ...changes });
      if (Object.keys(changes).length === 0) return toIndividualDto(individual);
      const updated = await this.individuals.update(id, changes);
      if (!updated) throw ApiError.notFound('Individual', id);
      return toIndividualDto(updated);
    });
  }

  // --- ratings -------------------------------------------------------------------------------------------------

  async putRating(principal: Principal, id: string, year: number, rating: Rating): Promise<RatingDto> {
    return this.transactions.run(async () => {
      await this.requireInScope(principal, id);
      return toRatingDto(await this.individuals.upsertRating(id, year, rating));
    });
  }

  async listRatings(principal: Principal, id: string, query: PageQueryDto): Promise<Page<RatingDto>> {
    await this.requireInScope(principal, id);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = cursorOf<[number]>(query.cursor, [isYear]);
    const rows = await this.individuals.listRatings(id, { after: after ? after[0] : null, limit });
    return toPage(rows, limit, (row) => [row.year], toRatingDto);
  }

  // --- initiatives ---------------------------------------------------------------------------------------------

  async addInitiative(principal: Principal, id: string, dto: CreateInitiativeDto): Promise<InitiativeDto> {
    if (dto.year > Number(dto.recognizedOn.slice(0, 4))) {
      throw ApiError.badRequest('year', msg('individual.initiativeYear'));
    }
    return this.transactions.run(async () => {
      await this.requireInScope(principal, id);
      const created = await this.individuals.createInitiative({
        individualId: id,
        year: dto.year,
        title: dto.title,
        level: dto.level,
        recognizedOn: dto.recognizedOn,
      });
      return toInitiativeDto(created);
    });
  }

  async listInitiatives(principal: Principal, id: string, query: PageQueryDto): Promise<Page<InitiativeDto>> {
    await this.requireInScope(principal, id);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = cursorOf<[number, string, string]>(query.cursor, [isYear, isDate, isUuid]);
    const rows = await this.individuals.listInitiatives(id, { after, limit });
    return toPage(rows, limit, (row) => [row.year, row.recognizedOn, row.id], toInitiativeDto);
  }

  // --- disciplinary cases --------------------------------------------------------------------------------------

  /** Opens a case: from now on the person's nominations are held (R-HOLD-1) until it is closed. */
  async openCase(principal: Principal, id: string, dto: OpenDisciplinaryCaseDto): Promise<DisciplinaryCaseDto> {
    return this.transactions.run(async () => {
      await this.requireInScope(principal, id);
      const created = await this.individuals.createCase({
        individualId: id,
        organizationId: null,
        kind: dto.kind,
        openedOn: dto.openedOn,
        note: dto.note ?? null,
      });
      return toDisciplinaryCaseDto(created);
    });
  }

  /** Closes an open case (409 if already closed); the database refuses a closing date before the opening one. */
  async closeCase(principal: Principal, caseId: string, dto: CloseDisciplinaryCaseDto): Promise<DisciplinaryCaseDto> {
    return this.transactions.run(async () => {
      const disciplinaryCase = await this.individuals.findCaseForUpdate(caseId);
      if (!disciplinaryCase) throw ApiError.notFound('Disciplinary case', caseId);
      if (disciplinaryCase.individualId !== null) {
        const individual = await this.individuals.findById(disciplinaryCase.individualId);
        if (!individual) throw ApiError.notFound('Individual', disciplinaryCase.individualId);
        await this.scope.assertInScope(principal, individual.organizationId);
      } else {
        await this.scope.assertInScope(principal, disciplinaryCase.organizationId as string);
      }
      if (disciplinaryCase.closedOn !== null) {
        throw ApiError.conflict(
          'CASE_ALREADY_CLOSED',
          msg('individual.caseClosed', { id: caseId, date: disciplinaryCase.closedOn }),
        );
      }
      assertMeasure(dto, disciplinaryCase.individualId !== null);
      return toDisciplinaryCaseDto(
        await this.individuals.closeCase(caseId, {
          closedOn: dto.closedOn,
          outcome: dto.outcome ?? null,
          measure: dto.measure ?? null,
          measureFrom: dto.measureFrom ?? null,
          measureTo: dto.measureTo ?? null,
        }),
      );
    });
  }

  async listCases(principal: Principal, id: string, query: PageQueryDto): Promise<Page<DisciplinaryCaseDto>> {
    await this.requireInScope(principal, id);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = cursorOf<[string, string]>(query.cursor, [isDate, isUuid]);
    const rows = await this.individuals.listCases({ individualId: id }, { after, limit });
    return toPage(rows, limit, (row) => [row.openedOn, row.id], toDisciplinaryCaseDto);
  }

  /**
   * Opens a case on a collective (R-HOLD-1, Decree 98/2023 Art 4; Decree 152/2025): its nominations are held until
   * the case is closed (`POST /disciplinary-cases/{id}/close`, the same machinery as a person's case).
   */
  async openOrganizationCase(
    principal: Principal,
    organizationId: string,
    dto: OpenDisciplinaryCaseDto,
  ): Promise<DisciplinaryCaseDto> {
    return this.transactions.run(async () => {
      await this.requireCollectiveInScope(principal, organizationId);
      const created = await this.individuals.createCase({
        individualId: null,
        organizationId,
        kind: dto.kind,
        openedOn: dto.openedOn,
        note: dto.note ?? null,
      });
      return toDisciplinaryCaseDto(created);
    });
  }

  async listOrganizationCases(
    principal: Principal,
    organizationId: string,
    query: PageQueryDto,
  ): Promise<Page<DisciplinaryCaseDto>> {
    await this.requireCollectiveInScope(principal, organizationId);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = cursorOf<[string, string]>(query.cursor, [isDate, isUuid]);
    const rows = await this.individuals.listCases({ organizationId }, { after, limit });
    return toPage(rows, limit, (row) => [row.openedOn, row.id], toDisciplinaryCaseDto);
  }

  /** The organization of the path, or 404; then the caller's scope must reach it. */
  private async requireCollectiveInScope(principal: Principal, organizationId: string): Promise<void> {
    const organization = await this.organizations.findById(organizationId);
    if (!organization) throw ApiError.notFound('Organization', organizationId);
    await this.scope.assertInScope(principal, organizationId);
  }

  // --- for other modules ---------------------------------------------------------------------------------------

  /** The person, or 404. No scope check: callers check the scope that fits their operation. */
  async require(id: string): Promise<Individual> {
    const individual = await this.individuals.findById(id);
    if (!individual) throw ApiError.notFound('Individual', id);
    return individual;
  }

  // --- helpers -------------------------------------------------------------------------------------------------

  /**
   * 404 for an unknown person, 403 when the caller's scope does not reach the person's organization. Which roles
   * may read or write is settled by the route's `@Roles`.
   */
  private async requireInScope(principal: Principal, id: string): Promise<Individual> {
    const individual = await this.require(id);
    await this.scope.assertInScope(principal, individual.organizationId);
    return individual;
  }

  /**
   * R-ORG-1: a person is placed (created, or moved) only in a unit that exists today. Share-locked, so a
   * concurrent dissolution of the unit is seen, or waits until the person is placed.
   */
  private async assertOrganizationAlive(organizationId: string): Promise<void> {
    const organization = await this.organizations.findOneForShare(organizationId);
    if (!organization) return;
    const check = checkOrganizationLife(organization, todayInVietnam(), 'MEMBER');
    if (!check.passed) {
      throw ApiError.ruleViolation(check.message, [{ rule: check.rule, message: check.message }]);
    }
  }

  /** An unknown organization is a 422 INVALID_REFERENCE (the body names something that does not exist). */
  private async requireOrganizationInScope(principal: Principal, organizationId: string): Promise<void> {
    const organization = await this.organizations.findById(organizationId);
    if (!organization) {
      throw new ApiError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ErrorCode.INVALID_REFERENCE,
        'A rule forbids this',
        referenceMissing('entity.organization', organizationId),
        { errors: [{ field: 'organizationId', message: msg('organization.missing') }] },
      );
    }
    await this.scope.assertInScope(principal, organizationId);
  }
}

/**
 * A measure (R-DISC-1) comes with the dates it is in force, in order, and only on a person's case; the dates
 * without a measure mean nothing.
 */
function assertMeasure(dto: CloseDisciplinaryCaseDto, onPerson: boolean): void {
  const { measure, measureFrom, measureTo } = dto;
  if (measure === undefined) {
    if (measureFrom !== undefined) throw ApiError.badRequest('measureFrom', msg('individual.measureDatesAlone'));
    if (measureTo !== undefined) throw ApiError.badRequest('measureTo', msg('individual.measureDatesAlone'));
    return;
  }
  if (!onPerson) throw ApiError.badRequest('measure', msg('individual.measureOnCollective'));
  if (measureFrom === undefined) throw ApiError.badRequest('measureFrom', msg('individual.measureDates'));
  if (measureTo === undefined) throw ApiError.badRequest('measureTo', msg('individual.measureDates'));
  if (measureTo < measureFrom) throw ApiError.badRequest('measureTo', msg('individual.measureOrder'));
}

function assertJoinedAfterBirth(values: {
  birthDate: string | null;
  joinedOn: string | null;
  recruitedOn: string | null;
}): void {
  if (values.recruitedOn !== null && values.joinedOn !== null && values.joinedOn < values.recruitedOn) {
    throw ApiError.badRequest('recruitedOn', msg('individual.recruitedBeforeJoined'));
  }
  if (values.birthDate !== null && values.recruitedOn !== null && values.recruitedOn <= values.birthDate) {
    throw ApiError.badRequest('recruitedOn', msg('individual.joinedAfterBirth'));
  }
  if (values.birthDate !== null && values.joinedOn !== null && values.joinedOn <= values.birthDate) {
    throw ApiError.badRequest('joinedOn', msg('individual.joinedAfterBirth'));
  }
}
