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
} from 'typeorm';
import { Organization } from '../organizations/organization.entity.js';

/**
 * The TypeORM mapping of `households`, kept for the relations of nominations and for the schema check: the households
 * module reads and writes the table through `HouseholdsRepository`.
 */
@Entity('households')
@Check('ck_households_head_name', `length(btrim("head_name")) > 0`)
@Check('ck_households_address', `length(btrim("address")) > 0`)
// Trigram index over the diacritic-free name; declared in the migration (expression index).
@Index('ix_households_head_name_trgm', { synchronize: false })
export class Household {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_households' })
  id: string;

  @Column({ type: 'text' })
  headName: string;

  @Column({ type: 'text' })
  address: string;

  @Index('ix_households_organization_id')
  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_households_organization' })
  organization?: Relation<Organization>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
