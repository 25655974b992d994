import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

import type { AwardKind, BonusMultipliers } from './award-type.js';

export type { AwardKind, BonusMultipliers } from './award-type.js';

/**
 * The TypeORM mapping of `award_types`, kept only for the relations of the entities that still point at it
 * (nominations, awards): the award-types module reads and writes the table through `AwardTypesRepository` and the
 * plain `AwardType` type of `award-type.ts`. Delete it with the last of them.
 */
@Entity('award_types')
@Check('ck_award_types_kind', `"kind" IN ('TITLE','FORM')`)
@Check('ck_award_types_vote_pass_ratio', `"vote_pass_ratio" > 0 AND "vote_pass_ratio" <= 1`)
export class AwardType {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_award_types' })
  code: string;

  @Column({ type: 'text' })
  nameVi: string;

  @Column({ type: 'text' })
  nameEn: string;

  @Column({ type: 'text' })
  kind: AwardKind;

  @Column({ type: 'text', array: true })
  recipientKinds: string[];

  @Column({ type: 'text', array: true })
  decidingAuthorities: string[];

  @Column({ type: 'jsonb' })
  bonusMultipliers: BonusMultipliers;

  /** Collectives receive this multiple of the individual bonus (×2 for Giấy khen and Bằng khen). */
  @Column({ type: 'numeric', precision: 4, scale: 2, default: 1 })
  collectiveBonusFactor: string;

  /** Counted in Circular 02/2023/TT-BNV form 0603 (province-level awards). */
  @Column({ type: 'boolean', default: false })
  provinceLevel: boolean;

  /** R-VOTE-1: a passing council vote is needed before approval. */
  @Column({ type: 'boolean', default: false })
  voteRequired: boolean;

  /** R-VOTE-1: share of all council members who must vote yes. */
  @Column({ type: 'numeric', precision: 4, scale: 3 })
  votePassRatio: string;

  @Column({ type: 'int' })
  sortOrder: number;
}
