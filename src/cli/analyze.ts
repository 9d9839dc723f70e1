// `npm run analyze -- [FILE]`: JSON lines {"id","text"} in, the analysis of each story out (category, region, agency, reasons).
import { loadConfigFromEnv } from '../app/config.js';
import { routedAgency } from '../routing/agency-resolver.js';
import { loadDirectory } from '../routing/load-directory.js';
import { analyzeMain } from '../understand/analyze-cli.js';

const config = loadConfigFromEnv();
const directory = loadDirectory({ file: config.AGENCIES_FILE, secrets: config.secrets });

process.exitCode = await analyzeMain(
  process.argv.slice(2),
  { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr },
  routedAgency(directory),
);
