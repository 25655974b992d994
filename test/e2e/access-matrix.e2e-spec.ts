import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { ACCESS_MATRIX, buildWorld, CALLERS, PERSONAL, send, type World } from '../support/access-matrix.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

jest.setTimeout(300_000);

const PROBLEM = /^application\/problem\+json/;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** Keys that carry personal data: never in a response to a caller without a token. */
const PERSONAL_KEY = /^(birthDate|nationalId|ratings?|disciplinary.*)$/i;

/** Every key path of a JSON value whose key names personal data. */
function personalKeys(value: unknown, path = '$'): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => personalKeys(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [
    ...(PERSONAL_KEY.test(key) ? [`${path}.${key}`] : []),
    ...personalKeys(child, `${path}.${key}`),
  ]);
}

/**
 * Every route × every caller against the table of `test/support/access-matrix.ts`: 401 and 403 exactly where the
 * table expects them, the expected success everywhere else. The table must list every operation of the OpenAPI
 * document.
 */
describe('access matrix', () => {
  let t: TestApp;
  let world: World;
  let operations: string[];

  beforeAll(async () => {
    t = await createTestApp();
    world = await buildWorld(t);
    const document: { paths: Record<string, Record<string, unknown>> } = (await t.http.get('/docs-json').expect(200))
      .body;
    operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => METHODS.includes(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has exactly one row for every operation of the OpenAPI document', () => {
    const rows = ACCESS_MATRIX.map((row) => `${row.method} ${row.path}`);
    const duplicates = rows.filter((row, index) => rows.indexOf(row) !== index);
    expect({
      withoutRow: operations.filter((operation) => !rows.includes(operation)),
      rowWithoutOperation: rows.filter((row) => !operations.includes(row)),
      duplicates,
    }).toEqual({ withoutRow: [], rowWithoutOperation: [], duplicates: [] });
  });

  describe.each(ACCESS_MATRIX.map((row) => [`${row.method} ${row.path}`, row] as const))('%s', (_name, row) => {
    it(`answers ${CALLERS.map((caller) => `${caller} ${row.expect[caller]}`).join(', ')}`, async () => {
      const outcomes: string[] = [];
      for (const caller of CALLERS) {
        const response = await send(world, row, caller);
        const expected = row.expect[caller];
        const detail =
          response.status >= 400
            ? ` ${response.body?.code ?? ''}: ${response.body?.detail ?? response.text?.slice(0, 200)}`
            : '';
        outcomes.push(
          `${caller} ${response.status}${response.status === expected ? '' : ` (expected ${expected})${detail}`}`,
        );
        if (response.status === 401 || response.status === 403) {
          expect([caller, response.headers['content-type']]).toEqual([caller, expect.stringMatching(PROBLEM)]);
          expect([caller, response.body.status]).toEqual([caller, response.status]);
        }
      }
      expect(outcomes).toEqual(CALLERS.map((caller) => `${caller} ${row.expect[caller]}`));
    });
  });

  it('never shows personal data to a caller without a token', async () => {
    const leaks: string[] = [];
    let checked = 0;
    for (const row of ACCESS_MATRIX.filter((r) => r.method === 'GET' && r.expect.public < 300)) {
      const response = await send(world, row, 'public');
      expect([row.path, response.status]).toEqual([row.path, 200]);
      const name = `${row.method} ${row.path}`;
      if (/json/.test(String(response.headers['content-type']))) {
        checked++;
        leaks.push(...personalKeys(response.body).map((key) => `${name}: ${key}`));
      }
      const text = response.text ?? '';
      for (const [field, value] of Object.entries(PERSONAL)) {
        if (text.includes(value)) leaks.push(`${name}: the ${field} of the person in scope`);
      }
    }
    expect(checked).toBeGreaterThan(10);
    expect(leaks).toEqual([]);
  });

  it('shows that personal data to the callers that may read it', async () => {
    for (const caller of ['admin', 'hrIn', 'approver', 'auditor'] as const) {
      const response = await send(
        world,
        ACCESS_MATRIX.find((r) => r.method === 'GET' && r.path === '/api/v1/individuals/{id}')!,
        caller,
      );
      expect([caller, response.body.birthDate, response.body.nationalId]).toEqual([
        caller,
        PERSONAL.birthDate,
        PERSONAL.nationalId,
      ]);
    }
  });
});
