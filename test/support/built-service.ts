import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * Builds the service with the project's own build (`nest build`, Swagger plugin included) into `workDir` (inside the
 * project, under `.data/`, so `node_modules` resolves; never `dist/`, which other runs may be using) and returns the
 * path of its `main.js`. `prebuilt` names an already built `main.js` to skip the build.
 */
export async function buildService(workDir: string, prebuilt?: string): Promise<string> {
  if (prebuilt) return path.resolve(prebuilt);
  const root = process.cwd();
  const outDir = path.join(workDir, 'build');
  const tsconfig = path.join(workDir, 'tsconfig.build.json');
  await mkdir(workDir, { recursive: true });
  await writeFile(
    tsconfig,
    JSON.stringify({ extends: path.join(root, 'tsconfig.build.json'), compilerOptions: { outDir, rootDir: root } }),
  );
  const main = path.join(outDir, 'src', 'main.js');
  try {
    await promisify(execFile)(
      path.join(root, 'node_modules', '.bin', 'nest'),
      ['build', '-p', path.relative(root, tsconfig)],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    // Type errors fail the type check of the suite, not these tests: they need the emitted JavaScript only.
    if (!existsSync(main)) throw error;
  }
  return main;
}
