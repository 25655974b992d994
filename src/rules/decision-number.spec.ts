import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatDecisionNumber, nextDecisionNumber, parseDecisionNumber } from './decision-number.js';

describe('R-NUM-1 decision numbers (Decree 30/2020 Annex I)', () => {
  it.each([
    [5, 'STTTT', '05/QĐ-STTTT'],
    [1, 'UBND', '01/QĐ-UBND'],
    [9, 'STTTT', '09/QĐ-STTTT'],
    [10, 'STTTT', '10/QĐ-STTTT'],
    [123, 'STTTT', '123/QĐ-STTTT'],
    [1234, 'UBND', '1234/QĐ-UBND'],
  ])('formatDecisionNumber(%i, %s) = %s', (n, symbol, text) => {
    expect(formatDecisionNumber(n, symbol)).toBe(text);
    expect(parseDecisionNumber(text)).toEqual({ number: n, symbol });
  });

  it.each([
    [0, 'STTTT'],
    [-1, 'STTTT'],
    [1.5, 'STTTT'],
    [5, ''],
    [5, 'ST TT'],
    [5, 'A/B'],
  ])('formatDecisionNumber(%p, %p) throws', (n, symbol) => {
    expect(() => formatDecisionNumber(n, symbol)).toThrow(RangeError);
  });

  it.each([
    ['5/QĐ-STTTT', { number: 5, symbol: 'STTTT' }],
    [' 05/QĐ-STTTT ', { number: 5, symbol: 'STTTT' }],
    ['05/QĐ-SNV-TĐKT', { number: 5, symbol: 'SNV-TĐKT' }],
    ['00/QĐ-STTTT', null],
    ['05/QD-STTTT', null],
    ['05-QĐ-STTTT', null],
    ['QĐ-STTTT', null],
    ['05/QĐ-', null],
  ])('parseDecisionNumber(%p) = %p', (text, expected) => {
    expect(parseDecisionNumber(text)).toEqual(expected);
  });

  it.each([
    [[], 1],
    [[1, 2, 3], 4],
    [[5, 2], 6],
  ])('nextDecisionNumber(%j) = %i', (used, next) => {
    expect(nextDecisionNumber(used)).toBe(next);
  });

  it('format and parse round-trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.stringMatching(/^[A-ZĐ][A-ZĐ0-9-]{0,12}$/),
        (n, symbol) => {
          expect(parseDecisionNumber(formatDecisionNumber(n, symbol))).toEqual({ number: n, symbol });
        },
      ),
    );
  });
});
