import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The Node flags the service runs with in production: those of `npm run start:prod` in package.json, so that the
 * benchmarks measure the service as it is started (docs/scaling.md, "Exports"). BENCH_SERVICE_NODE_FLAGS replaces
 * them for a comparison (an empty value: Node's defaults).
 */
export function serviceNodeFlags(root: string): string[] {
  const override = process.env.BENCH_SERVICE_NODE_FLAGS;
  if (override !== undefined) return override.split(/\s+/).filter(Boolean);
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const match = /\bnode((?:\s+--\S+)*)\s+dist\/src\/main\.js\b/.exec(manifest.scripts['start:prod'] ?? '');
  if (!match) throw new Error('package.json: "start:prod" does not run node dist/src/main.js');
  return match[1].split(/\s+/).filter(Boolean);
}
