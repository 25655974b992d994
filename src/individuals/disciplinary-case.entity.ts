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
import { Individual } from './individual.entity.js';

export const DISCIPLINARY_CASE_KINDS = ['DISCIPLINE', 'INVESTIGATION', 'INSPECTION'] as const;
export type DisciplinaryCaseKind = (typeof DISCIPLINARY_CASE_KINDS)[number];

/** An open case holds every nomination of the individual (R-HOLD-1, Decree 98 Art 4) until it is closed. */
@Entity('disciplinary_cases')
@Check('ck_disciplinary_cases_kind', `"kind" IN ('DISCIPLINE','INVESTIGATION','INSPECTION')`)
@Check('ck_disciplinary_cases_closed_after_opened', `"closed_on" IS NULL OR "closed_on" >= "opened_on"`)
export class DisciplinaryCase {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_disciplinary_cases' })
  id: string;

  @Index('ix_disciplinary_cases_individual_id')
  @Column({ type: 'uuid' })
  individualId: string;

  @ManyToOne(() => Individual, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'individual_id', foreignKeyConstraintName: 'fk_disciplinary_cases_individual' })
  individual?: Relation<Individual>;

  @Column({ type: 'text' })
  kind: DisciplinaryCaseKind;

  @Column({ type: 'date' })
  openedOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'date', nullable: true })
  closedOn: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
