import { describe, expect, it } from '@jest/globals';
import { allowedAwardCodes, checkAuthority, enterpriseSignerOf } from './authority.js';
import type { Authority, AwardCode } from './types.js';
import { render, type Message } from '../i18n/index.js';

/** A rule's message as an English reader sees it. */
const en = (message: Message | undefined): string => (message === undefined ? '' : render(message, 'en'));

describe('checkAuthority (R-AUTH-1..4)', () => {
  it.each<[Authority, AwardCode, string, string, boolean]>([
    // R-AUTH-1 Giám đốc Sở (Law 2022 Art 80.1)
    ['DEPARTMENT_HEAD', 'GIAY_KHEN', '2024-01-23', 'R-AUTH-1', true],
    ['DEPARTMENT_HEAD', 'LAO_DONG_TIEN_TIEN', '2023-12-31', 'R-AUTH-1', true],
    ['DEPARTMENT_HEAD', 'CHIEN_SI_THI_DUA_CO_SO', '2025-07-01', 'R-AUTH-1', true],
    ['DEPARTMENT_HEAD', 'TAP_THE_LAO_DONG_TIEN_TIEN', '2024-01-01', 'R-AUTH-1', true],
    ['DEPARTMENT_HEAD', 'BANG_KHEN_TINH', '2024-01-23', 'R-AUTH-1', false],
    ['DEPARTMENT_HEAD', 'TAP_THE_LAO_DONG_XUAT_SAC', '2024-01-23', 'R-AUTH-1', false],
    // R-AUTH-2 commune chair, date-dependent (Decree 129/2025)
    ['COMMUNE_CHAIR', 'LAO_DONG_TIEN_TIEN', '2020-01-10', 'R-AUTH-2', true],
    ['COMMUNE_CHAIR', 'GIAY_KHEN', '2025-06-30', 'R-AUTH-2', true],
    ['COMMUNE_CHAIR', 'CHIEN_SI_THI_DUA_CO_SO', '2025-06-30', 'R-AUTH-2', false],
    ['COMMUNE_CHAIR', 'CHIEN_SI_THI_DUA_CO_SO', '2025-07-01', 'R-AUTH-2', true],
    ['COMMUNE_CHAIR', 'TAP_THE_LAO_DONG_TIEN_TIEN', '2025-06-30', 'R-AUTH-2', false],
    ['COMMUNE_CHAIR', 'TAP_THE_LAO_DONG_TIEN_TIEN', '2025-07-01', 'R-AUTH-2', true],
    ['COMMUNE_CHAIR', 'BANG_KHEN_TINH', '2025-07-01', 'R-AUTH-2', false],
    // R-AUTH-3 province-level codes
    ['PROVINCE_CHAIR', 'BANG_KHEN_TINH', '2024-01-23', 'R-AUTH-3', true],
    ['PROVINCE_CHAIR', 'CHIEN_SI_THI_DUA_TINH', '2023-12-31', 'R-AUTH-3', true],
    ['MINISTER', 'CO_THI_DUA_TINH', '2025-07-01', 'R-AUTH-3', true],
    ['MINISTER', 'TAP_THE_LAO_DONG_XUAT_SAC', '2024-03-01', 'R-AUTH-3', true],
    ['DISTRICT_CHAIR', 'BANG_KHEN_TINH', '2024-01-23', 'R-AUTH-3', false],
    ['PRIME_MINISTER', 'BANG_KHEN_TINH', '2024-01-23', 'R-AUTH-3', false],
    ['ENTERPRISE_HEAD', 'CHIEN_SI_THI_DUA_TINH', '2024-01-23', 'R-AUTH-3', false],
    // R-AUTH-4 the other authorities, from the catalogue
    ['DISTRICT_CHAIR', 'GIAY_KHEN', '2025-06-30', 'R-AUTH-4', true],
    ['DISTRICT_CHAIR', 'CHIEN_SI_THI_DUA_CO_SO', '2024-05-01', 'R-AUTH-4', true],
    ['DISTRICT_CHAIR', 'GIAY_KHEN', '2025-07-01', 'R-AUTH-4', false],
    // R-AUTH-5 an enterprise's director (Law 2022 Art 80.4)
    ['ENTERPRISE_HEAD', 'LAO_DONG_TIEN_TIEN', '2024-01-23', 'R-AUTH-5', true],
    ['ENTERPRISE_HEAD', 'CHIEN_SI_THI_DUA_CO_SO', '2024-01-23', 'R-AUTH-5', true],
    ['ENTERPRISE_HEAD', 'TAP_THE_LAO_DONG_TIEN_TIEN', '2023-12-31', 'R-AUTH-5', true],
    ['ENTERPRISE_HEAD', 'GIAY_KHEN', '2025-07-01', 'R-AUTH-5', true],
    ['ENTERPRISE_HEAD', 'BANG_KHEN_THU_TUONG', '2024-01-23', 'R-AUTH-5', false],
    ['PRIME_MINISTER', 'CHIEN_SI_THI_DUA_TOAN_QUOC', '2024-01-23', 'R-AUTH-4', true],
    ['PRIME_MINISTER', 'BANG_KHEN_THU_TUONG', '2024-01-23', 'R-AUTH-4', true],
    ['PRIME_MINISTER', 'CO_THI_DUA_CHINH_PHU', '2024-01-23', 'R-AUTH-4', true],
    ['PROVINCE_CHAIR', 'CHIEN_SI_THI_DUA_TOAN_QUOC', '2024-01-23', 'R-AUTH-4', false],
    ['PROVINCE_CHAIR', 'LAO_DONG_TIEN_TIEN', '2024-01-23', 'R-AUTH-4', false],
    ['PRESIDENT', 'GIAY_KHEN', '2024-01-23', 'R-AUTH-4', false],
  ])('%s deciding %s on %s → %s passes %p', (authority, code, date, rule, ok) => {
    expect(checkAuthority(authority, [code], date)).toEqual([expect.objectContaining({ rule, passed: ok })]);
  });

  it('gives one failing check per offending code, naming it; duplicates are checked once', () => {
    const out = checkAuthority(
      'DEPARTMENT_HEAD',
      ['GIAY_KHEN', 'BANG_KHEN_TINH', 'GIAY_KHEN', 'CHIEN_SI_THI_DUA_TINH'],
      '2024-01-23',
    );
    expect(out.map((c) => c.passed)).toEqual([true, false, false]);
    const failing = out.filter((c) => !c.passed);
    expect(en(failing[0]?.message)).toContain('Bằng khen của Chủ tịch UBND tỉnh / Bộ trưởng is not allowed');
    expect(en(failing[0]?.message)).toContain('Law 2022 Art 80.1');
    expect(en(failing[1]?.message)).toContain('Chiến sĩ thi đua cấp bộ, ban, ngành, tỉnh is not allowed');
  });

  it('tells a commune chair when the code becomes allowed', () => {
    const [c] = checkAuthority('COMMUNE_CHAIR', ['CHIEN_SI_THI_DUA_CO_SO'], '2025-06-30');
    expect(en(c?.message)).toContain('from then on a commune chair may decide it');
  });

  it('mentions KT. signing for province-level codes', () => {
    const [c] = checkAuthority('DISTRICT_CHAIR', ['BANG_KHEN_TINH'], '2024-01-23');
    expect(en(c?.message)).toContain('Vice Chairman may sign KT.');
  });

  it.each<[Authority, AwardCode, string]>([
    ['PROVINCE_CHAIR', 'BANG_KHEN_THU_TUONG', 'R-AUTH-4'],
    ['PROVINCE_CHAIR', 'CO_THI_DUA_CHINH_PHU', 'R-AUTH-4'],
    ['DEPARTMENT_HEAD', 'CHIEN_SI_THI_DUA_TOAN_QUOC', 'R-AUTH-1'],
  ])('%s deciding %s: %s says the Prime Minister decides it and the province only proposes it', (a, code, rule) => {
    const [c] = checkAuthority(a, [code], '2024-01-23');
    expect(c).toMatchObject({ rule, passed: false });
    expect(en(c?.message)).toContain('decided by the Prime Minister only');
    expect(en(c?.message)).toContain('proposes it upward');
  });

  it('returns nothing for an empty decision and rejects a malformed date', () => {
    expect(checkAuthority('PROVINCE_CHAIR', [], '2024-01-23')).toEqual([]);
    expect(() => checkAuthority('PROVINCE_CHAIR', ['BANG_KHEN_TINH'], '23/01/2024')).toThrow(RangeError);
  });
});

