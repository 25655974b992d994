import { describe, expect, it } from '@jest/globals';
import {
  achievementLine,
  decisionLine,
  headline,
  headTitle,
  issuerHeading,
  signatureTitles,
  vietnameseDate,
  vietnameseShortDate,
} from './certificate-text.js';

describe('certificate wording', () => {
  it.each([
    ['2024-01-23', 'ngày 23 tháng 01 năm 2024'],
    ['2024-02-05', 'ngày 05 tháng 02 năm 2024'],
    ['2024-03-05', 'ngày 05 tháng 3 năm 2024'],
    ['2023-12-31', 'ngày 31 tháng 12 năm 2023'],
  ])('writes %s as "%s" (Decree 30/2020: a zero before days below 10 and months 1 and 2)', (iso, text) => {
    expect(vietnameseDate(iso)).toBe(text);
  });

  it('heads the certificate with the issuer’s head, from its kind; a Sở under its province’s committee', () => {
    expect(
      issuerHeading({
        issuerKind: 'DEPARTMENT',
        issuerName: 'Sở Thông tin và Truyền thông',
        issuerParentName: 'UBND tỉnh Điện Biên',
      }),
    ).toEqual(['UBND TỈNH ĐIỆN BIÊN', 'GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(
      issuerHeading({ issuerKind: 'DEPARTMENT', issuerName: 'Sở Thông tin và Truyền thông', issuerParentName: null }),
    ).toEqual(['GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG']);
    expect(
      issuerHeading({ issuerKind: 'PROVINCE', issuerName: 'UBND tỉnh Điện Biên', issuerParentName: null }),
    ).toEqual(['CHỦ TỊCH UBND TỈNH ĐIỆN BIÊN']);
    expect(
      issuerHeading({
        issuerKind: 'COMMUNE',
        issuerName: 'UBND xã Mường Phăng',
        issuerParentName: 'UBND tỉnh Điện Biên',
      }),
    ).toEqual(['CHỦ TỊCH UBND XÃ MƯỜNG PHĂNG']);
    // A unit has no competence of its own (R-AUTH-4): a decision recorded for it before prints its head generically.
    expect(issuerHeading({ issuerKind: 'UNIT', issuerName: 'Văn phòng Sở', issuerParentName: 'Sở Tài chính' })).toEqual(
      ['THỦ TRƯỞNG VĂN PHÒNG SỞ'],
    );
  });

  it.each([
    ['PROVINCE', 'Chủ tịch'],
    ['DEPARTMENT', 'Giám đốc'],
    ['DISTRICT', 'Chủ tịch'],
    ['COMMUNE', 'Chủ tịch'],
    ['ENTERPRISE', 'Giám đốc'],
    ['UNIT', 'Thủ trưởng'],
    ['OTHER', 'Thủ trưởng'],
  ] as const)('titles the head of a %s "%s"', (kind, title) => {
    expect(headTitle(kind)).toBe(title);
  });

  it.each([
    ['GIAY_KHEN', 'GIẤY KHEN'],
    ['BANG_KHEN_TINH', 'BẰNG KHEN'],
    ['BANG_KHEN_THU_TUONG', 'BẰNG KHEN'],
    ['CHIEN_SI_THI_DUA_CO_SO', 'BẰNG CHỨNG NHẬN'],
    ['CHIEN_SI_THI_DUA_TINH', 'BẰNG CHỨNG NHẬN'],
    ['TAP_THE_LAO_DONG_XUAT_SAC', 'BẰNG CHỨNG NHẬN'],
  ] as const)('prints %s as %s (R-CERT-1)', (code, text) => {
    expect(headline(code)).toBe(text);
  });

  it.each(['LAO_DONG_TIEN_TIEN', 'TAP_THE_LAO_DONG_TIEN_TIEN', 'CO_THI_DUA_TINH', 'CO_THI_DUA_CHINH_PHU'] as const)(
    'prints nothing for %s (R-CERT-1)',
    (code) => {
      expect(() => headline(code)).toThrow(RangeError);
    },
  );

  it('says what the award is for: the achievement of a form, the title reached', () => {
    expect(achievementLine({ awardCode: 'GIAY_KHEN', basis: 'REGULAR', year: 2023 })).toBe(
      'Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2023',
    );
    expect(achievementLine({ awardCode: 'BANG_KHEN_TINH', basis: 'AD_HOC', year: 2024 })).toBe(
      'Đã có thành tích xuất sắc đột xuất năm 2024',
    );
    expect(achievementLine({ awardCode: 'CHIEN_SI_THI_DUA_CO_SO', basis: 'REGULAR', year: 2023 })).toBe(
      'Đã đạt danh hiệu “Chiến sĩ thi đua cơ sở” năm 2023',
    );
  });

  it('cites the decision', () => {
    expect(
      decisionLine({
        decisionNumber: '05/QĐ-STTTT',
        issuedOn: '2024-01-23',
        issuerKind: 'DEPARTMENT',
        issuerName: 'Sở Thông tin và Truyền thông',
      }),
    ).toBe('Quyết định số 05/QĐ-STTTT ngày 23 tháng 01 năm 2024 của Giám đốc Sở Thông tin và Truyền thông');
  });

  it('signs "KT." for the head when a deputy signs on the head’s behalf', () => {
    expect(signatureTitles({ issuerKind: 'PROVINCE', signerTitle: 'Phó Chủ tịch', signingMode: 'ON_BEHALF' })).toEqual([
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
    expect(
      signatureTitles({ issuerKind: 'DEPARTMENT', signerTitle: 'Phó Giám đốc', signingMode: 'ON_BEHALF' }),
    ).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(signatureTitles({ issuerKind: 'DEPARTMENT', signerTitle: 'Giám đốc', signingMode: 'DIRECT' })).toEqual([
      'GIÁM ĐỐC',
    ]);
  });

  it('dates a revocation in Vietnam’s time zone', () => {
    expect(vietnameseShortDate(new Date('2026-11-27T18:30:00Z'))).toBe('28/11/2026');
    expect(vietnameseShortDate(new Date('2026-01-05T03:00:00Z'))).toBe('05/01/2026');
  });
});
