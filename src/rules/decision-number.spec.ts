import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  checkGivenDecisionNumber,
  checkNumberGiven,
  formatDecisionNumber,
  judgeDecisionNumber,
  nextDecisionNumber,
  parseDecisionNumber,
  type DecisionNumbering,
} from './decision-number.js';
import { render } from '../i18n/index.js';

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

describe('R-NUM-1 rev 2: the number of the document register (Decree 30/2020 Annex I)', () => {
  it.each<[string | number, string, number | null]>([
    ['01/QĐ-STTTT', 'STTTT', 1],
    ['09/QĐ-STTTT', 'STTTT', 9],
    ['10/QĐ-STTTT', 'STTTT', 10],
    ['412/QĐ-STTTT', 'STTTT', 412],
    [' 98/QĐ-UBND ', 'UBND', 98],
    // The number alone: the issuer's symbol is implied.
    [5, 'STTTT', 5],
    // Another issuer's symbol, a missing leading zero, another document type, not a whole number.
    ['01/QĐ-STC', 'STTTT', null],
    ['1/QĐ-STTTT', 'STTTT', null],
    ['01/QD-STTTT', 'STTTT', null],
    ['01/CV-STTTT', 'STTTT', null],
    ['00/QĐ-STTTT', 'STTTT', null],
    [0, 'STTTT', null],
    [1.5, 'STTTT', null],
  ])('%p for an issuer %s → %p', (given, symbol, number) => {
    const result = checkGivenDecisionNumber(given, symbol);
    expect(result.number).toBe(number);
    expect(result.check).toMatchObject({ rule: 'R-NUM-1', passed: number !== null });
  });

  it('says what the number must read', () => {
    expect(render(checkGivenDecisionNumber('1/QĐ-STTTT', 'STTTT').check.message, 'en')).toContain('01/QĐ-STTTT');
    expect(render(checkGivenDecisionNumber('01/QĐ-STC', 'STTTT').check.message, 'en')).toContain(
      'it must read 01/QĐ-STTTT',
    );
  });

  it.each<[DecisionNumbering, string | number | undefined, boolean]>([
    ['REGISTER', undefined, false],
    ['REGISTER', '01/QĐ-STTTT', true],
    ['AUTO', undefined, true],
    ['AUTO', 7, true],
  ])('%s with number %p: given as required → %p', (numbering, given, ok) => {
    const check = checkNumberGiven(numbering, given, 'STTTT');
    expect(check === null).toBe(ok);
    if (check) expect(render(check.message, 'en')).toContain('document register');
  });

  // One judgement for award decisions and revocations: [symbol, numbering, given] → [failed messages, number].
  it.each<[string | null, DecisionNumbering, string | number | undefined, string[], number | undefined]>([
    [null, 'AUTO', undefined, ['has no document symbol'], undefined],
    [null, 'REGISTER', '05/QĐ-STTTT', ['has no document symbol'], undefined],
    ['STTTT', 'REGISTER', undefined, ['document register'], undefined],
    ['STTTT', 'REGISTER', '05/QĐ-STTTT', [], 5],
    ['STTTT', 'REGISTER', '5/QĐ-STTTT', ['05/QĐ-STTTT'], undefined],
    ['STTTT', 'REGISTER', '05/QĐ-UBND', ['05/QĐ-STTTT'], undefined],
    ['STTTT', 'AUTO', undefined, [], undefined],
    ['STTTT', 'AUTO', 7, [], 7],
    ['STTTT', 'AUTO', 0, ['is not of the form'], undefined],
  ])('symbol %p, %s, number %p → failed %p, number %p', (symbol, numbering, given, failed, number) => {
    const judged = judgeDecisionNumber({ name: 'Sở', documentSymbol: symbol, decisionNumbering: numbering }, given);
    expect(judged.number).toBe(number);
    expect(judged.failed.map((check) => check.rule)).toEqual(failed.map(() => 'R-NUM-1'));
    judged.failed.forEach((check, index) => expect(render(check.message, 'en')).toContain(failed[index]));
  });
});
