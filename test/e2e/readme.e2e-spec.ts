import { spawn } from 'node:child_process';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import {
  sharedBuiltService,
  builtServiceWorkDir,
  killServices,
  type Service,
  startService,
  waitFor,
} from '../support/built-service.js';
import { createTestDatabase } from '../support/database.js';

// Building the service and seeding the demo data take a minute or two on a busy machine.
jest.setTimeout(300_000);

const ROOT = process.cwd();
const WORK_DIR = builtServiceWorkDir('readme-test');
/** The README sections whose shell blocks are a runnable story (not "Two commands" nor the development ones). */
const RUNNABLE_SECTIONS = ['A short tour', 'The seed story, step by step'];

interface Step {
  /** The command, continuation lines included. */
  command: string;
  /** The `# → …` lines below it: what the README promises its output contains. */
  promises: string[];
}

/** The shell blocks of the given `## ` sections, as steps (blank and comment lines dropped). */
export function readmeSteps(markdown: string, sections: string[]): Step[] {
  const steps: Step[] = [];
  let section = '';
  let inBlock = false;
  let pending: string[] = [];
  for (const line of markdown.split('\n')) {
    if (!inBlock && line.startsWith('## ')) section = line.slice(3).trim();
    if (line.startsWith('```')) {
      inBlock = !inBlock && line.trim() === '```sh' && sections.includes(section);
      continue;
    }
    if (!inBlock) continue;
    if (pending.length > 0) {
      pending.push(line);
    } else if (line.startsWith('# →')) {
      steps.at(-1)?.promises.push(line.slice(3).trim());
      continue;
    } else if (line.trim() === '' || line.trimStart().startsWith('#')) {
      continue;
    } else {
      pending = [line];
    }
    if (!line.endsWith('\\')) {
      steps.push({ command: pending.join('\n'), promises: [] });
      pending = [];
    }
  }
  return steps;
}

/** What a `# →` line promises: its `"key": value` pairs (as compact JSON) and the rule ids it names. */
export function promisedFragments(promise: string): string[] {
  const pairs = [...promise.matchAll(/"([^"]+)":\s*("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?|true|false|null)/g)].map(
    ([, key, value]) => `"${key}":${value}`,
  );
  const rules = [...promise.matchAll(/\bR-[A-Z]+(?:-[A-Z]+)*-\d+\b/g)].map(([rule]) => rule);
  return [...pairs, ...rules];
}

const MARKER = '@@readme-step';

/** Runs the steps in one `bash -euo pipefail`, a marker line before each, and splits the output by step. */
async function runSteps(
  steps: Step[],
  env: Record<string, string>,
): Promise<{ code: number | null; outputs: string[]; stderr: string }> {
  const script = steps.map((step, index) => `printf '\\n${MARKER} %d@@\\n' ${index}\n${step.command}`).join('\n');
  const file = path.join(WORK_DIR, `readme-${Math.random().toString(36).slice(2, 8)}.sh`);
  await writeFile(file, `${script}\n`);
  const child = spawn('bash', ['-euo', 'pipefail', file], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('close', (exitCode) => resolve(exitCode)));
  const outputs: string[] = [];
  for (const part of stdout.split(`\n${MARKER} `).slice(1)) {
    const end = part.indexOf('@@\n');
    outputs[Number(part.slice(0, end))] = part.slice(end + 3);
  }
  return { code, outputs, stderr };
}

function describeFailure(steps: Step[], run: { code: number | null; outputs: string[]; stderr: string }): string {
  const last = run.outputs.length - 1;
  return [
    `bash exited ${run.code} at README step ${last}:`,
    steps[last]?.command ?? '(none)',
    `output: ${run.outputs[last] ?? ''}`,
    `stderr: ${run.stderr}`,
  ].join('\n');
}

describe("the README's tour and seed story", () => {
  let steps: Step[];
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let service: Service | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    steps = readmeSteps(await readFile(path.join(ROOT, 'README.md'), 'utf8'), RUNNABLE_SECTIONS);
    let main: string;
    [main, database] = await Promise.all([sharedBuiltService(), createTestDatabase()]);
    const tokensFile = path.join(WORK_DIR, 'demo-tokens.json');
    // As `npm start` runs it (no NODE_ENV), on a test database instead of the embedded one: migrations, demo data,
    // tokens file.
    service = await startService(main, {
      NODE_ENV: 'development',
      DATABASE_URL: database.url,
      SEED_DEMO_DATA: 'true',
      DEMO_TOKENS_FILE: tokensFile,
    });
    // Health answers as soon as it listens; the ready line (with the Node version) follows it.
    const output = service.output;
    await waitFor(() => Promise.resolve(output.join('').includes('Awards Registry ready')), 10_000);
    env = { API: `http://127.0.0.1:${service.port}/api/v1`, DEMO_TOKENS_FILE: tokensFile };
  });

  afterAll(async () => {
    if (service) killServices([service]);
    await database?.drop();
    await rm(WORK_DIR, { recursive: true, force: true });
  });

  it('logs the Node it runs on when it starts', () => {
    const ready = (service?.output ?? [])
      .join('')
      .split('\n')
      .find((line) => line.includes('Awards Registry ready'));
    expect(ready).toContain(`on Node ${process.version}`);
  });

  it('has runnable blocks whose every curl fails on an HTTP error and encodes its query string', () => {
    expect(steps.length).toBeGreaterThan(15);
    const curls = steps.flatMap((step) => step.command.match(/curl [^|)]*/g) ?? []);
    expect(curls.length).toBeGreaterThan(15);
    expect(curls.filter((curl) => !/ -[a-zA-Z]*f[a-zA-Z]* | --fail/.test(curl))).toEqual([]);
    expect(curls.filter((curl) => curl.includes('?'))).toEqual([]);
  });

  it('runs with bash -euo pipefail, and every command prints what its `# →` line promises', async () => {
    const run = await runSteps(steps, env);
    expect({ code: run.code, failure: run.code === 0 ? '' : describeFailure(steps, run) }).toEqual({
      code: 0,
      failure: '',
    });
    const broken = steps.flatMap((step, index) =>
      step.promises
        .flatMap(promisedFragments)
        .filter((fragment) => !(run.outputs[index] ?? '').includes(fragment))
        .map((fragment) => ({ step: step.command.split('\n')[0], missing: fragment })),
    );
    expect(steps.flatMap((step) => step.promises.flatMap(promisedFragments)).length).toBeGreaterThan(5);
    expect(broken).toEqual([]);
  });

  it('fails when a step answers with an HTTP error (a mistyped route)', async () => {
    const mistyped = steps.map((step) => ({
      ...step,
      command: step.command.replace('$API/award-types', '$API/award-typez'),
    }));
    const run = await runSteps(mistyped, env);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/404/);
  });
});

describe("the README's layout", () => {
  it('names every folder of src/', async () => {
    const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('### Layout');
    const layout = readme.slice(start, readme.indexOf('\n```\n', readme.indexOf('```', start) + 3));
    const folders = (await readdir(path.join(ROOT, 'src'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => `${entry.name}/`);
    expect(start).toBeGreaterThan(0);
    expect(folders.filter((folder) => !new RegExp(`(^|\\s)${folder}(\\s|$)`, 'm').test(layout))).toEqual([]);
  });
});
