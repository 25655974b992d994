import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/**
 * One owner per table (docs/architecture.md, "Who owns which table"): the SQL that writes a table lives in its
 * owner's repository only. This checks the raw SQL writes (`INSERT INTO`, `UPDATE`, `DELETE FROM`) of every source
 * file against the owners of the tables listed here.
 */
const OWNERS: Record<string, string> = {
  nominations: 'src/nominations/nominations.repository.ts',
  nomination_events: 'src/nominations/nominations.repository.ts',
  council_votes: 'src/nominations/nominations.repository.ts',
  award_types: 'src/award-types/award-types.repository.ts',
  unit_quotas: 'src/quotas/quotas.repository.ts',
  rule_settings: 'src/quotas/quotas.repository.ts',
  decisions: 'src/decisions/decisions.repository.ts',
  awards: 'src/awards/awards.repository.ts',
  audit_chain_head: 'src/audit/audit.repository.ts',
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** `file: table` for each raw SQL write of a listed table outside its owner. */
function writesOutsideOwners(): string[] {
  const found: string[] = [];
  for (const path of sourceFiles(join(ROOT, 'src'))) {
    const file = relative(ROOT, path).split('\\').join('/');
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z_]+)"?/g)) {
      const table = match[1];
      if (OWNERS[table] !== undefined && OWNERS[table] !== file) found.push(`${file}: ${table}`);
    }
  }
  return found;
}

describe('table owners (docs/architecture.md)', () => {
  it('writes nominations, nomination_events, award_types … only from their owner repository', () => {
    expect(writesOutsideOwners()).toEqual([]);
  });
});
