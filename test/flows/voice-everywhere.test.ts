// A voice note (or an audio file) gets the same answer at every step: kept as evidence, and a short text asked for.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/locales.js';
import { Harness } from '../helpers/harness.js';
import { expectingOf, textOf } from '../helpers/replies.js';

const VOICE = t('id', 'error.voice');

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

const kept = (chat: string) =>
  (JSON.stringify(h.core.store.conversations.find('simulate', chat)?.snapshot).match(/"kind":"voice"/g) ?? [])
    .length;

describe('a voice note', () => {
  it('at the story, the guess, a question and the summary: kept, and the same question asked again', () => {
    h.say('v', 'halo');
    h.say('v', 'ya');
    const story = h.say('v', { voice: true });
    expect(textOf(story)).toContain(VOICE);
    expect(expectingOf(story)).toBe('story');
    h.say('v', 'KTP-el saya belum selesai dicetak di Disdukcapil Kota Banjarmasin sejak 2 bulan lalu');
    const guess = h.say('v', { voice: true });
    expect(textOf(guess)).toContain(VOICE);
    expect(expectingOf(guess)).toBe('confirm_guess');
    h.say('v', 'benar');
    const asked = h.say('v', { voice: true });
    expect(textOf(asked)).toContain(VOICE);
    expect(expectingOf(asked)).toBe('prior_report');
    for (const answer of [
      'belum',
      'KTP segera dicetak',
      '1',
      'Siti Rahmah',
      '6371045708900001',
      '0812 5555 1234',
    ])
      h.say('v', answer);
    const summary = h.say('v', { voice: true });
    expect(textOf(summary)).toContain(VOICE);
    expect(expectingOf(summary)).toBe('confirm');
    expect(kept('v')).toBe(4);
  });

  it('as the very first message: the greeting and consent, and it is kept once consent is given', () => {
    const first = h.say('w', { voice: true });
    expect(expectingOf(first)).toBe('consent');
    h.say('w', 'ya');
    expect(kept('w')).toBe(1);
  });
});

describe('story pieces kept without a word', () => {
  it('get one line, a little later, saying the bot waits and how to go on; then the guess comes by itself', () => {
    h.say('n', 'halo');
    h.say('n', 'ya');
    expect(h.say('n', 'jadi begini pak')).toHaveLength(1); // the first piece is acknowledged
    expect(h.say('n', 'kejadiannya kemarin')).toEqual([]);
    expect(h.say('n', 'waktu saya lewat situ')).toEqual([]);
    const nudge = h.advance(25_000, 'n');
    expect(nudge.map((r) => r.text)).toEqual([t('id', 'ack.story.waiting')]);
    expect(nudge[0]?.choices.map((c) => c.id)).toEqual(['done']);
    expect(h.advance(25_000, 'n')).toEqual([]); // once
    // The quiet time ends the story: the conversation goes on by itself.
    const next = h.advance(60_000, 'n');
    expect(next.length).toBeGreaterThan(0);
    expect(expectingOf(next)).not.toBe('story');
  });
});
