import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  Unique,
} from 'typeorm';
import { AwardType } from '../award-types/award-type.entity.js';
import { Decision } from '../decisions/decision.entity.js';
import { Individual } from '../individuals/individual.entity.js';
import { Nomination } from '../nominations/nomination.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { AwardCode, Basis, Regime } from '../rules/index.js';

/**
 * One granted award: a line of a decision. Never deleted; a revocation (R-REVOKE-1) marks it with a reason and
 * it stops counting for eligibility and quotas. Recipient and unit names are kept as granted.
 */
@Entity('awards')
@Unique('uq_awards_verification_code', ['verificationCode'])
@Unique('uq_awards_nomination_id', ['nominationId'])
@Check('ck_awards_recipient_kind', `"recipient_kind" IN ('INDIVIDUAL','COLLECTIVE')`)
@Check(
  'ck_awards_one_recipient',
  `("recipient_kind" = 'INDIVIDUAL' AND "individual_id" IS NOT NULL) OR ("recipient_kind" = 'COLLECTIVE' AND "individual_id" IS NULL)`,
)
@Check('ck_awards_bonus_amount', `"bonus_amount" >= 0`)
@Check('ck_awards_revocation', `("revoked_at" IS NULL) = ("revoked_reason" IS NULL)`)
@Index('ix_awards_decision_id', ['decisionId'])
@Index('ix_awards_individual_id', ['individualId', 'year'])
@Index('ix_awards_proposing_year_code', ['proposingOrganizationId', 'year', 'awardCode'])
@Index('ix_awards_year_code', ['year', 'awardCode'])
@Index('ix_awards_recipient_name_trgm', { synchronize: false })
// (organization_id, year, award_code, issued_on, id) INCLUDE (revoked_at): see the AwardListIndexes migration.
@Index('ix_awards_organization_keyset', { synchronize: false })
export class Award {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_awards' })
  id: string;

  @Column({ type: 'uuid' })
  decisionId: string;

  @ManyToOne(() => Decision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'fk_awards_decision' })
  decision?: Relation<Decision>;

  @Column({ type: 'uuid', nullable: true })
  nominationId: string | null;

  @ManyToOne(() => Nomination, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'fk_awards_nomination' })
  nomination?: Relation<Nomination> | null;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  awardCode: AwardCode;

  @ManyToOne(() => AwardType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_code', foreignKeyConstraintName: 'fk_awards_award_type' })
  awardType?: Relation<AwardType>;

  @Column({ type: 'text' })
  basis: Basis;

  @Column({ type: 'text' })
  recipientKind: 'INDIVIDUAL' | 'COLLECTIVE';

  @Column({ type: 'uuid', nullable: true })
  individualId: string | null;

  @ManyToOne(() => Individual, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'individual_id', foreignKeyConstraintName: 'fk_awards_individual' })
  individual?: Relation<Individual> | null;

  /**
   * The recipient collective itself, or the unit the individual belonged to when the award was granted: the
   * organization filter of `GET /awards` matches this and its ancestors.
   */
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_awards_organization' })
  organization?: Relation<Organization>;

  /** The unit that proposed it: quotas count here. */
  @Column({ type: 'uuid' })
  proposingOrganizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposing_organization_id', foreignKeyConstraintName: 'fk_awards_proposing_organization' })
  proposingOrganization?: Relation<Organization>;

  @Column({ type: 'text' })
  recipientName: string;

  @Column({ type: 'text' })
  organizationName: string;

  /** Copied from the decision, so lists sort and filter without a join. */
  @Column({ type: 'date' })
  issuedOn: string;

  @Column({ type: 'text' })
  regime: Regime;

  /** R-MONEY-1: integer VND, rounded up to 10,000. */
  @Column({ type: 'bigint' })
  bonusAmount: string;

  /** Printed certificate number (số vào sổ), when the issuer keeps one. */
  @Column({ type: 'text', nullable: true })
  certificateNumber: string | null;

  /** Unguessable code printed on the certificate (QR) for public verification. */
  @Column({ type: 'text' })
  verificationCode: string;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  revokedReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  revokedByKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
