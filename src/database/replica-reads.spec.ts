import { describe, expect, it } from '@jest/globals';
import { isUnavailable } from './replica-reads.js';

describe('isUnavailable', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P03' }, true],
    [{ driverError: { code: '57P01' } }, true],
    [new Error('timeout exceeded when trying to connect'), true],
    [new Error('Connection terminated unexpectedly'), true],
    [{ code: '42P01' }, false],
    [{ code: '23505' }, false],
    [new Error('syntax error at or near "SELEC"'), false],
    [null, false],
    ['ECONNREFUSED', false],
  ])('%j → %s', (error, expected) => {
    expect(isUnavailable(error)).toBe(expected);
  });
});
