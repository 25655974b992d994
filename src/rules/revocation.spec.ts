import { describe, expect, it } from '@jest/globals';
import {
  awardsToReview,
  checkRevocationDate,
  checkRevocationIssuer,
  relianceOf,
  REVOCATION_GROUND_TEXT,
  REVOCATION_GROUNDS,
  type RelianceAward,
} from './revocation.js';
import { defaultPeriod } from './periods.js';
import type { AwardCode, Basis } from './types.js';

let next = 0;
const award = (
  awardCode: AwardCode,
  year: number,
  over: Partial<RelianceAward> = {},
  basis: Basis = over.basis ?? 'REGULAR',
): RelianceAward => {
  const period = defaultPeriod(awardCode, basis, year);
  return {
    id: `a${++next}`,
    recipient: 'i:p1',
    awardCode,
    basis,
    year,
    periodFrom: period.from,
    periodTo: period.to,
    issuedOn: `${year + 1}-01-20`,
    source: 'REGISTRY',
    revoked: false,
    ...over,
  };
};

describe('R-REVOKE-1 which later award counted a revoked one (Law 2022 Art 93; eligibility rules)', () => {
  it.each<[string, RelianceAward, RelianceAward, string | null]>([
    [
      'LĐTT Y → CSTĐ cơ sở Y (R-CSCS-1)',
      award('LAO_DONG_TIEN_TIEN', 2023),
      award('CHIEN_SI_THI_DUA_CO_SO', 2023),
      'R-CSCS-1',
    ],
    [
      'LĐTT Y-1 → CSTĐ cơ sở Y: not counted',
      award('LAO_DONG_TIEN_TIEN', 2022),
      award('CHIEN_SI_THI_DUA_CO_SO', 2023),
      null,
    ],
    [
      'CSTĐ cơ sở in the period → CSTĐ tỉnh (R-CSTINH-1)',
      award('CHIEN_SI_THI_DUA_CO_SO', 2022),
      award('CHIEN_SI_THI_DUA_TINH', 2023),
      'R-CSTINH-1',
    ],
    [
      'CSTĐ cơ sở before the period → CSTĐ tỉnh: not counted',
      award('CHIEN_SI_THI_DUA_CO_SO', 2020),
      award('CHIEN_SI_THI_DUA_TINH', 2023),
      null,
    ],
    [
      'CSTĐ tỉnh term → CSTĐ toàn quốc (R-CSTQ-1)',
      award('CHIEN_SI_THI_DUA_TINH', 2020),
      award('CHIEN_SI_THI_DUA_TOAN_QUOC', 2023),
      'R-CSTQ-1',
    ],
    [
      'CSTĐ cơ sở in the period → Bằng khen tỉnh (R-BK-1)',
      award('CHIEN_SI_THI_DUA_CO_SO', 2023),
      award('BANG_KHEN_TINH', 2024),
      'R-BK-1',
    ],
    [
      'CSTĐ cơ sở in the period → Bằng khen Thủ tướng (R-BKTT-1)',
      award('CHIEN_SI_THI_DUA_CO_SO', 2021),
      award('BANG_KHEN_THU_TUONG', 2024),
      'R-BKTT-1',
    ],
    [
      'Bằng khen tỉnh before the period → Bằng khen Thủ tướng (R-BKTT-1)',
      award('BANG_KHEN_TINH', 2019),
      award('BANG_KHEN_THU_TUONG', 2024),
      'R-BKTT-1',
    ],
    [
      'Bằng khen tỉnh inside the period → Bằng khen Thủ tướng: not counted',
      award('BANG_KHEN_TINH', 2021),
      award('BANG_KHEN_THU_TUONG', 2024),
      null,
    ],
    ['Giấy khen is no prerequisite (R-ORDER-1)', award('GIAY_KHEN', 2023), award('BANG_KHEN_TINH', 2024), null],
    [
      'another recipient',
      award('CHIEN_SI_THI_DUA_CO_SO', 2023),
      award('BANG_KHEN_TINH', 2024, { recipient: 'i:p2' }),
      null,
    ],
    [
      'a thematic prerequisite never counted (R-BASIS-1)',
      award('CHIEN_SI_THI_DUA_CO_SO', 2023, { basis: 'THEMATIC' }),
      award('BANG_KHEN_TINH', 2024),
      null,
    ],
    [
      'a later award on another basis judged no prerequisite',
      award('CHIEN_SI_THI_DUA_CO_SO', 2023),
      award('BANG_KHEN_TINH', 2024, { basis: 'AD_HOC' }),
      null,
    ],
    [
      'a later history award was never judged',
      award('CHIEN_SI_THI_DUA_CO_SO', 2023),
      award('BANG_KHEN_TINH', 2024, { source: 'HISTORY' }),
      null,
    ],
    [
      'a later award already revoked',
      award('CHIEN_SI_THI_DUA_CO_SO', 2023),
      award('BANG_KHEN_TINH', 2024, { revoked: true }),
      null,
    ],
    [
      'an award granted before the prerequisite’s decision',
      award('CHIEN_SI_THI_DUA_CO_SO', 2023, { issuedOn: '2025-03-01' }),
      award('BANG_KHEN_TINH', 2024, { issuedOn: '2025-02-01' }),
      null,
    ],
    [
      'granted by the same decision',
      award('LAO_DONG_TIEN_TIEN', 2023, { issuedOn: '2024-01-23' }),
      award('CHIEN_SI_THI_DUA_CO_SO', 2023, { issuedOn: '2024-01-23' }),
      'R-CSCS-1',
    ],
  ])('%s', (_name, earlier, later, rule) => {
    expect(relianceOf(earlier, later)?.rule ?? null).toBe(rule);
  });

  it('flags each later award once, never one revoked in the same decision', () => {
    const ldtt = award('LAO_DONG_TIEN_TIEN', 2023);
    const cscs = award('CHIEN_SI_THI_DUA_CO_SO', 2023);
    const bk = award('BANG_KHEN_TINH', 2024);
    const cstinh = award('CHIEN_SI_THI_DUA_TINH', 2023);
    expect(awardsToReview([ldtt, cscs], [ldtt, cscs, bk, cstinh])).toEqual([
      { awardId: bk.id, reliedOnAwardId: cscs.id, rule: 'R-BK-1', article: 'Law 2022 Art 74.1.d' },
      { awardId: cstinh.id, reliedOnAwardId: cscs.id, rule: 'R-CSTINH-1', article: 'Law 2022 Art 22' },
    ]);
    expect(awardsToReview([ldtt], [cscs])).toEqual([
      { awardId: cscs.id, reliedOnAwardId: ldtt.id, rule: 'R-CSCS-1', article: 'Law 2022 Art 23' },
    ]);
  });
});

