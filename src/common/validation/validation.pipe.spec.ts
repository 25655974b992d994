import { describe, expect, it } from '@jest/globals';
import type { ValidationError } from '@nestjs/common';
import { MAX_REPORTED_ERRORS, validationProblem } from './validation.pipe.js';

const unknownKey = (property: string): ValidationError => ({
  property,
  constraints: { whitelistValidation: `property ${property} should not exist` },
  children: [],
});

describe('validationProblem', () => {
  it('lists every error when there are few, without a count', () => {
    const problem = validationProblem([unknownKey('a'), unknownKey('b')]);
    expect(problem.extensions).toEqual({
      errors: [
        { field: 'a', message: 'property a should not exist' },
        { field: 'b', message: 'property b should not exist' },
      ],
    });
    expect(problem.message).toBe('a: property a should not exist; b: property b should not exist');
  });

  it.each([
    [MAX_REPORTED_ERRORS, undefined],
    [MAX_REPORTED_ERRORS + 1, 1],
    [90_000, 90_000 - MAX_REPORTED_ERRORS],
  ])('of %i errors lists the first 20 and counts the rest (%p)', (count, omitted) => {
    const problem = validationProblem(Array.from({ length: count }, (_, i) => unknownKey(`k${i}`)));
    expect(problem.extensions.errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(problem.extensions.errors?.[0]).toEqual({ field: 'k0', message: 'property k0 should not exist' });
    expect(problem.extensions.errorsOmitted).toBe(omitted);
    if (omitted) expect(problem.message).toMatch(new RegExp(`; and ${omitted} more$`));
  });

  it('counts nested errors under their dotted field', () => {
    const problem = validationProblem([
      { property: 'items', children: [{ property: '0', constraints: { isInt: 'must be an integer' }, children: [] }] },
    ]);
    expect(problem.extensions.errors).toEqual([{ field: 'items.0', message: 'must be an integer' }]);
  });
});
