// The date question as people answer it: a rough idea asked once for "lupa", two readings asked, ongoing kept.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDate, t } from '../../src/i18n/locales.js';
import { Harness } from '../helpers/harness.js';
import { expectingOf, textOf } from '../helpers/replies.js';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

/** A KTP story without a date: the date question comes after the guess. */
function toDate(chat: string): void {
  h.say(chat, 'halo');
  h.say(chat, 'ya');
  h.say(chat, 'KTP-el saya belum selesai dicetak di Disdukcapil Kota Banjarmasin, katanya blangko habis');
  expect(expectingOf(h.say(chat, 'benar'))).toBe('incident_date');
}

const draftDate = (chat: string) => {
  const snap = h.core.store.conversations.find('simulate', chat)?.snapshot;
  return JSON.stringify(snap).match(/"incidentDate":(null|\{[^}]*\})/)?.[1];
};

describe('the date question', () => {
  it('asks once for a rough idea after "lupa", then stores no date at all', () => {
    toDate('d1');
    const again = h.say('d1', 'lupa pak, sudah lama');
    expect(expectingOf(again)).toBe('incident_date');
    expect(textOf(again)).toContain(t('id', 'error.date_unknown').slice(0, 40));
    const moved = h.say('d1', 'sudah lama sekali');
    expect(expectingOf(moved)).not.toBe('incident_date');
    expect(draftDate('d1')).toBe('null');
  });

  it('asks when a date could mean two days, and keeps an ongoing problem with its start', () => {
    toDate('d2');
    // Harness clock: Monday 23 November 2026. "25/11" is in two days, or last year's.
    const asked = h.say('d2', '25/11');
    expect(expectingOf(asked)).toBe('incident_date');
    expect(textOf(asked)).toContain(t('id', 'error.date_ambiguous').slice(0, 40));
    h.say('d2', 'sudah lawas, kira-kira tiga bulanan');
    expect(draftDate('d2')).toBe('{"date":"2026-08-01","precision":"month","ongoing":true,"tooOld":false}');
  });

  it('shows a week as its seven days, never as a bare "minggu 23 November" (a Sunday)', () => {
    toDate('d3');
    h.say('d3', 'udah seminggu');
    const snap = JSON.stringify(h.core.store.conversations.find('simulate', 'd3')?.snapshot);
    expect(snap).toContain('"date":"2026-11-16","precision":"week","ongoing":true');
    expect(formatDate('id', '2026-11-16', 'week', true)).toBe(
      'sejak sekitar 16–22 November 2026, sampai sekarang',
    );
    expect(formatDate('id', '2026-11-16', 'week')).toBe('sekitar 16–22 November 2026');
    expect(formatDate('en', '2025-01-01', 'year')).toBe('2025');
    expect(formatDate('id', '2025-01-01', 'year')).toBe('tahun 2025');
  });
});
