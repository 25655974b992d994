import { execFile } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { getMetadataStorage } from 'class-validator';
import { ERROR_CODES, errorCodesOf } from '../../src/common/errors/problem.js';
import {
  sharedBuiltService,
  builtServiceWorkDir,
  killServices,
  type Service,
  startService,
  waitFor,
} from '../support/built-service.js';
import { createTestDatabase } from '../support/database.js';

// Building the service, seeding the demo data and compiling the client take a minute or two on a busy machine.
jest.setTimeout(300_000);

const ROOT = process.cwd();
const COMMITTED = path.join(ROOT, 'openapi.json');
const WORK_DIR = builtServiceWorkDir('openapi-test');
const run = promisify(execFile);

type Response = { content?: Record<string, { schema?: { $ref?: string } }>; headers?: Record<string, unknown> };
type Operation = { summary?: string; tags?: string[]; security?: unknown[]; responses: Record<string, Response> };
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { enum?: unknown[]; allOf?: { properties?: Record<string, unknown> }[] }> };
};

/** The document as committed: two-space JSON and a final newline, so a change reads as a small diff in review. */
const asCommitted = (document: unknown) => `${JSON.stringify(document, null, 2)}\n`;

/** The first line where two texts differ, with a few lines around it (a 10 000-line diff helps nobody). */
function firstDifference(expected: string, actual: string): string | undefined {
  if (expected === actual) return undefined;
  const a = expected.split('\n');
  const b = actual.split('\n');
  let line = 0;
  while (line < Math.max(a.length, b.length) && a[line] === b[line]) line++;
  const around = (lines: string[]) => lines.slice(Math.max(0, line - 3), line + 4).join('\n');
  return `line ${line + 1}\n--- committed\n${around(a)}\n+++ served\n${around(b)}`;
}

/**
 * Generates TypeScript types from an OpenAPI document (openapi-typescript), then compiles the tour client
 * (`test/client/tour.ts`) against them with `tsc --strict`. Returns tsc's exit code and output.
 */
