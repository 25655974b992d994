import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import type { Eligibility } from '../rules/index.js';
import { Nomination } from './nomination.entity.js';

/** The status history of a nomination: who moved it, when, why, and what the rules said at that moment. */
@Entity('nomination_events')
@Index('ix_nomination_events_nomination_id', ['nominationId', 'id'])
export class NominationEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_nomination_events' })
  id: string;

  @Column({ type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => Nomination, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'fk_nomination_events_nomination' })
  nomination?: Relation<Nomination>;

  /** Null for the creation event. */
  @Column({ type: 'text', nullable: true })
  fromStatus: string | null;

  @Column({ type: 'text' })
  toStatus: string;

  @Column({ type: 'text' })
  action: string;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ type: 'jsonb', nullable: true })
  eligibility: Eligibility | null;

  @Column({ type: 'uuid', nullable: true })
  actorKeyId: string | null;

  @Column({ type: 'text', nullable: true })
  actorRole: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  at: Date;
}
