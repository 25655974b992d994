import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { DisciplinaryCaseDto, OpenDisciplinaryCaseDto } from './dto/disciplinary-case.dto.js';
import {
  CreateIndividualDto,
  IndividualDto,
  ListIndividualsQueryDto,
  UpdateIndividualDto,
} from './dto/individual.dto.js';
import { CreateInitiativeDto, InitiativeDto } from './dto/initiative.dto.js';
import { PutRatingDto, RatingDto } from './dto/rating.dto.js';
import { IndividualsService } from './individuals.service.js';
import { ApiYearParam, YearParam } from './year.param.js';

/**
 * People (cá nhân) with their annual ratings, initiatives and disciplinary cases. Everything here is personal
 * data: no route is public. HR officers write within their scope; HR officers and approvers read within their
 * scope; auditors read everything.
 */
@ApiTags('individuals')
@Controller('individuals')
export class IndividualsController {
  constructor(private readonly individuals: IndividualsService) {}

  @Post()
  @Roles('HR_OFFICER')
  @ApiOperation({
    summary: 'Register a person (cá nhân)',
    description:
      "An unknown `organizationId` is a 422 `INVALID_REFERENCE`; an organization that does not exist today (dissolved, merged, or founded later) a 422 `R-ORG-1` (Circular 15/2025/TT-BNV); a `nationalId` already registered is a 409 `NATIONAL_ID_TAKEN`, the same whether the holder is in the caller's scope or not (it names no person and no organization).",
  })
  @ApiCreatedResponse({ type: IndividualDto })
  @ApiProblems('400', '409', '422')
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateIndividualDto): Promise<IndividualDto> {
    return this.individuals.create(principal, dto);
  }

  @Get()
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiOperation({
    summary: 'List people, ordered by full name',
    description:
      'HR officers and approvers see their own subtree only. `organizationId` narrows to that organization and everything under it; `q` searches names without diacritics or case.',
  })
  @ApiOkResponse({ type: PageOf(IndividualDto) })
  @ApiProblems('400')
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListIndividualsQueryDto,
  ): Promise<Page<IndividualDto>> {
    return this.individuals.list(principal, query);
  }

  @Get(':id')
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiIdParam()
  @ApiOperation({ summary: 'Get one person' })
  @ApiOkResponse({ type: IndividualDto })
  @ApiProblems('400', '404')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<IndividualDto> {
    return this.individuals.get(principal, id);
  }

  @Patch(':id')
  @Roles('HR_OFFICER')
  @ApiIdParam()
  @ApiOperation({
    summary: 'Update a person; a new organizationId moves them',
    description:
      "Moving a person needs both the old and the new organization in the caller's scope, and a new organization that exists today (else 422 `R-ORG-1`, Circular 15/2025/TT-BNV); a person of a dissolved organization is still edited and moved out. `null` clears an optional field.",
  })
  @ApiOkResponse({ type: IndividualDto })
  @ApiProblems('400', '404', '409', '422')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateIndividualDto,
  ): Promise<IndividualDto> {
    return this.individuals.update(principal, id, dto);
  }

  @Put(':id/ratings/:year')
  @Roles('HR_OFFICER')
  @ApiIdParam()
  @ApiYearParam()
  @ApiOperation({ summary: 'Set the annual rating (xếp loại) of a person for a year, replacing any earlier one' })
  @ApiOkResponse({ type: RatingDto })
  @ApiProblems('400', '404')
  putRating(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @YearParam() year: number,
    @Body() dto: PutRatingDto,
  ): Promise<RatingDto> {
    return this.individuals.putRating(principal, id, year, dto.rating);
  }

  @Get(':id/ratings')
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiIdParam()
  @ApiOperation({ summary: 'Annual ratings of a person, newest year first' })
  @ApiOkResponse({ type: PageOf(RatingDto) })
  @ApiProblems('400', '404')
  listRatings(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<RatingDto>> {
    return this.individuals.listRatings(principal, id, query);
  }

  @Post(':id/initiatives')
  @Roles('HR_OFFICER')
  @ApiIdParam()
  @ApiOperation({
    summary: 'Record an initiative or research project (sáng kiến, đề tài khoa học) recognised for a person',
  })
  @ApiCreatedResponse({ type: InitiativeDto })
  @ApiProblems('400', '404')
  addInitiative(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CreateInitiativeDto,
  ): Promise<InitiativeDto> {
    return this.individuals.addInitiative(principal, id, dto);
  }

  @Get(':id/initiatives')
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiIdParam()
  @ApiOperation({ summary: 'Initiatives of a person, newest first' })
  @ApiOkResponse({ type: PageOf(InitiativeDto) })
  @ApiProblems('400', '404')
  listInitiatives(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<InitiativeDto>> {
    return this.individuals.listInitiatives(principal, id, query);
  }

  @Post(':id/disciplinary-cases')
  @Roles('HR_OFFICER')
  @ApiIdParam()
  @ApiOperation({
    summary: 'Open a disciplinary case, investigation or inspection (kỷ luật, điều tra, thanh tra)',
    description: 'While the case is open every nomination of the person is held (R-HOLD-1, Decree 98 Art 4).',
  })
  @ApiCreatedResponse({ type: DisciplinaryCaseDto })
  @ApiProblems('400', '404')
  openCase(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: OpenDisciplinaryCaseDto,
  ): Promise<DisciplinaryCaseDto> {
    return this.individuals.openCase(principal, id, dto);
  }

  @Get(':id/disciplinary-cases')
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiIdParam()
  @ApiOperation({ summary: 'Disciplinary cases of a person, most recently opened first' })
  @ApiOkResponse({ type: PageOf(DisciplinaryCaseDto) })
  @ApiProblems('400', '404')
  listCases(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DisciplinaryCaseDto>> {
    return this.individuals.listCases(principal, id, query);
  }
}
