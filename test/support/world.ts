import {
  MEETING,
  makeAwardRecord,
  makeIndividual,
  makeSubmittedNomination,
  makeTree,
  setRating,
  type Tree,
} from './factories.js';
import { bearer, type TestApp } from './test-app.js';

/**
 * A council vote every vote policy passes (all members present, all yes) at `MEETING`, by a council of 15: record
 * that size first (`recordCouncilSize`; `makeSubmittedNomination` does it for its `vote`).
 */
export const PASSING_VOTE = { ...MEETING, members: 15, present: 15, yes: 15 };

/**
 * The demo tree and a key for each role that acts on it, as request headers: the department's HR officer and
 * approver (whose scope covers the unit), an auditor, and an HR officer and an approver of the other department
 * (out of scope for the department's records).
 */
export async function makeWorld(t: TestApp) {
  const tree = await makeTree(t);
  return {
    tree,
    hr: bearer(await t.token('HR_OFFICER', tree.department.id)),
    approver: bearer(await t.token('APPROVER', tree.department.id)),
    auditor: bearer(await t.token('AUDITOR')),
    hrOther: bearer(await t.token('HR_OFFICER', tree.otherDepartment.id)),
    approverOther: bearer(await t.token('APPROVER', tree.otherDepartment.id)),
  };
}

/**
 * What the nomination and award factories take for `awardCode` of `year`, proposed by the tree's department (the
 * Sở proposes for itself and its unit): the nominee is a person's id, or `{ organizationId }` for a collective.
 * Spread it to add more (`basis`, `revoked`, `expectedDecisionOn` …).
 */
export function byDepartment(
  tree: Tree,
  year: number,
  awardCode: string,
  nominee: string | { organizationId: string },
): {
  year: number;
  awardCode: string;
  proposingOrganizationId: string;
  individualId?: string;
  organizationId?: string;
} {
  return {
    year,
    awardCode,
    proposingOrganizationId: tree.department.id,
    ...(typeof nominee === 'string' ? { individualId: nominee } : nominee),
  };
}

/**
 * `count` new people of the unit, each with a Lao động tiên tiến of `year` proposed by the department: the base of
 * R-QUOTA-CSCS (15 % of them may become CSTĐ cơ sở). Returns the people, in the order they were made.
 */
export async function makeLdttBase(t: TestApp, tree: Tree, year: number, count: number) {
  const people = [];
  for (let i = 0; i < count; i++) {
    const person = await makeIndividual(t, tree.unit.id);
    await makeAwardRecord(t, byDepartment(tree, year, 'LAO_DONG_TIEN_TIEN', person.id));
    people.push(person);
  }
  return people;
}

/**
 * Rates a person who holds a Lao động tiên tiến of `year` HTXS and submits a CSTĐ cơ sở for them by the department,
 * with a passing council vote: only the quota stands between it and approval. Returns the nomination.
 */
export async function makeVotedCscsNomination(t: TestApp, tree: Tree, year: number, individualId: string) {
  await setRating(t, individualId, year, 'HTXS');
  return makeSubmittedNomination(t, byDepartment(tree, year, 'CHIEN_SI_THI_DUA_CO_SO', individualId), {
    vote: PASSING_VOTE,
  });
}
