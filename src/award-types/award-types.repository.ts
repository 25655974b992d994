import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, Repository } from 'typeorm';
import { returnedRows } from '../common/database/sql.js';
import { currentTransactionManager } from '../database/transaction-context.js';
import type { AwardCode } from '../rules/index.js';
import { AwardType } from './award-type.entity.js';

/** The council vote policy columns of one catalogue row (R-VOTE-1). */
export interface VotePolicyRow {
  awardCode: AwardCode;
  required: boolean;
  passRatio: number;
}

interface RawVotePolicy {
  code: AwardCode;
  vote_required: boolean;
  vote_pass_ratio: string;
}

const toVotePolicyRow = (r: RawVotePolicy): VotePolicyRow => ({
  awardCode: r.code,
  required: r.vote_required,
  passRatio: Number(r.vote_pass_ratio),
});

/**
 * Every query on the catalogue table `award_types`, and its only writer: the rows come from migrations, and the
 * vote policy columns (R-VOTE-1) are set by `PUT /award-types/{code}/vote-policy`.
 */
@Injectable()
export class AwardTypesRepository {
  constructor(@InjectRepository(AwardType) private readonly repository: Repository<AwardType>) {}

  private repo(manager?: EntityManager): Repository<AwardType> {
    // Transitional: joins the ambient transaction (Transactions.run) until this module moves to Db.
    const m = manager ?? currentTransactionManager();
    return m ? m.getRepository(AwardType) : this.repository;
  }

  /** The whole catalogue (a dozen rows), by `sort_order`. */
  findAll(manager?: EntityManager): Promise<AwardType[]> {
    return this.repo(manager).find({ order: { sortOrder: 'ASC', code: 'ASC' } });
  }

  findByCode(code: string, manager?: EntityManager): Promise<AwardType | null> {
    return this.repo(manager).findOneBy({ code });
  }

  /** The vote policy columns of the catalogue, in catalogue order. */
  async votePolicies(manager?: EntityManager): Promise<VotePolicyRow[]> {
    const rows = await this.repo(manager).query<RawVotePolicy[]>(
      `SELECT code, vote_required, vote_pass_ratio FROM award_types ORDER BY sort_order, code`,
    );
    return rows.map(toVotePolicyRow);
  }

  /** The vote policy columns of one code; null when the code does not exist. */
  async votePolicy(awardCode: string, manager?: EntityManager): Promise<VotePolicyRow | null> {
    const rows = await this.repo(manager).query<RawVotePolicy[]>(
      `SELECT code, vote_required, vote_pass_ratio FROM award_types WHERE code = $1`,
      [awardCode],
    );
    return rows[0] ? toVotePolicyRow(rows[0]) : null;
  }

  /** Sets the vote policy of one code; null when the code does not exist. */
  async setVotePolicy(
    awardCode: string,
    required: boolean,
    passRatio: number,
    manager?: EntityManager,
  ): Promise<VotePolicyRow | null> {
    const result: unknown = await this.repo(manager).query(
      `UPDATE award_types SET vote_required = $2, vote_pass_ratio = $3 WHERE code = $1
       RETURNING code, vote_required, vote_pass_ratio`,
      [awardCode, required, passRatio],
    );
    const [row] = returnedRows<RawVotePolicy>(result);
    return row ? toVotePolicyRow(row) : null;
  }
}
