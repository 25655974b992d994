import { msg } from '../i18n/index.js';
import { HttpStatus, Injectable } from '@nestjs/common';
import { AwardsRepository } from '../awards/awards.repository.js';
import { toAwardDto } from '../awards/awards.service.js';
import { normalizeVerificationCode, VERIFICATION_CODE_LENGTH } from '../awards/verification-code.js';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import type { CertificateDto } from './dto/certificate.dto.js';

@Injectable()
export class CertificatesService {
  constructor(private readonly awards: AwardsRepository) {}

  /** Public verification of a printed certificate by its code. */
  async verify(input: string): Promise<CertificateDto> {
    const code = normalizeVerificationCode(input);
    if (code === null) {
      throw ApiError.badRequest('verificationCode', msg('certificate.code', { length: VERIFICATION_CODE_LENGTH }));
    }
    const row = await this.awards.findCertificate(code);
    if (!row) {
      throw new ApiError(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, 'Not found', msg('certificate.unknown'));
    }
    const award = toAwardDto(row);
    return {
      valid: !award.revoked,
      revoked: award.revoked,
      revokedAt: award.revokedAt,
      revocation: award.revocation,
      verificationCode: award.verificationCode,
      recipientName: award.recipientName,
      recipientKind: award.recipientKind,
      organizationName: award.organizationName,
      awardCode: award.awardCode,
      awardName: award.awardName,
      basis: award.basis,
      year: award.year,
      decisionNumber: award.decisionNumber,
      issuedOn: award.issuedOn,
      issuerName: row.issuerName,
      signerName: row.signerName,
      signerTitle: row.signerTitle,
      signingMode: row.signingMode,
    };
  }
}
