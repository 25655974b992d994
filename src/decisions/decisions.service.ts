import { msg } from '../i18n/index.js';
import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ScopeService } from '../auth/scope.service.js';
import { AwardsRepository, type NewAward } from '../awards/awards.repository.js';
import { decodeDateIdCursor, toAwardDto } from '../awards/awards.service.js';
import { generateVerificationCode } from '../awards/verification-code.js';
import { ApiError, ErrorCode, type RuleViolation } from '../common/errors/problem.js';
import { DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import { assertDecidable, NominationsService } from '../nominations/nominations.service.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import {
  AWARD_TYPES,
  bonusAmount,
  bonusMultiplier,
  checkAuthority,
  judgeDecisionNumber,
  checkOrganizationLife,
  enterpriseSignerOf,
  formatDecisionNumber,
  issuingAuthority,
  regimeOn,
  titleBonusesDue,
  type Authority,
  type BonusLine,
} from '../rules/index.js';
import { takeDecisionNumber } from './decision-register.js';
import { type DecisionRow, DecisionsRepository, type NominationForDecision } from './decisions.repository.js';
import type { CreateDecisionDto, DecisionDto, DecisionSummaryDto, ListDecisionsQueryDto } from './dto/decision.dto.js';
import { Transactions } from '../database/transactions.js';

export function toDecisionSummaryDto(row: DecisionRow): DecisionSummaryDto {
  return {
    id: row.id,
    number: row.numberText,
    numberValue: row.number,
    year: row.year,
    issuedOn: row.issuedOn,
    issuer: { id: row.issuerId, name: row.issuerName, documentSymbol: row.issuerSymbol },
    source: row.source,
    authority: row.authority,
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    signingMode: row.signingMode,
    regime: row.regime,
    awardCount: row.awardCount,
    createdAt: row.createdAt.toISOString(),
  };
}

