import { Controller, Get, Param, Query } from '@nestjs/common';
import { RouteSchema } from '@nestjs/platform-fastify';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Public } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, type Page } from '../common/pagination/pagination.js';
import { PublicRead } from '../common/http/public-cache.js';
import { AwardsService } from './awards.service.js';
import { AWARD_PAGE_SCHEMA } from './award-page.schema.js';
import { AwardDto, AwardHistoryQueryDto, ListAwardsQueryDto } from './dto/award.dto.js';

@ApiTags('awards')
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Get('awards')
  @Public()
  @PublicRead({ versionInBody: true, plainData: true })
  @RouteSchema({ response: { 200: AWARD_PAGE_SCHEMA } })
  @ApiOperation({
    summary: 'List granted awards (danh sách khen thưởng), newest first',
    description:
      'Public register of awards granted by decisions. Revoked awards (R-REVOKE-1) are hidden unless ' +
      '`includeRevoked=true`. `organizationId` matches the whole subtree: collectives in it and individuals whose ' +
      'unit was in it when the award was granted. `q` matches the recipient name without diacritics.',
  })
  @ApiOkResponse({ type: PageOf(AwardDto) })
  @ApiProblems('400')
  list(@Query() query: ListAwardsQueryDto, @CurrentPrincipal() viewer: Principal): Promise<Page<AwardDto>> {
    return this.awards.list(query, viewer);
  }

  @Get('individuals/:id/awards')
  @Public()
  @PublicRead({ versionInBody: true, plainData: true })
  @RouteSchema({ response: { 200: AWARD_PAGE_SCHEMA } })
  @ApiIdParam()
  @ApiOperation({
    summary: 'Award history of an individual (quá trình khen thưởng), newest first',
    description: 'Every award of the individual, revoked ones included and marked `revoked: true`.',
  })
  @ApiOkResponse({ type: PageOf(AwardDto) })
  @ApiProblems('400', '404')
  forIndividual(
    @Param('id', UuidPipe) id: string,
    @Query() query: AwardHistoryQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<AwardDto>> {
    return this.awards.forIndividual(id, query, viewer);
  }

  @Get('organizations/:id/awards')
  @Public()
  @PublicRead({ versionInBody: true, plainData: true })
  @RouteSchema({ response: { 200: AWARD_PAGE_SCHEMA } })
  @ApiIdParam()
  @ApiOperation({
    summary: 'Award history of an organization, newest first',
    description:
      'Awards whose organization is exactly this one: the collective’s own awards (`recipientKind=COLLECTIVE`) and ' +
      'awards of individuals who belonged to it when granted (`recipientKind=INDIVIDUAL`). Revoked ones included ' +
      'and marked. For a whole subtree use `GET /awards?organizationId=`.',
  })
  @ApiOkResponse({ type: PageOf(AwardDto) })
  @ApiProblems('400', '404')
  forOrganization(
    @Param('id', UuidPipe) id: string,
    @Query() query: AwardHistoryQueryDto,
    @CurrentPrincipal() viewer: Principal,
  ): Promise<Page<AwardDto>> {
    return this.awards.forOrganization(id, query, viewer);
  }
}
