// `npm run eval:places -- [FILE] [--misses]`: the kab/kota first messages name, on the dev and held-out ids.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluatePlaces, parsePlaceCases } from '../understand/evaluate-places.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { misses: { type: 'boolean', default: false } },
});
const cases = parsePlaceCases(readFileSync(positionals[0] ?? 'test/eval/first-places.jsonl', 'utf8'));
const summary = (held: boolean) => {
  const { misses, ...r } = evaluatePlaces(cases.filter((c) => c.held_out === held));
  return values.misses ? { ...r, misses } : r;
};
process.stdout.write(`${JSON.stringify({ dev: summary(false), held_out: summary(true) }, null, 2)}\n`);