describe('R-REVOKE-1 issuer and date of a revocation (Law 2022 Art 93)', () => {
  const base = { issuer: 'UBND tỉnh', grantedBy: 'Sở TTTT', award: 'Giấy khen' };
  it.each<[string, boolean, boolean, boolean, string]>([
    ['the granting authority or one above it', true, true, true, 'rules.revoke.issuerOk'],
    ['an authority beside or below it', false, true, false, 'rules.revoke.issuerNotAbove'],
    ['an organization without competence (UNIT)', true, false, false, 'rules.revoke.noCompetence'],
  ])('%s', (_name, sameOrAbove, competent, passed, key) => {
    const check = checkRevocationIssuer({ ...base, sameOrAbove, competent });
    expect(check).toMatchObject({ rule: 'R-REVOKE-1', passed, message: { $t: key } });
  });

  it.each<[string, string, boolean, string]>([
    ['on the award’s date', '2024-01-23', true, 'rules.revoke.dateOk'],
    ['later', '2025-05-01', true, 'rules.revoke.dateOk'],
    ['before the award’s decision', '2024-01-22', false, 'rules.revoke.beforeAward'],
    ['after today', '2026-01-02', false, 'rules.revoke.future'],
  ])('dated %s', (_name, issuedOn, passed, key) => {
    const check = checkRevocationDate(issuedOn, { issuedOn: '2024-01-23', label: 'x' }, '2026-01-01');
    expect(check).toMatchObject({ rule: 'R-REVOKE-1', passed, message: { $t: key } });
  });

  it('names every ground of Art 93.2 a–d', () => {
    expect(REVOCATION_GROUNDS.map((g) => REVOCATION_GROUND_TEXT[g].$t)).toEqual([
      'revocation.ground.A',
      'revocation.ground.B',
      'revocation.ground.C',
      'revocation.ground.D',
    ]);
  });
});
