import { describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import fc from 'fast-check';
import { createValidationPipe } from '../common/validation/validation.pipe.js';
import { AWARD_CODES } from '../rules/index.js';
import { HISTORY_QUERY_SCHEMA, LIST_QUERY_SCHEMA, plainHistoryQuery, plainListQuery } from './public-award-routes.js';
import { AwardHistoryQueryDto, ListAwardsQueryDto } from './dto/award.dto.js';

// Fastify's own ajv settings for route schemas.
const ajv = new Ajv({ coerceTypes: 'array', useDefaults: true, removeAdditional: true, allErrors: false });
const pipe = createValidationPipe();

/** Values near and past every edge of the DTOs' rules. */
const value = fc.oneof(
  fc.constantFrom('1', '50', '200', '201', '0', '007', '1944', '1945', '2020', '2100', '2101', '0x7E4', ' 2020'),
  fc.constantFrom('2020.0', '1e3', '', 'true', 'false', 'TRUE', 'LDTT', AWARD_CODES[0], 'INDIVIDUAL', 'REGULAR'),
  fc.constantFrom('6f1c5a0e-3b7d-4c2a-9f4e-1a2b3c4d5e6f', '6F1C5A0E-3B7D-4C2A-9F4E-1A2B3C4D5E6F'),
  fc.constantFrom('00000000-0000-0000-0000-000000000000', '6f1c5a0e-3b7d-0c2a-9f4e-1a2b3c4d5e6f'),
  fc.string({ maxLength: 8 }),
  fc.string({ minLength: 199, maxLength: 202, unit: 'grapheme' }),
  fc.array(fc.constantFrom('2020', 'x'), { minLength: 2, maxLength: 2 }),
);

const queryOf = (fields: string[]) =>
  fc.dictionary(fc.oneof(fc.constantFrom(...fields), fc.constantFrom('foo', 'constructor')), value, {
    maxKeys: 5,
  });

const defined = (dto: object) => Object.fromEntries(Object.entries(dto).filter(([, v]) => v !== undefined));

/** Every query the schema admits and the handler converts is one class-validator admits, with the same values. */
async function sameAsClassValidator<T extends object>(
  schema: object,
  plain: (query: Record<string, string | undefined>) => T | undefined,
  metatype: new () => T,
  fields: string[],
): Promise<number> {
  const validate = ajv.compile(schema);
  let admitted = 0;
  await fc.assert(
    fc.asyncProperty(queryOf(fields), async (raw) => {
      const query = structuredClone(raw);
      if (!validate(query)) return;
      const dto = plain(query as Record<string, string>);
      if (dto === undefined) return;
      admitted += 1;
      const reference = await pipe.transform(structuredClone(raw), { type: 'query', metatype });
      expect(defined(dto)).toEqual(defined({ ...(reference as object) }));
    }),
    { numRuns: 3000 },
  );
  return admitted;
}

describe('the public award routes’ query schemas', () => {
  it('admit only queries class-validator admits, converted alike (GET /awards)', async () => {
    const fields = Object.keys(LIST_QUERY_SCHEMA.properties);
    expect(await sameAsClassValidator(LIST_QUERY_SCHEMA, plainListQuery, ListAwardsQueryDto, fields)).toBeGreaterThan(
      100,
    );
  });

  it('admit only queries class-validator admits, converted alike (histories)', async () => {
    const fields = Object.keys(HISTORY_QUERY_SCHEMA.properties);
    expect(
      await sameAsClassValidator(HISTORY_QUERY_SCHEMA, plainHistoryQuery, AwardHistoryQueryDto, fields),
    ).toBeGreaterThan(100);
  });

  it('convert the bench’s plain query', () => {
    const query = { year: '2020', awardCode: AWARD_CODES[0], organizationId: '6f1c5a0e-3b7d-4c2a-9f4e-1a2b3c4d5e6f' };
    expect(ajv.validate(LIST_QUERY_SCHEMA, { ...query, limit: '50' })).toBe(true);
    expect(defined(plainListQuery({ ...query, limit: '50' }) ?? {})).toEqual({ ...query, year: 2020, limit: 50 });
    expect(ajv.validate(LIST_QUERY_SCHEMA, { ...query, extra: '1' })).toBe(false);
  });
});
