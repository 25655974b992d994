import { describe, expect, it } from '@jest/globals';
import { isConnectionError, translateDatabaseError } from './database-errors.js';

describe('isConnectionError', () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: 'EHOSTUNREACH' }, true],
    [{ code: '57P03' }, true],
    [{ code: '53300' }, true],
    [{ driverError: { code: '57P01' } }, true],
    [new Error('timeout exceeded when trying to connect'), true],
    [new Error('Connection terminated unexpectedly'), true],
    [new Error('connect ECONNREFUSED 127.0.0.1:5432'), true],
    [{ code: '42P01' }, false],
    [{ code: '23505' }, false],
    [{ driverError: { code: '23503' } }, false],
    [new Error('syntax error at or near "SELEC"'), false],
    [null, false],
    ['ECONNREFUSED', false],
  ])('%j → %s', (error, expected) => {
    expect(isConnectionError(error)).toBe(expected);
  });

  it('is what a request is answered with: 503', () => {
    const error = Object.assign(new Error('remaining connection slots are reserved'), { code: '53300' });
    expect(translateDatabaseError(error)?.status).toBe(503);
  });
});
