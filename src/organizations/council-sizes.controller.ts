import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { CouncilSizesService } from './council-sizes.service.js';
import { CouncilSizeDto, CouncilSizeListDto, RecordCouncilSizeDto } from './dto/council-size.dto.js';

/**
 * The size of an organization's emulation council (Hội đồng Thi đua – Khen thưởng), kept as history: the "all
 * members" of R-VOTE-1 (Decree 91/2017 Art 45.8).
 */
@ApiTags('organizations')
@Controller('organizations')
export class CouncilSizesController {
  constructor(private readonly councilSizes: CouncilSizesService) {}

  @Post(':id/council-sizes')
  @Roles('APPROVER')
  @ApiIdParam()
  @ApiOperation({
    summary: "Record the size of an organization's emulation council from a date (R-VOTE-1)",
    description:
      'A new record every time: the history is kept, nothing is replaced. A council vote counts the members of the ' +
      "council in force on the meeting date: the proposing organization's own council, or else that of the nearest " +
      'organization above it with one. Recorded from above the organization only: by an APPROVER whose scope ' +
      "organization is above it, or an ADMIN — never by the organization's own approver (403 " +
      '`NOT_ABOVE_ORGANIZATION`).',
  })
  @ApiCreatedResponse({ type: CouncilSizeDto })
  @ApiProblems('400', '404')
  record(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RecordCouncilSizeDto,
  ): Promise<CouncilSizeDto> {
    return this.councilSizes.record(principal, id, dto);
  }

  @Get(':id/council-sizes')
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiIdParam()
  @ApiOperation({
    summary: "The history of an organization's council size, newest first",
    description: 'Any key may read it: the approvers of the units under the organization vote against it.',
  })
  @ApiOkResponse({ type: CouncilSizeListDto })
  @ApiProblems('400', '404')
  history(@Param('id', UuidPipe) id: string): Promise<CouncilSizeListDto> {
    return this.councilSizes.history(id);
  }
}
