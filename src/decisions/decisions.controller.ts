import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { PublicRead } from '../common/http/public-cache.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, type Page } from '../common/pagination/pagination.js';
import { DecisionsService } from './decisions.service.js';
import { CreateDecisionDto, DecisionDto, DecisionSummaryDto, ListDecisionsQueryDto } from './dto/decision.dto.js';

@ApiTags('decisions')
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post()
  @Roles('APPROVER')
  @ApiOperation({
    summary: 'Sign a decision (quyết định khen thưởng) granting the given APPROVED nominations',
    description:
      'All or nothing, in one transaction. The caller must be ADMIN or an APPROVER whose scope holds the issuer ' +
      'and every proposing unit. Refusals: a nomination that is not APPROVED → 409 `NOMINATION_NOT_APPROVED`; ' +
      'an unknown nomination or issuer → 422 `INVALID_REFERENCE`; 422 `violations` for R-AUTH-4 (the authority ' +
      'follows from the issuer’s kind: a stated `authority` that disagrees, or an issuer without competence such ' +
      'as a UNIT), R-AUTH-1..4 (the authority may not decide a code on that date; the Prime Minister’s awards are ' +
      'never decided here), R-HOLD-1 (open disciplinary case), R-NUM-1 (issuer without ' +
      'a document symbol) and R-MONEY-1 (no base salary on that date). Without `number` the next number of the ' +
      'issuer’s series for the year is assigned, gapless under any concurrency; a refused decision uses up no ' +
      'number. A `number` already used that year → 409 `DECISION_NUMBER_TAKEN`. Each award gets its bonus ' +
      '(R-MONEY-1) and an unguessable verification code; each nomination becomes DECIDED.',
  })
  @ApiCreatedResponse({ type: DecisionDto })
  @ApiProblems('400', '409', '422')
  create(@Body() dto: CreateDecisionDto, @CurrentPrincipal() principal: Principal): Promise<DecisionDto> {
    return this.decisions.create(dto, principal);
  }

  @Get()
  @Public()
  @PublicRead()
  @ApiOperation({ summary: 'List issued decisions, newest first (public register of decisions)' })
  @ApiOkResponse({ type: PageOf(DecisionSummaryDto) })
  @ApiProblems('400')
  list(@Query() query: ListDecisionsQueryDto): Promise<Page<DecisionSummaryDto>> {
    return this.decisions.list(query);
  }

  @Get(':id')
  @Public()
  @PublicRead()
  @ApiIdParam()
  @ApiOperation({ summary: 'Get one decision with every award it granted (revoked ones marked)' })
  @ApiOkResponse({ type: DecisionDto })
  @ApiProblems('400', '404')
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() viewer: Principal): Promise<DecisionDto> {
    return this.decisions.get(id, viewer);
  }
}
