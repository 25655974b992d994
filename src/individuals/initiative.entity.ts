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
import type { InitiativeLevel } from '../rules/index.js';
import { Individual } from './individual.entity.js';

/** An initiative or research project (sáng kiến, đề tài khoa học) recognised at a level in a year. */
@Entity('initiatives')
@Index('ix_initiatives_individual_id_year', ['individualId', 'year'])
@Check('ck_initiatives_level', `"level" IN ('UNIT','PROVINCE','NATIONAL')`)
@Check('ck_initiatives_year', `"year" BETWEEN 1945 AND 2100`)
export class Initiative {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_initiatives' })
  id: string;

  @Column({ type: 'uuid' })
  individualId: string;

  @ManyToOne(() => Individual, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'individual_id', foreignKeyConstraintName: 'fk_initiatives_individual' })
  individual?: Relation<Individual>;

  @Column({ type: 'int' })
  year: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  level: InitiativeLevel;

  @Column({ type: 'date' })
  recognizedOn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
