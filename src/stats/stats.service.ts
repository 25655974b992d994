import { Injectable } from '@nestjs/common';
import { assertYearRange } from '../awards/awards.service.js';
import {
  AWARD_RECIPIENT_KINDS,
  BASIS_LABELS,
  RECIPIENT_KIND_LABELS,
  type AwardRecipientKind,
} from '../awards/labels.js';
import { ApiError } from '../common/errors/problem.js';
import { msg } from '../i18n/index.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import { AWARD_CODES, awardName, BASES, type AwardCode, type Basis } from '../rules/index.js';
import type {
  AwardStatsDto,
  AwardStatsQueryDto,
  Form0603Dto,
  Form0603QueryDto,
  StatsGroupBy,
  StatsGroupDto,
} from './dto/stats.dto.js';
import { FORM_0603_CODES, type Form0603Row, tabulateForm0603 } from './form-0603.js';
import { buildForm0603Workbook } from './form-0603-workbook.js';
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

/** Organizations that report form 0603: a province, or a ministry where the tree has one. */
const FORM_0603_REPORTERS: readonly string[] = ['PROVINCE', 'MINISTRY'];

@Injectable()
export class StatsService {
  constructor(
    private readonly stats: StatsRepository,
    private readonly organizations: OrganizationsRepository,
  ) {}

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
   * Form 0603.N/BNV-TĐKT of Circular 02/2023/TT-BNV: the awards decided by the reporting organization's own head
   * (not its departments', nor another authority's awards to its staff) in `year`, history included.
   */
  async form0603(query: Form0603QueryDto): Promise<Form0603Dto> {
    const organization = await this.organizations.findById(query.organizationId);
    if (!organization) throw ApiError.notFound('Organization', query.organizationId);
    if (!FORM_0603_REPORTERS.includes(organization.kind)) {
      throw ApiError.badRequest(
        'organizationId',
        msg('stats.form0603Reporter', { id: organization.id, kind: organization.kind }),
      );
    }
    const counts = await this.stats.form0603Counts(query.year, organization.id, FORM_0603_CODES);
    return {
      year: query.year,
      organization: { id: organization.id, name: organization.name },
      rows: tabulateForm0603(counts),
    };
  }

  /** The same form as a workbook laid out like the paper form. */
  async form0603Workbook(query: Form0603QueryDto): Promise<{ body: Buffer; fileName: string }> {
    const report = await this.form0603(query);
    const body = await buildForm0603Workbook({
      year: report.year,
      organizationName: report.organization.name,
      rows: report.rows as Form0603Row[],
    });
    return { body, fileName: `bieu-0603-${report.year}.xlsx` };
  }
}
