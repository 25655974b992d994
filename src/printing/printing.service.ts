import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors/problem.js';
import { msg } from '../i18n/index.js';
import { checkPrintable } from '../rules/index.js';
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
    // R-CERT-1: a bonus-only title or a flag has no sheet to print.
    const printable = checkPrintable(record.awardCode);
    if (!printable.passed) {
      throw ApiError.ruleViolation(printable.message, [{ rule: printable.rule, message: printable.message }]);
    }
    const stream = await renderCertificates([record], {
      publicBaseUrl: this.config.PUBLIC_BASE_URL,
      title: `${headline(record.awardCode)} — ${record.recipientName} — ${record.decisionNumber}`,
    });
    return { fileName: `certificate_${record.verificationCode}.pdf`, stream };
  }

  /** One page per printed line of the decision (R-CERT-1), revoked lines marked. */
  async decisionCertificates(decisionId: string): Promise<PdfFile> {
    const lines = await this.repository.findDecisionAwards(decisionId);
    // A decision grants at least one award, so no lines means no decision.
    if (lines.length === 0) throw ApiError.notFound('Decision', decisionId);
    const records = lines.filter((line) => checkPrintable(line.awardCode).passed);
    if (records.length === 0) {
      const refusals = [...new Set(lines.map((line) => line.awardCode))].map((code) => checkPrintable(code));
      throw ApiError.ruleViolation(
        msg('rules.cert.nothingPrintable', { reasons: refusals.map((check) => check.message) }),
        refusals.map((check) => ({ rule: check.rule, message: check.message })),
      );
    }
    const first = records[0];
    const stream = await renderCertificates(records, {
      publicBaseUrl: this.config.PUBLIC_BASE_URL,
      title: `Quyết định số ${first.decisionNumber} — ${records.length} certificates`,
    });
    return { fileName: `certificates_${asciiSlug(first.decisionNumber, 40)}_${first.issuedOn}.pdf`, stream };
  }
}
