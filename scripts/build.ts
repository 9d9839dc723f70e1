// `npm run build`: the service's bundle, dist/aduan.mjs (scripts/lib/build-service.ts), which `npm start` runs.
import { buildService } from './lib/build-service.js';

const started = Date.now();
const out = buildService();
process.stdout.write(`built ${out} in ${Date.now() - started} ms\n`);
