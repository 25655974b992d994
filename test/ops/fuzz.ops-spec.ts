import { readFile } from 'node:fs/promises';
import { Agent, type IncomingHttpHeaders, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import { ACCESS_MATRIX, buildWorld, CALLERS, type MatrixRequest, type World } from '../support/access-matrix.js';
import { Conformance, type OpenApiDocument } from '../client/openapi-conformance.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Property-based fuzzing from the OpenAPI document: for every operation of `openapi.json` (the document the built
 * service serves, test/e2e/openapi.e2e-spec.ts), requests with path ids,
 * query strings and bodies of the wrong type, out of range, huge, deeply nested, with invalid dates, hostile
 * unicode (NUL, lone surrogates, right-to-left marks) and prototype-pollution keys, as every kind of caller.
 *
 * Asserted for every request: never a 5xx; every 4xx is `application/problem+json`; a rejected request that could
 * write (POST, PUT, PATCH, DELETE) leaves every table of the database as it was; and, as Schemathesis would check
 * it, the response conforms to the document (its status documented for the operation, its content type documented
 * for that status, its body valid against the schema, with Ajv's JSON Schema 2020-12 dialect), and no request the
 * document calls invalid is accepted (2xx).
 *
 * Every operation is exercised as each role (anonymous, HR_OFFICER, APPROVER, AUDITOR, ADMIN): `FUZZ_RUNS_PER_ROLE`
 * (default 20) requests each, plus a few with a token that is no key's. `FUZZ_SEED` replays a run.
 */
const RUNS_PER_ROLE = Math.max(1, Number(process.env.FUZZ_RUNS_PER_ROLE ?? 20));
const BAD_TOKEN_RUNS = 3;
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_123);
/** The roles, as the access matrix's callers: `hrIn` is an HR officer whose scope holds the fixture. */
const ROLES = ['public', 'hrIn', 'approver', 'auditor', 'admin'] as const;
const COMMITTED_DOCUMENT = new URL('../../openapi.json', import.meta.url);

jest.setTimeout(900_000 + RUNS_PER_ROLE * 60_000);

