import { Injectable } from '@nestjs/common';
import { Db } from '../database/db.js';
import type { AwardCode } from '../rules/index.js';
import type { AwardKind, AwardType, BonusMultipliers } from './award-type.js';

/** The council vote policy columns of one catalogue row (R-VOTE-1). */
export interface VotePolicyRow {
  awardCode: AwardCode;
  required: boolean;
  passRatio: number;
}

/** The catalogue's vote policy columns as read: `numeric` arrives from pg as text. */
interface RawVotePolicy {
  code: string;
  vote_required: boolean;
  vote_pass_ratio: string;
}

const toVotePolicyRow = (r: RawVotePolicy): VotePolicyRow => ({
  awardCode: r.code as AwardCode,
  required: r.vote_required,
  passRatio: Number(r.vote_pass_ratio),
});

const VOTE_POLICY_COLUMNS = ['code', 'vote_required', 'vote_pass_ratio'] as const;

/**
 * Every query on the catalogue table `award_types`, and its only writer: the rows come from migrations, and the
 * vote policy columns (R-VOTE-1) are set by `PUT /award-types/{code}/vote-policy`.
 */
@Injectable()
export class AwardTypesRepository {
  constructor(private readonly db: Db) {}

  private selectAwardTypes() {
    return this.db
      .selectFrom('award_types')
      .select([
        'code',
        'name_vi as nameVi',
        'name_en as nameEn',
        'kind',
        'recipient_kinds as recipientKinds',
        'deciding_authorities as decidingAuthorities',
        'bonus_multipliers as bonusMultipliers',
        'collective_bonus_factor as collectiveBonusFactor',
        'province_level as provinceLevel',
        'vote_required as voteRequired',
        'vote_pass_ratio as votePassRatio',
        'sort_order as sortOrder',
      ])
      .$narrowType<{ kind: AwardKind }>()
      .$castTo<AwardType & { bonusMultipliers: BonusMultipliers }>();
  }

  /** The whole catalogue (a dozen rows), by `sort_order`. */
  findAll(): Promise<AwardType[]> {
    return this.selectAwardTypes().orderBy('sort_order').orderBy('code').execute();
  }

  async findByCode(code: string): Promise<AwardType | null> {
    return (await this.selectAwardTypes().where('code', '=', code).executeTakeFirst()) ?? null;
  }

  /** The vote policy columns of the catalogue, in catalogue order. */
  async votePolicies(): Promise<VotePolicyRow[]> {
    const rows = await this.db
      .selectFrom('award_types')
      .select(VOTE_POLICY_COLUMNS)
      .orderBy('sort_order')
      .orderBy('code')
      .execute();
    return rows.map(toVotePolicyRow);
  }

  /** The vote policy columns of one code; null when the code does not exist. */
  async votePolicy(awardCode: string): Promise<VotePolicyRow | null> {
    const row = await this.db
      .selectFrom('award_types')
      .select(VOTE_POLICY_COLUMNS)
      .where('code', '=', awardCode)
      .executeTakeFirst();
    return row ? toVotePolicyRow(row) : null;
  }

  /** Sets the vote policy of one code; null when the code does not exist. */
  async setVotePolicy(awardCode: string, required: boolean, passRatio: number): Promise<VotePolicyRow | null> {
    const row = await this.db
      .updateTable('award_types')
      .set({ vote_required: required, vote_pass_ratio: passRatio })
      .where('code', '=', awardCode)
      .returning(VOTE_POLICY_COLUMNS)
      .executeTakeFirst();
    return row ? toVotePolicyRow(row) : null;
  }
}
