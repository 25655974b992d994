import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  memberHolds,
  MEMBER_AWARD_CODES,
  RULE_SETS,
  type AwardCode,
  type AwardHistoryItem,
  type Basis,
  type CollectiveMember,
  type IndividualFacts,
  type InitiativeLevel,
  type NominationFacts,
  type NominationStatus,
  type Rating,
} from '../rules/index.js';

/** What to load facts for: one nomination (stored or not). */
export interface FactsRequest {
  /** The caller's key for the result map (e.g. the nomination id or a row number). */
  key: string;
  year: number;
  awardCode: AwardCode;
  basis: Basis;
  recipientKind: 'INDIVIDUAL' | 'COLLECTIVE';
  individualId?: string | null;
  organizationId?: string | null;
  /** The nomination being evaluated: the rules never count it against itself. */
  excludeNominationId?: string;
}

/** Codes whose rules look at the members of the nominated collective (R-TTTT-1, R-TTXS-1). */
const MEMBER_RULES = new Set(['R-TTTT-1', 'R-TTXS-1']);
function needsMembers(code: AwardCode): boolean {
  return Object.values(RULE_SETS).some((set) => set[code].some((id) => MEMBER_RULES.has(id)));
}

const dateYear = (date: string): number => Number(date.slice(0, 4));

interface HistoryRow {
  source: 'AWARD' | 'NOMINATION';
  individual_id: string | null;
  organization_id: string | null;
  recipient_kind: 'INDIVIDUAL' | 'COLLECTIVE';
  nomination_id: string | null;
  award_code: AwardCode;
  year: number;
  basis: Basis;
  revoked: boolean;
  status: NominationStatus | null;
}

interface MemberRow {
  collective_id: string;
  year: number;
  rating: Rating | null;
  history: RecordRow[];
}

/** A row of a recipient's record without the recipient columns. */
type RecordRow = Omit<HistoryRow, 'individual_id' | 'organization_id' | 'recipient_kind'>;

/** The rows of the facts statement, each set as JSON (`$1` individual ids, `$2` collective ids). */
interface FactSets {
  people: { id: string; joined_on: string | null }[];
  ratings: { individual_id: string; year: number; rating: Rating }[];
  initiatives: { individual_id: string; year: number; level: InitiativeLevel }[];
  cases: { individual_id: string; kind: string; opened_on: string; open: boolean }[];
  history: HistoryRow[];
}
const NO_FACTS: FactSets = { people: [], ratings: [], initiatives: [], cases: [], history: [] };

const PEOPLE_SQL = `SELECT id, to_char(joined_on, 'YYYY-MM-DD') AS joined_on FROM individuals WHERE id = ANY($1::uuid[])`;
const RATINGS_SQL = `SELECT individual_id, year, rating FROM individual_ratings WHERE individual_id = ANY($1::uuid[])`;
const INITIATIVES_SQL = `SELECT individual_id, year, level FROM initiatives WHERE individual_id = ANY($1::uuid[])`;
const CASES_SQL = `SELECT individual_id, kind, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, closed_on IS NULL AS open
                     FROM disciplinary_cases WHERE individual_id = ANY($1::uuid[])`;
/**
 * The record of every nominee, as stored: all their awards (revoked or not) and all their nominations (any status).
 * Nothing here decides what counts: the rules do (`countedAwards`, `duplicateClashes` in src/rules).
 */
const HISTORY_SQL = `SELECT 'AWARD' AS source, a.individual_id, a.organization_id, a.recipient_kind, NULL::uuid AS nomination_id,
                            a.award_code, a.year, a.basis, a.revoked_at IS NOT NULL AS revoked, NULL AS status
                       FROM awards a
                      WHERE a.individual_id = ANY($1::uuid[])
                         OR (a.recipient_kind = 'COLLECTIVE' AND a.organization_id = ANY($2::uuid[]))
                     UNION ALL
                     SELECT 'NOMINATION', n.individual_id, n.organization_id, n.recipient_kind, n.id,
                            n.award_code, n.year, n.basis, false, n.status
                       FROM nominations n
                      WHERE n.individual_id = ANY($1::uuid[])
                         OR (n.recipient_kind = 'COLLECTIVE' AND n.organization_id = ANY($2::uuid[]))`;

