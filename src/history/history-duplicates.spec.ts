import { describe, expect, it } from '@jest/globals';
import type { AwardCode, Basis } from '../rules/index.js';
import { duplicatesInFile } from './history-duplicates.js';

const staged = (row: number, awardCode: AwardCode, recipient = 'an', year = 2021) => ({
  row,
  awardCode,
  year,
  recipient,
});
const held = (row: number, rowCode: AwardCode, awardCode: AwardCode, basis: Basis = 'REGULAR', revoked = false) => ({
  row,
  rowCode,
  year: 2021,
  awardCode,
  basis,
  revoked,
  decisionNumber: `${row}/QĐ-${awardCode === 'GIAY_KHEN' ? 'STTTT' : 'UBND'}`,
});

describe('R-DUP-1 on a history file', () => {
  it.each([
    ['the same title twice', [staged(3, 'LAO_DONG_TIEN_TIEN'), staged(9, 'LAO_DONG_TIEN_TIEN')], [[9, 3]]],
    ['a Giấy khen and a Bằng khen tỉnh of one year', [staged(4, 'BANG_KHEN_TINH'), staged(2, 'GIAY_KHEN')], [[4, 2]]],
    ['two titles of one year', [staged(2, 'LAO_DONG_TIEN_TIEN'), staged(3, 'CHIEN_SI_THI_DUA_CO_SO')], []],
    ['one title, two people', [staged(2, 'GIAY_KHEN'), staged(3, 'GIAY_KHEN', 'binh')], []],
    ['one title, two years', [staged(2, 'GIAY_KHEN'), staged(3, 'GIAY_KHEN', 'an', 2022)], []],
    [
      'three times: each later row names the first',
      [staged(5, 'GIAY_KHEN'), staged(7, 'GIAY_KHEN'), staged(6, 'GIAY_KHEN')],
      [
        [6, 5],
        [7, 5],
      ],
    ],
  ])('%s', (_, peers, expected) => {
    const errors = duplicatesInFile(peers, []);
    expect(errors.map((e) => [e.row, e.earlierRow]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual(expected);
    for (const error of errors) expect(error.field).toBe('awardCode');
  });

  it.each([
    ['the same award held', [held(2, 'GIAY_KHEN', 'GIAY_KHEN')], ['2/QĐ-STTTT']],
    ['its duplicate group held', [held(2, 'GIAY_KHEN', 'BANG_KHEN_TINH')], ['2/QĐ-UBND']],
    ['a revoked one held', [held(2, 'GIAY_KHEN', 'GIAY_KHEN', 'REGULAR', true)], []],
    ['one on another basis', [held(2, 'GIAY_KHEN', 'GIAY_KHEN', 'THEMATIC')], []],
    ['another title of the year', [held(2, 'GIAY_KHEN', 'LAO_DONG_TIEN_TIEN')], []],
    [
      'two held: the first that clashes names the row once',
      [
        held(2, 'GIAY_KHEN', 'LAO_DONG_TIEN_TIEN'),
        held(2, 'GIAY_KHEN', 'BANG_KHEN_TINH'),
        held(2, 'GIAY_KHEN', 'GIAY_KHEN'),
      ],
      ['2/QĐ-UBND'],
    ],
  ])('against the registry: %s', (_, registry, codes) => {
    const errors = duplicatesInFile([], registry);
    expect(errors.map((e) => e.code)).toEqual(codes);
    for (const error of errors) expect(error).toMatchObject({ row: 2, field: 'awardCode', earlierRow: null });
  });
});
