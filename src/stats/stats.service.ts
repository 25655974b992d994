import { Injectable } from '@nestjs/common';
import { assertYearRange } from '../awards/awards.service.js';
import {
  AWARD_RECIPIENT_KINDS,
  BASIS_LABELS,
  RECIPIENT_KIND_LABELS,
  type AwardRecipientKind,
} from '../awards/labels.js';
import { AWARD_CODES, awardName, BASES, PROVINCE_LEVEL_CODES, type AwardCode, type Basis } from '../rules/index.js';
import type {
  AwardStatsDto,
  AwardStatsQueryDto,
  BasisCountsDto,
  Form0603CountsDto,
  Form0603Dto,
  Form0603QueryDto,
  StatsGroupBy,
  StatsGroupDto,
} from './dto/stats.dto.js';
import { type GroupCountRow, StatsRepository } from './stats.repository.js';

/** Catalogue-ordered kinds of key: their position in the list decides the order of the groups. */
const KEY_ORDER: Partial<Record<StatsGroupBy, readonly string[]>> = {
  awardCode: AWARD_CODES,
  basis: BASES,
  recipientKind: AWARD_RECIPIENT_KINDS,
};

function labelOf(groupBy: StatsGroupBy, row: GroupCountRow): string {
  switch (groupBy) {
    case 'awardCode':
      return awardName(row.key as AwardCode);
    case 'basis':
      return BASIS_LABELS[row.key as Basis];
    case 'recipientKind':
      return RECIPIENT_KIND_LABELS[row.key as AwardRecipientKind];
    case 'organization':
      return row.label ?? row.key;
  }
}

const emptyBasisCounts = (): BasisCountsDto =>
  Object.fromEntries(BASES.map((basis) => [basis, 0])) as unknown as BasisCountsDto;

const emptyCounts = (): Form0603CountsDto => ({
  collectives: 0,
  individuals: 0,
  total: 0,
  bonusTotal: 0,
  byBasis: emptyBasisCounts(),
});

@Injectable()
export class StatsService {
  constructor(private readonly stats: StatsRepository) {}

  /** Counts and bonus totals of awards not revoked, grouped one way. */
  async awards(query: AwardStatsQueryDto): Promise<AwardStatsDto> {
    assertYearRange(query);
    const groupBy = query.groupBy ?? 'awardCode';
    const rows = await this.stats.countBy(groupBy, {
      year: query.year,
      fromYear: query.fromYear,
      toYear: query.toYear,
      subtreeOf: query.organizationId,
      awardCode: query.awardCode,
      recipientKind: query.recipientKind,
      basis: query.basis,
      includeRevoked: false,
    });
    const groups: StatsGroupDto[] = rows.map((row) => ({
      key: row.key,
      label: labelOf(groupBy, row),
      count: row.count,
      bonusTotal: Number(row.bonusTotal),
    }));
    const order = KEY_ORDER[groupBy];
    groups.sort(
      order
        ? (a, b) => order.indexOf(a.key) - order.indexOf(b.key)
        : (a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi') || a.key.localeCompare(b.key),
    );
    const total = groups.reduce(
      (sum, group) => ({ count: sum.count + group.count, bonusTotal: sum.bonusTotal + group.bonusTotal }),
      { count: 0, bonusTotal: 0 },
    );
    return { groupBy, groups, total };
  }

  /**
   * Circular 02/2023/TT-BNV form 0603: province-level titles and forms (PROVINCE_LEVEL_CODES) granted by
   * decisions dated in the reporting year, by recipient group and by basis.
   */
  async form0603(query: Form0603QueryDto): Promise<Form0603Dto> {
    const rows = await this.stats.form0603Counts(query.year, PROVINCE_LEVEL_CODES, query.organizationId);
    const byCode = new Map(PROVINCE_LEVEL_CODES.map((code) => [code, emptyCounts()]));
    const total = emptyCounts();
    for (const row of rows) {
      const bonus = Number(row.bonusTotal);
      for (const counts of [byCode.get(row.awardCode), total]) {
        if (!counts) continue;
        if (row.recipientKind === 'COLLECTIVE') counts.collectives += row.count;
        else counts.individuals += row.count;
        counts.total += row.count;
        counts.bonusTotal += bonus;
        counts.byBasis[row.basis] += row.count;
      }
    }
    return {
      form: '0603',
      circular: '02/2023/TT-BNV',
      year: query.year,
      organizationId: query.organizationId ?? null,
      rows: PROVINCE_LEVEL_CODES.map((code) => ({
        awardCode: code,
        awardName: awardName(code),
        ...(byCode.get(code) as Form0603CountsDto),
      })),
      total,
    };
  }
}
