import { describe, expect, it } from '@jest/globals';
import { isUnavailable, MAX_NAMED_STATEMENTS, statementName } from './replica-reads.js';

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

describe('statementName', () => {
  it('names a statement the same way every time, apart from every other statement, within PostgreSQL’s 63 bytes', () => {
    const list = 'SELECT a.id FROM awards a WHERE a.year = $1';
    const history = 'SELECT a.id FROM awards a WHERE a.individual_id = $1';
    expect(statementName(list)).toBe(statementName(list));
    expect(statementName(list)).not.toBe(statementName(history));
    expect(statementName(list)).toMatch(/^register_[A-Za-z0-9_-]{22}$/);
    expect(Buffer.byteLength(statementName(list) ?? '')).toBeLessThanOrEqual(63);
  });

  it('stops naming new statements once the cap is reached, and keeps the names already given', () => {
    const first = statementName('SELECT 1 AS kept');
    for (let i = 0; i < MAX_NAMED_STATEMENTS; i++) statementName(`SELECT ${i} AS filler`);
    expect(statementName('SELECT 2 AS too_many')).toBeUndefined();
    expect(statementName('SELECT 1 AS kept')).toBe(first);
  });
});