describe('R-AUTH-5: an enterprise board’s chair (Law 2022 Art 80.4)', () => {
  it.each<[AwardCode, boolean]>([
    ['GIAY_KHEN', true],
    ['LAO_DONG_TIEN_TIEN', false],
    ['CHIEN_SI_THI_DUA_CO_SO', false],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', false],
  ])('a board chair deciding %s passes %p', (code, ok) => {
    const [c] = checkAuthority('ENTERPRISE_HEAD', [code], '2024-01-23', 'BOARD_CHAIR');
    expect(c).toMatchObject({ rule: 'R-AUTH-5', passed: ok });
    if (!ok) expect(en(c?.message)).toContain('the chair of the board grants Giấy khen only');
  });

  it('the signer matters to an enterprise only', () => {
    expect(checkAuthority('DEPARTMENT_HEAD', ['LAO_DONG_TIEN_TIEN'], '2024-01-23', 'BOARD_CHAIR')).toEqual([
      expect.objectContaining({ rule: 'R-AUTH-1', passed: true }),
    ]);
  });

  it.each<[string, string]>([
    ['Chủ tịch Hội đồng quản trị', 'BOARD_CHAIR'],
    ['Phó Chủ tịch HĐQT', 'BOARD_CHAIR'],
    ['CHỦ TỊCH HỘI ĐỒNG THÀNH VIÊN', 'BOARD_CHAIR'],
    ['Chủ tịch HĐTV', 'BOARD_CHAIR'],
    ['Giám đốc', 'DIRECTOR'],
    ['Tổng Giám đốc', 'DIRECTOR'],
    ['Phó Giám đốc', 'DIRECTOR'],
  ])('signer title %p → %s', (title, signer) => {
    expect(enterpriseSignerOf(title)).toBe(signer);
  });
});

