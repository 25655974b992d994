import { describe, expect, it, jest } from '@jest/globals';
import { YoungCollection } from './young-collection.js';

describe('YoungCollection', () => {
  it('scavenges once every `bytes` passed on, counting from the last scavenge', () => {
    const collect = jest.fn();
    const young = new YoungCollection(10, collect);
    for (const length of [4, 4, 4, 9, 1]) young.count(length);
    // 4 + 4 + 4 = 12 ≥ 10: one; then 9 + 1 = 10: two.
    expect(collect).toHaveBeenCalledTimes(2);
    expect(collect).toHaveBeenCalledWith({ type: 'minor' });
  });

  it('does nothing when the process does not expose gc', () => {
    const young = new YoungCollection(1, undefined);
    expect(() => young.count(100)).not.toThrow();
  });
});
