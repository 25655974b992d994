import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { DeleteQuotaQueryDto, PutQuotaDto, QuotaLimitListDto, QuotaQueryDto, UnitQuotaDto } from './dto/quota.dto.js';
import { QuotasService } from './quotas.service.js';

@ApiTags('quotas')
@Controller('quotas')
export class QuotasController {
  constructor(private readonly quotas: QuotasService) {}

  @Put()
  @Roles('APPROVER')
  @ApiOperation({
    summary: "Set a unit's own quota (chỉ tiêu) for a year and award code (R-QUOTA-UNIT)",
    description:
      'Creates or replaces the quota of `organizationId`, `year` and `awardCode`: `maxCount`, `maxRatio` of `ratioOf` ' +
      '(another award code counted in the same organization and year, or HEADCOUNT — the default), or both; the ' +
      'tightest wins. Set from above the unit only: by an APPROVER whose scope organization is above ' +
      "`organizationId`, or an ADMIN — never by the unit's own approver, who approves against the quota (403 " +
      '`NOT_ABOVE_ORGANIZATION`). An unknown organization is a 422 `INVALID_REFERENCE`.',
  })
  @ApiOkResponse({ type: UnitQuotaDto })
  @ApiProblems('400', '422')
  put(@CurrentPrincipal() principal: Principal, @Body() dto: PutQuotaDto): Promise<UnitQuotaDto> {
    return this.quotas.put(principal, dto);
  }

  @Get()
  @Roles('APPROVER', 'HR_OFFICER', 'AUDITOR')
  @ApiOperation({
    summary: 'Quota limits in force for a proposing organization and year, with what is used and what remains',
    description:
      'Lists the legal limits (R-QUOTA-CSCS when enabled, R-QUOTA-CSTINH when switched on) and each limit of the ' +
      "unit's own quotas. `used` counts awards not revoked plus APPROVED nominations of the organization, year and " +
      'code; approving one more needs `used + 1 ≤ limit` for every limit. An unknown organization is a 422.',
  })
  @ApiOkResponse({ type: QuotaLimitListDto })
  @ApiProblems('400', '422')
  list(@CurrentPrincipal() principal: Principal, @Query() query: QuotaQueryDto): Promise<QuotaLimitListDto> {
    return this.quotas.list(principal, query);
  }

  @Delete()
  @Roles('APPROVER')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: "Remove a unit's own quota for a year and award code",
    description:
      'From above the unit only, like `PUT /quotas`: an APPROVER whose scope organization is above ' +
      "`organizationId`, or an ADMIN (403 `NOT_ABOVE_ORGANIZATION` for the unit's own approver).",
  })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems('400', '404', '422')
  remove(@CurrentPrincipal() principal: Principal, @Query() query: DeleteQuotaQueryDto): Promise<void> {
    return this.quotas.remove(principal, query);
  }
}
