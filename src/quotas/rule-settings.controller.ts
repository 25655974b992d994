import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { AwardTypeParamsDto } from '../award-types/dto/award-type.dto.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { PutVotePolicyDto, QuotaSettingsDto, RuleSettingsDto, VotePolicyDto } from './dto/rule-settings.dto.js';
import { QuotasService } from './quotas.service.js';

/** The configurable ([C]) rules (docs/rules.md): quota switches and ratios, council vote policies. */
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

  @Put('award-types/:code/vote-policy')
  @Roles()
  @ApiTags('award-types')
  @ApiOperation({
    summary: 'Set whether an award code needs a council vote before approval, and its pass mark (R-VOTE-1)',
    description: 'The pass mark is a share of all council members; the quorum stays 2/3 of all members.',
  })
  @ApiOkResponse({ type: VotePolicyDto })
  @ApiProblems('400', '404')
  putVotePolicy(@Param() params: AwardTypeParamsDto, @Body() dto: PutVotePolicyDto): Promise<VotePolicyDto> {
    return this.quotas.putVotePolicy(params.code, dto);
  }
}
