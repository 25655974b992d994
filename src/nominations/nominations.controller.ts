import { Body, Controller, Get, HttpCode, HttpStatus, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles } from '../auth/decorators.js';
import type { Principal } from '../auth/principal.js';
import { ApiIdParam, ApiProblems } from '../common/http/api-responses.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { PageOf, type Page } from '../common/pagination/pagination.js';
import { EligibilityResultDto } from './dto/eligibility.dto.js';
import {
  CreateNominationDto,
  ListNominationsQueryDto,
  NominationDetailDto,
  NominationDto,
  OptionalReasonDto,
  ReasonDto,
  UpdateNominationDto,
} from './dto/nomination.dto.js';
import { CouncilVoteDto, RecordVoteDto } from './dto/vote.dto.js';
import { BatchResultDto, NominationIdsDto, RejectNominationsDto } from './dto/batch.dto.js';
import { toProblem } from '../common/errors/problem-details.filter.js';
import type { BatchItemOutcome } from './batch.js';
import { NominationsService } from './nominations.service.js';

/** The per-item answer of a batch: the problem of a refused item is the one the single request would get. */
function toBatchResult(outcomes: readonly BatchItemOutcome[], moved: 'APPROVED' | 'REJECTED'): BatchResultDto {
  const items = outcomes.map((o) => {
    if (o.problem === null) return { id: o.id, status: moved };
    const { instance: _instance, requestId: _requestId, ...problem } = toProblem(o.problem, undefined, undefined);
    return { id: o.id, status: 'REFUSED' as const, problem };
  });
  const refused = items.filter((i) => i.status === 'REFUSED').length;
  return { items, moved: items.length - refused, refused };
}

const BATCH =
  'Per item: each nomination of `nominationIds` is judged in the order given, exactly as the single request would ' +
  'judge it right after the ones before it (a repeated id is judged again where it repeats). A refused item ' +
  'changes nothing and does not stop the others; its `problem` is what the single request would answer. The ' +
  'whole list runs in one transaction, whose moves are written together at its end: when the transaction itself ' +
  'fails (the database, a conflict after retries) the request gets that problem and nothing changes. 400 for an ' +
  'empty list, more than 500 ids, or an id that is not a UUID; 413 beyond the body limit. Send an ' +
  '`Idempotency-Key` to make a retry safe.';

const WRONG_STATE = 'A 409 `INVALID_STATE` when the nomination is not in a status this action starts from.';

/**
 * Nominations (đề nghị khen thưởng) and their workflow (docs/rules.md): HR officers draft, submit and withdraw;
 * approvers record council votes, return, approve and reject. Every action is checked against the caller's
 * scope (the proposing organization's subtree) and re-evaluates the rules.
 */
