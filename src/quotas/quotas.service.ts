import { msg, referenceMissing } from '../i18n/index.js';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ScopeService } from '../auth/scope.service.js';
import { AwardTypesService, votePolicyOf } from '../award-types/award-types.service.js';
import { ApiError, ErrorCode } from '../common/errors/problem.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import {
  AWARD_CODES,
  checkQuotas,
  countedByCode,
  quotaLimits,
  evaluateMeeting,
  regimeOn,
  type AwardCode,
  type AwardHistoryItem,
  type Basis,
  type Regime,
  type QuotaSettings,
  type RuleCheck,
  type UnitQuota as RuleUnitQuota,
  type VoteTally,
} from '../rules/index.js';
import type {
  DeleteQuotaQueryDto,
  PutQuotaDto,
  QuotaLimitDto,
  QuotaLimitListDto,
  QuotaQueryDto,
  RatioBase,
  UnitQuotaDto,
} from './dto/quota.dto.js';
import type { QuotaSettingsDto, RuleSettingsDto } from './dto/rule-settings.dto.js';
import { parseQuotaSettings } from './quota-settings.js';
import {
  QuotasRepository,
  recordKey,
  type ApprovalFigures,
  type ApprovalGroup,
  type UnitQuotaRow,
} from './quotas.repository.js';
import { Transactions } from '../database/transactions.js';
import { todayInVietnam } from '../common/time/vietnam-time.js';

