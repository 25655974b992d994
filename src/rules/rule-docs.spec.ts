import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { RULE_DOCS, type RuleDoc } from './rule-docs.js';
import { RULE_IDS } from './types.js';

describe('rule documentation', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it('documents every rule id once, with its article', () => {
    expect(RULE_DOCS.map((doc) => doc.id).sort()).toEqual([...RULE_IDS].sort());
    for (const doc of RULE_DOCS) expect(doc.article.length).toBeGreaterThan(0);
  });

  it.each(RULE_DOCS.map((doc) => [doc.id, doc.article]))('README lists %s with its article (%s)', (id, article) => {
    // Table cells may be padded (Prettier aligns Markdown tables).
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // A registry convention (X) has no article of law: its cell links the explanation in docs/rules.md.
    const link = String.raw`(?:, \[docs/rules\.md\]\(docs/rules\.md#[a-z0-9-]+\))?`;
    expect(readme).toMatch(new RegExp(`\\|\\s*\`${escape(id)}\`\\s*\\|\\s*${escape(article)}${link}\\s*\\|`));
  });

  describe('docs/rules.md', () => {
    const page = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    /** The rows of its rule tables: every table row whose first cell is a rule id, as its cells. */
    const rows = page
      .split('\n')
      .filter((line) => /^\|\s*`R-/.test(line))
      .map((line) =>
        line
          .split('|')
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );

    it('lists exactly the rule ids of RULE_DOCS, each once', () => {
      const listed = rows.map(([id]) => (id ?? '').replaceAll('`', ''));
      expect([...listed].sort()).toEqual(RULE_DOCS.map((doc) => doc.id).sort());
    });

    it.each(RULE_DOCS.map((doc): [string, RuleDoc] => [doc.id, doc]))(
      'gives %s its article, confidence and file in src/rules',
      (id, doc) => {
        const row = rows.find(([cell]) => cell === `\`${id}\``);
        expect(row).toBeDefined();
        const [, , article, confidence, where] = row ?? [];
        expect(article).toBe(doc.article);
        expect(confidence).toBe(doc.confidence);
        for (const file of doc.where.split(', ')) expect(where).toContain(`\`${file}\``);
      },
    );
  });

  it("cites the law and the project's own docs, never notes that are not in the repository", () => {
    // The team's private notes (domain and API notes) are not part of the repository: a reference to them in
    // code, a message, the OpenAPI document or the docs points nowhere. Migrations are history and stay as written.
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const internal = /\b(?:domain|api)\.md\b/;
    const files = (dir: string): string[] =>
      readdirSync(root + dir).flatMap((name) => {
        const path = `${dir}/${name}`;
        return statSync(root + path).isDirectory() ? files(path) : [path];
      });
    const scanned = [
      ...['src', 'test', 'docs', 'bench'].flatMap(files),
      'README.md',
      'CHANGELOG.md',
      'openapi.json',
    ].filter((path) => /\.(?:ts|md|json)$/.test(path));
    expect(scanned.length).toBeGreaterThan(100);
    const offending = scanned.filter((path) => internal.test(readFileSync(root + path, 'utf8')));
    expect(offending).toEqual([]);
  });
});
