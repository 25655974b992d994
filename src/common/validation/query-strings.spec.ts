import { describe, expect, it } from '@jest/globals';
import { parameterWithNul } from './query-strings.js';

describe('parameterWithNul', () => {
  it.each([
    [{}, undefined],
    [{ q: 'nguyễn', year: '2023' }, undefined],
    [{ q: '\0' }, 'q'],
    [{ year: '2023', q: 'a\0b' }, 'q'],
    [{ q: ['x', 'y\0'] }, 'q'],
    [{ 'a\0b': '1' }, 'a\\u0000b'],
    [undefined, undefined],
    [null, undefined],
  ])('%j → %p', (query, expected) => {
    expect(parameterWithNul(query)).toBe(expected);
  });
});