type Schema = {
  $ref?: string;
  type?: string | string[];
  oneOf?: Schema[];
  format?: string;
  enum?: unknown[];
  allOf?: Schema[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

interface Target {
  name: string;
  method: string;
  path: string;
  pathParams: string[];
  query: Record<string, Schema>;
  body?: Schema;
  multipart: boolean;
  /** A request the operation accepts (from the access matrix), which the fuzzer bends. */
  valid: MatrixRequest;
  /** The callers the access matrix admits. */
  admits: string[];
}

interface FuzzRequest {
  caller: (typeof CALLERS)[number] | 'bad-token';
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

// --- hostile values ------------------------------------------------------------------------------------------------

const HUGE = 'x'.repeat(100_000);
const nastyStrings = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\uD800',
    'ab\uDFFFcd',
    '\u202Eاختبار\u202C',
    'מחלקה',
    '\u200B\uFEFF',
    'Nguye\u0302\u0303n',
    '🏅🇻🇳',
    "' OR 1=1 --",
    '%',
    '_',
    '\\',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '=HYPERLINK("http://x")',
    'NaN',
    'Infinity',
    '-0',
    '1e309',
    '0x10',
    ' 1 ',
    '２０２４',
    'null',
    'true',
    '[]',
    '{}',
    '__proto__',
    'constructor',
    HUGE,
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
);
const nastyNumbers = fc.oneof(
  fc.constantFrom(
    -1,
    0,
    1.5,
    -0.0001,
    1e-7,
    1e308,
    -1e308,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    Number.MAX_SAFE_INTEGER,
    1945,
    2101,
    1_000_001,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const nastyDates = fc.constantFrom(
  '2024-02-30',
  '2023-02-29',
  '2024-13-01',
  '0000-00-00',
  '0001-01-01',
  '1899-12-31',
  '9999-12-31',
  '10000-01-01',
  '-2024-01-01',
  '2024-1-1',
  '2024-01-01T00:00:00Z',
  '2024-01-01 ',
  '24-01-01',
  'yesterday',
  '2100-01-01',
);
const nastyUuids = fc.oneof(
  fc.uuid(),
  fc.constantFrom(
    'not-a-uuid',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '12345678-1234-1234-1234-1234567890ab ',
    '{12345678-1234-1234-1234-1234567890ab}',
    '12345678123412341234123456789012',
  ),
);
/** Nested `depth` levels deep: arrays or objects. */
const deep = (depth: number, kind: 'array' | 'object') => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
};
const nastyScalars = fc.oneof(nastyStrings, nastyNumbers, nastyDates, nastyUuids, fc.constantFrom(true, false, null));
const nastyValues: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: nastyScalars },
  { weight: 1, arbitrary: fc.array(nastyScalars, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), nastyScalars, { maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(200, 3_000)
      .chain((depth) => fc.constantFrom(deep(depth, 'array'), deep(depth, 'object'))),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom([], {}, [[]], [{}], new Array(600).fill('00000000-0000-4000-8000-000000000000')),
  },
);
/** Keys that try prototype pollution or smuggle unknown fields. */
const hostileKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'isAdmin',
  'id',
  '',
);
/** A cursor that decodes to something the server never issued. */
const forgedCursors = fc.oneof(
  fc
    .array(nastyScalars, { minLength: 1, maxLength: 4 })
    .map((values) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url')),
  fc.constantFrom('', '!!!', 'bnVsbA', 'e30', 'W10', HUGE.slice(0, 600)),
);

/** Percent-encodes every byte except unreserved characters: lone surrogates become U+FFFD, like a browser sends them. */
const encode = (value: string) =>
  [...Buffer.from(value, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
/** Raw URL pieces a client can send that no encoder produces. */
const malformedEncodings = fc.constantFrom(
  '%',
  '%zz',
  '%ED%A0%80',
  '%FF%FE',
  '%C0%AF',
  '%00',
  '%E2%80%AE',
  '..%2F..%2F',
  '%25',
  '%u0041',
);
const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));

// --- building requests from the document ---------------------------------------------------------------------------

function resolve(document: Document, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  if (schema.$ref) return resolve(document, document.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) return { ...schema, ...resolve(document, schema.allOf[0]), allOf: undefined };
  // OpenAPI 3.1 nullable: `oneOf: [{ $ref }, { type: 'null' }]`.
  const referenced = schema.oneOf?.find((option) => option.$ref);
  if (referenced) return { ...schema, ...resolve(document, referenced), oneOf: undefined };
  return schema;
}

/** Whether the schema's type (one, or a 3.1 type array) includes `type`. */
function isOfType(schema: Schema | undefined, type: string): boolean {
  return Array.isArray(schema?.type) ? schema.type.includes(type) : schema?.type === type;
}

/** A wrong value for a field of this schema: of another type, out of its range, or hostile. */
function wrongValue(schema: Schema | undefined): fc.Arbitrary<unknown> {
  const specific: fc.Arbitrary<unknown>[] = [];
  if (schema?.format === 'date') specific.push(nastyDates);
  if (schema?.format === 'uuid') specific.push(nastyUuids);
  if (schema && (isOfType(schema, 'number') || isOfType(schema, 'integer'))) {
    specific.push(
      fc.constantFrom(
        (schema.minimum ?? 0) - 1,
        (schema.maximum ?? 2 ** 31) + 1,
        (schema.minimum ?? 0) + 0.5,
        String(schema.minimum ?? 1),
      ),
    );
  }
  if (schema?.maxLength && isOfType(schema, 'string')) specific.push(fc.constant('ắ'.repeat(schema.maxLength + 1)));
  if (schema?.enum)
    specific.push(
      fc.constantFrom(...schema.enum.map((value) => String(value).toLowerCase()), `${String(schema.enum[0])} `),
    );
  if (isOfType(schema, 'array')) specific.push(fc.array(nastyScalars, { maxLength: 3 }), fc.constant([null]));
  return specific.length > 0 ? fc.oneof(nastyValues, ...specific) : nastyValues;
}

function jsonBody(target: Target, document: Document): fc.Arbitrary<unknown> {
  const schema = target.body!;
  const properties = Object.entries(schema.properties ?? {}).map(
    ([name, property]) => [name, resolve(document, property)] as const,
  );
  const valid = (target.valid.body ?? {}) as Record<string, unknown>;
  const strategies: fc.Arbitrary<unknown>[] = [
    // one field wrong, the others valid: reaches the field's own validation (and the service behind it)
    ...properties.map(([name, property]) => wrongValue(property).map((value) => ({ ...valid, [name]: value }))),
    // several fields wrong at once
    fc
      .record(Object.fromEntries(properties.map(([name, property]) => [name, wrongValue(property)])), {
        requiredKeys: [],
      })
      .map((wrong) => ({ ...valid, ...wrong })),
    // a required field missing
    ...(schema.required ?? []).map((name) =>
      fc.constant(Object.fromEntries(Object.entries(valid).filter(([key]) => key !== name))),
    ),
    // the whole body of another shape
    nastyValues,
    fc.constant([valid]),
  ];
  return fc.oneof(...strategies);
}

/** A JSON text for a body, with hostile keys spliced in as own properties. */
function withHostileKey(body: unknown, key: string, value: unknown): string {
  const text = JSON.stringify(body) ?? 'null';
  if (!text.startsWith('{')) return text;
  const extra = `${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}`;
  return text === '{}' ? `{${extra}}` : `{${extra},${text.slice(1)}`;
}

function bodyArbitrary(target: Target, document: Document): fc.Arbitrary<Pick<FuzzRequest, 'headers' | 'payload'>> {
  const json = (payload: string) => ({ headers: { 'content-type': 'application/json' }, payload });
  const raw = fc.oneof(
    fc.constantFrom(
      json(''),
      json('{'),
      json('{"a":1,}'),
      json('nul'),
      json('"\\ud800"'),
      json('{"__proto__":{"isAdmin":true}}'),
      json('{"constructor":{"prototype":{"isAdmin":true}}}'),
      json(`"${HUGE}"`),
      json(`{"a":"${'y'.repeat(2_000_000)}"}`),
      json('['.repeat(100_000) + ']'.repeat(100_000)),
      { headers: { 'content-type': 'text/plain' }, payload: 'hello' },
      { headers: { 'content-type': 'application/xml' }, payload: '<a>1</a>' },
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'a=1&__proto__[x]=1&constructor[prototype][y]=2',
      },
      { headers: { 'content-type': 'application/json; charset=latin1' }, payload: '{}' },
      { headers: { 'content-type': 'multipart/form-data' }, payload: 'garbage' },
    ),
    fc
      .uint8Array({ maxLength: 256 })
      .map((bytes) => ({ headers: { 'content-type': 'application/octet-stream' }, payload: Buffer.from(bytes) })),
  );
  if (target.multipart) {
    const boundary = '----fuzzboundary';
    const part = (name: string, fileName: string, content: Buffer | string) =>
      Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        Buffer.from(content),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
    const multipart = (payload: Buffer | string) => ({
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    const csvCells = fc.array(
      fc.array(
        nastyStrings.map((value) => value.slice(0, 300)),
        { minLength: 1, maxLength: 8 },
      ),
      { minLength: 1, maxLength: 4 },
    );
    return fc.oneof(
      raw,
      fc
        .uint8Array({ maxLength: 2048 })
        .chain((bytes) =>
          fc
            .constantFrom('a.csv', 'a.xlsx', 'a.exe', '', '../../x.csv')
            .map((name) => multipart(part('file', name, Buffer.from(bytes)))),
        ),
      csvCells.map((rows) =>
        multipart(
          part(
            'file',
            'de-nghi.csv',
            rows.map((cells) => cells.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n'),
          ),
        ),
      ),
      fc.constantFrom(
        multipart(part('other', 'a.csv', 'year\r\n2024\r\n')),
        multipart(part('file', 'a.xlsx', Buffer.from('PK\u0003\u0004garbage-zip'))),
        multipart(`--${boundary}\r\nContent-Disposition: form-data; name="file"\r\n\r\nunterminated`),
        multipart(''),
        multipart(Buffer.concat([part('file', 'a.csv', 'year\r\n2024'), part('file', 'b.csv', 'year\r\n2024')])),
        { headers: { 'content-type': 'multipart/form-data; boundary=' }, payload: 'x' },
      ),
    );
  }
  // Fastify does not read the body of a GET; a large unread body makes the kernel reset the connection when the
  // server closes it, cutting the response short: that is the client's doing, so GET bodies stay small.
  const small = raw.filter(({ payload }) => payload.length <= 4_096);
  if (!target.body)
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant({ headers: {} }) },
      { weight: 1, arbitrary: target.method === 'GET' ? small : raw },
    );
  return fc.oneof(
    { weight: 6, arbitrary: jsonBody(target, document).map((body) => json(JSON.stringify(body) ?? 'null')) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(hostileKeys, nastyValues)
        .map(([key, value]) => json(withHostileKey(target.valid.body ?? {}, key, value))),
    },
    { weight: 2, arbitrary: raw },
  );
}

function queryArbitrary(target: Target, document: Document): fc.Arbitrary<string> {
  const valid = Object.entries(target.valid.query ?? {}).map(
    ([key, value]) => `${encode(key)}=${encode(String(value))}`,
  );
  const names = Object.keys(target.query);
  const pair = (name: string): fc.Arbitrary<string> =>
    fc.oneof(
      wrongValue(resolve(document, target.query[name])).map(
        (value) => `${encode(name)}=${encode(asText(value).slice(0, 3_000))}`,
      ),
      malformedEncodings.map((value) => `${encode(name)}=${value}`),
      fc
        .tuple(nastyScalars, nastyScalars)
        .map(([a, b]) => `${name}=${encode(asText(a).slice(0, 1_000))}&${name}=${encode(asText(b).slice(0, 1_000))}`),
      fc.constant(`${name}[]=1`),
      ...(name === 'cursor' ? [forgedCursors.map((cursor) => `cursor=${encode(cursor)}`)] : []),
    );
  const extras = fc.oneof(
    fc
      .tuple(hostileKeys, nastyScalars)
      .map(([key, value]) => `${encode(key)}=${encode(asText(value).slice(0, 3_000))}`),
    fc.constantFrom('__proto__[isAdmin]=1', 'constructor[prototype][x]=1', 'a[b][c]=1', '=x', '&&&', '%=%', 'limit'),
    forgedCursors.map((cursor) => `cursor=${encode(cursor)}`),
  );
  const bent = fc
    .tuple(fc.subarray(names), fc.array(extras, { maxLength: 2 }))
    .chain(([chosen, extra]) =>
      fc
        .tuple(...chosen.map(pair))
        .map((pairs) => [
          ...valid.filter((v) => !chosen.some((n) => v.startsWith(`${encode(n)}=`))),
          ...pairs,
          ...extra,
        ]),
    );
  return fc
    .oneof({ weight: 1, arbitrary: fc.constant(valid) }, { weight: 5, arbitrary: bent })
    .map((pairs) => pairs.join('&'));
}

function pathArbitrary(target: Target): fc.Arbitrary<string> {
  const segment = (name: string) =>
    fc.oneof(
      {
        weight: 2,
        arbitrary: fc.constant(encode(target.valid.params?.[name] ?? '00000000-0000-4000-8000-000000000000')),
      },
      { weight: 2, arbitrary: nastyUuids.map(encode) },
      { weight: 2, arbitrary: nastyScalars.map((value) => encode(asText(value).slice(0, 2_000))) },
      { weight: 1, arbitrary: malformedEncodings },
      { weight: 1, arbitrary: fc.constant(encode((target.valid.params?.[name] ?? 'x').toUpperCase())) },
    );
  return fc
    .tuple(...target.pathParams.map(segment))
    .map((values) => target.path.replace(/\{(\w+)\}/g, (_, name: string) => values[target.pathParams.indexOf(name)]));
}

function requestArbitrary(
  target: Target,
  document: Document,
  caller: FuzzRequest['caller'],
): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      caller: fc.constant(caller),
      path: target.pathParams.length > 0 ? pathArbitrary(target) : fc.constant(target.path),
      query: queryArbitrary(target, document),
      body: bodyArbitrary(target, document),
    })
    .map(({ caller, path, query, body }) => ({ caller, url: query ? `${path}?${query}` : path, ...body }));
}

