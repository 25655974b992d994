import { describe, expect, it } from '@jest/globals';
import { MAX_NAMED_STATEMENTS, statementName } from './replica-reads.js';

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
