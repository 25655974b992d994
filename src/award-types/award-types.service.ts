import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors/problem.js';
import { DEFAULT_QUORUM_RATIO, votePolicyFor, type AwardCode, type VotePolicy } from '../rules/index.js';
import { REGIME_CODES, type Authority, type RecipientKind } from '../rules/types.js';
import type { AwardType } from './award-type.js';
import { AwardTypesRepository, type VotePolicyRow } from './award-types.repository.js';
import type { AwardTypeDto, AwardTypeListDto, BonusMultipliersDto } from './dto/award-type.dto.js';
import type { PutVotePolicyDto, VotePolicyDto } from './dto/vote-policy.dto.js';

/** A code's council vote policy (R-VOTE-1): the rule engine's default, overridden by the catalogue's columns. */
export function votePolicyOf(awardCode: AwardCode, row: VotePolicyRow | null): VotePolicy {
  return votePolicyFor(awardCode, row ? { required: row.required, passRatio: row.passRatio } : {});
}

export function toVotePolicyDto(row: VotePolicyRow): VotePolicyDto {
  return {
    awardCode: row.awardCode,
    required: row.required,
    passRatio: row.passRatio,
    quorumRatio: DEFAULT_QUORUM_RATIO,
  };
}

/** Maps a catalogue row to its response; `numeric` columns arrive from pg as strings and leave as numbers. */
export function toAwardTypeDto(row: AwardType): AwardTypeDto {
  const bonusMultipliers = Object.fromEntries(
    REGIME_CODES.map((regime) => [regime, Number(row.bonusMultipliers[regime])]),
  ) as unknown as BonusMultipliersDto;
  return {
    code: row.code,
    nameVi: row.nameVi,
    nameEn: row.nameEn,
    kind: row.kind,
    recipientKinds: row.recipientKinds as RecipientKind[],
    decidingAuthorities: row.decidingAuthorities as Authority[],
    bonusMultipliers,
    collectiveBonusFactor: Number(row.collectiveBonusFactor),
    provinceLevel: row.provinceLevel,
    voteRequired: row.voteRequired,
    votePassRatio: Number(row.votePassRatio),
  };
}

/** The catalogue of award types and the one setting it holds: each code's council vote policy (R-VOTE-1). */
@Injectable()
export class AwardTypesService {
  constructor(private readonly awardTypes: AwardTypesRepository) {}

  async list(): Promise<AwardTypeListDto> {
    return { items: (await this.awardTypes.findAll()).map(toAwardTypeDto) };
  }

  async get(code: string): Promise<AwardTypeDto> {
    const row = await this.awardTypes.findByCode(code);
    if (!row) throw ApiError.notFound('Award type', code);
    return toAwardTypeDto(row);
  }

  /** The council vote policy of a code: the catalogue's columns `vote_required` / `vote_pass_ratio` (R-VOTE-1). */
  async votePolicy(awardCode: AwardCode): Promise<VotePolicy> {
    return votePolicyOf(awardCode, await this.awardTypes.votePolicy(awardCode));
  }

  /** Every code's vote policy, in catalogue order (`GET /rule-settings`). */
  async votePolicies(): Promise<VotePolicyDto[]> {
    return (await this.awardTypes.votePolicies()).map(toVotePolicyDto);
  }

  /** `PUT /award-types/{code}/vote-policy`: 404 for a code the catalogue does not have. */
  async putVotePolicy(code: string, dto: PutVotePolicyDto): Promise<VotePolicyDto> {
    const row = await this.awardTypes.setVotePolicy(code, dto.required, dto.passRatio);
    if (!row) throw ApiError.notFound('Award type', code);
    return toVotePolicyDto(row);
  }
}
