import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { QuotaSettingsDto, RuleSettingsDto } from './dto/rule-settings.dto.js';
import { QuotasService } from './quotas.service.js';

/**
 * The configurable ([C]) rules (docs/rules.md): quota switches and ratios, and the council vote policies read from
 * the catalogue (set by `PUT /award-types/{code}/vote-policy`, served by the award-types module).
 */
@ApiTags('rule-settings')
@Controller()
export class RuleSettingsController {
  constructor(private readonly quotas: QuotasService) {}

  @Get('rule-settings')
  @Roles('APPROVER', 'HR_OFFICER', 'AUDITOR')
  @ApiOperation({
    summary: 'The configurable rule settings: quota switches and ratios, vote policy of each award code',
  })
  @ApiOkResponse({ type: RuleSettingsDto })
  @ApiProblems()
  get(): Promise<RuleSettingsDto> {
    return this.quotas.ruleSettings();
  }

  @Put('rule-settings/quotas')
  @Roles()
  @ApiOperation({
    summary: 'Switch the legal quotas on or off and change their ratios (R-QUOTA-CSCS, R-QUOTA-CSTINH)',
    description: 'Replaces all four values. Takes effect for the next approval; approved nominations stay approved.',
  })
  @ApiOkResponse({ type: QuotaSettingsDto })
  @ApiProblems('400')
  putQuotas(@Body() dto: QuotaSettingsDto): Promise<QuotaSettingsDto> {
    return this.quotas.putQuotaSettings(dto);
  }
}
