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
  UpdateDateColumn,
} from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';

import type { Gender } from './individual.js';

export { GENDERS, type Gender } from './individual.js';

/**
 * The TypeORM mapping of `individuals`, kept only for the relations of the entities that still point at it
 * (nominations, awards): the individuals module reads and writes the table through `IndividualsRepository` and the
 * plain `Individual` type of `individual.ts`. Delete it with the last of them.
 */
@Entity('individuals')
@Unique('uq_individuals_national_id', ['nationalId'])
@Check('ck_individuals_gender', `"gender" IS NULL OR "gender" IN ('MALE','FEMALE')`)
@Check('ck_individuals_full_name', `length(btrim("full_name")) > 0`)
@Check(
  'ck_individuals_reporting_category',
  `"reporting_category" IS NULL OR "reporting_category" IN ('PROVINCE_LEADER','DEPARTMENT_LEADER','ENTREPRENEUR','OTHER_LEADER','WORKER')`,
)
@Check(
  'ck_individuals_recruited_before_joined',
  `"recruited_on" IS NULL OR "joined_on" IS NULL OR "recruited_on" <= "joined_on"`,
)
// Trigram index over the diacritic-free name; declared in the migration (expression index).
@Index('ix_individuals_full_name_trgm', { synchronize: false })
export class Individual {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_individuals' })
  id: string;

  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text', nullable: true })
  gender: Gender | null;

  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'text', nullable: true })
  nationalId: string | null;

  @Column({ type: 'text', nullable: true })
  position: string | null;

  @Index('ix_individuals_organization_id')
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_individuals_organization' })
  organization?: Relation<Organization>;

  @Column({ type: 'date', nullable: true })
  joinedOn: string | null;

  /** Group of form 0603 (Circular 02/2023/TT-BNV), rows 06–10. */
  @Column({ type: 'text', nullable: true })
  reportingCategory: string | null;

  /** Entered public service (tuyển dụng); a transferee keeps it (Circular 01/2024/TT-BNV Art 1.5). */
  @Column({ type: 'date', nullable: true })
  recruitedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
