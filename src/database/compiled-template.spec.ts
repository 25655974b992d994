import { describe, expect, it } from '@jest/globals';
import { sql } from 'kysely';
import { awardListQuery, awardListStatement, type AwardFilter } from '../awards/awards.repository.js';
import { compileTemplate, slot, TemplateCache } from './compiled-template.js';
import { compileOnly } from './replica-reads.js';

const DEPT = '11111111-1111-4111-8111-111111111111';
const PERSON = '22222222-2222-4222-8222-222222222222';
const AFTER: [string, string] = ['2024-01-23', '33333333-3333-4333-8333-333333333333'];

describe('compileTemplate', () => {
  it('binds new values where the slots were, keeping the constants of the statement', () => {
    const template = compileTemplate(
      compileOnly
        .selectFrom('awards')
        .select('id')
        .where('year', '=', slot<number>('year'))
        .where('award_code', '=', 'GIAY_KHEN')
        .where('individual_id', '=', sql<string>`${slot<string>('person')}::uuid`)
        .limit(slot<number>('fetch')),
      ['year', 'person', 'fetch'],
    );
    expect(template.sql).toBe(
      'select "id" from "awards" where "year" = $1 and "award_code" = $2 and "individual_id" = $3::uuid limit $4',
    );
    expect(template.bind({ year: 2023, person: PERSON, fetch: 51 })).toEqual([2023, 'GIAY_KHEN', PERSON, 51]);
    expect(template.bind({ year: 2024, person: DEPT, fetch: 2 })).toEqual([2024, 'GIAY_KHEN', DEPT, 2]);
  });

  it('refuses a slot the statement does not bind, and a slot it was not told about', () => {
    const query = compileOnly.selectFrom('awards').select('id').where('year', '=', slot<number>('year'));
    expect(() => compileTemplate(query, ['year', 'fetch'])).toThrow(/fetch/);
    expect(() => compileTemplate(query, [])).toThrow(/unexpected slot "year"/);
  });
});

describe('TemplateCache', () => {
  it('builds a shape once, and stops keeping new shapes beyond its size', () => {
    const cache = new TemplateCache<'v'>(1);
    let builds = 0;
    const build = () => {
      builds++;
      return compileTemplate(compileOnly.selectFrom('awards').select('id').where('year', '=', slot<number>('v')), [
        'v',
      ]);
    };
    expect(cache.get('a', build)).toBe(cache.get('a', build));
    cache.get('b', build);
    cache.get('b', build);
    expect(builds).toBe(3);
    expect(cache.size).toBe(1);
  });
});

describe('awardListStatement', () => {
  const filters: [string, AwardFilter][] = [
    [
      'W1: subtree, year, code',
      { year: 2015, awardCode: 'GIAY_KHEN', subtreeOf: DEPT, includeRevoked: false, limit: 50 },
    ],
    [
      'W1 next page',
      { year: 2015, awardCode: 'GIAY_KHEN', subtreeOf: DEPT, includeRevoked: false, after: AFTER, limit: 50 },
    ],
    ['W2: a person’s history', { individualId: PERSON, includeRevoked: true, after: null, limit: 50 }],
    [
      'an organization, collectives only',
      { organizationId: DEPT, recipientKind: 'COLLECTIVE', includeRevoked: true, limit: 1 },
    ],
    ['year range and basis', { fromYear: 2010, toYear: 2020, basis: 'THEMATIC', includeRevoked: false, limit: 200 }],
    ['no filter', { includeRevoked: false, limit: 50 }],
  ];

  it.each(filters)('%s: the same SQL and parameters as compiling the builder for the request', (_name, filter) => {
    expect(awardListStatement(filter)).toEqual(awardListQuery(filter));
    // Twice: the second answer comes from the cached template, with this request's values.
    const other = {
      ...filter,
      limit: filter.limit + 7,
      ...(filter.year !== undefined ? { year: filter.year + 1 } : {}),
    };
    expect(awardListStatement(other)).toEqual(awardListQuery(other));
  });
});
