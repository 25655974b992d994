import { Injectable } from '@nestjs/common';
import { ApiError } from '../common/errors/problem.js';
import { REGIME_CODES, type Authority, type RecipientKind } from '../rules/types.js';
import { AwardType } from './award-type.entity.js';
import { AwardTypesRepository } from './award-types.repository.js';
import type { AwardTypeDto, AwardTypeListDto, BonusMultipliersDto } from './dto/award-type.dto.js';

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
}
