import { requestLocale } from '../i18n/index.js';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Roles } from '../auth/decorators.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { ExportAwardsQueryDto } from './dto/export-awards-query.dto.js';
import { CSV_CONTENT_TYPE, type ExportFile, ExportsService, XLSX_CONTENT_TYPE } from './exports.service.js';

const COMMON_DESCRIPTION =
  'Every award the filters of `GET /awards` match (no page: the whole range), newest decision first, one row per ' +
  'award: id, year, award code and Vietnamese name, basis, recipient kind and name, the unit (as granted) and its ' +
  'path in the organization tree, the decision (number, date, issuer, authority, signer, title, signing mode), ' +
  'regime, bonus, certificate number, verification code, and the revocation (`revoked` yes/no, when, why). ' +
  'Revoked awards are **included by default** (`includeRevoked=false` leaves them out). An unknown ' +
  '`organizationId` is a 404. The file name carries the filters and the UTC time, e.g. ' +
  '`awards_2023_STTTT-subtree_20261127T153000Z.csv`. Streamed from the database: the size of the export does not ' +
  'matter. Bad filters are 400 problems; a failure after streaming began cuts the download short (the file is ' +
  'then incomplete) and is logged with the request id. At most 4 exports run at once per instance (503 beyond).';

/** Sends a prepared export: the body is the stream, never buffered. */
function sendFile(reply: FastifyReply, file: ExportFile): FastifyReply {
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff')
    .send(file.stream);
}

@ApiTags('exports')
@Controller('exports')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('awards.csv')
  @Roles('AUDITOR')
  @ApiProduces(CSV_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Export the award history as CSV (xuất danh sách khen thưởng)',
    description:
      `${COMMON_DESCRIPTION}\n\nCSV: UTF-8 with a byte order mark (so Excel shows Vietnamese), RFC 4180 quoting, ` +
      'a header line of the column keys (`awardId, year, awardCode, awardName, basis, recipientKind, ' +
      'recipientName, organizationId, organizationName, organizationPath, decisionId, decisionNumber, issuedOn, ' +
      'issuerName, authority, signerName, signerTitle, signingMode, regime, bonusAmount, certificateNumber, ' +
      'verificationCode, revoked, revokedAt, revokedReason`); dates `YYYY-MM-DD`, `revokedAt` ISO 8601 UTC, ' +
      'bonus in integer VND, enums as their codes.',
  })
  @ApiOkResponse({
    description: 'The CSV file',
    content: { [CSV_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems('400', '404')
  async csv(@Query() query: ExportAwardsQueryDto, @Res() reply: FastifyReply): Promise<void> {
    void sendFile(reply, await this.exports.csv(query));
  }

  @Get('awards.xlsx')
  @Roles('AUDITOR')
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOperation({
    summary: 'Export the award history as an Excel workbook (.xlsx)',
    description:
      `${COMMON_DESCRIPTION}\n\nXLSX: one sheet "Khen thưởng", the same columns in the same order with ` +
      'Vietnamese headers (English with `Accept-Language: en`), a frozen and filterable header row; year and bonus are number cells, the decision date ' +
      'a date cell, the revocation instant a date-time cell in UTC.',
  })
  @ApiOkResponse({
    description: 'The workbook',
    content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems('400', '404')
  async xlsx(@Query() query: ExportAwardsQueryDto, @Res() reply: FastifyReply): Promise<void> {
    void sendFile(reply, await this.exports.xlsx(query, requestLocale(reply.request)));
  }
}
