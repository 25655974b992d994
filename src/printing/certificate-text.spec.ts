import { describe, expect, it } from '@jest/globals';
import {
  achievementLine,
  decisionLine,
  headline,
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

  it('heads the certificate with the authority and the issuer, upper case', () => {
    expect(issuerHeading({ authority: 'DEPARTMENT_HEAD', issuerName: 'Sở Thông tin và Truyền thông' })).toBe(
      'GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG',
    );
    expect(issuerHeading({ authority: 'PROVINCE_CHAIR', issuerName: 'UBND tỉnh Điện Biên' })).toBe(
      'CHỦ TỊCH UBND TỈNH ĐIỆN BIÊN',
    );
    expect(issuerHeading({ authority: 'PRIME_MINISTER', issuerName: 'Chính phủ' })).toBe('THỦ TƯỚNG CHÍNH PHỦ');
  });

  it.each([
    ['GIAY_KHEN', 'GIẤY KHEN'],
    ['BANG_KHEN_TINH', 'BẰNG KHEN'],
    ['BANG_KHEN_THU_TUONG', 'BẰNG KHEN'],
    ['CO_THI_DUA_TINH', 'CỜ THI ĐUA'],
    ['LAO_DONG_TIEN_TIEN', 'GIẤY CHỨNG NHẬN'],
  ] as const)('prints %s as %s', (code, text) => {
    expect(headline(code)).toBe(text);
  });

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
        authority: 'DEPARTMENT_HEAD',
        issuerName: 'Sở Thông tin và Truyền thông',
      }),
    ).toBe('Quyết định số 05/QĐ-STTTT ngày 23 tháng 01 năm 2024 của Giám đốc Sở Thông tin và Truyền thông');
  });

  it('signs "KT." for the head when a deputy signs on the head’s behalf', () => {
    expect(
      signatureTitles({ authority: 'PROVINCE_CHAIR', signerTitle: 'Phó Chủ tịch', signingMode: 'ON_BEHALF' }),
    ).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    expect(
      signatureTitles({ authority: 'DEPARTMENT_HEAD', signerTitle: 'Phó Giám đốc', signingMode: 'ON_BEHALF' }),
    ).toEqual(['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC']);
    expect(signatureTitles({ authority: 'DEPARTMENT_HEAD', signerTitle: 'Giám đốc', signingMode: 'DIRECT' })).toEqual([
      'GIÁM ĐỐC',
    ]);
  });

  it('dates a revocation in Vietnam’s time zone', () => {
    expect(vietnameseShortDate(new Date('2026-11-27T18:30:00Z'))).toBe('28/11/2026');
    expect(vietnameseShortDate(new Date('2026-01-05T03:00:00Z'))).toBe('05/01/2026');
  });
});
