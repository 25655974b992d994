import { describe, expect, it } from '@jest/globals';
import {
  AWARD_CATALOGUE,
  AWARD_TYPES,
  PROVINCE_LEVEL_CODES,
  bonusMultiplier,
  decidingAuthorityCodes,
} from './catalogue.js';
import { AWARD_CODES, REGIME_CODES, type AwardCode } from './types.js';

describe('catalogue', () => {
  it('has the 11 codes in order, each keyed by its own code', () => {
    expect(AWARD_TYPES.map((t) => t.code)).toEqual([...AWARD_CODES]);
    for (const code of AWARD_CODES) expect(AWARD_CATALOGUE[code].code).toBe(code);
  });

  it.each<[AwardCode, number, number, number, number]>([
    ['LAO_DONG_TIEN_TIEN', 0.3, 0.3, 0.3, 1],
    ['CHIEN_SI_THI_DUA_CO_SO', 1, 1, 1, 1],
    ['CHIEN_SI_THI_DUA_TINH', 3, 3, 3, 1],
    ['CHIEN_SI_THI_DUA_TOAN_QUOC', 4.5, 4.5, 4.5, 1],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', 0.8, 0.8, 0.8, 1],
    ['TAP_THE_LAO_DONG_XUAT_SAC', 1.5, 1.5, 1.5, 1],
    ['CO_THI_DUA_TINH', 8, 8, 8, 1],
    ['CO_THI_DUA_CHINH_PHU', 12, 12, 12, 1],
    ['GIAY_KHEN', 0.3, 0.3, 0.3, 2],
    ['BANG_KHEN_TINH', 1, 1, 1.5, 2],
    ['BANG_KHEN_THU_TUONG', 3.5, 3.5, 3.5, 2],
  ])('%s multipliers ND91 %p / ND98 %p / ND152 %p, collective ×%p', (code, nd91, nd98, nd152, factor) => {
    expect(REGIME_CODES.map((r) => bonusMultiplier(code, r))).toEqual([nd91, nd98, nd152]);
    expect(AWARD_CATALOGUE[code].collectiveFactor).toBe(factor);
  });

  it('marks the province-level codes (R-AUTH-3, form 0603)', () => {
    expect(PROVINCE_LEVEL_CODES).toEqual([
      'CHIEN_SI_THI_DUA_TINH',
      'TAP_THE_LAO_DONG_XUAT_SAC',
      'CO_THI_DUA_TINH',
      'BANG_KHEN_TINH',
    ]);
  });

  it('requires a vote by default for every CHIEN_SI_THI_DUA_*, BANG_KHEN_* and CO_THI_DUA_* (R-VOTE-1)', () => {
    for (const t of AWARD_TYPES) {
      expect(t.voteRequiredByDefault).toBe(/^(CHIEN_SI_THI_DUA_|BANG_KHEN_|CO_THI_DUA_)/.test(t.code));
    }
  });

  it('titles accept one recipient kind; only the forms accept several (Kỷ niệm chương goes to people only)', () => {
    for (const t of AWARD_TYPES) {
      if (t.kind === 'TITLE' || t.code === 'KY_NIEM_CHUONG') expect(t.recipientKinds).toHaveLength(1);
      else expect(t.recipientKinds.length).toBeGreaterThan(1);
    }
  });

  it('households take Giấy khen and Bằng khen tỉnh only (Law 2022 Art 74–75)', () => {
    expect(AWARD_TYPES.filter((t) => t.recipientKinds.includes('HOUSEHOLD')).map((t) => t.code)).toEqual([
      'GIAY_KHEN',
      'BANG_KHEN_TINH',
    ]);
  });
});

describe('decidingAuthorityCodes', () => {
  it.each<[AwardCode, string[]]>([
    ['LAO_DONG_TIEN_TIEN', ['DEPARTMENT_HEAD', 'DISTRICT_CHAIR', 'COMMUNE_CHAIR', 'ENTERPRISE_HEAD']],
    ['CHIEN_SI_THI_DUA_CO_SO', ['DEPARTMENT_HEAD', 'DISTRICT_CHAIR', 'COMMUNE_CHAIR', 'ENTERPRISE_HEAD']],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', ['DEPARTMENT_HEAD', 'DISTRICT_CHAIR', 'COMMUNE_CHAIR', 'ENTERPRISE_HEAD']],
    ['BANG_KHEN_TINH', ['PROVINCE_CHAIR', 'MINISTER']],
    ['BANG_KHEN_THU_TUONG', ['PRIME_MINISTER']],
  ])('%s → %j (the flat list seeded in award_types)', (code, authorities) => {
    expect(decidingAuthorityCodes(code)).toEqual(authorities);
  });
});
