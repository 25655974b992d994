import { describe, expect, it } from '@jest/globals';
import { hasMoreEntriesThan, MAX_BODY_DEPTH, MAX_BODY_ENTRIES, nestsDeeperThan } from './body-depth.js';

const nested = (depth: number, kind: 'array' | 'object'): unknown => {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};

describe('nestsDeeperThan', () => {
  it.each(['array', 'object'] as const)('counts levels of %s nesting exactly', (kind) => {
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH, kind), MAX_BODY_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nested(MAX_BODY_DEPTH + 1, kind), MAX_BODY_DEPTH)).toBe(true);
  });

  it('treats scalars and flat bodies as depth 0 and 1', () => {
    expect(nestsDeeperThan('x', 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
    expect(nestsDeeperThan({ year: 2024, nominationIds: ['a', 'b'] }, 2)).toBe(false);
    expect(nestsDeeperThan({ year: 2024, nominationIds: ['a', 'b'] }, 1)).toBe(true);
  });

  it('walks a body far deeper than the stack allows without overflowing', () => {
    expect(nestsDeeperThan(nested(1_000_000, 'array'), MAX_BODY_DEPTH)).toBe(true);
    expect(nestsDeeperThan(nested(1_000_000, 'object'), 2_000_000)).toBe(false);
  });
});

describe('hasMoreEntriesThan', () => {
  const flat = (keys: number) => Object.fromEntries(Array.from({ length: keys }, (_, i) => [`k${i}`, i]));

  it.each([
    [{}, 0, false],
    [flat(3), 3, false],
    [flat(4), 3, true],
    // Keys and array elements count alike, at every level.
    [{ a: [1, 2], b: { c: 1 } }, 5, false],
    [{ a: [1, 2], b: { c: 1 } }, 4, true],
    ['scalar', 0, false],
    [null, 0, false],
  ])('%j with at most %i entries → %p', (value, max, expected) => {
    expect(hasMoreEntriesThan(value, max)).toBe(expected);
  });

  it('lets the largest body of the API through: a decision of 500 nomination ids', () => {
    const decision = { ...flat(6), nominationIds: Array.from({ length: 500 }, (_, i) => `id-${i}`) };
    expect(hasMoreEntriesThan(decision, MAX_BODY_ENTRIES)).toBe(false);
  });

  it('stops at once on 90,000 keys', () => {
    expect(hasMoreEntriesThan(flat(90_000), MAX_BODY_ENTRIES)).toBe(true);
  });
});
