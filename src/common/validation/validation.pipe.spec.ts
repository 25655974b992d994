import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from '@nestjs/common';
import { type Locale, render, renderDeep } from '../../i18n/index.js';
import type { ApiError } from '../errors/problem.js';
import { MAX_REPORTED_ERRORS, validationProblem } from './validation.pipe.js';

/** The problem as a reader of `locale` gets it. */
const read = (problem: ApiError, locale: Locale = 'en') => ({
  detail: render(problem.detail, locale),
  extensions: renderDeep(problem.extensions, locale) as typeof problem.extensions,
});

const unknownKey = (property: string): ValidationError => ({
  property,
  constraints: { whitelistValidation: `property ${property} should not exist` },
  children: [],
});

describe('validationProblem', () => {
  it('lists every error when there are few, without a count', () => {
    const problem = read(validationProblem([unknownKey('a'), unknownKey('b')]));
    expect(problem.extensions).toEqual({
      errors: [
        { field: 'a', message: 'property a should not exist' },
        { field: 'b', message: 'property b should not exist' },
      ],
    });
    expect(problem.detail).toBe('a: property a should not exist; b: property b should not exist');
    const vi = read(validationProblem([unknownKey('a'), unknownKey('b')]), 'vi');
    expect(vi.detail).toBe('a: trường a không được phép gửi; b: trường b không được phép gửi');
  });

  it.each([
    [MAX_REPORTED_ERRORS, undefined],
    [MAX_REPORTED_ERRORS + 1, 1],
    [90_000, 90_000 - MAX_REPORTED_ERRORS],
  ])('of %i errors lists the first 20 and counts the rest (%p)', (count, omitted) => {
    const problem = read(validationProblem(Array.from({ length: count }, (_, i) => unknownKey(`k${i}`))));
    expect(problem.extensions.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(problem.extensions.errors?.[0]).toEqual({ field: 'k0', message: 'property k0 should not exist' });
    expect(problem.extensions.errorsOmitted).toBe(omitted);
    if (omitted) expect(problem.detail).toMatch(new RegExp(`; and ${omitted} more$`));
  });

  it('counts nested errors under their dotted field', () => {
    const problem = read(
      validationProblem([
        {
          property: 'items',
          children: [{ property: '0', constraints: { isInt: '0 must be an integer number' }, children: [] }],
        },
      ]),
      'vi',
    );
    expect(problem.extensions.errors).toEqual([{ field: 'items.0', message: '0 phải là số nguyên' }]);
  });
});
