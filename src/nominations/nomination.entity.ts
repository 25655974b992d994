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
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { AwardType } from '../award-types/award-type.entity.js';
import { Decision } from '../decisions/decision.entity.js';
import { Household } from '../households/household.entity.js';
import { Individual } from '../individuals/individual.entity.js';
import { Organization } from '../organizations/organization.entity.js';
import type { AwardCode, Basis, Eligibility, NominationStatus, Regime } from '../rules/index.js';
import type { NomineeKind } from './nomination.js';

/**
 * TypeORM's mapping of `nominations`, kept only because `Award` (src/awards) still declares a relation to it; the
 * nominations module reads and writes the table through `Db` and the `Nomination` interface (`nomination.ts`).
 */
@Entity('nominations')
@Check(
  'ck_nominations_status',
  `"status" IN ('DRAFT','SUBMITTED','APPROVED','REJECTED','DECIDED','RETURNED','WITHDRAWN')`,
)
@Check('ck_nominations_basis', `"basis" IN ('REGULAR','THEMATIC','AD_HOC','CAREER','SENIORITY','FOREIGN','RESISTANCE')`)
@Check('ck_nominations_recipient_kind', `"recipient_kind" IN ('INDIVIDUAL','COLLECTIVE','HOUSEHOLD')`)
@Check(
  'ck_nominations_one_nominee',
  `("recipient_kind" = 'INDIVIDUAL' AND "individual_id" IS NOT NULL AND "organization_id" IS NULL AND "household_id" IS NULL) OR ("recipient_kind" = 'COLLECTIVE' AND "organization_id" IS NOT NULL AND "individual_id" IS NULL AND "household_id" IS NULL) OR ("recipient_kind" = 'HOUSEHOLD' AND "household_id" IS NOT NULL AND "individual_id" IS NULL AND "organization_id" IS NULL)`,
)
@Check('ck_nominations_year', `"year" BETWEEN 1945 AND 2100`)
@Check('ck_nominations_period', `"period_from" <= "period_to" AND "period_to" <= "year" AND "period_from" >= 1945`)
@Check('ck_nominations_criterion', `"criterion" IS NULL OR "criterion" ~ '^[0-9]+\\.[0-9]+\\.[a-z]$'`)
@Check('ck_nominations_decided_has_decision', `("status" = 'DECIDED') = ("decision_id" IS NOT NULL)`)
@Index('ix_nominations_proposing_year_code_status', ['proposingOrganizationId', 'year', 'awardCode', 'status'])
@Index('ix_nominations_individual_id', ['individualId'])
@Index('ix_nominations_organization_id', ['organizationId'])
@Index('ix_nominations_decision_id', ['decisionId'])
@Index('ix_nominations_household_id', ['householdId'])
@Index('uq_nominations_import_row', { synchronize: false })
export class Nomination {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_nominations' })
  id: string;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  awardCode: AwardCode;

  @ManyToOne(() => AwardType, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'award_code', foreignKeyConstraintName: 'fk_nominations_award_type' })
  awardType?: Relation<AwardType>;

  /** First and last year of the achievement period (Decree 98/2023 Art 30.9). */
  @Column({ type: 'int' })
  periodFrom: number;

  @Column({ type: 'int' })
  periodTo: number;

  /** The criterion claimed (Law 2022 Art 73.1, 74.1), e.g. `74.1.a`, and its written justification. */
  @Column({ type: 'text', nullable: true })
  criterion: string | null;

  @Column({ type: 'text', nullable: true })
  justification: string | null;

  /** Phương thức khen thưởng. Titles take REGULAR only. */
  @Column({ type: 'text' })
  basis: Basis;

  @Column({ type: 'text' })
  recipientKind: NomineeKind;

  @Column({ type: 'uuid', nullable: true })
  individualId: string | null;

  @ManyToOne(() => Individual, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'individual_id', foreignKeyConstraintName: 'fk_nominations_individual' })
  individual?: Relation<Individual> | null;

  /** The nominated collective (tập thể), when `recipientKind` is COLLECTIVE. */
  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_nominations_organization' })
  organization?: Relation<Organization> | null;

  /** The nominated household (hộ gia đình), when `recipientKind` is HOUSEHOLD. */
  @Column({ type: 'uuid', nullable: true })
  householdId: string | null;

  @ManyToOne(() => Household, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'household_id', foreignKeyConstraintName: 'fk_nominations_household' })
  household?: Relation<Household> | null;

  /** The unit that proposes (đơn vị đề nghị); quotas count per proposing unit, year and code. */
  @Column({ type: 'uuid' })
  proposingOrganizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proposing_organization_id', foreignKeyConstraintName: 'fk_nominations_proposing_organization' })
  proposingOrganization?: Relation<Organization>;

  /** Achievement summary (tóm tắt thành tích). */
  @Column({ type: 'text' })
  achievements: string;

  /** Chooses the legal regime before a decision exists; else the current date does. */
  @Column({ type: 'date', nullable: true })
  expectedDecisionOn: string | null;

  @Column({ type: 'text', default: 'DRAFT' })
  status: NominationStatus;

  /** The regime of the latest evaluation. */
  @Column({ type: 'text' })
  regime: Regime;

  /** The latest evaluation (rule ids, pass/fail, numbers); each transition's is kept in `nomination_events`. */
  @Column({ type: 'jsonb' })
  eligibility: Eligibility;

  /** Why the nomination was last returned or rejected. */
  @Column({ type: 'text', nullable: true })
  statusReason: string | null;

  /** The decision that granted it, once DECIDED. */
  @Column({ type: 'uuid', nullable: true })
  decisionId: string | null;

  @ManyToOne(() => Decision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'decision_id', foreignKeyConstraintName: 'fk_nominations_decision' })
  decision?: Relation<Decision> | null;

  /** SHA-256 of the imported file and the row in it, so a re-import creates nothing twice. */
  @Column({ type: 'text', nullable: true })
  importFileHash: string | null;

  @Column({ type: 'int', nullable: true })
  importRow: number | null;

  @Column({ type: 'uuid', nullable: true })
  createdByKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;

  @VersionColumn({ type: 'int' })
  version: number;
}
