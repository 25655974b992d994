import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { AwardStatsDto, AwardStatsQueryDto, Form0603Dto, Form0603QueryDto } from './dto/stats.dto.js';
import { StatsService } from './stats.service.js';

const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('stats')
@ApiExtraModels(Form0603Dto)
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
  @ApiProduces('application/json', XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Form 0603.N/BNV-TĐKT of Circular 02/2023/TT-BNV (due to the Ministry of Home Affairs on 15 December)',
    description:
      '"Số lượng khen thưởng cấp bộ, ban, ngành, đoàn thể Trung ương và tỉnh": the awards decided by the reporting ' +
      'province’s (or ministry’s) own head in `year` — not by its departments, nor a ministry’s awards to its staff — ' +
      'history included, revoked ones left out. Rows 01–17: total; collectives (of which enterprises), households, ' +
      'individuals by reporting group; by basis. Columns 1–5: total, Bằng khen, Chiến sĩ thi đua cấp bộ/tỉnh, Cờ thi ' +
      'đua, Huy hiệu / Kỷ niệm chương. With `Accept: ' +
      XLSX_CONTENT_TYPE +
      '` the answer is the form as a workbook laid out like the paper form.',
  })
  @ApiOkResponse({
    type: Form0603Dto,
    content: {
      'application/json': { schema: { $ref: getSchemaPath(Form0603Dto) } },
      [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } },
    },
  })
  @ApiProblems('400', '404')
  async form0603(
    @Query() query: Form0603QueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Form0603Dto | Buffer> {
    if (accept?.includes(XLSX_CONTENT_TYPE)) {
      const { body, fileName } = await this.stats.form0603Workbook(query);
      void reply
        .header('content-type', XLSX_CONTENT_TYPE)
        .header('content-disposition', `attachment; filename="${fileName}"`);
      return body;
    }
    return this.stats.form0603(query);
  }
}
