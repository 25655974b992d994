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
import { Nomination } from './nomination.entity.js';

/** A vote of the emulation council (Hội đồng Thi đua – Khen thưởng) on one nomination (R-VOTE-1). */
@Entity('council_votes')
@Check(
  'ck_council_votes_counts',
  `"members" > 0 AND "present" >= 0 AND "yes" >= 0 AND "yes" <= "present" AND "present" <= "members"`,
)
@Index('ix_council_votes_nomination_id', ['nominationId'])
export class CouncilVote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_council_votes' })
  id: string;

  @Column({ type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => Nomination, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'fk_council_votes_nomination' })
  nomination?: Relation<Nomination>;

  @Column({ type: 'int' })
  members: number;

  @Column({ type: 'int' })
  present: number;

  @Column({ type: 'int' })
  yes: number;

  /** Quorum met and pass mark reached, under the policy in force when recorded. */
  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'jsonb' })
  check: { rule: string; passed: boolean; message: string; limit?: number; actual?: number };

  @Column({ type: 'uuid', nullable: true })
  recordedByKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
