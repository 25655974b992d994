import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { AwardStatsDto, AwardStatsQueryDto, Form0603Dto, Form0603QueryDto } from './dto/stats.dto.js';
import { StatsService } from './stats.service.js';

@ApiTags('stats')
@Controller('stats')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('awards')
  @Public()
  @ApiOperation({
    summary: 'Award statistics (thống kê khen thưởng): counts and bonus totals',
    description:
      'Awards not revoked, filtered like `GET /awards` (`year` is the award year; `organizationId` the whole ' +
      'subtree) and grouped by award code (default), organization, recipient kind or basis.',
  })
  @ApiOkResponse({ type: AwardStatsDto })
  @ApiProblems('400')
  awards(@Query() query: AwardStatsQueryDto): Promise<AwardStatsDto> {
    return this.stats.awards(query);
  }

  @Get('form-0603')
  @Public()
  @ApiOperation({
    summary: 'Form 0603 of Circular 02/2023/TT-BNV: province-level awards by recipient group and basis',
    description:
      'The annual report to the Ministry of Home Affairs (due 15 December): for each title and form of the ' +
      'province (Bằng khen của Chủ tịch UBND tỉnh, Chiến sĩ thi đua cấp tỉnh, Tập thể lao động xuất sắc, Cờ thi ' +
      'đua của UBND tỉnh), the awards granted by decisions dated in the reporting year `year`, split into ' +
      'collectives and individuals and by basis, with bonus totals. Revoked awards do not count. Individuals are ' +
      'not split further: the registry keeps position as free text, not as the form’s categories.',
  })
  @ApiOkResponse({ type: Form0603Dto })
  @ApiProblems('400')
  form0603(@Query() query: Form0603QueryDto): Promise<Form0603Dto> {
    return this.stats.form0603(query);
  }
}
