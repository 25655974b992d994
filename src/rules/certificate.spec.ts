import { describe, expect, it } from '@jest/globals';
import { checkPrintable, PRINTED_ITEMS, printedHeadline, type PrintedItem } from './certificate.js';
import { AWARD_CODES, type AwardCode } from './types.js';
import { render } from '../i18n/index.js';

describe('R-CERT-1 what is printed follows the code (Decree 98/2023 Art 54)', () => {
  it.each<[AwardCode, PrintedItem, string | null]>([
    ['LAO_DONG_TIEN_TIEN', 'NONE', null],
    ['TAP_THE_LAO_DONG_TIEN_TIEN', 'NONE', null],
    ['CHIEN_SI_THI_DUA_CO_SO', 'BANG_CHUNG_NHAN', 'BẰNG CHỨNG NHẬN'],
    ['CHIEN_SI_THI_DUA_TINH', 'BANG_CHUNG_NHAN', 'BẰNG CHỨNG NHẬN'],
    ['CHIEN_SI_THI_DUA_TOAN_QUOC', 'BANG_CHUNG_NHAN', 'BẰNG CHỨNG NHẬN'],
    ['TAP_THE_LAO_DONG_XUAT_SAC', 'BANG_CHUNG_NHAN', 'BẰNG CHỨNG NHẬN'],
    ['GIAY_KHEN', 'GIAY_KHEN', 'GIẤY KHEN'],
    ['BANG_KHEN_TINH', 'BANG_KHEN', 'BẰNG KHEN'],
    ['BANG_KHEN_THU_TUONG', 'BANG_KHEN', 'BẰNG KHEN'],
    ['CO_THI_DUA_TINH', 'FLAG', null],
    ['CO_THI_DUA_CHINH_PHU', 'FLAG', null],
    ['KY_NIEM_CHUONG', 'MEDAL', null],
  ])('%s → %s, headline %p', (code, item, headline) => {
    expect(PRINTED_ITEMS[code]).toBe(item);
    expect(printedHeadline(code)).toBe(headline);
    expect(checkPrintable(code)).toMatchObject({ rule: 'R-CERT-1', passed: headline !== null });
  });

  it('covers every code of the catalogue', () => {
    expect(Object.keys(PRINTED_ITEMS).sort()).toEqual([...AWARD_CODES].sort());
  });

  it('says why nothing is printed, citing the article', () => {
    expect(render(checkPrintable('LAO_DONG_TIEN_TIEN').message, 'en')).toContain('carries a bonus and no certificate');
    expect(render(checkPrintable('CO_THI_DUA_TINH').message, 'en')).toContain('is a flag handed over');
    expect(render(checkPrintable('CO_THI_DUA_TINH').message, 'vi')).toContain('Điều 54 Nghị định 98/2023/NĐ-CP');
  });
});
