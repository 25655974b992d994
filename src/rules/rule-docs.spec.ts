import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { RULE_DOCS } from './rule-docs.js';
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
    expect(readme).toMatch(new RegExp(`\\|\\s*\`${escape(id)}\`\\s*\\|\\s*${escape(article)}\\s*\\|`));
  });
});
