// Every word a citizen reads is in both locales, with the same placeholders, and every key the code uses exists.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORY_IDS } from '../../src/domain/categories.js';
import { EXPECTING } from '../../src/domain/expecting.js';
import { localeKeys, renderReply, t } from '../../src/i18n/locales.js';

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(',');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('locales', () => {
  it('id and en have the same keys and placeholders', () => {
    const id = localeKeys('id');
    expect(localeKeys('en')).toEqual(id);
    for (const key of id) expect(placeholders(t('en', key)), key).toBe(placeholders(t('id', key)));
  });

  it('has a label for every category and a text for every literal key used in flows and src', () => {
    for (const c of CATEGORY_IDS) expect(localeKeys('id')).toContain(`category.${c}`);
    const keys = new Set(localeKeys('id'));
    const used = new Set<string>();
    for (const file of [...sourceFiles('flows'), ...sourceFiles('src')]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bkey: '([a-z_]+(?:\.[a-z_]+)+)'/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(/\bt\((?:lang|'id'|'en'), '([a-z_]+(?:\.[a-z_]+)+)'/g))
        used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(40);
    const missing = [...used].filter((k) => !keys.has(k));
    expect(missing).toEqual([]);
  });

  it('renders vars, nested locale texts and dates in the reader language', () => {
    const r = renderReply('en', {
      type: 'reply',
      key: 'status.one',
      vars: {
        ticket: 'ADU-2611-4K7Q',
        status: { key: 'ticket.status.baru' },
        date: { date: '2026-11-23', precision: 'day' },
        category: { key: 'category.adminduk' },
        due: { date: '2026-11-30', precision: 'day' },
      },
      expecting: 'none',
    });
    expect(r.text).toContain('ADU-2611-4K7Q');
    expect(r.text).toContain('30 November 2026');
    expect(r.text).not.toMatch(/\{\w+\}/);
    expect(EXPECTING).toContain(r.expecting);
  });
});
