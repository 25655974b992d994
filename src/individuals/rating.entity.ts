import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import type { Rating } from '../rules/index.js';
import { Individual } from './individual.entity.js';

@Entity('individual_ratings')
@Check('ck_individual_ratings_rating', `"rating" IN ('HTXS','HTT','HT','KHT')`)
@Check('ck_individual_ratings_year', `"year" BETWEEN 1945 AND 2100`)
export class IndividualRating {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_individual_ratings' })
  individualId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_individual_ratings' })
  year: number;

  @ManyToOne(() => Individual, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'individual_id', foreignKeyConstraintName: 'fk_individual_ratings_individual' })
  individual?: Relation<Individual>;

  /** Annual rating (xếp loại): HTXS excellent, HTT good, HT complete, KHT not complete. */
  @Column({ type: 'text' })
  rating: Rating;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