// --- the database must not change on a refusal ---------------------------------------------------------------------

/** Columns the audit sealer fills in after the fact (off the request path). */
const VOLATILE: Record<string, string[]> = { audit_events: ['seq', 'hash', 'prev_hash'] };
const SKIPPED = new Set(['audit_chain_head', 'schema_migrations']);

async function snapshotQuery(t: TestApp): Promise<string> {
  const tables: { tablename: string }[] = await t.db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  return tables
    .filter(({ tablename }) => !SKIPPED.has(tablename))
    .map(({ tablename }) => {
      const row = `(to_jsonb(x) - ARRAY[${(VOLATILE[tablename] ?? []).map((c) => `'${c}'`).join(',')}]::text[])::text`;
      return `SELECT '${tablename}' AS name, count(*)::int AS rows, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS sum FROM "${tablename}" x`;
    })
    .join(' UNION ALL ');
}

// --- the test ------------------------------------------------------------------------------------------------------

describe('fuzzing every operation of the OpenAPI document', () => {
  let t: TestApp;
  let world: World;
  let document: Document;
  let conformance: Conformance;
  let targets: Target[];
  let snapshotSql: string;
  let port: number;
  let sent = 0;
  // A connection per request: a request the server refuses mid-body must not spoil the next one.
  const agent = new Agent({ keepAlive: false });

  /** A raw HTTP request: the URL goes out byte for byte as built (malformed escapes included). */
  const send = (method: string, path: string, headers: Record<string, string>, payload?: string | Buffer) =>
    new Promise<{ statusCode: number; headers: IncomingHttpHeaders; body: string }>((resolve, reject) => {
      const length = payload === undefined ? {} : { 'content-length': String(Buffer.byteLength(payload)) };
      const request = httpRequest(
        { host: '127.0.0.1', port, method, path, headers: { ...headers, ...length }, agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              statusCode: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  const statuses = new Map<number, number>();

  const snapshot = async () => {
    const rows: { name: string; rows: number; sum: string }[] = await t.db.query(snapshotSql);
    return Object.fromEntries(rows.map((row) => [row.name, `${row.rows}:${row.sum}`]));
  };

  const tokenOf = (caller: FuzzRequest['caller']): string | undefined =>
    caller === 'public'
      ? undefined
      : caller === 'bad-token'
        ? 'Bearer ar_not-a-token'
        : `Bearer ${world.tokens[caller]}`;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    world = await buildWorld(t);
    const committed = JSON.parse(await readFile(COMMITTED_DOCUMENT, 'utf8')) as Document & OpenApiDocument;
    document = committed;
    conformance = new Conformance(committed);
    snapshotSql = await snapshotQuery(t);
    targets = [];
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const row = ACCESS_MATRIX.find((r) => r.method === method.toUpperCase() && r.path === path);
        const parameters = operation.parameters ?? [];
        const content = operation.requestBody?.content ?? {};
        targets.push({
          name: `${method.toUpperCase()} ${path}`,
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
          query: Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, p.schema ?? {}])),
          body: resolve(document, content['application/json']?.schema),
          multipart: 'multipart/form-data' in content,
          // The matrix's request for ADMIN: valid ids, query and body to start from.
          valid: row?.request ? await row.request(world, 'admin') : {},
          admits: row ? CALLERS.filter((caller) => row.expect[caller] < 400) : ['admin'],
        });
      }
    }
  });
  afterAll(async () => {
    agent.destroy();
    await t?.close();
    // The count per run, for the record of CI.
    process.stdout.write(
      `fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}, seed ${SEED}\n`,
    );
  });

  it('covers every operation of the document', () => {
    expect(targets.length).toBeGreaterThan(40);
  });

  /** What earlier runs found, pinned. */
  describe('regressions', () => {
    const expectProblem = (
      response: { statusCode: number; headers: IncomingHttpHeaders; body: string },
      status: number,
      code: string,
    ) => {
      expect(response.statusCode).toBe(status);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(response.body)).toMatchObject({ status, code });
    };

    it('a URL longer than the header limit is a 431 problem, not plain JSON', async () => {
      expectProblem(await send('GET', `/api/v1/awards?q=${'a'.repeat(20_000)}`, {}), 431, 'HEADERS_TOO_LARGE');
    });

    it('a malformed percent-encoding in the path is a 400 problem, not plain JSON', async () => {
      for (const id of ['%C0%AF', '%zz', '%u0041']) {
        expectProblem(await send('GET', `/api/v1/organizations/${id}`, {}), 400, 'MALFORMED_REQUEST');
      }
    });

    it('a path parameter over the router limit is a 414 problem, not plain JSON', async () => {
      expectProblem(await send('GET', `/api/v1/certificates/${'A'.repeat(500)}`, {}), 414, 'URI_TOO_LONG');
    });

    it('a JSON body nested thousands of levels deep is a 400 problem, not a 500 (stack overflow)', async () => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${world.tokens.admin}` };
      const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
      const deepField = JSON.stringify({ name: deep(1_000, 'object') });
      for (const [path, body] of [
        ['/api/v1/organizations', deepArray],
        [`/api/v1/individuals/${world.personIn}/initiatives`, JSON.stringify(deep(3_000, 'object'))],
        ['/api/v1/organizations', deepField],
      ] as const) {
        const before = await snapshot();
        expectProblem(await send('POST', path, headers, body), 400, 'VALIDATION_FAILED');
        expect(await snapshot()).toEqual(before);
      }
    });

    it('a nominee id of null is a 400 naming the field, not a 500', async () => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${world.tokens.hrIn}` };
      for (const path of ['/api/v1/nominations', '/api/v1/nominations/check']) {
        for (const field of ['individualId', 'organizationId']) {
          const body = { ...world.fresh.nominationBody(world.personIn), individualId: undefined, [field]: null };
          const before = await snapshot();
          const response = await send('POST', path, headers, JSON.stringify(body));
          expectProblem(response, 400, 'VALIDATION_FAILED');
          expect(JSON.parse(response.body).errors).toEqual(
            expect.arrayContaining([expect.objectContaining({ field })]),
          );
          expect(await snapshot()).toEqual(before);
        }
      }
    });

    it('a NUL character, which PostgreSQL text cannot hold, is a 400 and changes nothing, not a 500', async () => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${world.tokens.admin}` };
      const before = await snapshot();
      const patched = await send(
        'PATCH',
        `/api/v1/individuals/${world.personIn}`,
        headers,
        JSON.stringify({ position: 'a\u0000b' }),
      );
      expectProblem(patched, 400, 'VALIDATION_FAILED');
      expect(await snapshot()).toEqual(before);
      for (const path of ['/api/v1/awards', '/api/v1/organizations', '/api/v1/individuals', '/api/v1/decisions']) {
        const response = await send('GET', `${path}?q=a%00b`, headers);
        expect([path, response.statusCode < 500]).toEqual([path, true]);
        if (response.statusCode >= 400) expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('a ratio written with an exponent (1e-7, -2e-323) is a 400 naming the field, not a 500', async () => {
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${world.tokens.admin}` };
      const settings = { cscsRatio: 0.15, cstinhRatio: 0.1, cscsEnabled: true, cstinhEnabled: false };
      const quota = { organizationId: world.tree.department.id, year: 2024, awardCode: 'GIAY_KHEN', maxCount: 3 };
      for (const [method, path, body, field] of [
        ['PUT', '/api/v1/rule-settings/quotas', { ...settings, cstinhRatio: -2e-323 }, 'cstinhRatio'],
        ['PUT', '/api/v1/rule-settings/quotas', { ...settings, cscsRatio: 1e-7 }, 'cscsRatio'],
        ['PUT', '/api/v1/rule-settings/quotas', { ...settings, cscsRatio: 1.5e-7 }, 'cscsRatio'],
        ['PUT', '/api/v1/quotas', { ...quota, maxRatio: 1e-7 }, 'maxRatio'],
        ['PUT', '/api/v1/award-types/GIAY_KHEN/vote-policy', { required: true, passRatio: 5e-324 }, 'passRatio'],
      ] as const) {
        const before = await snapshot();
        const response = await send(method, path, headers, JSON.stringify(body));
        expectProblem(response, 400, 'VALIDATION_FAILED');
        expect(JSON.parse(response.body).errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
        expect(await snapshot()).toEqual(before);
      }
    });

    it('bytes that are not HTTP are a 400 problem, not plain JSON', async () => {
      // A GET whose body has no length: the body is read as the next request line.
      expectProblem(
        await send('GET', '/api/v1/award-types', { 'content-length': '0', 'transfer-encoding': 'identity, x' }),
        400,
        'MALFORMED_REQUEST',
      );
    });
  });

  it('as every role, never answers 5xx, conforms to the document, and refuses what the document calls invalid', async () => {
    const failures: string[] = [];
    const runs: [FuzzRequest['caller'], number][] = [
      ...ROLES.map((role): [FuzzRequest['caller'], number] => [role, RUNS_PER_ROLE]),
      ['bad-token', BAD_TOKEN_RUNS],
    ];
    for (const [index, target] of targets.entries()) {
      for (const [roleIndex, [caller, numRuns]] of runs.entries()) {
        const property = fc.asyncProperty(requestArbitrary(target, document, caller), async (request) => {
          const writes = target.method !== 'GET';
          const before = writes ? await snapshot() : undefined;
          const authorization = tokenOf(request.caller);
          const response = await send(
            target.method,
            request.url,
            { ...request.headers, ...(authorization ? { authorization } : {}) },
            request.payload,
          );
          sent++;
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const sentBody =
            request.payload === undefined
              ? ''
              : ` [${request.headers['content-type'] ?? ''}: ${request.payload.length} bytes ${JSON.stringify(String(request.payload).slice(0, 120))}]`;
          const what = `${target.name} as ${request.caller}: ${request.url.slice(0, 300)}${sentBody} → ${response.statusCode} ${response.body.slice(0, 500)}`;
          if (response.statusCode >= 500) throw new Error(`5xx: ${what}`);
          const undocumented = conformance.responseProblems(target.method, target.path, {
            status: response.statusCode,
            contentType: response.headers['content-type'],
            body: response.body,
          });
          if (undocumented.length > 0) throw new Error(`not as documented (${undocumented.join('; ')}): ${what}`);
          if (response.statusCode < 300) {
            const invalid = conformance.requestProblems(target.method, target.path, {
              url: request.url,
              headers: request.headers,
              body: request.payload,
            });
            if (invalid.length > 0)
              throw new Error(`accepted, yet the document calls it invalid (${invalid.join('; ')}): ${what}`);
          }
          if (response.statusCode >= 400) {
            if (!/^application\/problem\+json/.test(String(response.headers['content-type'])))
              throw new Error(`not problem+json: ${what}`);
            const problem = JSON.parse(response.body) as {
              status?: number;
              code?: string;
              type?: string;
              title?: string;
            };
            if (problem.status !== response.statusCode || !problem.code || !problem.type || !problem.title)
              throw new Error(`incomplete problem: ${what}`);
            if (before) {
              const after = await snapshot();
              const changed = Object.keys(after).filter((table) => after[table] !== before[table]);
              if (changed.length > 0) throw new Error(`refused, yet changed ${changed.join(', ')}: ${what}`);
            }
          }
        });
        // A seed of its own per operation and role (derived from FUZZ_SEED), so they do not all draw the same choices.
        const seed = SEED + index * runs.length + roleIndex;
        const result = await fc.check(property, { numRuns, seed, endOnFailure: true });
        if (result.failed) {
          failures.push(
            `${target.name} as ${caller}: ${result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance)}\n` +
              `${fc.defaultReportMessage(result) ?? ''}\nReplay with FUZZ_SEED=${SEED} FUZZ_RUNS_PER_ROLE=${RUNS_PER_ROLE} ` +
              `(seed ${result.seed}, path ${result.counterexamplePath ?? ''})`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