@Injectable()
export class DecisionsService {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly awards: AwardsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly nominationsWorkflow: NominationsService,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
  ) {}

  async list(query: ListDecisionsQueryDto): Promise<Page<DecisionSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.decisions.list({
      issuerOrganizationId: query.issuerOrganizationId,
      year: query.year,
      authority: query.authority,
      after: decodeDateIdCursor(query.cursor),
      limit,
    });
    return toPage(rows, limit, (row) => [row.issuedOn, row.id], toDecisionSummaryDto);
  }

  async get(id: string, viewer: Principal): Promise<DecisionDto> {
    const decision = await this.load(viewer, id);
    if (!decision) throw ApiError.notFound('Decision', id);
    return decision;
  }

  /**
   * Signs a decision (quyết định khen thưởng) granting one award per APPROVED nomination, all or nothing, in one
   * transaction: the nominations are locked, re-checked (status, R-HOLD-1, every line's eligibility under the regime
   * of the decision date, R-ORG-1 of the issuer and of each collective, R-AUTH-1..5, R-MONEY-1; not the quotas,
   * counted at approval) and only then
   * numbered (R-NUM-1: the register's number, checked, or under AUTO the next of the series under its lock, so a
   * refused decision uses up no number). The decision's authority is
   * derived from the issuer's kind (R-AUTH-4), never taken from the request.
   */
  async create(dto: CreateDecisionDto, principal: Principal): Promise<DecisionDto> {
    const issuer = await this.organizations.findById(dto.issuerOrganizationId);
    if (!issuer) {
      throw ApiError.invalidReference(
        'issuerOrganizationId',
        `organization ${dto.issuerOrganizationId} does not exist`,
      );
    }
    await this.scope.assertInScope(principal, issuer.id);
    const nominationIds = dto.nominationIds.map((id) => id.toLowerCase());
    if (new Set(nominationIds).size !== nominationIds.length) {
      throw ApiError.badRequest('nominationIds', msg('decision.sameNominationTwice'));
    }
    const year = Number(dto.issuedOn.slice(0, 4));
    const regime = regimeOn(dto.issuedOn);

    return this.transactions.run(async () => {
      const locked = await this.decisions.lockNominations(nominationIds);
      const byId = new Map(locked.map((nomination) => [nomination.id, nomination]));
      const missing = nominationIds.flatMap((id, index) => (byId.has(id) ? [] : [{ id, index }]));
      if (missing.length > 0) {
        throw new ApiError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          ErrorCode.INVALID_REFERENCE,
          'A rule forbids this',
          msg('decision.unknownNominations', { ids: missing.map((m) => m.id) }),
          {
            errors: missing.map((m) => ({
              field: `nominationIds.${m.index}`,
              message: `nomination ${m.id} does not exist`,
            })),
          },
        );
      }
      // In request order, so errors and award lines follow what the caller sent.
      const nominations = nominationIds.map((id) => byId.get(id) as NominationForDecision);

      await this.assertNominationsInScope(principal, nominations);

      // The workflow's DECIDE starts from APPROVED only (409 NOMINATION_NOT_APPROVED), checked before the rules.
      assertDecidable(nominations);

      // R-ORG-1: the issuer and the collectives granted are share-locked, so their dissolution (which locks the row
      // for update) runs wholly before this decision, which then sees it, or waits until the decision is signed.
      const collectives = nominations.flatMap((n) =>
        n.recipientKind === 'COLLECTIVE' && n.nomineeOrganizationId ? [n.nomineeOrganizationId] : [],
      );
      const alive = await this.organizations.findManyForShare([...new Set([issuer.id, ...collectives])]);

      const violations: RuleViolation[] = [];
      const life = checkOrganizationLife(alive.get(issuer.id) ?? issuer, dto.issuedOn, 'ISSUER');
      if (!life.passed) violations.push({ rule: life.rule, message: life.message });
      // R-NUM-1: the register's number (REGISTER, the default) or the next of a dedicated series (AUTO).
      const numbering = judgeDecisionNumber(issuer, dto.number);
      for (const check of numbering.failed) violations.push({ rule: check.rule, message: check.message });
      // R-AUTH-4: the authority is the issuer's, whatever the request states; the codes are checked against it.
      const { authority, check: issuing } = issuingAuthority(issuer, dto.issuedOn, dto.authority);
      if (!issuing.passed) violations.push({ rule: issuing.rule, message: issuing.message });
      if (authority !== null) {
        const awardCodes = nominations.map((nomination) => nomination.awardCode);
        // R-AUTH-5: an enterprise board's chair signs Giấy khen only.
        const signer = enterpriseSignerOf(dto.signerTitle);
        for (const check of checkAuthority(authority, awardCodes, dto.issuedOn, signer)) {
          if (!check.passed) violations.push({ rule: check.rule, message: check.message });
        }
      }
      violations.push(...(await this.holdViolations(nominations)));
      // The recipients' record stays as judged until COMMIT: a revocation (R-REVOKE-1) takes these locks before it
      // revokes and flags, so a line judged on an award being revoked is either refused or flagged by it.
      await this.decisions.lockRecipientBonuses(
        nominations.flatMap((n) => {
          const recipient = n.individualId ?? n.householdId ?? n.nomineeOrganizationId;
          return recipient ? [recipient] : [];
        }),
      );
      // Every line re-judged under the regime of the decision date: facts may have changed since approval, and the
      // approval may have assumed another regime. Eligibility only: quotas were counted at approval.
      violations.push(
        ...(await this.nominationsWorkflow.recheckForDecision(
          nominations.map((n) => ({ ...n, organizationId: n.nomineeOrganizationId })),
          dto.issuedOn,
        )),
      );
      const bonuses = authority === null ? [] : this.bonuses(nominations, dto.issuedOn, authority, violations);
      // A null authority always comes with its failing R-AUTH-4 check.
      if (violations.length > 0 || authority === null) {
        throw ApiError.ruleViolation(msg('decision.breaks', { count: violations.length }), violations);
      }
      const symbol = issuer.documentSymbol as string;

      const number = await takeDecisionNumber(this.decisions, issuer, year, numbering.number);
      const numberText = formatDecisionNumber(number, symbol);

      const decisionId = await this.decisions.insert({
        issuerOrganizationId: issuer.id,
        authority,
        year,
        number,
        numberText,
        issuedOn: dto.issuedOn,
        signerName: dto.signerName,
        signerTitle: dto.signerTitle,
        signingMode: dto.signingMode,
        regime,
        createdByKeyId: principal.keyId,
      });
      // R-MONEY-3: one title paid per recipient and period, across this decision and those before it.
      const due = await this.titleBonuses(nominations, bonuses, dto.issuedOn, authority);
      const awardIds = await this.awards.insertMany(
        nominations.map((nomination) =>
          toNewAward(nomination, {
            decisionId,
            decisionNumber: numberText,
            issuedOn: dto.issuedOn,
            regime,
            bonusAmount: due.get(nomination.id)?.due ?? 0,
          }),
        ),
      );
      for (const outcome of due.values()) {
        if (outcome.paidWith === null && !outcome.changed) continue;
        const awardId = awardIds.get(outcome.key) ?? outcome.key;
        const paidWith = outcome.paidWith === null ? null : (awardIds.get(outcome.paidWith) ?? outcome.paidWith);
        await this.awards.setBonus(awardId, outcome.due, paidWith);
      }
      await this.nominationsWorkflow.markDecided(nominationIds, { id: decisionId, numberText }, principal);
      return (await this.load(principal, decisionId)) as DecisionDto;
    });
  }

  /** The decision with its lines, as `viewer` may see them (`toAwardDto`). */
  private async load(viewer: Principal, id: string): Promise<DecisionDto | null> {
    const row = await this.decisions.findById(id);
    if (!row) return null;
    const awards = await this.awards.listByDecision(id);
    return { ...toDecisionSummaryDto(row), awards: awards.map((award) => toAwardDto(award, viewer)) };
  }

  /** An APPROVER decides only nominations proposed within its scope (ADMIN: any). */
  private async assertNominationsInScope(principal: Principal, nominations: NominationForDecision[]): Promise<void> {
    if (this.scope.scopeRoot(principal) === null) return;
    const proposers = [...new Set(nominations.map((nomination) => nomination.proposingOrganizationId))];
    for (const organizationId of proposers) {
      if (!(await this.scope.isInScope(principal, organizationId))) {
        const ids = nominations.filter((n) => n.proposingOrganizationId === organizationId).map((n) => n.id);
        throw ApiError.forbidden(
          msg('decision.nominationsOutOfScope', { ids, id: organizationId }),
          ErrorCode.OUT_OF_SCOPE,
        );
      }
    }
  }

  /** R-HOLD-1 (Decree 98/2023 Art 4; Decree 152/2025): a nominee (individual or collective) with an open case cannot be decided. */
  private async holdViolations(nominations: NominationForDecision[]): Promise<RuleViolation[]> {
    const subjectOf = (n: NominationForDecision): string | null => n.individualId ?? n.nomineeOrganizationId;
    const subjectIds = [...new Set(nominations.flatMap((n) => (subjectOf(n) ? [subjectOf(n) as string] : [])))];
    const holds = await this.decisions.openHolds(subjectIds);
    return nominations.flatMap((nomination) => {
      const subject = subjectOf(nomination);
      const open = subject ? (holds.get(subject) ?? 0) : 0;
      if (open === 0) return [];
      return [
        {
          rule: 'R-HOLD-1',
          message: `Nomination ${nomination.id}: ${nomination.individualName ?? nomination.collectiveName ?? subject} has ${open} open case${open === 1 ? '' : 's'} (discipline, investigation, inspection, complaint, denunciation, press report); the nomination is held until it closes (Decree 98/2023 Art 4; Decree 152/2025)`,
          limit: 0,
          actual: open,
          nominationId: nomination.id,
        },
      ];
    });
  }

  /**
   * R-MONEY-3 (Decree 91/2017 Art 66.2.c; Decree 98/2023 Art 53): the bonus due per line of this decision (by
   * nomination id) and, for titles already granted to its recipients for the same period, their new due amount
   * (by award id, `changed`). Under a per-recipient lock, so two decisions never both pay a recipient's period.
   * The period of an annual title is its award year.
   */
  private async titleBonuses(
    nominations: NominationForDecision[],
    bonuses: number[],
    issuedOn: string,
    authority: Authority,
  ): Promise<Map<string, { key: string; due: number; paidWith: string | null; changed: boolean }>> {
    const recipientOf = (n: { recipientKind: string; individualId: string | null; organizationId: string | null }) =>
      n.recipientKind === 'INDIVIDUAL' ? `i:${n.individualId}` : `o:${n.organizationId}`;
    const lines = new Map<string, BonusLine[]>();
    const add = (recipient: string, line: BonusLine) => lines.set(recipient, [...(lines.get(recipient) ?? []), line]);
    const titles = nominations.filter((n) => TITLE_CODES.includes(n.awardCode));
    const out = new Map<string, { key: string; due: number; paidWith: string | null; changed: boolean }>();
    nominations.forEach((n, index) =>
      out.set(n.id, { key: n.id, due: bonuses[index] ?? 0, paidWith: null, changed: false }),
    );
    if (titles.length === 0) return out;

    const individualIds = [...new Set(titles.flatMap((n) => (n.individualId ? [n.individualId] : [])))].sort();
    const organizationIds = [
      ...new Set(
        titles.flatMap((n) =>
          n.recipientKind === 'COLLECTIVE' && n.nomineeOrganizationId ? [n.nomineeOrganizationId] : [],
        ),
      ),
    ].sort();
    await this.decisions.lockRecipientBonuses([...individualIds, ...organizationIds]);
    const years = [...new Set(titles.map((n) => n.year))];
    const granted = await this.awards.titleAwardsOf({ individualIds, organizationIds }, years, TITLE_CODES);
    const stored = new Map<string, number>();
    for (const award of granted) {
      const factor = award.recipientKind === 'COLLECTIVE' ? collectiveFactor(award.awardCode) : 1;
      let amount: number;
      try {
        amount = bonusAmount(award.awardCode, award.recipientKind, award.issuedOn, award.authority);
      } catch (error) {
        if (!(error instanceof RangeError)) throw error;
        amount = Number(award.bonusAmount);
      }
      stored.set(award.id, Number(award.bonusAmount));
      add(recipientOf(award), {
        key: award.id,
        awardCode: award.awardCode,
        period: { from: award.year, to: award.year },
        weight: bonusMultiplier(award.awardCode, regimeOn(award.issuedOn), award.authority) * factor,
        amount,
        granted: true,
      });
    }
    const regime = regimeOn(issuedOn);
    nominations.forEach((n, index) => {
      const factor = n.recipientKind === 'COLLECTIVE' ? collectiveFactor(n.awardCode) : 1;
      add(recipientOf({ ...n, organizationId: n.nomineeOrganizationId }), {
        key: n.id,
        awardCode: n.awardCode,
        period: { from: n.year, to: n.year },
        weight: bonusMultiplier(n.awardCode, regime, authority) * factor,
        amount: bonuses[index] ?? 0,
        granted: false,
      });
    });
    for (const recipientLines of lines.values()) {
      for (const outcome of titleBonusesDue(recipientLines)) {
        const before = stored.get(outcome.key);
        if (before === undefined) {
          out.set(outcome.key, { ...outcome, changed: false });
        } else if (before !== outcome.due || outcome.paidWith !== null) {
          // An award granted earlier: its bonus now follows the higher title of its period.
          out.set(outcome.key, { ...outcome, changed: true });
        }
      }
    }
    return out;
  }

  /** R-MONEY-1/2 per line; a date without a configured base salary becomes a violation. */
  private bonuses(
    nominations: NominationForDecision[],
    issuedOn: string,
    authority: Authority,
    violations: RuleViolation[],
  ): number[] {
    try {
      return nominations.map((nomination) =>
        bonusAmount(nomination.awardCode, nomination.recipientKind, issuedOn, authority),
      );
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      violations.push({ rule: 'R-MONEY-1', message: `${error.message}: the bonus cannot be computed` });
      return [];
    }
  }
}

