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
} from 'typeorm';
import { Organization } from './organization.entity.js';

/**
 * The size of an organization's emulation council (Hội đồng Thi đua – Khen thưởng) from a date: the "all members"
 * R-VOTE-1 counts its quorum and pass mark against. Every change is a new row, never updated nor deleted (a
 * trigger refuses both); the size in force on a date is the row with the latest `effectiveFrom` not after it, the
 * latest recorded first among rows of the same date (a correction).
 */
@Entity('council_sizes')
@Check('ck_council_sizes_members', `"members" BETWEEN 1 AND 1000`)
@Check('ck_council_sizes_reference', `length("reference") BETWEEN 1 AND 200`)
@Index('ix_council_sizes_organization_effective', ['organizationId', 'effectiveFrom', 'createdAt'])
export class CouncilSize {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_council_sizes' })
  id: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_council_sizes_organization' })
  organization?: Relation<Organization>;

  /** All members of the council (tổng số thành viên Hội đồng). */
  @Column({ type: 'int' })
  members: number;

  /** The first day this size holds. */
  @Column({ type: 'date' })
  effectiveFrom: string;

  /** The document that set the council up or changed it, e.g. "QĐ 15/QĐ-STTTT". */
  @Column({ type: 'text' })
  reference: string;

  @Column({ type: 'uuid', nullable: true })
  recordedByKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
