// `npm run doctor [-- --full] [--strict]`: checks configuration, database, disk and channels; says what to fix.
import { parseArgs } from 'node:util';
import { loadConfigFromEnv } from '../app/config.js';
import { exitCode, formatReport, runDoctor } from '../app/doctor.js';

const { values } = parseArgs({
  options: { full: { type: 'boolean', default: false }, strict: { type: 'boolean', default: false } },
});

runDoctor({ load: loadConfigFromEnv, full: values.full }).then(
  (result) => {
    process.stdout.write(formatReport(result));
    process.exitCode = exitCode(result, values.strict);
  },
  (err: unknown) => {
    process.stderr.write(`✗ doctor failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