/**
 * The members of collectives (`$1`) in years (`$2`), with their rating and their record of the year restricted to
 * the codes the member rules look at (`$3`): facts only, `memberHolds` decides what counts.
 */
const MEMBERS_SQL = `WITH q AS (SELECT DISTINCT * FROM unnest($1::uuid[], $2::int[]) AS q(collective_id, year)),
     m AS (SELECT q.collective_id, q.year, i.id AS individual_id
             FROM q
             JOIN organization_closure c ON c.ancestor_id = q.collective_id
             JOIN individuals i ON i.organization_id = c.descendant_id
                               AND (i.joined_on IS NULL OR i.joined_on <= make_date(q.year, 12, 31)))
SELECT m.collective_id, m.year, r.rating,
       (SELECT coalesce(json_agg(h), '[]'::json) FROM (
          SELECT 'AWARD' AS source, NULL::uuid AS nomination_id, a.award_code, a.year, a.basis,
                 a.revoked_at IS NOT NULL AS revoked, NULL AS status
            FROM awards a
           WHERE a.individual_id = m.individual_id AND a.year = m.year AND a.award_code = ANY($3::text[])
          UNION ALL
          SELECT 'NOMINATION', n.id, n.award_code, n.year, n.basis, false, n.status
            FROM nominations n
           WHERE n.individual_id = m.individual_id AND n.year = m.year AND n.award_code = ANY($3::text[])
       ) h) AS history
  FROM m
  LEFT JOIN individual_ratings r ON r.individual_id = m.individual_id AND r.year = m.year`;

/** A subquery's rows as one JSON array (empty, not null, when there are none). */
const jsonRows = (sql: string): string => `(SELECT coalesce(json_agg(t), '[]'::json) FROM (${sql}) t)`;

/**
 * Loads everything the eligibility rules need (`NominationFacts`) for any number of nominations in a fixed number
 * of set-based queries — at most two, never one per nomination:
 *
 * - individuals (recruitment date), their ratings, initiatives and disciplinary cases;
 * - the record of every nominee: every award with its revoked flag, every nomination with its status (the rules
 *   decide what counts: prerequisites and quotas in `countedAwards`, R-DUP-1 in `duplicateClashes`);
 * - for collective titles judged on their members (R-TTTT-1, R-TTXS-1): each member's rating and record of the
 *   year for Lao động tiên tiến / CSTĐ cơ sở (`memberHolds` decides, with R-BASIS-1 and R-REVOKE-1).
 *
 * Facts of the registry's model that the rules approximate, by design:
 * - members of a collective in year Y are the individuals now in its subtree who joined on or before 31 December
 *   of Y (or whose joining date is unknown): the registry keeps no membership history;
 * - "disciplined in Y" (R-LDTT-2) is a disciplinary case of kind DISCIPLINE opened in Y: the registry does not
 *   record the level of the measure;
 * - a collective has no disciplinary cases of its own, so its R-HOLD-1 count is 0.
 *
 * Pass the caller's transaction `manager` so the facts are read inside the transaction that acts on them.
 */
