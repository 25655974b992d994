import { Controller, Get, HttpStatus, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Public, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { ImportProblemDto } from '../nominations/import/dto/import-result.dto.js';
import { XLSX_CONTENT_TYPE } from '../nominations/import/import-template.js';
import { HistoryImportResultDto } from './dto/history-import.dto.js';
import { HISTORY_COLUMNS } from './history-rows.js';
import { HistoryImportService } from './history-import.service.js';
import { buildHistoryTemplate } from './history-template.js';
import { requireUploadedFile } from '../common/http/uploaded-file.js';

const DESCRIPTION = `An agency's past decisions and awards (any year, level and authority, state-level ones included) from its spreadsheets: \`multipart/form-data\`, the \`.xlsx\` or \`.csv\` file in the field \`file\` (the same reading as \`POST /nominations/import\`; up to ${'`IMPORT_MAX_BYTES`'} and 200,000 rows).

Columns (header in row 1, any order): ${HISTORY_COLUMNS.map((c) => `\`${c}\``).join(', ')}. Required: \`decisionNumber\` (as written, starting with its number: \`125/QĐ-UBND\`), \`issuedOn\`, \`issuerName\` (as written), \`authority\`, \`awardCode\`, \`year\`; \`issuerOrganizationCode\` when the issuer is an organization of the registry. The recipient: \`nationalId\`, or \`fullName\` with \`organizationCode\` (exactly one person of that name in the unit), or a collective by \`collectiveCode\`, within the key's scope. \`basis\` defaults to REGULAR, the achievement period (\`periodFrom\` ≤ \`periodTo\` ≤ \`year\`) to the code's span ending with the year (CSTĐ tỉnh 3 years, Bằng khen tỉnh 2, Bằng khen Thủ tướng 5, yearly titles 1; Decree 98/2023 Art 30.9), \`bonusAmount\` (VND, as recorded) to 0.

**All rows or none**: a bad file is a 422 \`IMPORT_INVALID\` naming every bad row (\`{ row, field, message }\`). A row naming as issuer (\`issuerOrganizationCode\`) or collective (\`collectiveCode\`) an organization that did not exist on the decision date is one of them (R-ORG-1, Circular 15/2025/TT-BNV; Law 2022 Art 79–80), as is a regular award given twice (R-DUP-1). The awards are marked \`source: HISTORY\`: the rules count them as any award on record, and judge them by no other rule. **Idempotent** by the file's SHA-256: the same file again answers 200 with what the first upload stored.`;

/** The import of an agency's history, and its template. */
@ApiTags('history')
@Controller('history/import')
export class HistoryImportController {
  constructor(private readonly imports: HistoryImportService) {}

  @Post()
  @Roles('HR_OFFICER')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'The .xlsx or .csv file of past awards' } },
    },
  })
  @ApiOperation({
    summary: 'Import past decisions and awards (lịch sử khen thưởng): all rows or none',
    description: DESCRIPTION,
  })
  @ApiCreatedResponse({ type: HistoryImportResultDto, description: 'The file was imported' })
  @ApiOkResponse({ type: HistoryImportResultDto, description: 'The same file was imported before' })
  @ApiProblems('400', '409')
  @ApiUnprocessableEntityResponse({
    type: ImportProblemDto,
    description: '`IMPORT_INVALID`: `errors` list every bad row, column and reason; nothing stored',
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HistoryImportResultDto> {
    const { created, result } = await this.imports.import(principal, requireUploadedFile(file, request));
    if (!created) void reply.status(HttpStatus.OK);
    return result;
  }

  @Get('template.xlsx')
  @Public()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Download the history import template (Excel)',
    description: 'Sheet "Lịch sử": the header row and two example rows to replace; sheet "Hướng dẫn": a short guide.',
  })
  @ApiOkResponse({
    description: 'The workbook',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems()
  async template(@Res() reply: FastifyReply): Promise<void> {
    void reply
      .header('content-type', XLSX_CONTENT_TYPE)
      .header('content-disposition', 'attachment; filename="history-import-template.xlsx"')
      .header('cache-control', 'public, max-age=3600')
      .header('x-content-type-options', 'nosniff')
      .send(await buildHistoryTemplate());
  }
}
