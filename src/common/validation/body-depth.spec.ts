import { describe, expect, it } from '@jest/globals';
import { MAX_BODY_DEPTH, nestsDeeperThan } from './body-depth.js';

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
