import { Controller, Get, HttpStatus, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor, type UploadedMultipartFile } from '@nestjs/platform-fastify/multipart';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnprocessableEntityResponse,
  ApiUnsupportedMediaTypeResponse,
  ApiForbiddenResponse,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Public, Roles } from '../../auth/decorators.js';
import type { Principal } from '../../auth/principal.js';
import { ApiProblems } from '../../common/http/api-responses.js';
import { ProblemDto } from '../../common/http/problem.dto.js';
import { ImportProblemDto, ImportResultDto } from './dto/import-result.dto.js';
import { COLUMNS_MARKDOWN } from './import-columns.js';
import { buildCsvTemplate, buildXlsxTemplate, CSV_CONTENT_TYPE, XLSX_CONTENT_TYPE } from './import-template.js';
import { NominationImportService } from './nomination-import.service.js';
import { requireUploadedFile } from '../../common/http/uploaded-file.js';

const IMPORT_DESCRIPTION = `Upload a spreadsheet of nominations (nhập danh sách đề nghị khen thưởng từ Excel): \`multipart/form-data\` with the file in the field \`file\`, an \`.xlsx\` workbook (the first sheet is read) or a \`.csv\` file (UTF-8, with or without a byte order mark; comma- or semicolon-separated). The type is judged by the file name **and** the content; anything else is a 415. Files larger than the configured limit (\`IMPORT_MAX_BYTES\`, 5 MiB by default) or with more data rows than \`IMPORT_MAX_ROWS\` (2000 by default) are a 413, and so is a workbook that unpacks to more than 20 times \`IMPORT_MAX_BYTES\` (counted as it is inflated, whatever sizes the zip declares).

**Columns.** Row 1 is the header; its names are the field names of \`POST /nominations\`, in any order (matched without regard to case). Every following row is one nomination; blank rows are skipped. A column not listed here is an error.
${COLUMNS_MARKDOWN}

A row names exactly one nominee. The alternative columns let an HR office use the lists it keeps: a person by national id, an organization by its code; a row gives an id or its alternative, not both.

**All rows or none.** Every row is judged as \`POST /nominations\` judges a body (the same validation; the nominee and the proposing organization must exist; the award must take this kind of recipient, R-KIND-1; titles take REGULAR only, R-BASIS-2; no duplicate reward, R-DUP-1, judged by the rule engine as \`POST /nominations/check\` shows it, also between rows of the file), and all rows are created in one transaction, in \`DRAFT\`, each with its eligibility, exactly as \`POST /nominations\` would. If any row is bad, nothing is stored and the answer is a 422 \`IMPORT_INVALID\` whose \`errors\` list every bad row: \`{ row, field, message }\`, where \`row\` is the spreadsheet row a person sees (header = 1, first data row = 2) and \`field\` the column to fix (\`header\` or \`file\` for the file as a whole).

**Scope.** The proposing organization and the nominee of every row must lie within the HR officer's scope (the key's organization and its subtree). A file naming anything outside it is refused as a whole with a 403 \`OUT_OF_SCOPE\` whose \`errors\` list each such row and column; nothing is stored. A \`nationalId\` is looked up within the scope only: one held outside it gets the answer of one nobody holds (422 \`IMPORT_INVALID\`, field \`nationalId\`), and no answer names the organization of a person outside the scope.

**Idempotent.** Each nomination keeps the SHA-256 of the file and its row. Uploading the same file again creates nothing: the answer is a 200 with the nominations the first upload created (their current status) and \`created: 0\`. The first upload answers 201. A different file (even one changed by a single character) is a new import.

Templates with the header row, an example row and (in the workbook) a guide to every column: \`GET /nominations/import/template.xlsx\` and \`template.csv\`.`;

const FILE_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: {
      file: {
        type: 'string',
        format: 'binary',
        description: 'The `.xlsx` workbook or `.csv` file (UTF-8) of nominations, header in row 1',
      },
    },
  },
};

const TEMPLATE_NOTE =
  'Public: no token needed, the template holds no personal data. The example row uses placeholder ids: replace ' +
  'them with ids from `GET /individuals` and `GET /organizations` (or use the alternative columns `nationalId`, ' +
  '`organizationCode`, `proposingOrganizationCode`).';

/** Sends a generated template as a download. */
function sendTemplate(reply: FastifyReply, body: Buffer, contentType: string, fileName: string): FastifyReply {
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${fileName}"`)
    .header('cache-control', 'public, max-age=3600')
    .header('x-content-type-options', 'nosniff')
    .send(body);
}

/** Import of nominations from a spreadsheet, and the templates to fill in. */
@ApiTags('nominations')
@Controller('nominations/import')
export class NominationImportController {
  constructor(private readonly imports: NominationImportService) {}

  @Post()
  @Roles('HR_OFFICER')
  @UseInterceptors(FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody(FILE_BODY)
  @ApiOperation({
    summary: 'Import nominations from an .xlsx or .csv file: all rows or none',
    description: IMPORT_DESCRIPTION,
  })
  @ApiCreatedResponse({ type: ImportResultDto, description: 'The file was imported: one DRAFT nomination per row' })
  @ApiOkResponse({
    type: ImportResultDto,
    description: 'The same file was imported before: its nominations, `created: 0`',
  })
  @ApiProblems('400')
  @ApiForbiddenResponse({
    type: ImportProblemDto,
    description:
      'Not an HR officer (or ADMIN), or `OUT_OF_SCOPE`: `errors` list the rows naming organizations or people outside the scope',
  })
  @ApiPayloadTooLargeResponse({
    type: ProblemDto,
    description:
      'The file is larger than `IMPORT_MAX_BYTES`, has more rows than `IMPORT_MAX_ROWS`, or unpacks to more than 20 times `IMPORT_MAX_BYTES`',
  })
  @ApiUnsupportedMediaTypeResponse({
    type: ProblemDto,
    description: 'Not multipart/form-data, or the file is neither an .xlsx workbook nor UTF-8 .csv',
  })
  @ApiUnprocessableEntityResponse({
    type: ImportProblemDto,
    description: '`IMPORT_INVALID`: `errors` list every bad row, column and reason; nothing stored',
  })
  async import(
    @CurrentPrincipal() principal: Principal,
    @UploadedFile() file: UploadedMultipartFile | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ImportResultDto> {
    const { created, result } = await this.imports.import(principal, requireUploadedFile(file, request));
    if (!created) void reply.status(HttpStatus.OK);
    return result;
  }

  @Get('template.xlsx')
  @Public()
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Download the import template as an Excel workbook',
    description:
      'Sheet "Đề nghị": the header row and one example row (Vietnamese data) to replace; sheet "Hướng dẫn": every ' +
      `column explained in English and Vietnamese, with the allowed award codes and bases. ${TEMPLATE_NOTE}`,
  })
  @ApiOkResponse({
    description: 'The workbook',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems()
  async xlsxTemplate(@Res() reply: FastifyReply): Promise<void> {
    void sendTemplate(reply, await buildXlsxTemplate(), XLSX_CONTENT_TYPE, 'nominations-import-template.xlsx');
  }

  @Get('template.csv')
  @Public()
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Download the import template as CSV',
    description: `UTF-8 with a byte order mark (so Excel shows Vietnamese): the header row and one example row. ${TEMPLATE_NOTE}`,
  })
  @ApiOkResponse({
    description: 'The CSV file',
    content: { [CSV_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems()
  csvTemplate(@Res() reply: FastifyReply): void {
    void sendTemplate(reply, buildCsvTemplate(), CSV_CONTENT_TYPE, 'nominations-import-template.csv');
  }
}
