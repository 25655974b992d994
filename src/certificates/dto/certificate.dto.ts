import { ApiProperty } from '@nestjs/swagger';
import { AwardRevocationDto } from '../../awards/dto/award.dto.js';
import { AWARD_RECIPIENT_KINDS, type AwardRecipientKind } from '../../awards/labels.js';
import { AWARD_CODES, BASES, SIGNING_MODES, type AwardCode, type Basis, type SigningMode } from '../../rules/index.js';

/** What anyone holding a certificate (bằng, giấy khen) can check: no personal data beyond the name. */
export class CertificateDto {
  /** True when the award exists and is not revoked. */
  valid: boolean;

  /** Revoked (thu hồi, R-REVOKE-1): the certificate no longer stands. */
  revoked: boolean;

  /** When it was revoked (ISO 8601 UTC). */
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  revokedAt: string | null;

  /** The revocation decision (number, date, ground of Law 2022 Art 93.2; never its reason), when there is one. */
  @ApiProperty({ type: AwardRevocationDto, nullable: true })
  revocation: AwardRevocationDto | null;

  /** The code as stored, in canonical form. */
  verificationCode: string;

  /** Name of the individual or collective. */
  recipientName: string;

  @ApiProperty({ enum: AWARD_RECIPIENT_KINDS, enumName: 'AwardRecipientKind' })
  recipientKind: AwardRecipientKind;

  /** The collective, or the individual's unit when granted. */
  organizationName: string;

  @ApiProperty({ enum: AWARD_CODES, enumName: 'AwardCode' })
  awardCode: AwardCode;

  /** Vietnamese name of the title or form. */
  awardName: string;

  @ApiProperty({ enum: BASES, enumName: 'Basis' })
  basis: Basis;

  /** Award year. */
  @ApiProperty({ type: 'integer' })
  year: number;

  /** Number of the decision, e.g. `05/QĐ-STTTT`. */
  decisionNumber: string;

  @ApiProperty({ format: 'date' })
  issuedOn: string;

  /** The organization that issued the decision. */
  issuerName: string;

  signerName: string;

  signerTitle: string;

  /** DIRECT, or ON_BEHALF when a deputy signed "KT." for the head. */
  @ApiProperty({ enum: SIGNING_MODES, enumName: 'SigningMode' })
  signingMode: SigningMode;
}
