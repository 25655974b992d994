import { Readable } from 'node:stream';
import { Controller, Get, Query, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { ApiProblems } from '../common/http/api-responses.js';
import { PageOf, type Page } from '../common/pagination/pagination.js';
import { AuditService } from './audit.service.js';
import {
  AuditEventDto,
  AuditVerificationDto,
  ExportAuditEventsQueryDto,
  ListAuditEventsQueryDto,
} from './dto/audit-event.dto.js';

@ApiTags('audit')
@Controller('audit-events')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles('AUDITOR')
  @ApiOperation({ summary: 'The audit trail (nhật ký kiểm toán): who changed what when, newest first' })
  @ApiOkResponse({ type: PageOf(AuditEventDto) })
  @ApiProblems('400')
  list(@Query() query: ListAuditEventsQueryDto): Promise<Page<AuditEventDto>> {
    return this.audit.list(query);
  }

  @Get('verify')
  @Roles('AUDITOR')
  @ApiOperation({
    summary: 'Recompute the tamper-evident hash chain and report the first broken link',
    description:
      'Walks every sealed event in chain order, recomputing each hash from its content and the previous hash. ' +
      'An event edited in the database gives `hash mismatch`, a deleted one `sequence gap` or `broken link`, ' +
      'deleted newest events `truncated`. Events written in the last fraction of a second are still `pending`.',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiProblems()
  verify(): Promise<AuditVerificationDto> {
    return this.audit.verify();
  }
}

@ApiTags('audit')
@Controller('exports')
export class AuditExportController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit-events.csv')
  @Roles('AUDITOR')
  @ApiOperation({
    summary: 'Export the audit trail as CSV (UTF-8 with BOM), streamed',
    description:
      'The `GET /audit-events` filters, every matching event newest first. `at`, `before` and `after` are the exact ' +
      'text the chain hashes, so the file can be checked independently (see docs/audit.md).',
  })
  @ApiProduces('text/csv')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  @ApiProblems('400')
  exportCsv(@Query() query: ExportAuditEventsQueryDto): StreamableFile {
    return new StreamableFile(Readable.from(this.audit.exportCsv(query)), {
      type: 'text/csv; charset=utf-8',
      disposition: `attachment; filename="${this.audit.exportFileName(query)}"`,
    });
  }
}
