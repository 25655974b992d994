import { HttpStatus, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/principal.js';
import { ScopeService } from '../auth/scope.service.js';
import { AwardsRepository, type AwardForRevocation, type RelianceRow } from '../awards/awards.repository.js';
import { decodeDateIdCursor, seesRevocationReasons, toAwardDto } from '../awards/awards.service.js';
import type { AwardDto } from '../awards/dto/award.dto.js';
import { ApiError, ErrorCode, type RuleViolation } from '../common/errors/problem.js';
import { DEFAULT_PAGE_SIZE, type Page, toPage } from '../common/pagination/pagination.js';
import { todayInVietnam } from '../common/time/vietnam-time.js';
import { Transactions } from '../database/transactions.js';
import { takeDecisionNumber } from '../decisions/decision-register.js';
import { DecisionsRepository } from '../decisions/decisions.repository.js';
import { msg } from '../i18n/index.js';
import { OrganizationsRepository } from '../organizations/organizations.repository.js';
import {
  awardName,
  awardsToReview,
  judgeDecisionNumber,
  checkOrganizationLife,
  checkRevocationDate,
  checkRevocationIssuer,
  DEPENDENT_CODES,
  formatDecisionNumber,
  issuingAuthority,
  REVOCATION_GROUND_TEXT,
  type RelianceAward,
  type ReviewFlag,
} from '../rules/index.js';
import type {
  CreateRevocationDto,
  FlaggedAwardDto,
  ListRevocationsQueryDto,
  ReviewAwardDto,
  RevocationDto,
  RevocationSummaryDto,
  RevokeAwardDto,
} from './dto/revocation.dto.js';
import { type RevocationRow, RevocationsRepository } from './revocations.repository.js';

/** One key per recipient, as the reliance rules compare them. */
function recipientKey(a: Pick<RelianceRow, 'recipientKind' | 'individualId' | 'householdId' | 'organizationId'>) {
  if (a.recipientKind === 'INDIVIDUAL') return `i:${a.individualId}`;
  if (a.recipientKind === 'HOUSEHOLD') return `h:${a.householdId}`;
  return `o:${a.organizationId}`;
}

const toReliance = (a: RelianceRow): RelianceAward => ({ ...a, recipient: recipientKey(a) });

const invalidAwards = (missing: { id: string; index: number }[]) =>
  new ApiError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    ErrorCode.INVALID_REFERENCE,
    'A rule forbids this',
    msg('revocation.unknownAwards', { ids: missing.map((m) => m.id) }),
    { errors: missing.map((m) => ({ field: `awardIds.${m.index}`, message: `award ${m.id} does not exist` })) },
  );

/**
 * R-REVOKE-1 (Law 2022 Art 93): revocation decisions. A revocation names its awards, all or nothing, in one
 * transaction: the awards are locked, checked (issuer, date, number), revoked, and the later awards that counted them
 * flagged for review — set-based, one statement each.
 */
@Injectable()
export class RevocationsService {
  constructor(
    private readonly revocations: RevocationsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly awards: AwardsRepository,
    private readonly organizations: OrganizationsRepository,
    private readonly scope: ScopeService,
    private readonly transactions: Transactions,
  ) {}

