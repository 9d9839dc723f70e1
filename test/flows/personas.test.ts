// The personas of test/eval/personas (written by someone who had not read the flow) reach a ticket, in few
// messages, with no question asked more than three times in a row: `npm run personas` in-process, as a guard.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Persona, drive } from '../../scripts/lib/persona.js';
import { Harness } from '../helpers/harness.js';

const load = (file: string) =>
  readFileSync(new URL(`../eval/personas/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => Persona.parse(JSON.parse(l)));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

describe('personas', () => {
  it('every persona files a ticket; median at most 14 messages; no question more than 3 times in a row', async () => {
    const h = new Harness();
    try {
      const personas = [...load('dev.jsonl'), ...load('held-out.jsonl')];
      expect(personas.length).toBeGreaterThanOrEqual(20);
      const results = [];
      for (const p of personas) {
        const r = await drive(p, (text) => h.say(`persona-${p.id}`, text));
        expect(r.ticket, `${p.id}: ${r.stuck}\n${r.log.join('\n')}`).not.toBeNull();
        expect(r.longestRepeat, `${p.id} asked "${r.repeated}" ${r.longestRepeat} times`).toBeLessThanOrEqual(
          3,
        );
        results.push(r);
      }
      expect(median(results.map((r) => r.messages))).toBeLessThanOrEqual(14);
    } finally {
      h.close();
    }
  }, 60_000);
});
