/**
 * R-CERT-1 [S] (Decree 98/2023/NĐ-CP Art 54): what is printed for an award follows its code.
 *
 * - LAO_DONG_TIEN_TIEN and TAP_THE_LAO_DONG_TIEN_TIEN carry a bonus and no certificate: nothing is printed.
 * - The Chiến sĩ thi đua titles and TAP_THE_LAO_DONG_XUAT_SAC: a "Bằng chứng nhận" (certificate of the title).
 * - GIAY_KHEN, BANG_KHEN_*: the Giấy khen / Bằng khen itself.
 * - CO_THI_DUA_*: a flag (cờ) is handed over, no printed sheet.
 * - KY_NIEM_CHUONG: a commemorative medal, issued with its own certificate by the ministry or sector that grants
 *   it; the registry prints nothing (recorded from history and decisions only).
 */
import { msg } from '../i18n/index.js';
import { awardName } from './catalogue.js';
import type { AwardCode, RuleCheck } from './types.js';

/** What is handed over for an award: NONE (bonus only), a printed sheet, a FLAG or a MEDAL. */
export type PrintedItem = 'NONE' | 'BANG_CHUNG_NHAN' | 'GIAY_KHEN' | 'BANG_KHEN' | 'FLAG' | 'MEDAL';

/** R-CERT-1 as data. */
export const PRINTED_ITEMS: Readonly<Record<AwardCode, PrintedItem>> = {
  LAO_DONG_TIEN_TIEN: 'NONE',
  TAP_THE_LAO_DONG_TIEN_TIEN: 'NONE',
  CHIEN_SI_THI_DUA_CO_SO: 'BANG_CHUNG_NHAN',
  CHIEN_SI_THI_DUA_TINH: 'BANG_CHUNG_NHAN',
  CHIEN_SI_THI_DUA_TOAN_QUOC: 'BANG_CHUNG_NHAN',
  TAP_THE_LAO_DONG_XUAT_SAC: 'BANG_CHUNG_NHAN',
  GIAY_KHEN: 'GIAY_KHEN',
  BANG_KHEN_TINH: 'BANG_KHEN',
  BANG_KHEN_THU_TUONG: 'BANG_KHEN',
  CO_THI_DUA_TINH: 'FLAG',
  CO_THI_DUA_CHINH_PHU: 'FLAG',
  KY_NIEM_CHUONG: 'MEDAL',
};

/** The printed sheet's headline, or null when nothing is printed for the code. */
export function printedHeadline(code: AwardCode): string | null {
  switch (PRINTED_ITEMS[code]) {
    case 'BANG_CHUNG_NHAN':
      return 'BẰNG CHỨNG NHẬN';
    case 'GIAY_KHEN':
      return 'GIẤY KHEN';
    case 'BANG_KHEN':
      return 'BẰNG KHEN';
    default:
      return null;
  }
}

/** R-CERT-1: whether a sheet may be printed for `code`; a failing check says what is handed over instead. */
export function checkPrintable(code: AwardCode): RuleCheck {
  const item = PRINTED_ITEMS[code];
  const award = awardName(code);
  if (item === 'NONE') return { rule: 'R-CERT-1', passed: false, message: msg('rules.cert.bonusOnly', { award }) };
  if (item === 'FLAG') return { rule: 'R-CERT-1', passed: false, message: msg('rules.cert.flag', { award }) };
  if (item === 'MEDAL') return { rule: 'R-CERT-1', passed: false, message: msg('rules.cert.medal', { award }) };
  return {
    rule: 'R-CERT-1',
    passed: true,
    message: msg('rules.cert.printed', { award, sheet: printedHeadline(code) ?? '' }),
  };
}