  async list(query: ListRevocationsQueryDto, viewer: Principal): Promise<Page<RevocationSummaryDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.revocations.list({
      issuerOrganizationId: query.issuerOrganizationId,
      year: query.year,
      after: decodeDateIdCursor(query.cursor),
      limit,
    });
    const readable = await this.reasonReadable(viewer, rows);
    return toPage(
      rows,
      limit,
      (row) => [row.issuedOn, row.id],
      (row) => toSummary(row, readable.has(row.issuerId)),
    );
  }

  async get(id: string, viewer: Principal): Promise<RevocationDto> {
    const revocation = await this.load(id, viewer);
    if (!revocation) throw ApiError.notFound('Revocation', id);
    return revocation;
  }

  /** The decision's one-line shortcut: a revocation decision naming one award of decision `decisionId`. */
  async revokeLine(
    decisionId: string,
    awardId: string,
    dto: RevokeAwardDto,
    principal: Principal,
  ): Promise<RevocationDto> {
    const decision = await this.decisions.findById(decisionId);
    if (!decision) throw ApiError.notFound('Decision', decisionId);
    return this.create({ ...dto, awardIds: [awardId] }, principal, { decisionId, numberText: decision.numberText });
  }

  /**
   * Records a revocation decision. `line`: the award must be a line of this decision (the shortcut route; 404
   * otherwise).
   */
  async create(
    dto: CreateRevocationDto,
    principal: Principal,
    line?: { decisionId: string; numberText: string },
  ): Promise<RevocationDto> {
    const issuer = await this.organizations.findById(dto.issuerOrganizationId);
    if (!issuer) {
      throw ApiError.invalidReference(
        'issuerOrganizationId',
        `organization ${dto.issuerOrganizationId} does not exist`,
      );
    }
    await this.scope.assertInScope(principal, issuer.id);
    const awardIds = dto.awardIds.map((id) => id.toLowerCase());
    const year = Number(dto.issuedOn.slice(0, 4));

    const revocationId = await this.transactions.run(async () => {
      // R-ORG-1: the issuer is share-locked, as a decision's is, so its dissolution (which locks the row for update)
      // runs wholly before this revocation, which then sees it, or waits until the revocation is signed.
      const alive = (await this.organizations.findOneForShare(issuer.id)) ?? issuer;
      // The recipients first, as a decision takes them before it judges its lines (R-MONEY-3 takes them too): a
      // decision that counted one of these awards commits before this reads the later awards, or judges after.
      await this.decisions.lockRecipientBonuses(await this.awards.recipientsOf(awardIds));
      const locked = await this.awards.lockForRevocation(awardIds);
      const byId = new Map(locked.map((a) => [a.id, a]));
      if (line && (!byId.has(awardIds[0]) || byId.get(awardIds[0])?.decisionId !== line.decisionId)) {
        throw new ApiError(
          HttpStatus.NOT_FOUND,
          ErrorCode.NOT_FOUND,
          'Not found',
          msg('decision.notALine', { award: awardIds[0], number: line.numberText }),
        );
      }
      const missing = awardIds.flatMap((id, index) => (byId.has(id) ? [] : [{ id, index }]));
      if (missing.length > 0) throw invalidAwards(missing);
      const targets = awardIds.map((id) => byId.get(id) as AwardForRevocation);

      const revoked = targets.filter((a) => a.revokedAt !== null).map((a) => a.id);
      if (revoked.length > 0) {
        throw new ApiError(
          HttpStatus.CONFLICT,
          'AWARD_ALREADY_REVOKED',
          msg('problem.title.409'),
          msg('revocation.alreadyRevoked', { ids: revoked }),
          { awardIds: revoked },
        );
      }
      // A history decision of an issuer outside the registry (a Prime Minister's…): the registry cannot place it
      // in the tree, so only an ADMIN records its revocation.
      const outside = targets.filter((a) => a.grantingIssuerId === null);
      if (outside.length > 0 && principal.role !== 'ADMIN') {
        throw ApiError.forbidden(
          msg('revocation.outsideIssuer', { ids: outside.map((a) => a.id), issuer: outside[0].grantingIssuerName }),
          ErrorCode.OUT_OF_SCOPE,
        );
      }

      const violations: RuleViolation[] = [];
      // R-ORG-1: a revocation is a decision; an issuer that no longer exists (or not yet) on its date signs none.
      const life = checkOrganizationLife(alive, dto.issuedOn, 'ISSUER');
      if (!life.passed) violations.push({ rule: life.rule, message: life.message });
      // R-NUM-1: the register's number, as for an award decision (one register).
      const numbering = judgeDecisionNumber(issuer, dto.number);
      for (const check of numbering.failed) violations.push({ rule: check.rule, message: check.message });
      const { authority } = issuingAuthority(issuer, dto.issuedOn);
      const grantingIds = [...new Set(targets.flatMap((a) => (a.grantingIssuerId ? [a.grantingIssuerId] : [])))];
      const below = await this.organizations.withinOf(issuer.id, grantingIds);
      const today = todayInVietnam();
      for (const award of targets) {
        const label = `${awardName(award.awardCode)} ${award.year} — ${award.recipientName} (${award.decisionNumber})`;
        const checks = [
          checkRevocationIssuer({
            issuer: issuer.name,
            grantedBy: award.grantingIssuerName,
            award: label,
            sameOrAbove: award.grantingIssuerId === null || below.has(award.grantingIssuerId),
            competent: authority !== null,
          }),
          checkRevocationDate(dto.issuedOn, { issuedOn: award.issuedOn, label }, today),
        ];
        for (const check of checks) {
          if (!check.passed) violations.push({ rule: check.rule, message: check.message, awardId: award.id });
        }
      }
      if (violations.length > 0 || authority === null) {
        throw ApiError.ruleViolation(msg('revocation.breaks', { count: violations.length }), violations);
      }
      const symbol = issuer.documentSymbol as string;

      const number = await takeDecisionNumber(this.decisions, issuer, year, numbering.number);
      const id = await this.revocations.insert({
        issuerOrganizationId: issuer.id,
        authority,
        year,
        number,
        numberText: formatDecisionNumber(number, symbol),
        issuedOn: dto.issuedOn,
        ground: dto.ground,
        reason: dto.reason,
        createdByKeyId: principal.keyId,
      });
      await this.awards.revokeMany(awardIds, id, dto.reason, principal.keyId);

      // Later awards of the same recipients that counted a revoked one: flagged, never revoked with it.
      const candidates = await this.awards.relianceCandidates(
        {
          individualIds: [...new Set(targets.flatMap((a) => (a.individualId ? [a.individualId] : [])))],
          householdIds: [...new Set(targets.flatMap((a) => (a.householdId ? [a.householdId] : [])))],
          organizationIds: [
            ...new Set(targets.flatMap((a) => (a.recipientKind === 'COLLECTIVE' ? [a.organizationId] : []))),
          ],
        },
        DEPENDENT_CODES,
      );
      const flags = awardsToReview(targets.map(toReliance), candidates.map(toReliance));
      await this.awards.flagForReview(
        flags.map((f) => f.awardId),
        id,
      );
      return id;
    });
    return (await this.load(revocationId, principal)) as RevocationDto;
  }

  /** Clears an award's review flag once an approver in scope of its granting issuer has confirmed it stands. */
  async review(awardId: string, dto: ReviewAwardDto, principal: Principal): Promise<AwardDto> {
    void dto.outcome; // CONFIRMED is the one outcome: a failed review is a revocation of its own.
    return this.transactions.run(async () => {
      const [award] = await this.awards.lockForRevocation([awardId]);
      if (!award) throw ApiError.notFound('Award', awardId);
      if (award.grantingIssuerId === null) {
        if (principal.role !== 'ADMIN') throw this.scope.outOfScope(award.organizationId);
      } else await this.scope.assertInScope(principal, award.grantingIssuerId);
      if (!(await this.awards.clearReview(awardId))) {
        throw ApiError.conflict(ErrorCode.INVALID_STATE, msg('revocation.notFlagged', { award: awardId }));
      }
      return toAwardDto((await this.awards.findById(awardId))!, principal);
    });
  }

  /** The revocation with its awards and those it flagged (the reliance recomputed by the same pure rule). */
  private async load(id: string, viewer: Principal): Promise<RevocationDto | null> {
    const row = await this.revocations.findById(id);
    if (!row) return null;
    const [revoked, flagged, readable] = await Promise.all([
      this.awards.listByRevocation(id, 'revoked'),
      this.awards.listByRevocation(id, 'flagged'),
      this.reasonReadable(viewer, [row]),
    ]);
    const facts = await this.awards.relianceFacts([...revoked, ...flagged].map((a) => a.id));
    const factsById = new Map(facts.map((f) => [f.id, toReliance(f)]));
    const revokedFacts = revoked.flatMap((a) => factsById.get(a.id) ?? []);
    // The flag's reason as the rule judged it at revocation (the later award was not revoked then).
    const laterFacts = flagged.flatMap((a) => {
      const f = factsById.get(a.id);
      return f ? [{ ...f, revoked: false }] : [];
    });
    const reasons = new Map<string, ReviewFlag>(awardsToReview(revokedFacts, laterFacts).map((f) => [f.awardId, f]));
    return {
      ...toSummary(row, readable.has(row.issuerId)),
      awards: revoked.map((a) => toAwardDto(a, viewer)),
      flagged: flagged.flatMap((a): FlaggedAwardDto[] => {
        const reason = reasons.get(a.id);
        if (!reason) return [];
        return [
          {
            award: toAwardDto(a, viewer),
            reliedOnAwardId: reason.reliedOnAwardId,
            rule: reason.rule,
            message: msg('rules.revoke.review', {
              award: a.id,
              reliedOn: reason.reliedOnAwardId,
              number: row.numberText,
              rule: reason.rule,
              article: reason.article,
            }),
          },
        ];
      }),
    };
  }

  /**
   * The issuers whose revocations' reasons `viewer` reads: ADMIN and AUDITOR all, an APPROVER those in its scope;
   * the public and HR officers none (the reason may carry personal data; the ground is public).
   */
  private async reasonReadable(viewer: Principal, rows: readonly RevocationRow[]): Promise<Set<string>> {
    if (!seesRevocationReasons(viewer) || rows.length === 0) return new Set();
    return this.scope.inScopeOf(viewer, [...new Set(rows.map((r) => r.issuerId))]);
  }
}

function toSummary(row: RevocationRow, readsReason: boolean): RevocationSummaryDto {
  return {
    id: row.id,
    number: row.numberText,
    numberValue: row.number,
    year: row.year,
    issuedOn: row.issuedOn,
    issuer: { id: row.issuerId, name: row.issuerName, documentSymbol: row.issuerSymbol },
    authority: row.authority,
    ground: row.ground,
    groundText: REVOCATION_GROUND_TEXT[row.ground],
    reason: readsReason ? row.reason : null,
    awardCount: row.awardCount,
    createdAt: row.createdAt.toISOString(),
  };
}
