import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { AwardTypesService } from './award-types.service.js';
import { AwardTypeDto, AwardTypeListDto, AwardTypeParamsDto } from './dto/award-type.dto.js';

@ApiTags('award-types')
@Controller('award-types')
export class AwardTypesController {
  constructor(private readonly awardTypes: AwardTypesService) {}

  @Get()
  @Public()
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
  @ApiOperation({ summary: 'One award type by code' })
  @ApiOkResponse({ type: AwardTypeDto })
  @ApiProblems('400', '404')
  get(@Param() params: AwardTypeParamsDto): Promise<AwardTypeDto> {
    return this.awardTypes.get(params.code);
  }
}
