import { describe, expect, it } from '@jest/globals';
import { allowedAwardCodes, checkAuthority } from './authority.js';
import { headAuthority, isDecidedLocally, ISSUER_AUTHORITIES, issuingAuthority } from './issuing-authority.js';
import { AUTHORITIES, AWARD_CODES, ORGANIZATION_KINDS } from './types.js';
import type { Authority, AwardCode, OrganizationKind } from './types.js';
import { render, type Message } from '../i18n/index.js';

/** A rule's message as an English reader sees it. */
const en = (message: Message | undefined): string => (message === undefined ? '' : render(message, 'en'));

const issuer = (kind: OrganizationKind) => ({ kind, name: `Issuer ${kind}` });

describe('issuingAuthority (R-AUTH-4, Law 2022 Art 79–80)', () => {
  it.each<[OrganizationKind, string, Authority | null, boolean]>([
    // Art 79: the provincial Chairman; Art 80.1–80.4: Giám đốc Sở, district, commune and enterprise heads.
    ['PROVINCE', '2024-01-23', 'PROVINCE_CHAIR', true],
    ['DEPARTMENT', '2024-01-23', 'DEPARTMENT_HEAD', true],
    ['DISTRICT', '2025-06-30', 'DISTRICT_CHAIR', true],
    ['COMMUNE', '2025-07-01', 'COMMUNE_CHAIR', true],
    ['ENTERPRISE', '2023-12-31', 'ENTERPRISE_HEAD', true],
    // Districts are abolished from 2025-07-01 (Decree 129/2025).
    ['DISTRICT', '2025-07-01', null, false],
    // No competence of their own.
    ['UNIT', '2024-01-23', null, false],
    ['OTHER', '2024-01-23', null, false],
  ])('%s issuing on %s → %s (passes %p)', (kind, date, authority, passed) => {
    const derived = issuingAuthority(issuer(kind), date);
    expect(derived.authority).toBe(authority);
    expect(derived.check).toMatchObject({ rule: 'R-AUTH-4', passed });
  });

  it.each<[OrganizationKind, Authority, boolean]>([
    ['DEPARTMENT', 'DEPARTMENT_HEAD', true],
    ['DEPARTMENT', 'PRIME_MINISTER', false],
    ['DEPARTMENT', 'PROVINCE_CHAIR', false],
    ['PROVINCE', 'PROVINCE_CHAIR', true],
    ['PROVINCE', 'PRIME_MINISTER', false],
    ['PROVINCE', 'MINISTER', false],
    ['COMMUNE', 'DISTRICT_CHAIR', false],
    ['ENTERPRISE', 'ENTERPRISE_HEAD', true],
  ])('%s stating %s passes %p, and the derived authority is kept', (kind, stated, passed) => {
    const derived = issuingAuthority(issuer(kind), '2024-01-23', stated);
    expect(derived.authority).toBe(ISSUER_AUTHORITIES[kind]?.authority);
    expect(derived.check).toMatchObject({ rule: 'R-AUTH-4', passed });
  });

  it('names the issuer, what it issues as and the article when the stated authority disagrees', () => {
    const { check } = issuingAuthority(
      { kind: 'DEPARTMENT', name: 'Sở Thông tin và Truyền thông' },
      '2024-01-23',
      'PRIME_MINISTER',
    );
    expect(en(check.message)).toContain('Sở Thông tin và Truyền thông');
    expect(en(check.message)).toContain('issues as DEPARTMENT_HEAD (Law 2022 Art 80.1), not as PRIME_MINISTER');
  });

  it('explains why a unit and a district after 2025-06-30 cannot issue', () => {
    expect(en(issuingAuthority(issuer('UNIT'), '2024-01-23').check.message)).toContain('no competence of its own');
    expect(en(issuingAuthority(issuer('DISTRICT'), '2025-07-01').check.message)).toContain(
      'no longer exist from 2025-07-01',
    );
  });

  it('no issuer kind, whatever authority is stated and on any date, passes a Prime Minister’s award', () => {
    const pmOnly: AwardCode[] = ['BANG_KHEN_THU_TUONG', 'CHIEN_SI_THI_DUA_TOAN_QUOC', 'CO_THI_DUA_CHINH_PHU'];
    for (const kind of ORGANIZATION_KINDS) {
      for (const stated of [undefined, ...AUTHORITIES]) {
        for (const date of ['2020-01-01', '2024-01-23', '2025-06-30', '2025-07-01']) {
          const { authority, check } = issuingAuthority(issuer(kind), date, stated);
          const passes = (code: AwardCode) =>
            check.passed &&
            authority !== null &&
            checkAuthority(authority, [code], date).every((c) => c.passed) &&
            checkAuthority(authority, [code], date, 'BOARD_CHAIR').every((c) => c.passed);
          expect([kind, stated, date, pmOnly.filter(passes)]).toEqual([kind, stated, date, []]);
        }
      }
    }
  });

  it('rejects a malformed date', () => {
    expect(() => issuingAuthority(issuer('PROVINCE'), '23/01/2024')).toThrow(RangeError);
  });

  it('never derives the Prime Minister’s or the President’s authority, on any date', () => {
    for (const kind of ORGANIZATION_KINDS) {
      for (const date of ['2020-01-01', '2024-01-23', '2025-06-30', '2025-07-01', '2030-12-31']) {
        expect(['PRIME_MINISTER', 'PRESIDENT']).not.toContain(issuingAuthority(issuer(kind), date).authority);
      }
    }
  });
});

