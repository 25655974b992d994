import { Injectable } from '@nestjs/common';
import { sql } from 'kysely';
import { Db } from '../database/db.js';
import type { CertificateRecord } from './certificate-text.js';

/** What certificates print, read in one statement each: public fields only (no birth date, no national id). */
@Injectable()
export class PrintingRepository {
  constructor(private readonly db: Db) {}

  private selectCertificates() {
    return this.db
      .selectFrom('awards as a')
      .innerJoin('decisions as d', 'd.id', 'a.decision_id')
      .innerJoin('organizations as io', 'io.id', 'd.issuer_organization_id')
      .leftJoin('organizations as po', 'po.id', 'io.parent_id')
      .select((eb) => [
        'a.id as awardId',
        'a.year as year',
        'a.award_code as awardCode',
        'a.basis as basis',
        'a.recipient_kind as recipientKind',
        'a.recipient_name as recipientName',
        'a.organization_name as organizationName',
        'a.certificate_number as certificateNumber',
        'a.verification_code as verificationCode',
        'a.revoked_at as revokedAt',
        'd.id as decisionId',
        'd.number_text as decisionNumber',
        eb.fn<string>('to_char', ['d.issued_on', sql.lit('YYYY-MM-DD')]).as('issuedOn'),
        // The issuer's name in force on the decision date (a later rename does not rewrite it).
        sql<string>`coalesce(organization_name_on(io.id, d.issued_on), io.name)`.as('issuerName'),
        'io.kind as issuerKind',
        'po.name as issuerParentName',
        'd.signer_name as signerName',
        'd.signer_title as signerTitle',
        'd.signing_mode as signingMode',
      ])
      .$narrowType<Pick<CertificateRecord, 'awardCode' | 'basis' | 'recipientKind' | 'issuerKind' | 'signingMode'>>();
  }

  async findAward(awardId: string): Promise<CertificateRecord | null> {
    return (await this.selectCertificates().where('a.id', '=', awardId).executeTakeFirst()) ?? null;
  }

  /** Every line of a decision, in the order of `GET /decisions/{id}`; empty when the decision does not exist. */
  findDecisionAwards(decisionId: string): Promise<CertificateRecord[]> {
    return this.selectCertificates()
      .where('a.decision_id', '=', decisionId)
      .orderBy('a.award_code')
      .orderBy('a.recipient_kind')
      .orderBy('a.recipient_name')
      .orderBy('a.id')
      .execute();
  }
}
