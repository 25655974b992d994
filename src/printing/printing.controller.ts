import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/decorators.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { type PdfFile, PrintingService } from './printing.service.js';

const PDF = 'application/pdf';

const PUBLIC_NOTE =
  'Public, like the certificate it prints (it hangs on a wall, and `GET /certificates/{code}` verifies it): it ' +
  'carries the recipient’s name, unit, award, achievement line, decision, issuer and signer, and the verification ' +
  'code with its QR code, which opens the verification page `PUBLIC_BASE_URL/verify/{code}` (HTML, Vietnamese by ' +
  'default); never personal data (no birth date, no ' +
  'national id, no rating). A revoked award (R-REVOKE-1) still prints, crossed "ĐÃ THU HỒI" with the revocation ' +
  'date, so an archived reprint can never pass for a valid certificate. A4 landscape, Noto Serif embedded.';

function sendPdf(reply: FastifyReply, file: PdfFile): FastifyReply {
  return (
    reply
      .header('content-type', PDF)
      .header('content-disposition', `inline; filename="${file.fileName}"`)
      .header('cache-control', 'no-cache')
      .header('x-content-type-options', 'nosniff')
      // A certificate is an administrative document: written in Vietnamese whatever the reader's language.
      .header('content-language', 'vi')
      .send(file.stream)
  );
}

@ApiTags('certificates')
@Controller()
export class PrintingController {
  constructor(private readonly printing: PrintingService) {}

  @Get('awards/:id/certificate.pdf')
  @Public()
  @ApiIdParam()
  @ApiProduces(PDF)
  @ApiOperation({
    summary: 'Printable certificate of one award (in giấy khen, bằng khen) as PDF',
    description: PUBLIC_NOTE,
  })
  @ApiOkResponse({
    description: 'The PDF, one page',
    content: { [PDF]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems('400', '404')
  async award(@Param('id', UuidPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    void sendPdf(reply, await this.printing.awardCertificate(id));
  }

  @Get('decisions/:id/certificates.pdf')
  @Public()
  @ApiIdParam()
  @ApiProduces(PDF)
  @ApiOperation({
    summary: 'Printable certificates of every award of a decision, one page each, as one PDF',
    description: `Pages in the order of \`GET /decisions/{id}\`. ${PUBLIC_NOTE}`,
  })
  @ApiOkResponse({
    description: 'The PDF, one page per award',
    content: { [PDF]: { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiProblems('400', '404')
  async decision(@Param('id', UuidPipe) id: string, @Res() reply: FastifyReply): Promise<void> {
    void sendPdf(reply, await this.printing.decisionCertificates(id));
  }
}
