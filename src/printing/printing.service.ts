import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors/problem.js';
import { AppConfig } from '../config/app-config.js';
import { asciiSlug } from '../exports/export-file-name.js';
import { renderCertificates } from './certificate-pdf.js';
import { headline } from './certificate-text.js';
import { PrintingRepository } from './printing.repository.js';

/** A rendered PDF, streaming. */
export interface PdfFile {
  fileName: string;
  stream: Readable;
}

@Injectable()
export class PrintingService {
  constructor(
    private readonly repository: PrintingRepository,
    private readonly config: AppConfig,
  ) {}

  /** The printable certificate of one award; a revoked award's is marked revoked. */
  async awardCertificate(awardId: string): Promise<PdfFile> {
    const record = await this.repository.findAward(awardId);
    if (!record) throw ApiError.notFound('Award', awardId);
    const stream = await renderCertificates([record], {
      publicBaseUrl: this.config.PUBLIC_BASE_URL,
      title: `${headline(record.awardCode)} — ${record.recipientName} — ${record.decisionNumber}`,
    });
    return { fileName: `certificate_${record.verificationCode}.pdf`, stream };
  }

  /** One page per line of the decision, revoked lines marked. */
  async decisionCertificates(decisionId: string): Promise<PdfFile> {
    const records = await this.repository.findDecisionAwards(decisionId);
    // A decision grants at least one award, so no lines means no decision.
    if (records.length === 0) throw ApiError.notFound('Decision', decisionId);
    const first = records[0];
    const stream = await renderCertificates(records, {
      publicBaseUrl: this.config.PUBLIC_BASE_URL,
      title: `Quyết định số ${first.decisionNumber} — ${records.length} certificates`,
    });
    return { fileName: `certificates_${asciiSlug(first.decisionNumber, 40)}_${first.issuedOn}.pdf`, stream };
  }
}