describe('allowedAwardCodes', () => {
  it.each<[Authority, string, AwardCode[]]>([
    [
      'DEPARTMENT_HEAD',
      '2024-01-23',
      ['LAO_DONG_TIEN_TIEN', 'CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN', 'GIAY_KHEN'],
    ],
    ['COMMUNE_CHAIR', '2025-06-30', ['LAO_DONG_TIEN_TIEN', 'GIAY_KHEN']],
    [
      'COMMUNE_CHAIR',
      '2025-07-01',
      ['LAO_DONG_TIEN_TIEN', 'CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN', 'GIAY_KHEN'],
    ],
    ['DISTRICT_CHAIR', '2025-07-01', []],
    [
      'PROVINCE_CHAIR',
      '2024-01-23',
      ['CHIEN_SI_THI_DUA_TINH', 'TAP_THE_LAO_DONG_XUAT_SAC', 'CO_THI_DUA_TINH', 'BANG_KHEN_TINH', 'KY_NIEM_CHUONG'],
    ],
    ['PRIME_MINISTER', '2024-01-23', ['CHIEN_SI_THI_DUA_TOAN_QUOC', 'CO_THI_DUA_CHINH_PHU', 'BANG_KHEN_THU_TUONG']],
    ['PRESIDENT', '2024-01-23', []],
    [
      'ENTERPRISE_HEAD',
      '2024-01-23',
      ['LAO_DONG_TIEN_TIEN', 'CHIEN_SI_THI_DUA_CO_SO', 'TAP_THE_LAO_DONG_TIEN_TIEN', 'GIAY_KHEN'],
    ],
  ])('%s on %s', (authority, date, codes) => {
    expect(allowedAwardCodes(authority, date)).toEqual(codes);
  });
});