const TITLE_CODES: readonly string[] = AWARD_TYPES.filter((type) => type.kind === 'TITLE').map((type) => type.code);
const collectiveFactor = (code: string): number =>
  AWARD_TYPES.find((type) => type.code === code)?.collectiveFactor ?? 1;

function toNewAward(
  nomination: NominationForDecision,
  line: Pick<NewAward, 'decisionId' | 'decisionNumber' | 'issuedOn' | 'regime' | 'bonusAmount'>,
): NewAward {
  const individual = nomination.recipientKind === 'INDIVIDUAL';
  const household = nomination.recipientKind === 'HOUSEHOLD';
  // A person's and a household's award is listed under their unit or commune; a collective's under itself.
  const organizationId = individual
    ? nomination.individualOrganizationId
    : household
      ? nomination.householdOrganizationId
      : nomination.nomineeOrganizationId;
  const organizationName = individual
    ? nomination.individualOrganizationName
    : household
      ? nomination.householdOrganizationName
      : nomination.collectiveName;
  const recipientName = individual
    ? nomination.individualName
    : household
      ? nomination.householdName && `Hộ ${nomination.householdName}`
      : nomination.collectiveName;
  if (!organizationId || !organizationName || !recipientName) {
    throw new Error(`Nomination ${nomination.id} has no nominee to grant an award to`);
  }
  return {
    decisionId: line.decisionId,
    decisionNumber: line.decisionNumber,
    nominationId: nomination.id,
    year: nomination.year,
    periodFrom: nomination.periodFrom,
    periodTo: nomination.periodTo,
    awardCode: nomination.awardCode,
    basis: nomination.basis,
    recipientKind: nomination.recipientKind,
    individualId: individual ? nomination.individualId : null,
    householdId: household ? nomination.householdId : null,
    organizationId,
    proposingOrganizationId: nomination.proposingOrganizationId,
    recipientName,
    organizationName,
    issuedOn: line.issuedOn,
    regime: line.regime,
    bonusAmount: line.bonusAmount,
    verificationCode: generateVerificationCode(),
  };
}