@ApiTags('nominations')
@Controller('nominations')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  @Post()
  @Roles('HR_OFFICER')
  @ApiOperation({
    summary: 'Draft a nomination; the answer carries its eligibility',
    description:
      'Stored in DRAFT even when not eligible, so the HR officer sees why (`eligibility.checks`). The caller needs ' +
      'both the proposing organization and the nominee in scope. Refused, nothing stored: 400 for both or neither ' +
      'nominee id; 422 `INVALID_REFERENCE` for an unknown organization or individual; 422 `RULE_VIOLATION` with ' +
      'R-KIND-1 (the award does not take this kind of recipient) or R-BASIS-2 (a title on a basis other than ' +
      'REGULAR); 409 `DUPLICATE_NOMINATION` (R-DUP-1) exactly where `POST /nominations/check` shows R-DUP-1 failing: ' +
      'for a REGULAR nomination, the nominee already has, that year, an award not revoked or an APPROVED nomination ' +
      'of this code (a regular Giấy khen and Bằng khen tỉnh count as one reward), or an open (DRAFT, SUBMITTED, ' +
      'RETURNED) REGULAR nomination of this code. Revoked awards and withdrawn or rejected nominations never count.',
  })
  @ApiCreatedResponse({ type: NominationDto })
  @ApiProblems('400', '409', '422')
  create(@CurrentPrincipal() principal: Principal, @Body() dto: CreateNominationDto): Promise<NominationDto> {
    return this.nominations.create(principal, dto);
  }

  @Post('check')
  @Roles('HR_OFFICER')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Evaluate a nomination without storing it',
    description:
      'The same body, validation and errors as `POST /nominations`; nothing is stored. Where its R-DUP-1 check ' +
      'fails, `POST /nominations` answers 409 `DUPLICATE_NOMINATION`; where it passes, creation is not refused ' +
      'as a duplicate.',
  })
  @ApiOkResponse({ type: EligibilityResultDto })
  @ApiProblems('400', '422')
  check(@CurrentPrincipal() principal: Principal, @Body() dto: CreateNominationDto): Promise<EligibilityResultDto> {
    return this.nominations.check(principal, dto);
  }

  @Get()
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiOperation({
    summary: 'List nominations, newest first',
    description:
      'HR officers and approvers see nominations proposed within their scope. `organizationId` narrows to ' +
      'nominations proposed by that organization or any under it; `proposingOrganizationId` to exactly one.',
  })
  @ApiOkResponse({ type: PageOf(NominationDto) })
  @ApiProblems('400')
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListNominationsQueryDto,
  ): Promise<Page<NominationDto>> {
    return this.nominations.list(principal, query);
  }

  @Get(':id')
  @Roles('HR_OFFICER', 'APPROVER', 'AUDITOR')
  @ApiIdParam()
  @ApiOperation({ summary: 'One nomination with its status history and council votes' })
  @ApiOkResponse({ type: NominationDetailDto })
  @ApiProblems('400', '404')
  get(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<NominationDetailDto> {
    return this.nominations.get(principal, id);
  }

  @Patch(':id')
  @Roles('HR_OFFICER')
  @ApiIdParam()
  @ApiOperation({
    summary: 'Edit a DRAFT or RETURNED nomination (achievements, basis, expected decision date)',
    description: `Re-evaluates eligibility. ${WRONG_STATE} A 422 R-BASIS-2 for a title on a basis other than REGULAR.`,
  })
  @ApiOkResponse({ type: NominationDto })
  @ApiProblems('400', '404', '409', '422')
  update(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: UpdateNominationDto,
  ): Promise<NominationDto> {
    return this.nominations.update(principal, id, dto);
  }

  @Post(':id/submit')
  @Roles('HR_OFFICER')
  @HttpCode(HttpStatus.OK)
  @ApiIdParam()
  @ApiOperation({
    summary: 'Submit a DRAFT or RETURNED nomination to the approver',
    description: `Refused with a 422 listing every failing rule (\`violations\`) while it is not eligible, or while its proposing organization does not exist on the nomination's \`expectedDecisionOn\`, else today (R-ORG-1, Circular 15/2025/TT-BNV: dissolved, merged; its successor proposes again). ${WRONG_STATE}`,
  })
  @ApiOkResponse({ type: NominationDto })
  @ApiProblems('400', '404', '409', '422')
  submit(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<NominationDto> {
    return this.nominations.submit(principal, id);
  }

  @Post(':id/return')
  @Roles('APPROVER')
  @HttpCode(HttpStatus.OK)
  @ApiIdParam()
  @ApiOperation({
    summary: 'Return a SUBMITTED nomination to the HR officer with a reason (status RETURNED, editable again)',
    description: WRONG_STATE,
  })
  @ApiOkResponse({ type: NominationDto })
  @ApiProblems('400', '404', '409')
  returnToProposer(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<NominationDto> {
    return this.nominations.returnToProposer(principal, id, dto.reason);
  }

  @Post(':id/withdraw')
  @Roles('HR_OFFICER')
  @HttpCode(HttpStatus.OK)
  @ApiIdParam()
  @ApiOperation({ summary: 'Withdraw a DRAFT, RETURNED or SUBMITTED nomination (final)', description: WRONG_STATE })
  @ApiOkResponse({ type: NominationDto })
  @ApiProblems('400', '404', '409')
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: OptionalReasonDto,
  ): Promise<NominationDto> {
    return this.nominations.withdraw(principal, id, dto.reason ?? null);
  }

  @Post('approve')
  @Roles('APPROVER')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: "Approve a council's list of SUBMITTED nominations, item by item",
    description:
      `${BATCH} Each item gets every check of \`POST /nominations/{id}/approve\` (eligibility, R-HOLD-1, ` +
      'R-DUP-1, the council vote where the code needs one, R-QUOTA-*), under the same locks, taken for the whole ' +
      'list: quotas count the items approved earlier in the list, so the quotas are never exceeded, whatever the ' +
      'number of concurrent requests and instances.',
  })
  @ApiOkResponse({ type: BatchResultDto })
  @ApiProblems('400')
  approveMany(@CurrentPrincipal() principal: Principal, @Body() dto: NominationIdsDto): Promise<BatchResultDto> {
    return this.nominations.approveMany(principal, dto.nominationIds).then((o) => toBatchResult(o, 'APPROVED'));
  }

  @Post('reject')
  @Roles('APPROVER')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Reject a list of SUBMITTED nominations with one reason, item by item',
    description: `${BATCH} Each item is rejected as by \`POST /nominations/{id}/reject\`, with \`reason\`.`,
  })
  @ApiOkResponse({ type: BatchResultDto })
  @ApiProblems('400')
  rejectMany(@CurrentPrincipal() principal: Principal, @Body() dto: RejectNominationsDto): Promise<BatchResultDto> {
    return this.nominations
      .rejectMany(principal, dto.nominationIds, dto.reason)
      .then((o) => toBatchResult(o, 'REJECTED'));
  }

  @Post(':id/votes')
  @Roles('APPROVER')
  @ApiIdParam()
  @ApiOperation({
    summary: "Record the council's vote at a meeting on a SUBMITTED nomination (R-VOTE-1)",
    description:
      'A meeting is a record: its date (`heldOn`, not in the future), its minutes (`minutesReference`) and its ' +
      'tally. It is never replaced nor deleted: a re-vote is another meeting, and every meeting is listed on the ' +
      'nomination. Approval judges the latest meeting (by `heldOn`, then by when it was recorded). Returns the vote ' +
      "with its R-VOTE-1 check under the award code's policy: quorum 2/3 of all members present, pass mark a share " +
      'of all members, written votes of absent members (`writtenVotes`, Decree 91/2017 Art 45.8) counted as votes. ' +
      '`members` must be the council size on file for the meeting date — of the proposing organization, or else of ' +
      'the nearest organization above it with one (`POST /organizations/{id}/council-sizes`): a 422 `RULE_VIOLATION` ' +
      'R-VOTE-1 when it disagrees or none is on file, nothing recorded. 400 unless present + writtenVotes ≤ members ' +
      `and yes ≤ present + writtenVotes. ${WRONG_STATE}`,
  })
  @ApiCreatedResponse({ type: CouncilVoteDto })
  @ApiProblems('400', '404', '409', '422')
  recordVote(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: RecordVoteDto,
  ): Promise<CouncilVoteDto> {
    return this.nominations.recordVote(principal, id, dto);
  }

  @Post(':id/approve')
  @Roles('APPROVER')
  @HttpCode(HttpStatus.OK)
  @ApiIdParam()
  @ApiOperation({
    summary: 'Approve a SUBMITTED nomination: eligibility, holds, duplicates, council vote and quotas, atomically',
    description:
      'Re-checks everything in one transaction, serialised per proposing organization and year and per nominee: ' +
      'eligibility with what counts now (R-HOLD-1, R-DUP-1 included), a passing latest meeting where the award code ' +
      'needs one, counted against the council size on file for its date (R-VOTE-1), and R-QUOTA-CSCS / R-QUOTA-CSTINH / R-QUOTA-UNIT. Any failure is a 422 ' +
      `\`RULE_VIOLATION\` listing every failing rule, and nothing changes. ${WRONG_STATE}`,
  })
  @ApiOkResponse({ type: NominationDto })
  @ApiProblems('400', '404', '409', '422')
  approve(@CurrentPrincipal() principal: Principal, @Param('id', UuidPipe) id: string): Promise<NominationDto> {
    return this.nominations.approve(principal, id);
  }

  @Post(':id/reject')
  @Roles('APPROVER')
  @HttpCode(HttpStatus.OK)
  @ApiIdParam()
  @ApiOperation({ summary: 'Reject a SUBMITTED nomination with a reason (final)', description: WRONG_STATE })
  @ApiOkResponse({ type: NominationDto })
  @ApiProblems('400', '404', '409')
  reject(
    @CurrentPrincipal() principal: Principal,
    @Param('id', UuidPipe) id: string,
    @Body() dto: ReasonDto,
  ): Promise<NominationDto> {
    return this.nominations.reject(principal, id, dto.reason);
  }
}
