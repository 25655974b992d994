import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { AwardType } from '../award-types/award-type.entity.js';
import { Organization } from '../organizations/organization.entity.js';

/** A unit's own cap for a year and award code (R-QUOTA-UNIT): a count, a ratio of a base, or both. */
@Entity('unit_quotas')
@Check('ck_unit_quotas_has_limit', `"max_count" IS NOT NULL OR "max_ratio" IS NOT NULL`)
@Check('ck_unit_quotas_max_count', `"max_count" IS NULL OR "max_count" >= 0`)
@Check('ck_unit_quotas_max_ratio', `"max_ratio" IS NULL OR ("max_ratio" >= 0 AND "max_ratio" <= 1)`)
@Check('ck_unit_quotas_ratio_of', `("max_ratio" IS NULL) = ("ratio_of" IS NULL)`)
@Check('ck_unit_quotas_year', `"year" BETWEEN 1945 AND 2100`)
export class UnitQuota {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_unit_quotas' })
  organizationId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_unit_quotas' })
  year: number;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_unit_quotas' })
  awardCode: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_unit_quotas_organization' })
  organization?: Relation<Organization>;

  @ManyToOne(() => AwardType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_code', foreignKeyConstraintName: 'fk_unit_quotas_award_type' })
  awardType?: Relation<AwardType>;

  @Column({ type: 'int', nullable: true })
  maxCount: number | null;

  @Column({ type: 'numeric', precision: 5, scale: 4, nullable: true })
  maxRatio: string | null;

  /** An award code whose counted awards are the base, or HEADCOUNT. */
  @Column({ type: 'text', nullable: true })
  ratioOf: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
