import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, PageQueryDto, type Page } from '../common/pagination/pagination.js';
import { DisciplinaryCaseDto, OpenDisciplinaryCaseDto } from './dto/disciplinary-case.dto.js';
import { IndividualsService } from './individuals.service.js';

/**
 * Cases on a collective (R-HOLD-1, Decree 98/2023 Art 4; Decree 152/2025): the same records and closing route
 * (`POST /disciplinary-cases/{id}/close`) as a person's cases.
 */
@ApiTags('organizations')
@Controller('organizations')
export class OrganizationCasesController {
  constructor(private readonly individuals: IndividualsService) {}

  @Post(':id/cases')
  @Roles('HR_OFFICER')
  @ApiIdParam()
  @ApiOperation({
    summary:
      'Open a case on a collective: inspection, investigation, complaint, denunciation, press report (thanh tra, điều tra, khiếu nại, tố cáo, phản ánh)',
    description:
      'While the case is open every nomination of the collective is held: it cannot be approved or decided (R-HOLD-1, Decree 98 Art 4; Decree 152/2025). Close it with `POST /disciplinary-cases/{id}/close`.',
  })
  @ApiCreatedResponse({ type: DisciplinaryCaseDto })
  @ApiProblems('400', '404')
  open(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: OpenDisciplinaryCaseDto,
  ): Promise<DisciplinaryCaseDto> {
    return this.individuals.openOrganizationCase(principal, id, dto);
  }

  @Get(':id/cases')
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiIdParam()
  @ApiOperation({ summary: 'Cases on a collective, most recently opened first' })
  @ApiOkResponse({ type: PageOf(DisciplinaryCaseDto) })
  @ApiProblems('400', '404')
  list(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<DisciplinaryCaseDto>> {
    return this.individuals.listOrganizationCases(principal, id, query);
  }
}
