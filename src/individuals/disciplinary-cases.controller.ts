import { Body, Controller, HttpCode, HttpStatus, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { CloseDisciplinaryCaseDto, DisciplinaryCaseDto } from './dto/disciplinary-case.dto.js';
import { IndividualsService } from './individuals.service.js';

/** Disciplinary cases by their own id (opening one goes through the person: `POST /individuals/{id}/disciplinary-cases`). */
@ApiTags('individuals')
@Controller('disciplinary-cases')
export class DisciplinaryCasesController {
  constructor(private readonly individuals: IndividualsService) {}

  @Post(':id/close')
  @HttpCode(HttpStatus.OK)
  @Roles('HR_OFFICER')
  @ApiIdParam()
  @ApiOperation({
    summary: "Close a disciplinary case: the hold on the person's nominations ends (R-HOLD-1)",
    description:
      'A case already closed is a 409 `CASE_ALREADY_CLOSED`; `closedOn` before `openedOn` is a 422 `CLOSED_BEFORE_OPENED`.',
  })
  @ApiOkResponse({ type: DisciplinaryCaseDto })
  @ApiProblems('400', '404', '409', '422')
  close(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: CloseDisciplinaryCaseDto,
  ): Promise<DisciplinaryCaseDto> {
    return this.individuals.closeCase(principal, id, dto);
  }
}
