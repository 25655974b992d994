import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  countedAwards,
  NON_PREREQUISITE_BASES,
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
  /** The nomination being evaluated: it never counts for itself (api.md "What counts"). */
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
  status: NominationStatus | null;
}

interface MemberRow {
  collective_id: string;
  year: number;
  rating: Rating | null;
  has_ldtt: boolean;
  has_cscs: boolean;
}

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
/** The counted history (api.md "What counts"): awards not revoked, nominations in APPROVED. */
const HISTORY_SQL = `SELECT 'AWARD' AS source, a.individual_id, a.organization_id, a.recipient_kind, NULL::uuid AS nomination_id,
                            a.award_code, a.year, a.basis, NULL AS status
                       FROM awards a
                      WHERE a.revoked_at IS NULL
                        AND (a.individual_id = ANY($1::uuid[])
                             OR (a.recipient_kind = 'COLLECTIVE' AND a.organization_id = ANY($2::uuid[])))
                     UNION ALL
                     SELECT 'NOMINATION', n.individual_id, n.organization_id, n.recipient_kind, n.id,
                            n.award_code, n.year, n.basis, n.status
                       FROM nominations n
                      WHERE n.status = 'APPROVED'
                        AND (n.individual_id = ANY($1::uuid[])
                             OR (n.recipient_kind = 'COLLECTIVE' AND n.organization_id = ANY($2::uuid[])))`;

/** A subquery's rows as one JSON array (empty, not null, when there are none). */
const jsonRows = (sql: string): string => `(SELECT coalesce(json_agg(t), '[]'::json) FROM (${sql}) t)`;

/**
 * Loads everything the eligibility rules need (`NominationFacts`) for any number of nominations in a fixed number
 * of set-based queries — at most two, never one per nomination:
 *
 * - individuals (recruitment date), their ratings, initiatives and disciplinary cases;
 * - the counted history of every nominee (api.md "What counts"): awards not revoked plus nominations in APPROVED,
 *   minus the nomination being evaluated;
 * - for collective titles judged on their members (R-TTTT-1, R-TTXS-1): each member's rating and whether they hold
 *   Lao động tiên tiến / CSTĐ cơ sở in the year (R-BASIS-1: thematic and ad hoc awards do not count).
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

    // The person facts and the counted history in one round trip, each set as a JSON array of its rows (the
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
        ? await m.query<MemberRow[]>(
            `WITH q AS (SELECT DISTINCT * FROM unnest($1::uuid[], $2::int[]) AS q(collective_id, year))
             SELECT q.collective_id, q.year, r.rating,
                    (EXISTS (SELECT 1 FROM awards a
                              WHERE a.individual_id = i.id AND a.year = q.year AND a.award_code = 'LAO_DONG_TIEN_TIEN'
                                AND a.revoked_at IS NULL AND a.basis <> ALL($3::text[]))
                     OR EXISTS (SELECT 1 FROM nominations n
                              WHERE n.individual_id = i.id AND n.year = q.year AND n.award_code = 'LAO_DONG_TIEN_TIEN'
                                AND n.status = 'APPROVED' AND n.basis <> ALL($3::text[]))) AS has_ldtt,
                    (EXISTS (SELECT 1 FROM awards a
                              WHERE a.individual_id = i.id AND a.year = q.year AND a.award_code = 'CHIEN_SI_THI_DUA_CO_SO'
                                AND a.revoked_at IS NULL AND a.basis <> ALL($3::text[]))
                     OR EXISTS (SELECT 1 FROM nominations n
                              WHERE n.individual_id = i.id AND n.year = q.year AND n.award_code = 'CHIEN_SI_THI_DUA_CO_SO'
                                AND n.status = 'APPROVED' AND n.basis <> ALL($3::text[]))) AS has_cscs
               FROM q
               JOIN organization_closure c ON c.ancestor_id = q.collective_id
               JOIN individuals i ON i.organization_id = c.descendant_id
                                 AND (i.joined_on IS NULL OR i.joined_on <= make_date(q.year, 12, 31))
               LEFT JOIN individual_ratings r ON r.individual_id = i.id AND r.year = q.year`,
            [memberRequests.map((r) => r.organizationId), memberRequests.map((r) => r.year), NON_PREREQUISITE_BASES],
          )
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
      const exclude = { excludeNominationId: request.excludeNominationId };
      if (request.recipientKind === 'INDIVIDUAL' && request.individualId) {
        const id = request.individualId;
        const personCases = casesOf.get(id) ?? [];
        const individual: IndividualFacts = {
          ratings: Object.fromEntries((ratingsOf.get(id) ?? []).map((r) => [r.year, r.rating])),
          initiatives: (initiativesOf.get(id) ?? []).map((i) => ({ year: i.year, level: i.level })),
          awards: countedAwards((historyOfIndividual.get(id) ?? []).map(toHistoryItem), exclude),
          joinedOn: joinedOn.get(id) ?? null,
          disciplinedInYear: personCases.some((c) => c.kind === 'DISCIPLINE' && dateYear(c.opened_on) === request.year),
          openHolds: personCases.filter((c) => c.open).length,
        };
        base.individual = individual;
      } else if (request.recipientKind === 'COLLECTIVE' && request.organizationId) {
        const id = request.organizationId;
        base.collective = {
          awards: countedAwards((historyOfCollective.get(id) ?? []).map(toHistoryItem), exclude),
          openHolds: 0,
          members: (membersOf.get(`${id}:${request.year}`) ?? []).map(toMember),
        };
      }
      out.set(request.key, base);
    }
    return out;
  }
}

function toHistoryItem(row: HistoryRow): AwardHistoryItem {
  return row.source === 'AWARD'
    ? { source: 'AWARD', awardCode: row.award_code, year: row.year, basis: row.basis, revoked: false }
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
  const member: CollectiveMember = { hasLaoDongTienTien: row.has_ldtt, hasChienSiCoSo: row.has_cscs };
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
