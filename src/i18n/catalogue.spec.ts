import { describe, expect, it } from '@jest/globals';
import { CATALOGUE } from './catalogue.js';
import { negotiateLocale } from './locale.js';
import { msg, render, renderDeep, type MessageKey } from './message.js';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;
const placeholders = (text: string): string[] => [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))].sort();
const entries = Object.entries(CATALOGUE) as [MessageKey, { vi?: string; en?: string }][];

/** Messages that are a piece of another and may be as short as a code or a name. */
const FRAGMENT =
  /^(rating|basis|recipient|list|format|facts|orgKind|authority|entity|text|rules\.dup\.|rules\.vote\.(prefix|mark|turnout|withAward)|rules\.quota\.(max|headcount|ratio))/;

describe('the message catalogue', () => {
  it.each(entries)('%s has a Vietnamese and an English form with the same parameters', (key, entry) => {
    expect(typeof entry.vi).toBe('string');
    expect(typeof entry.en).toBe('string');
    if (!FRAGMENT.test(key)) {
      expect(entry.vi!.trim().length).toBeGreaterThan(0);
      expect(entry.en!.trim().length).toBeGreaterThan(0);
    }
    expect(placeholders(entry.vi!)).toEqual(placeholders(entry.en!));
    // Braces only ever open a parameter: a stray one would print as is.
    expect(entry.vi!.replace(PLACEHOLDER, '')).not.toMatch(/[{}]/);
    expect(entry.en!.replace(PLACEHOLDER, '')).not.toMatch(/[{}]/);
  });

  it('cites the law, never an internal document', () => {
    for (const [, entry] of entries) {
      expect(`${entry.vi} ${entry.en}`).not.toMatch(/domain\.md|api\.md|shared\//);
    }
  });

  it('writes the laws in Vietnamese with their full names and diacritics', () => {
    const vi = entries.map(([, e]) => e.vi).join('\n');
    expect(vi).toContain('Điều 24 {law}');
    expect(render(msg('law.2022'), 'vi')).toBe('Luật Thi đua, khen thưởng 2022');
    expect(vi).toContain('Nghị định 98/2023/NĐ-CP');
    expect(vi).toContain('Hoàn thành tốt nhiệm vụ');
    expect(vi).not.toMatch(/\bDecree\b|\bLaw 2022\b|\bArt \d/);
  });
});

describe('render', () => {
  it('fills parameters, nested messages and lists in the reader’s language', () => {
    const m = msg('rules.ldtt.rating', {
      year: 2023,
      law: msg('law.2022'),
      rating: msg('facts.rating', { year: 2023, rating: msg('rating.HT') }),
    });
    expect(render(m, 'vi')).toBe(
      'Danh hiệu Lao động tiên tiến năm 2023 yêu cầu xếp loại Hoàn thành tốt nhiệm vụ trở lên (Điều 24 Luật Thi đua, khen thưởng 2022); năm 2023: Hoàn thành nhiệm vụ.',
    );
    expect(render(m, 'en')).toBe(
      'Lao động tiên tiến 2023 needs rating HTT or HTXS in 2023 (Law 2022 Art 24); rating 2023 is HT',
    );
    expect(render(msg('facts.missingYears', { years: [2021, 2022] }), 'en')).toBe(' — missing 2021, 2022');
    expect(render(msg('format.date', { yyyy: '2023', month: '12', day: '15' }), 'vi')).toBe('15/12/2023');
  });

  it('renders messages anywhere in a body, leaving other values and the original alone', () => {
    const body = {
      items: [{ rule: 'R-HOLD-1', message: msg('rules.hold.none'), limit: 0 }],
      code: 'X',
      at: new Date(0),
    };
    const out = renderDeep(body, 'en') as typeof body;
    expect(out.items[0].message).toBe(
      'The nominee has no open case (discipline, investigation, inspection, complaint, denunciation, press report) (Decree 98 Art 4; Decree 152/2025)',
    );
    expect(out.code).toBe('X');
    expect(out.at).toBe(body.at);
    expect(typeof body.items[0].message).toBe('object');
  });

  it('shows a text stored as plain text as it is', () => {
    expect(render('as stored', 'vi')).toBe('as stored');
  });
});

describe('negotiateLocale (Accept-Language)', () => {
  it.each<[string | undefined, 'vi' | 'en']>([
    [undefined, 'vi'],
    ['', 'vi'],
    ['en', 'en'],
    ['en-US,en;q=0.9', 'en'],
    ['vi-VN,vi;q=0.9,en;q=0.8', 'vi'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr', 'vi'],
    ['vi;q=0.2, en;q=0.8', 'en'],
    ['en;q=0, vi', 'vi'],
    ['en;q=0', 'vi'],
    ['*', 'vi'],
    ['en;q=0.5, vi;q=0.5', 'en'],
    ['garbage;;;q=x', 'vi'],
  ])('%p → %p', (header, locale) => {
    expect(negotiateLocale(header)).toBe(locale);
  });
});
