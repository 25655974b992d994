import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public, Roles } from '../auth/decorators.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { PublicRead } from '../common/http/public-cache.js';
import { AwardTypesService } from './award-types.service.js';
import { AwardTypeDto, AwardTypeListDto, AwardTypeParamsDto } from './dto/award-type.dto.js';
import { PutVotePolicyDto, VotePolicyDto } from './dto/vote-policy.dto.js';

@ApiTags('award-types')
@Controller('award-types')
export class AwardTypesController {
  constructor(private readonly awardTypes: AwardTypesService) {}

  @Get()
  @Public()
  @PublicRead()
  @ApiOperation({
    summary: 'The catalogue of emulation titles and commendation forms (danh hiệu thi đua, hình thức khen thưởng)',
    description:
      'All award types in display order (a dozen rows, not paged). Read-only: the catalogue changes by migration.',
  })
  @ApiOkResponse({ type: AwardTypeListDto })
  @ApiProblems()
  list(): Promise<AwardTypeListDto> {
    return this.awardTypes.list();
  }

  @Get(':code')
  @Public()
  @PublicRead()
  @ApiOperation({ summary: 'One award type by code' })
  @ApiOkResponse({ type: AwardTypeDto })
  @ApiProblems('400', '404')
  get(@Param() params: AwardTypeParamsDto): Promise<AwardTypeDto> {
    return this.awardTypes.get(params.code);
  }

  @Put(':code/vote-policy')
  @Roles()
  @ApiTags('rule-settings')
  @ApiOperation({
    // The operation id it had when the rule-settings controller served it: generated clients keep their method.
    operationId: 'RuleSettings_putVotePolicy',
    summary: 'Set whether an award code needs a council vote before approval, and its pass mark (R-VOTE-1)',
    description: 'The pass mark is a share of all council members; the quorum stays 2/3 of all members.',
  })
  @ApiOkResponse({ type: VotePolicyDto })
  @ApiProblems('400', '404')
  putVotePolicy(@Param() params: AwardTypeParamsDto, @Body() dto: PutVotePolicyDto): Promise<VotePolicyDto> {
    return this.awardTypes.putVotePolicy(params.code, dto);
  }
}