@Injectable()
export class NominationFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async loadOne(request: FactsRequest, manager?: EntityManager): Promise<NominationFacts> {
    const facts = await this.load([request], manager);
    return facts.get(request.key) as NominationFacts;
  }

  async load(requests: readonly FactsRequest[], manager?: EntityManager): Promise<Map<string, NominationFacts>> {
    const m = manager ?? this.dataSource.manager;
    const individualIds = unique(requests.filter((r) => r.recipientKind === 'INDIVIDUAL').map((r) => r.individualId));
    const collectiveIds = unique(requests.filter((r) => r.recipientKind === 'COLLECTIVE').map((r) => r.organizationId));
    const memberRequests = requests.filter(
      (r) => r.recipientKind === 'COLLECTIVE' && r.organizationId && needsMembers(r.awardCode),
    );

    // The person facts and the nominees' records in one round trip, each set as a JSON array of its rows (the
    // collective members below stay a query of their own: only collective titles need them).
    const [sets] =
      individualIds.length > 0 || collectiveIds.length > 0
        ? await m.query<FactSets[]>(
            `SELECT ${jsonRows(PEOPLE_SQL)} AS people, ${jsonRows(RATINGS_SQL)} AS ratings,
                    ${jsonRows(INITIATIVES_SQL)} AS initiatives, ${jsonRows(CASES_SQL)} AS cases,
                    ${jsonRows(HISTORY_SQL)} AS history`,
            [individualIds, collectiveIds],
          )
        : [NO_FACTS];
    const { people, ratings, initiatives, cases, history } = sets;
    const members =
      memberRequests.length > 0
        ? await m.query<MemberRow[]>(MEMBERS_SQL, [
            memberRequests.map((r) => r.organizationId),
            memberRequests.map((r) => r.year),
            MEMBER_AWARD_CODES,
          ])
        : [];

    const joinedOn = new Map(people.map((p) => [p.id, p.joined_on]));
    const ratingsOf = groupBy(ratings, (r) => r.individual_id);
    const initiativesOf = groupBy(initiatives, (r) => r.individual_id);
    const casesOf = groupBy(cases, (r) => r.individual_id);
    const historyOfIndividual = groupBy(
      history.filter((h) => h.recipient_kind === 'INDIVIDUAL'),
      (h) => h.individual_id ?? '',
    );
    const historyOfCollective = groupBy(
      history.filter((h) => h.recipient_kind === 'COLLECTIVE'),
      (h) => h.organization_id ?? '',
    );
    const membersOf = groupBy(members, (r) => `${r.collective_id}:${r.year}`);

    const out = new Map<string, NominationFacts>();
    for (const request of requests) {
      const base: NominationFacts = {
        year: request.year,
        awardCode: request.awardCode,
        basis: request.basis,
        recipientKind: request.recipientKind,
      };
      if (request.excludeNominationId !== undefined) base.excludeNominationId = request.excludeNominationId;
      if (request.recipientKind === 'INDIVIDUAL' && request.individualId) {
        const id = request.individualId;
        const personCases = casesOf.get(id) ?? [];
        const individual: IndividualFacts = {
          ratings: Object.fromEntries((ratingsOf.get(id) ?? []).map((r) => [r.year, r.rating])),
          initiatives: (initiativesOf.get(id) ?? []).map((i) => ({ year: i.year, level: i.level })),
          history: (historyOfIndividual.get(id) ?? []).map(toHistoryItem),
          joinedOn: joinedOn.get(id) ?? null,
          disciplinedInYear: personCases.some((c) => c.kind === 'DISCIPLINE' && dateYear(c.opened_on) === request.year),
          openHolds: personCases.filter((c) => c.open).length,
        };
        base.individual = individual;
      } else if (request.recipientKind === 'COLLECTIVE' && request.organizationId) {
        const id = request.organizationId;
        base.collective = {
          history: (historyOfCollective.get(id) ?? []).map(toHistoryItem),
          openHolds: 0,
          members: (membersOf.get(`${id}:${request.year}`) ?? []).map(toMember),
        };
      }
      out.set(request.key, base);
    }
    return out;
  }
}

function toHistoryItem(row: RecordRow): AwardHistoryItem {
  return row.source === 'AWARD'
    ? { source: 'AWARD', awardCode: row.award_code, year: row.year, basis: row.basis, revoked: row.revoked }
    : {
        source: 'NOMINATION',
        id: row.nomination_id ?? undefined,
        awardCode: row.award_code,
        year: row.year,
        basis: row.basis,
        status: row.status as NominationStatus,
      };
}

function toMember(row: MemberRow): CollectiveMember {
  const history = row.history.map(toHistoryItem);
  const member: CollectiveMember = {
    hasLaoDongTienTien: memberHolds(history, 'LAO_DONG_TIEN_TIEN', row.year),
    hasChienSiCoSo: memberHolds(history, 'CHIEN_SI_THI_DUA_CO_SO', row.year),
  };
  if (row.rating !== null) member.rating = row.rating;
  return member;
}

function unique(values: readonly (string | null | undefined)[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === 'string'))];
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
