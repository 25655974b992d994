import type { RuleCheck } from '../rules/index.js';
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

/**
 * A vote of the emulation council (Hội đồng Thi đua – Khen thưởng) on one nomination at one meeting (R-VOTE-1):
 * the record of that meeting, never replaced nor deleted (a trigger refuses both). A re-vote is another meeting and
 * another row; approval judges the latest meeting (by `heldOn`, then by when it was recorded).
 */
@Entity('council_votes')
@Check(
  'ck_council_votes_counts',
  `"members" > 0 AND "present" >= 0 AND "written_votes" >= 0 AND "yes" >= 0 AND "present" + "written_votes" <= "members" AND "yes" <= "present" + "written_votes"`,
)
@Check('ck_council_votes_minutes_reference', `length("minutes_reference") BETWEEN 1 AND 100`)
@Index('ix_council_votes_nomination_id', ['nominationId'])
export class CouncilVote {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_council_votes' })
  id: string;

  @Column({ type: 'uuid' })
  nominationId: string;

  @ManyToOne(() => Nomination, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'nomination_id', foreignKeyConstraintName: 'fk_council_votes_nomination' })
  nomination?: Relation<Nomination>;

  /** The date of the meeting (ngày họp). */
  @Column({ type: 'date' })
  heldOn: string;

  /** The reference of the meeting's minutes (biên bản họp), e.g. "BB-12/2024". */
  @Column({ type: 'text' })
  minutesReference: string;

  /** All members of the council: the council size on file for the meeting date when recorded. */
  @Column({ type: 'int' })
  members: number;

  @Column({ type: 'int' })
  present: number;

  /** Votes in writing of members absent from the meeting (Decree 91/2017 Art 45.8). */
  @Column({ type: 'int', default: 0 })
  writtenVotes: number;

  @Column({ type: 'int' })
  yes: number;

  /** Quorum met and pass mark reached, under the policy in force when recorded. */
  @Column({ type: 'boolean' })
  passed: boolean;

  @Column({ type: 'jsonb' })
  check: RuleCheck;

  @Column({ type: 'uuid', nullable: true })
  recordedByKeyId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