export function toUnitQuotaDto(row: UnitQuotaRow): UnitQuotaDto {
  return {
    organizationId: row.organizationId,
    year: row.year,
    awardCode: row.awardCode,
    maxCount: row.maxCount,
    maxRatio: row.maxRatio,
    ratioOf: row.ratioOf as RatioBase | null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

const toRuleUnitQuota = (row: UnitQuotaRow): RuleUnitQuota => ({
  maxCount: row.maxCount,
  maxRatio: row.maxRatio,
  ratioOf: row.ratioOf as RuleUnitQuota['ratioOf'],
});

/** What approvals are judged against (`QuotasService.approvalGround`); `countApproval` keeps its counts current. */
export interface ApprovalGround extends Omit<ApprovalFigures, 'settings'> {
  settings: QuotaSettings;
}

export type { ApprovalGroup } from './quotas.repository.js';

/** R-QUOTA-CSCS's base is the subtree's Lao động tiên tiến (Decree 91/2017 Art 9.3), when it was read. */
function withSubtreeBase(
  counts: Partial<Record<AwardCode, number>>,
  subtreeLdtt: number | undefined,
): Partial<Record<AwardCode, number>> {
  return subtreeLdtt === undefined ? counts : { ...counts, LAO_DONG_TIEN_TIEN: subtreeLdtt };
}

/**
 * Quotas (chỉ tiêu, R-QUOTA-*) and the other configurable rule settings. The limits are computed by the rule
 * engine (`quotaLimits`, `checkQuotas`); this service only loads the numbers they need.
 */
@Injectable()
export class QuotasService {
  constructor(
    private readonly quotas: QuotasRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly awardTypes: AwardTypesService,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
  ) {}

  async settings(): Promise<QuotaSettings> {
    return parseQuotaSettings(await this.quotas.quotaSettings());
  }

  /**
   * R-VOTE-1 on the latest meeting's vote (with the council size on file for its date: `evaluateMeeting`), then
   * R-QUOTA-CSCS, R-QUOTA-CSTINH, R-QUOTA-UNIT for approving one more `awardCode` in the proposing organization and
   * year. Call it inside the approval's transaction, after its locks: every number and the vote policy are read
   * from the database, in one statement.
   */
  async checksForApproval(
    organizationId: string,
    year: number,
    awardCode: AwardCode,
    latestVote: { tally: VoteTally; councilMembersOnFile: number | null } | null,
    regime: Regime = regimeOn(todayInVietnam()),
  ): Promise<RuleCheck[]> {
    const group = { organizationId, year, awardCode };
    return this.judgeApproval(await this.approvalGround([group]), group, latestVote, regime);
  }

  /**
   * What approvals of `groups` are judged against (settings, counts, unit quotas, vote policies, headcounts), read
   * once for all of them: call it inside the approvals' transaction, after their locks.
   */
  async approvalGround(groups: readonly ApprovalGroup[]): Promise<ApprovalGround> {
    const figures = await this.quotas.approvalFiguresOf(groups);
    const settings = parseQuotaSettings(figures.settings);
    // R-QUOTA-CSCS's base counts only while that quota is on.
    return {
      ...figures,
      settings,
      subtreeLdtt: settings.cscsEnabled ? figures.subtreeLdtt : new Map<string, number>(),
    };
  }

  /**
   * The council vote and quota checks of approving one more `group.awardCode` against `ground` (as it stands
   * after the approvals already counted into it with `countApproval`).
   */
  judgeApproval(
    ground: ApprovalGround,
    group: ApprovalGroup,
    latestVote: { tally: VoteTally; councilMembersOnFile: number | null } | null,
    regime: Regime,
  ): RuleCheck[] {
    const { organizationId, year, awardCode } = group;
    const policy = votePolicyOf(awardCode, ground.votePolicies.get(awardCode) ?? null);
    const voteCheck = evaluateMeeting(
      latestVote?.tally ?? null,
      latestVote?.councilMembersOnFile ?? null,
      policy,
      awardCode,
    );
    const counts = ground.counts.get(recordKey(organizationId, year)) ?? {};
    const unitRows = ground.unitQuotas.filter(
      (q) => q.organizationId === organizationId && q.year === year && q.awardCode === awardCode,
    );
    const quotaChecks = checkQuotas(
      {
        awardCode,
        year,
        regime,
        used: counts[awardCode] ?? 0,
        baseCounts: withSubtreeBase(counts, ground.subtreeLdtt.get(recordKey(organizationId, year))),
        headcount: ground.headcounts.get(organizationId),
        unitQuotas: unitRows.map(toRuleUnitQuota),
      },
      ground.settings,
    );
    return [voteCheck, ...quotaChecks];
  }

  /**
   * Counts one more approved nomination into `ground`, as the rules count it (`countedByCode`), so the next
   * approval judged against it sees it as a committed one would be seen.
   */
  countApproval(ground: ApprovalGround, approved: ApprovalGroup & { basis: Basis }): void {
    const key = recordKey(approved.organizationId, approved.year);
    const counts = { ...(ground.counts.get(key) ?? {}) };
    const item: AwardHistoryItem = {
      source: 'NOMINATION',
      awardCode: approved.awardCode,
      year: approved.year,
      basis: approved.basis,
      status: 'APPROVED',
    };
    for (const [code, n] of Object.entries(countedByCode([{ item, n: 1 }])) as [AwardCode, number][]) {
      counts[code] = (counts[code] ?? 0) + n;
    }
    ground.counts.set(key, counts);
    // The organization is in its own subtree; an approval in a unit below it is counted when committed (the next
    // list sees it), never too many here: a lower base only refuses sooner.
    if (approved.awardCode === 'LAO_DONG_TIEN_TIEN' && ground.subtreeLdtt.has(key))
      ground.subtreeLdtt.set(key, (ground.subtreeLdtt.get(key) ?? 0) + 1);
  }

  /**
   * R-QUOTA-CSCS's base (Decree 91/2017 Art 9.3): the counted Lao động tiên tiến of the unit and its whole subtree,
   * read only for a CSTĐ cơ sở while that quota is on.
   */
  private async subtreeBase(
    organizationId: string,
    year: number,
    awardCode: AwardCode,
    settings: QuotaSettings,
  ): Promise<number | undefined> {
    if (awardCode !== 'CHIEN_SI_THI_DUA_CO_SO' || !settings.cscsEnabled) return undefined;
    return this.quotas.subtreeCounted(organizationId, year, 'LAO_DONG_TIEN_TIEN');
  }

  /** `GET /quotas`: every limit in force for the organization and year, legal ones first. */
  async list(principal: Principal, query: QuotaQueryDto): Promise<QuotaLimitListDto> {
    await this.requireOrganization(query.organizationId);
    await this.scope.assertInScope(principal, query.organizationId);
    const [settings, counts, unitRows] = await Promise.all([
      this.settings(),
      this.quotas.countedByCode(query.organizationId, query.year),
      this.quotas.unitQuotas(query.organizationId, query.year),
    ]);
    const needsHeadcount = unitRows.some((q) => q.maxRatio !== null && (q.ratioOf ?? 'HEADCOUNT') === 'HEADCOUNT');
    const headcount = needsHeadcount ? await this.quotas.headcount(query.organizationId) : undefined;
    const codes = AWARD_CODES.filter(
      (code) =>
        (code === 'CHIEN_SI_THI_DUA_CO_SO' && settings.cscsEnabled) ||
        (code === 'CHIEN_SI_THI_DUA_TINH' && settings.cstinhEnabled) ||
        unitRows.some((q) => q.awardCode === code),
    );
    const items: QuotaLimitDto[] = [];
    const regime = regimeOn(todayInVietnam());
    for (const code of codes) {
      const used = counts[code] ?? 0;
      const limits = quotaLimits(
        {
          awardCode: code,
          year: query.year,
          regime,
          baseCounts: withSubtreeBase(counts, await this.subtreeBase(query.organizationId, query.year, code, settings)),
          headcount,
          unitQuotas: unitRows.filter((q) => q.awardCode === code).map(toRuleUnitQuota),
        },
        settings,
      );
      for (const l of limits) {
        items.push({
          organizationId: query.organizationId,
          year: query.year,
          awardCode: code,
          rule: l.rule,
          limit: l.limit,
          used,
          remaining: Math.max(0, l.limit - used),
          source: l.source,
          basis: l.basis,
          article: l.article,
        });
      }
    }
    return { items };
  }

  /**
   * `PUT /quotas`: creates or replaces the unit's quota of one year and code. Set from above the unit only
   * (`ScopeService.assertAbove`): the unit's own approver, who approves against the quota, cannot raise it.
   */
  async put(principal: Principal, dto: PutQuotaDto): Promise<UnitQuotaDto> {
    if (dto.maxCount === undefined && dto.maxRatio === undefined) {
      throw new ApiError(
        HttpStatus.BAD_REQUEST,
        ErrorCode.VALIDATION_FAILED,
        'Invalid request',
        msg('quota.countOrRatio'),
        {
          errors: [
            { field: 'maxCount', message: msg('quota.countOrRatio') },
            { field: 'maxRatio', message: msg('quota.countOrRatio') },
          ],
        },
      );
    }
    if (dto.ratioOf !== undefined && dto.maxRatio === undefined)
      throw ApiError.badRequest('ratioOf', msg('quota.needsRatio'));
    if (dto.ratioOf === dto.awardCode) throw ApiError.badRequest('ratioOf', msg('quota.sameCode'));
    return this.transactions.run(async () => {
      await this.requireOrganization(dto.organizationId);
      await this.scope.assertAbove(principal, dto.organizationId, msg('subject.quota'));
      const row = await this.quotas.upsertUnitQuota({
        organizationId: dto.organizationId,
        year: dto.year,
        awardCode: dto.awardCode,
        maxCount: dto.maxCount ?? null,
        maxRatio: dto.maxRatio ?? null,
        ratioOf: dto.maxRatio === undefined ? null : (dto.ratioOf ?? 'HEADCOUNT'),
      });
      return toUnitQuotaDto(row);
    });
  }

  /** `DELETE /quotas`: removes the unit's quota of one year and code; from above the unit only, like `put`. */
  async remove(principal: Principal, query: DeleteQuotaQueryDto): Promise<void> {
    return this.transactions.run(async () => {
      await this.requireOrganization(query.organizationId);
      await this.scope.assertAbove(principal, query.organizationId, msg('subject.quota'));
      const deleted = await this.quotas.deleteUnitQuota(query.organizationId, query.year, query.awardCode);
      if (!deleted) throw ApiError.notFound('Quota', `${query.organizationId}/${query.year}/${query.awardCode}`);
    });
  }

  async ruleSettings(): Promise<RuleSettingsDto> {
    const [quotas, votePolicies] = await Promise.all([this.settings(), this.awardTypes.votePolicies()]);
    return { quotas, votePolicies };
  }

  async putQuotaSettings(dto: QuotaSettingsDto): Promise<QuotaSettingsDto> {
    const value: QuotaSettings = {
      cscsEnabled: dto.cscsEnabled,
      cscsRatio: dto.cscsRatio,
      cstinhEnabled: dto.cstinhEnabled,
      cstinhRatio: dto.cstinhRatio,
    };
    await this.quotas.saveQuotaSettings(value);
    return this.settings();
  }

  private async requireOrganization(organizationId: string): Promise<void> {
    if (!(await this.organizations.findById(organizationId))) {
      throw ApiError.invalidReference('organizationId', referenceMissing('entity.organization', organizationId));
    }
  }
}