async function compileClient(document: string, dir: string): Promise<{ code: number; output: string }> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'openapi.json'), document);
  await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  for (const file of ['tour.ts', 'openapi-conformance.ts'])
    await copyFile(path.join(ROOT, 'test', 'client', file), path.join(dir, file));
  const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);
  await run(bin('openapi-typescript'), [path.join(dir, 'openapi.json'), '--output', path.join(dir, 'schema.d.ts')], {
    cwd: ROOT,
  });
  try {
    const { stdout } = await run(
      bin('tsc'),
      [
        '--ignoreConfig',
        '--strict',
        '--noImplicitOverride',
        '--noFallthroughCasesInSwitch',
        '--target',
        'es2023',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        '--skipLibCheck',
        '--outDir',
        path.join(dir, 'out'),
        path.join(dir, 'tour.ts'),
      ],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
    );
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

/**
 * The OpenAPI document is an artefact: `openapi.json` is what the built service (`nest build` with the committed plugin
 * metadata, started as production starts it) serves at `/docs-json`, byte for byte once formatted. `npm run openapi`
 * (UPDATE_OPENAPI=1) rewrites it from the same built service.
 */
describe('OpenAPI document', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>> | undefined;
  let service: Service | undefined;
  let served: string;
  let document: Document;
  const tokensFile = path.join(WORK_DIR, 'demo-tokens.json');

  beforeAll(async () => {
    let main: string;
    [main, database] = await Promise.all([sharedBuiltService(), createTestDatabase()]);
    service = await startService(main, {
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      SEED_DEMO_DATA: 'true',
      DEMO_TOKENS_FILE: tokensFile,
    });
    const output = service.output;
    await waitFor(() => Promise.resolve(output.join('').includes('Awards Registry ready')), 10_000);
    const response = await service.http.get('/docs-json').expect(200);
    served = response.text;
    document = JSON.parse(served) as Document;
  });
  afterAll(async () => {
    if (service) killServices([service]);
    await database?.drop();
    await rm(WORK_DIR, { recursive: true, force: true });
  });

  it('is committed as openapi.json exactly as the built service serves it', async () => {
    const generated = asCommitted(document);
    if (process.env.UPDATE_OPENAPI === '1') await writeFile(COMMITTED, generated);
    const committed = await readFile(COMMITTED, 'utf8').catch(() => '');
    expect(firstDifference(committed, generated)).toBeUndefined();
    // The same document, not merely the same formatting of another one.
    expect(JSON.parse(committed)).toEqual(JSON.parse(served));
  });

  it('is OpenAPI 3.1 and documents every operation with a summary, a tag, headers and its error responses', () => {
    expect(document.openapi).toBe('3.1.0');
    const problems: string[] = [];
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!operation.summary) problems.push(`${name}: no summary`);
        if (!operation.tags?.length) problems.push(`${name}: no tag`);
        for (const status of ['400', '401', '431', '503'])
          if (!operation.responses[status]) problems.push(`${name}: no ${status}`);
        if (operation.security && !operation.responses['403']) problems.push(`${name}: secured but no 403`);
        for (const [status, response] of Object.entries(operation.responses)) {
          if (!response.headers?.['X-Request-Id']) problems.push(`${name} ${status}: no X-Request-Id`);
          if (!response.headers?.['Content-Language']) problems.push(`${name} ${status}: no Content-Language`);
          if (!/^[45]/.test(status)) continue;
          const schema = response.content?.['application/problem+json']?.schema;
          const refs = JSON.stringify(schema ?? {});
          if (!refs.includes(`#/components/schemas/Problem${status}`))
            problems.push(`${name} ${status}: not a problem`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("makes `code` the closed enum of the catalogue, and each status's problem the codes of that status", () => {
    const schemas = document.components.schemas;
    expect(schemas.ProblemCode.enum).toEqual(ERROR_CODES);
    const perStatus = Object.entries(schemas)
      .filter(([name]) => /^Problem\d{3}$/.test(name))
      .map(([name, schema]) => [
        Number(name.slice('Problem'.length)),
        (schema.allOf?.[1]?.properties?.code as { enum?: string[] } | undefined)?.enum,
      ]);
    expect(perStatus.length).toBeGreaterThan(8);
    for (const [status, codes] of perStatus) expect([status, codes]).toEqual([status, errorCodesOf(Number(status))]);
  });

  it('documents every field and query parameter validated as an integer (`@IsInt()`) as an integer', async () => {
    // Every class the DTO modules export, with what class-validator checks on it (inherited checks included).
    const dtoFiles = (await readdir(path.join(ROOT, 'src'), { recursive: true })).filter((file) =>
      /\/dto\/[^/]+\.ts$|pagination\.ts$/.test(file),
    );
    // class-validator takes a class as a `Function`.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    const classes: Function[] = [];
    for (const file of dtoFiles) {
      const exports = (await import(path.join(ROOT, 'src', file))) as Record<string, unknown>;
      for (const value of Object.values(exports)) if (typeof value === 'function') classes.push(value);
    }
    const integers = classes.flatMap((target) =>
      getMetadataStorage()
        .getTargetValidationMetadatas(target, '', true, false)
        .filter((validation) => validation.name === 'isInt')
        .map((validation) => ({ className: target.name, propertyName: validation.propertyName })),
    );
    expect(integers.length).toBeGreaterThan(15);
    const isInteger = (schema: { type?: unknown } | undefined) =>
      schema?.type === 'integer' || (Array.isArray(schema?.type) && schema.type.includes('integer'));
    const wrong: string[] = [];
    const queryParameters = Object.values(document.paths)
      .flatMap((item) => Object.values(item))
      .flatMap(
        (operation) => (operation as { parameters?: { name: string; in: string; schema?: object }[] }).parameters ?? [],
      )
      .filter((parameter) => parameter.in === 'query');
    for (const { className, propertyName } of integers) {
      const schema = document.components.schemas[className] as
        { properties?: Record<string, { type?: unknown }> } | undefined;
      const property = schema?.properties?.[propertyName];
      if (property && !isInteger(property)) wrong.push(`${className}.${propertyName}`);
      if (!schema)
        for (const parameter of queryParameters.filter((candidate) => candidate.name === propertyName))
          if (!isInteger(parameter.schema)) wrong.push(`query ${propertyName} (${className})`);
    }
    expect([...new Set(wrong)]).toEqual([]);
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await service!.http.get('/docs').redirects(1).expect(200);
    expect(response.text).toContain('swagger');
  });

  describe('a client generated from openapi.json (openapi-typescript, openapi-fetch)', () => {
    it("compiles under tsc --strict and walks the README's tour, every response as the document says", async () => {
      const dir = path.join(WORK_DIR, 'client');
      const compiled = await compileClient(await readFile(COMMITTED, 'utf8'), dir);
      expect(compiled).toEqual({ code: 0, output: '' });
      const { stdout } = await run(process.execPath, [path.join(dir, 'out', 'tour.js')], {
        cwd: ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          API_ORIGIN: `http://127.0.0.1:${service!.port}`,
          DEMO_TOKENS_FILE: tokensFile,
          OPENAPI_FILE: COMMITTED,
        },
      });
      const findings = JSON.parse(stdout) as Record<string, unknown>;
      expect(findings).toMatchObject({
        nonConforming: [],
        certificateValid: true,
        failing: expect.arrayContaining(['R-LDTT-1']),
        decisionNumber: expect.stringMatching(/^\d+\/QĐ-SKHCN$/),
        bonus: [540_000],
        history: ['created', 'submitted', 'approved', 'granted by a decision'],
      });
      expect(findings.responses).toBeGreaterThan(20);
      expect(findings.awardPages).toBeGreaterThan(1);
    });

    it('does not compile against a document that drifted (eligibility a bare object, no DECIDE)', async () => {
      const drifted = JSON.parse(await readFile(COMMITTED, 'utf8')) as Document & {
        components: { schemas: Record<string, { properties?: Record<string, unknown>; enum?: unknown[] }> };
      };
      const schemas = drifted.components.schemas;
      for (const name of ['NominationDto', 'NominationDetailDto', 'EligibilityResultDto'])
        if (schemas[name]?.properties?.eligibility) schemas[name].properties.eligibility = { type: 'object' };
      schemas.NominationAction.enum = schemas.NominationAction.enum?.filter((action) => action !== 'DECIDE');
      const compiled = await compileClient(JSON.stringify(drifted), path.join(WORK_DIR, 'drifted-client'));
      expect(compiled.code).not.toBe(0);
      expect(compiled.output).toMatch(/tour\.ts\(\d+,\d+\): error TS/);
      expect(compiled.output).toContain('DECIDE');
      expect(compiled.output).toMatch(/checks/);
    });
  });
});
