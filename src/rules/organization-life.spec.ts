import { describe, expect, it } from '@jest/globals';
import { render, type Message } from '../i18n/index.js';
import { evaluateEligibility } from './eligibility.js';
import {
  ceasedOn,
  checkOrganizationLife,
  isAliveOn,
  lastDayBefore,
  type OrganizationLife,
  type OrganizationRole,
} from './organization-life.js';
import type { NominationFacts } from './types.js';

const en = (message: Message): string => render(message, 'en');
const vi = (message: Message): string => render(message, 'vi');

/** Sở TT&TT Điện Biên, merged into Sở KH&CN on 2025-03-01: its last day is 2025-02-28. */
const STTTT: OrganizationLife = {
  name: 'Sở Thông tin và Truyền thông tỉnh Điện Biên',
  validFrom: null,
  validTo: '2025-02-28',
};
const FOUNDED: OrganizationLife = { name: 'Trung tâm mới', validFrom: '2025-03-01', validTo: null };
const ALWAYS: OrganizationLife = { name: 'UBND tỉnh Điện Biên', validFrom: null, validTo: null };

describe('checkOrganizationLife (R-ORG-1, Circular 15/2025/TT-BNV; Law 2022 Art 79–80)', () => {
  it.each<[string, OrganizationLife, string, OrganizationRole, boolean]>([
    ['alive, no dates', ALWAYS, '2030-01-01', 'ISSUER', true],
    ['the 2023 decision of the Sở', STTTT, '2024-01-23', 'ISSUER', true],
    ['on its last day', STTTT, '2025-02-28', 'ISSUER', true],
    ['on the day it ceases', STTTT, '2025-03-01', 'ISSUER', false],
    ['after it ceased', STTTT, '2025-12-31', 'ISSUER', false],
    ['a collective award after it ceased', STTTT, '2025-03-01', 'RECIPIENT', false],
    ['a collective award on its last day', STTTT, '2025-02-28', 'RECIPIENT', true],
    ['before it was founded', FOUNDED, '2025-02-28', 'ISSUER', false],
    ['on its first day', FOUNDED, '2025-03-01', 'ISSUER', true],
    ['a collective award before it was founded', FOUNDED, '2024-12-31', 'RECIPIENT', false],
    ['a revocation signed on its last day', STTTT, '2025-02-28', 'ISSUER', true],
    ['a nomination submitted on its last day', STTTT, '2025-02-28', 'PROPOSER', true],
    ['a nomination submitted after it ceased', STTTT, '2025-03-01', 'PROPOSER', false],
    ['a nomination submitted before it was founded', FOUNDED, '2025-02-28', 'PROPOSER', false],
    ['a person placed in it on its last day', STTTT, '2025-02-28', 'MEMBER', true],
    ['a person placed in it after it ceased', STTTT, '2026-12-03', 'MEMBER', false],
    ['a person placed in it before it was founded', FOUNDED, '2025-01-01', 'MEMBER', false],
    ['a person placed in it on its first day', FOUNDED, '2025-03-01', 'MEMBER', true],
  ])('%s: %j on %s as %s passes %p', (_, organization, date, role, passed) => {
    const check = checkOrganizationLife(organization, date, role);
    expect(check).toMatchObject({ rule: 'R-ORG-1', passed });
    expect(isAliveOn(organization, date)).toBe(passed);
  });

  it('names the organization, the day it ceased and the law, in both languages', () => {
    const { message } = checkOrganizationLife(STTTT, '2025-03-01', 'ISSUER');
    expect(en(message)).toContain('Sở Thông tin và Truyền thông tỉnh Điện Biên');
    expect(en(message)).toContain('Circular 15/2025/TT-BNV');
    expect(en(message)).toContain('Law 2022 Art 79–80');
    expect(en(message)).toMatch(/ceased .* on 01\/03\/2025|ceased .*2025-03-01|ceased .*March/);
    expect(vi(message)).toContain('Thông tư 15/2025/TT-BNV');
    expect(vi(message)).toContain('Điều 79, 80 Luật Thi đua, khen thưởng 2022');
  });

  it('tells the issuer from the recipient', () => {
    expect(en(checkOrganizationLife(STTTT, '2025-06-01', 'ISSUER').message)).toContain('cannot issue');
    expect(en(checkOrganizationLife(STTTT, '2025-06-01', 'RECIPIENT').message)).toContain('collective award');
    expect(en(checkOrganizationLife(FOUNDED, '2025-01-01', 'RECIPIENT').message)).toContain('exists from');
    expect(en(checkOrganizationLife(STTTT, '2025-06-01', 'PROPOSER').message)).toContain('cannot propose an award');
    expect(en(checkOrganizationLife(FOUNDED, '2025-01-01', 'PROPOSER').message)).toContain('exists from');
    expect(en(checkOrganizationLife(STTTT, '2025-06-01', 'MEMBER').message)).toContain('nobody can be placed');
    expect(en(checkOrganizationLife(FOUNDED, '2025-01-01', 'MEMBER').message)).toContain('exists from');
  });

  it.each<OrganizationRole>(['ISSUER', 'RECIPIENT', 'PROPOSER', 'MEMBER'])(
    'refuses as %s citing the rule and the Circular in both languages',
    (role) => {
      for (const [organization, date] of [
        [STTTT, '2025-03-01'],
        [FOUNDED, '2025-02-28'],
      ] as const) {
        const { message, passed } = checkOrganizationLife(organization, date, role);
        expect(passed).toBe(false);
        expect(en(message)).toContain('R-ORG-1, Circular 15/2025/TT-BNV');
        expect(vi(message)).toContain('R-ORG-1, Thông tư 15/2025/TT-BNV');
        expect(en(message)).toContain(organization.name);
      }
    },
  );

  it.each([
    ['2025-03-01', '2025-02-28'],
    ['2025-01-01', '2024-12-31'],
    ['2024-03-01', '2024-02-29'],
  ])('an organization that ceases on %s lives until %s, and back', (on, last) => {
    expect(lastDayBefore(on)).toBe(last);
    expect(ceasedOn(last)).toBe(on);
  });

  it('refuses a date that is not YYYY-MM-DD', () => {
    expect(() => checkOrganizationLife(STTTT, '2025-02-30', 'ISSUER')).toThrow(RangeError);
    expect(() => lastDayBefore('1/3/2025')).toThrow(RangeError);
  });
});

