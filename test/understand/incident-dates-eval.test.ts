// The "Kapan kejadiannya?" set written before tuning (test/eval/incident-dates.jsonl): a guard on the figures the
// README reports, dev and held-out ids apart (`npm run eval:dates` prints them).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateDates, parseDateCases } from '../../src/understand/evaluate-dates.js';

const cases = parseDateCases(readFileSync('test/eval/incident-dates.jsonl', 'utf8'));

describe('incident dates as people say them', () => {
  it('reads the dev answers (≥ 0.95) and the held-out ones (≥ 0.80)', () => {
    const dev = evaluateDates(cases.filter((c) => !c.held_out));
    const held = evaluateDates(cases.filter((c) => c.held_out));
    expect(dev.cases).toBe(80);
    expect(held.cases).toBe(40);
    expect(dev.accuracy, JSON.stringify(dev.misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(held.accuracy).toBeGreaterThanOrEqual(0.8);
  });

  it('never stores a date for "don\'t know": every such answer is unknown, none a date', () => {
    const dontKnow = cases.filter((c) => 'unknown' in c.expect);
    expect(dontKnow.length).toBeGreaterThan(5);
    const report = evaluateDates(dontKnow);
    expect(report.misses.filter((m) => /^\d{4}-/.test(m.got))).toEqual([]);
  });
});
