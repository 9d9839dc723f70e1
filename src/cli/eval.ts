// `npm run eval -- FILE [--labels coarse] [--ids odd|even] [--json] [--misses]`: measures the story analysis on a labelled set.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { evaluateFile, formatReport } from '../understand/evaluate.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    labels: { type: 'string' },
    ids: { type: 'string' },
    json: { type: 'boolean', default: false },
    misses: { type: 'boolean', default: false },
  },
});

const file = positionals[0];
const ids = values.ids === 'odd' || values.ids === 'even' ? values.ids : null;
if (
  !file ||
  (values.labels !== undefined && values.labels !== 'coarse') ||
  (values.ids !== undefined && !ids)
) {
  process.stderr.write(
    'usage: npm run eval -- FILE.jsonl|FILE.csv [--labels coarse] [--ids odd|even] [--json] [--misses]\n',
  );
  process.exit(2);
}

const { report, labels, errors } = evaluateFile(file, readFileSync(file, 'utf8'), {
  coarse: values.labels === 'coarse',
  ids,
});
for (const e of errors) process.stderr.write(`${e}\n`);
if (values.json) {
  const { misses, regionMisses, ...rest } = report;
  process.stdout.write(`${JSON.stringify(values.misses ? report : rest, null, 2)}\n`);
} else process.stdout.write(`${formatReport(report, labels, values.misses)}\n`);
