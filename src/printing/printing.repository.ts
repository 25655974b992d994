import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CertificateRecord } from './certificate-text.js';

const CERTIFICATE_COLUMNS = `
  a.id AS "awardId",
  a.year AS "year",
  a.award_code AS "awardCode",
  a.basis AS "basis",
  a.recipient_kind AS "recipientKind",
  a.recipient_name AS "recipientName",
  a.organization_name AS "organizationName",
  a.certificate_number AS "certificateNumber",
  a.verification_code AS "verificationCode",
  a.revoked_at AS "revokedAt",
  d.id AS "decisionId",
  d.number_text AS "decisionNumber",
  to_char(d.issued_on, 'YYYY-MM-DD') AS "issuedOn",
  io.name AS "issuerName",
  io.kind AS "issuerKind",
  po.name AS "issuerParentName",
  d.signer_name AS "signerName",
  d.signer_title AS "signerTitle",
  d.signing_mode AS "signingMode"`;

const CERTIFICATE_FROM = `
  FROM awards a
  JOIN decisions d ON d.id = a.decision_id
  JOIN organizations io ON io.id = d.issuer_organization_id
  LEFT JOIN organizations po ON po.id = io.parent_id`;

/** What certificates print, read in one statement each: public fields only (no birth date, no national id). */
@Injectable()
export class PrintingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findAward(awardId: string): Promise<CertificateRecord | null> {
    const rows = await this.dataSource.query<CertificateRecord[]>(
      `SELECT ${CERTIFICATE_COLUMNS} ${CERTIFICATE_FROM} WHERE a.id = $1`,
      [awardId],
    );
    return rows[0] ?? null;
  }

  /** Every line of a decision, in the order of `GET /decisions/{id}`; empty when the decision does not exist. */
  findDecisionAwards(decisionId: string): Promise<CertificateRecord[]> {
    return this.dataSource.query<CertificateRecord[]>(
      `SELECT ${CERTIFICATE_COLUMNS} ${CERTIFICATE_FROM}
        WHERE a.decision_id = $1
        ORDER BY a.award_code, a.recipient_kind, a.recipient_name, a.id`,
      [decisionId],
    );
  }
}
