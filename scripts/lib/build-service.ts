// The service as a bundle: esbuild bundles src/app/main.ts and what it imports (packages stay in node_modules), with
// the web chat page's files beside it, where web-chat-page.ts reads them.
//
// `npm start`, the systemd unit and the container image run this bundle with plain node instead of the TypeScript
// sources through tsx: tsx's loader runs on a thread of its own with its own V8 heap, which held ~42 MB of the idle
// service (167–170 MB bundled against 207–212 MB with tsx, VmRSS, two runs each, 2026-12-07). The source map is written
// beside the bundle but not loaded (node --enable-source-maps cost another ~10 MB): stack traces name the functions
// and the bundle's lines, and NODE_OPTIONS=--enable-source-maps maps them back to src/ when wanted.
//
// A module the sources import with `import()` (the WhatsApp Web client, the PDF writer) becomes a chunk of its own
// under `chunks/`, loaded when first used: in one file, esbuild hoisted its packages' imports to the top, and the idle
// service loaded whatsapp-web.js, puppeteer and pdfkit whether or not it used them.
import { cpSync, rmSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The service's entry point. */
export const SERVICE_ENTRY = join(ROOT, 'src', 'app', 'main.ts');

/** Where `npm run build` writes the bundle `npm start` runs. */
export const SERVICE_BUNDLE = join(ROOT, 'dist', 'aduan.mjs');

/**
 * Bundles the service into `outfile` (default dist/aduan.mjs) and copies the web chat page's files next to it. The
 * folder must be inside the checkout, so that node finds the packages in its node_modules. Returns the bundle's path.
 */
export function buildService(outfile: string = SERVICE_BUNDLE): string {
  const out = resolve(outfile);
  if (!out.startsWith(`${ROOT}/`)) throw new Error(`the bundle must be inside ${ROOT}: ${out}`);
  bundle(SERVICE_ENTRY, out);
  const page = join(dirname(out), 'page');
  rmSync(page, { recursive: true, force: true });
  cpSync(join(ROOT, 'src', 'channels', 'web', 'page'), page, { recursive: true });
  return out;
}

/**
 * One entry point and its own modules as ESM for node 20 (packages imported from node_modules): `outfile`, and the
 * modules it imports with `import()` as chunks in `chunks/` beside it (the folder is emptied first).
 */
export function bundle(entry: string, outfile: string): void {
  const outdir = dirname(outfile);
  rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
  buildSync({
    entryPoints: [{ in: entry, out: basename(outfile, extname(outfile)) }],
    outdir,
    outExtension: { '.js': extname(outfile) },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
}

const builtOnce = new Map<string, string>();

/**
 * A bundle for a drill or the compare, built on first use into `.tmp/<name>-<pid>/` (they start their bots many times,
 * and drills run side by side in the tests), removed when this process exits.
 */
export function bundleOnce(entry: string, name: string): string {
  let out = builtOnce.get(entry);
  if (out === undefined) {
    const dir = join(ROOT, '.tmp', `${name}-${process.pid}`);
    const file = join(dir, `${name}.mjs`);
    if (entry === SERVICE_ENTRY) buildService(file);
    else bundle(entry, file);
    out = file;
    builtOnce.set(entry, out);
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  }
  return out;
}
