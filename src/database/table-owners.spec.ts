import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

/**
 * One owner per table (docs/architecture.md, "Who owns which table"): the statements that write a table live in its
 * owner's repository only; other modules go through the owner's service. Checked over every source file, for Kysely
 * writes (`insertInto`, `updateTable`, `deleteFrom`, `mergeInto`) and for raw SQL alike.
 */
const OWNERS: Record<string, readonly string[]> = {
  api_keys: ['src/api-keys/api-keys.repository.ts'],
  audit_chain_head: ['src/audit/audit.repository.ts'],
  audit_events: ['src/audit/audit.repository.ts'],
  award_types: ['src/award-types/award-types.repository.ts'],
  awards: ['src/awards/awards.repository.ts'],
  council_sizes: ['src/organizations/council-sizes.repository.ts'],
  council_votes: ['src/nominations/nominations.repository.ts'],
  decisions: ['src/decisions/decisions.repository.ts'],
  disciplinary_cases: ['src/individuals/individuals.repository.ts'],
  history_import_rows: ['src/history/history.repository.ts'],
  history_imports: ['src/history/history.repository.ts'],
  households: ['src/households/households.repository.ts'],
  // The transaction marks the request's idempotency key just before COMMIT (docs/architecture.md, "Transactions").
  idempotency_keys: ['src/idempotency/idempotency.repository.ts', 'src/database/transactions.ts'],
  individual_ratings: ['src/individuals/individuals.repository.ts'],
  individuals: ['src/individuals/individuals.repository.ts'],
  initiatives: ['src/individuals/individuals.repository.ts'],
  nomination_events: ['src/nominations/nominations.repository.ts'],
  nominations: ['src/nominations/nominations.repository.ts'],
  // Maintained by a trigger on organizations only.
  organization_closure: [],
  // Maintained by a trigger on organizations' name only (the names in force on a date, R-ORG-1).
  organization_names: [],
  organizations: ['src/organizations/organizations.repository.ts'],
  // Bumped by statement triggers on the register's tables; read for ETags (src/common/http/public-cache.ts).
  register_version: [],
  revocations: ['src/revocations/revocations.repository.ts'],
  rule_settings: ['src/quotas/quotas.repository.ts'],
  unit_quotas: ['src/quotas/quotas.repository.ts'],
};

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

const WRITES = [
  /\.(?:insertInto|updateTable|deleteFrom|mergeInto)\(\s*['"]([a-z_]+)(?:\s+as\s+\w+)?['"]/g,
  /\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z_]+)"?/g,
];

/** `file: table` for each write found, given the text of every source file. */
function writes(files: ReadonlyMap<string, string>): { file: string; table: string }[] {
  return [...files].flatMap(([file, text]) =>
    WRITES.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => ({ file, table: match[1] }))),
  );
}

function projectSources(): Map<string, string> {
  return new Map(
    sourceFiles(join(ROOT, 'src')).map((path) => [
      relative(ROOT, path).split('\\').join('/'),
      readFileSync(path, 'utf8'),
    ]),
  );
}

/** The tables of the migrated schema, as src/database/schema.ts (generated from it) lists them. */
function schemaTables(): string[] {
  const schema = readFileSync(join(ROOT, 'src/database/schema.ts'), 'utf8');
  const db = /export interface DB \{([^}]*)\}/.exec(schema)?.[1] ?? '';
  return [...db.matchAll(/^\s+([a-z_]+):/gm)].map((match) => match[1]);
}

describe('table owners (docs/architecture.md)', () => {
  it('names an owner for every table of the schema', () => {
    expect(Object.keys(OWNERS).sort()).toEqual(schemaTables().sort());
  });

  it('writes every table only from its owner', () => {
    const outside = writes(projectSources())
      .filter(({ file, table }) => OWNERS[table] !== undefined && !OWNERS[table].includes(file))
      .map(({ file, table }) => `${file}: ${table}`);
    expect(outside).toEqual([]);
  });

  it('sees Kysely and raw SQL writes alike (so the check above can fail)', () => {
    const files = new Map([
      ['src/stats/stats.repository.ts', "db.updateTable('nominations').set({ status: 'DECIDED' })"],
      ['src/printing/printing.repository.ts', 'await run(`UPDATE awards SET printed = true`)'],
      ['src/exports/exports.repository.ts', "db.deleteFrom('decisions as d').where('d.id', '=', id)"],
    ]);
    expect(writes(files)).toEqual([
      { file: 'src/stats/stats.repository.ts', table: 'nominations' },
      { file: 'src/printing/printing.repository.ts', table: 'awards' },
      { file: 'src/exports/exports.repository.ts', table: 'decisions' },
    ]);
  });
});