describe('R-ORG-1 among the eligibility rules (collective nominations)', () => {
  const collective = (organization: OrganizationLife | undefined, decisionOn?: string): NominationFacts => ({
    year: 2024,
    awardCode: 'GIAY_KHEN',
    basis: 'REGULAR',
    recipientKind: 'COLLECTIVE',
    collective: { history: [], openHolds: 0, members: [], ...(organization ? { organization } : {}) },
    ...(decisionOn ? { decisionOn } : {}),
  });
  const org1 = (facts: NominationFacts) =>
    evaluateEligibility(facts, 'TDKT_2022_ND98').checks.filter((check) => check.rule === 'R-ORG-1');

  it.each<[string, OrganizationLife | undefined, string | undefined, (boolean | null)[]]>([
    ['a merged Sở, decided after the merger', STTTT, '2025-03-15', [false]],
    ['a merged Sở, decided before the merger', STTTT, '2025-01-20', [true]],
    ['an organization founded later', FOUNDED, '2025-01-20', [false]],
    ['an organization without dates: nothing to say', ALWAYS, '2025-03-15', []],
    ['no decision date', STTTT, undefined, []],
    ['life not loaded', undefined, '2025-03-15', []],
  ])('%s → %j', (_, organization, decisionOn, passed) => {
    expect(org1(collective(organization, decisionOn)).map((check) => check.passed)).toEqual(passed);
  });

  it('makes the nomination ineligible when it fails', () => {
    expect(evaluateEligibility(collective(STTTT, '2025-03-15'), 'TDKT_2022_ND98').eligible).toBe(false);
  });

  it('never judges an individual by it', () => {
    const facts: NominationFacts = {
      ...collective(STTTT, '2025-03-15'),
      recipientKind: 'INDIVIDUAL',
      individual: { ratings: {}, initiatives: [], history: [], recruitedOn: null, measures: [], openHolds: 0 },
    };
    expect(org1(facts)).toEqual([]);
  });
});
