// Runs the dialogues of test/transcripts: each citizen message, the replies' `expecting`, texts, final complaint.
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../src/i18n/locales.js';
import { Harness } from './helpers/harness.js';
import { DIALOGUES } from './transcripts/dialogues.js';

/** A locale text without its placeholders, split where they were: each piece must appear. */
const pieces = (key: string) =>
  t('id', key)
    .split(/\{\w+\}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 3);

describe('transcripts', () => {
  let h: Harness | null = null;
  afterEach(() => h?.close());

  for (const d of DIALOGUES) {
    it(d.name, () => {
      h = new Harness();
      const chat = 'citizen';
      let citizenMessages = 0;
      for (const [i, turn] of d.turns.entries()) {
        if ('restart' in turn) {
          h.restart();
          continue;
        }
        const replies = 'say' in turn ? h.say(chat, turn.say) : h.advance(turn.advanceMinutes * 60_000, chat);
        if ('say' in turn) citizenMessages++;
        const where = `turn ${i + 1} (${JSON.stringify('say' in turn ? turn.say : turn)})`;
        const text = replies
          .map((r) =>
            [
              r.text,
              ...r.choices.map((c, n) => (r.wordChoices ? `[${c.label}]` : `${n + 1}. ${c.label}`)),
            ].join('\n'),
          )
          .join('\n---\n');
        expect(
          replies.map((r) => r.expecting),
          `${where}: ${text}`,
        ).toEqual(turn.expect);
        for (const key of turn.keys ?? [])
          for (const p of pieces(key)) expect(text, `${where} key ${key}`).toContain(p);
        if ('contains' in turn) for (const c of turn.contains ?? []) expect(text, where).toContain(c);
      }
      expect(citizenMessages).toBeLessThanOrEqual(30);
      const filed = h.complaints();
      if (d.complaint) {
        expect(filed).toHaveLength(1);
        expect(filed[0]?.complaint).toMatchObject(d.complaint);
      } else {
        expect(filed).toHaveLength(0);
      }
      if (d.state) expect(h.conversationState(chat)).toBe(d.state);
    });
  }
});
