import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { AwardDto } from '../awards/dto/award.dto.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { PublicRead } from '../common/http/public-cache.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, type Page } from '../common/pagination/pagination.js';
import {
  CreateRevocationDto,
  ListRevocationsQueryDto,
  ReviewAwardDto,
  RevocationDto,
  RevocationSummaryDto,
  RevokeAwardDto,
} from './dto/revocation.dto.js';
import { RevocationsService } from './revocations.service.js';

const CREATE_DESCRIPTION =
  'A revocation is itself a decision (R-REVOKE-1, Law 2022 Art 93): number, date, issuer and ground (Art 93.2 ' +
  'points a–d). All or nothing, in one transaction. ADMIN, or an APPROVER whose scope holds the issuer. The ' +
  'revoked awards stay in history marked `revoked` with their `revocation`, stop counting for eligibility and ' +
  'quotas (a new regular nomination for the same year is allowed again), verify as `valid: false`, and their ' +
  'bonus becomes due for recovery (`bonusRecovery`). Later awards of the same recipients whose eligibility counted ' +
  'a revoked one (CSTĐ cơ sở years of a CSTĐ tỉnh or a Bằng khen…) are flagged `needsReview` and listed in ' +
  '`flagged`, never revoked. Refusals: an unknown award or issuer → 422 `INVALID_REFERENCE`; an award already ' +
  'revoked → 409 `AWARD_ALREADY_REVOKED`; 422 `violations` for R-REVOKE-1 (an issuer that neither granted the ' +
  'award nor is above the one that did, or holds no authority on the date; a date before the award’s decision or ' +
  'after today), R-ORG-1 (an issuer that no longer exists, or not yet, on the date: Circular 15/2025/TT-BNV; Law ' +
  '2022 Art 79–80) and R-NUM-1 (the number, as for award decisions: one register, one series). A number already used ' +
  'that year by a decision or a revocation → 409 `DECISION_NUMBER_TAKEN`.';

@ApiTags('revocations')
@Controller('revocations')
export class RevocationsController {
  constructor(private readonly revocations: RevocationsService) {}

  @Post()
  @Roles('APPROVER')
  @ApiOperation({
    summary: 'Record a revocation decision (quyết định hủy bỏ khen thưởng)',
    description: CREATE_DESCRIPTION,
  })
  @ApiCreatedResponse({ type: RevocationDto })
  @ApiProblems('400', '409', '422')
  create(@Body() dto: CreateRevocationDto, @CurrentPrincipal() principal: Principal): Promise<RevocationDto> {
    return this.revocations.create(dto, principal);
  }

  @Get()
  @Public()
  @PublicRead()
  @ApiOperation({
    summary: 'List revocation decisions, newest first (public: the ground, never the reason)',
    description:
      'Revocation decisions are public acts: number, date, issuer and ground. `reason` is served to ADMIN and ' +
      'AUDITOR keys and to APPROVER keys in scope of the issuer only.',
  })
  @ApiOkResponse({ type: PageOf(RevocationSummaryDto) })
  @ApiProblems('400')
  list(
    @Query() query: ListRevocationsQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<RevocationSummaryDto>> {
    return this.revocations.list(query, viewer);
  }

  @Get(':id')
  @Public()
  @PublicRead()
  @ApiIdParam()
  @ApiOperation({ summary: 'Get one revocation decision with the awards it revoked and those it flagged for review' })
  @ApiOkResponse({ type: RevocationDto })
  @ApiProblems('400', '404')
  get(@Param('id', UuidPipe) id: string, @CurrentPrincipal() viewer: Principal): Promise<RevocationDto> {
    return this.revocations.get(id, viewer);
  }
}

/** The decision's one-award shortcut, kept under its old path. */
@ApiTags('decisions')
@Controller('decisions')
export class DecisionRevocationController {
  constructor(private readonly revocations: RevocationsService) {}

  @Post(':id/awards/:awardId/revoke')
  @Roles('APPROVER')
  @ApiIdParam()
  @ApiIdParam('awardId', 'UUID of a line (award) of this decision')
  @ApiOperation({
    summary: 'Revoke one award of the decision: a revocation decision of one award (R-REVOKE-1)',
    description:
      'The same fields as `POST /revocations` (issuer, number, date, ground, reason) with the award named by the ' +
      'path; an award that is not a line of the decision → 404. ' +
      CREATE_DESCRIPTION,
  })
  @ApiCreatedResponse({ type: RevocationDto })
  @ApiProblems('400', '404', '409', '422')
  revoke(
    @Param('id', UuidPipe) id: string,
    @Param('awardId', UuidPipe) awardId: string,
    @Body() dto: RevokeAwardDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<RevocationDto> {
    return this.revocations.revokeLine(id, awardId, dto, principal);
  }
}

/** Clearing the review flag a revocation set (R-REVOKE-1). */
@ApiTags('awards')
@Controller('awards')
export class AwardReviewController {
  constructor(private readonly revocations: RevocationsService) {}

  @Post(':id/review')
  @Roles('APPROVER')
  @HttpCode(HttpStatus.OK)
  @ApiIdParam()
  @ApiOperation({
    summary: 'Record the review of an award flagged `needsReview` after a prerequisite was revoked (R-REVOKE-1)',
    description:
      'ADMIN, or an APPROVER whose scope holds the issuer of the award’s decision. `CONFIRMED` clears the flag; an ' +
      'award that does not stand is revoked by a revocation decision of its own. Not flagged → 409 `INVALID_STATE`.',
  })
  @ApiOkResponse({ type: AwardDto })
  @ApiProblems('400', '404', '409')
  review(
    @Param('id', UuidPipe) id: string,
    @Body() dto: ReviewAwardDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<AwardDto> {
    return this.revocations.review(id, dto, principal);
  }
}
