// `npm run eval:dates -- [FILE] [--misses]`: how "Kapan kejadiannya?" answers are read, on the dev and held-out ids.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateDates, parseDateCases } from '../understand/evaluate-dates.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { misses: { type: 'boolean', default: false } },
});
const cases = parseDateCases(readFileSync(positionals[0] ?? 'test/eval/incident-dates.jsonl', 'utf8'));
const summary = (held: boolean) => {
  const { misses, ...r } = evaluateDates(cases.filter((c) => c.held_out === held));
  return values.misses ? { ...r, misses } : r;
};
process.stdout.write(`${JSON.stringify({ dev: summary(false), held_out: summary(true) }, null, 2)}\n`);