describe('headAuthority (printing)', () => {
  it.each<[OrganizationKind, Authority | null]>([
    ['PROVINCE', 'PROVINCE_CHAIR'],
    ['DEPARTMENT', 'DEPARTMENT_HEAD'],
    ['DISTRICT', 'DISTRICT_CHAIR'],
    ['COMMUNE', 'COMMUNE_CHAIR'],
    ['ENTERPRISE', 'ENTERPRISE_HEAD'],
    ['UNIT', null],
    ['OTHER', null],
  ])('%s → %s', (kind, authority) => {
    expect(headAuthority(kind)).toBe(authority);
  });
});

describe('isDecidedLocally (catalogue × R-AUTH-4)', () => {
  it.each<[AwardCode, boolean]>([
    ['LAO_DONG_TIEN_TIEN', true],
    ['CHIEN_SI_THI_DUA_CO_SO', true],
    ['CHIEN_SI_THI_DUA_TINH', true],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', true],
    ['TAP_THE_LAO_DONG_XUAT_SAC', true],
    ['CO_THI_DUA_TINH', true],
    ['GIAY_KHEN', true],
    ['BANG_KHEN_TINH', true],
    // Decided by the Prime Minister: a province only proposes them.
    ['BANG_KHEN_THU_TUONG', false],
    ['CHIEN_SI_THI_DUA_TOAN_QUOC', false],
    ['CO_THI_DUA_CHINH_PHU', false],
  ])('%s → %p', (code, local) => {
    expect(isDecidedLocally(code)).toBe(local);
  });

  it('agrees with what every derivable authority may decide, on every date', () => {
    for (const code of AWARD_CODES) {
      const decidable = ORGANIZATION_KINDS.some((kind) =>
        ['2020-01-01', '2025-06-30', '2025-07-01'].some((date) => {
          const { authority } = issuingAuthority(issuer(kind), date);
          return authority !== null && allowedAwardCodes(authority, date).includes(code);
        }),
      );
      expect([code, decidable]).toEqual([code, isDecidedLocally(code)]);
    }
  });

  it('covers every authority of the enum or leaves it to the state', () => {
    const derivable = new Set(Object.values(ISSUER_AUTHORITIES).flatMap((grant) => (grant ? [grant.authority] : [])));
    expect(AUTHORITIES.filter((authority) => !derivable.has(authority))).toEqual([
      'MINISTER',
      'PRIME_MINISTER',
      'PRESIDENT',
    ]);
  });
});
