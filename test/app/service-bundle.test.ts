// The service's bundle (`npm run build`, what `npm start`, the systemd unit and the image run): built from this
// checkout, started by plain node on an empty data folder, it answers /healthz and /readyz, serves the web chat page
// with the page's own files inlined (read from beside the bundle), and stops cleanly on SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, buildService } from '../../scripts/lib/build-service.js';
import { freePort } from '../crash/child.js';

describe('the service bundle', () => {
  const out = join(ROOT, '.tmp', `bundle-test-${process.pid}`);
  const data = mkdtempSync(join(tmpdir(), 'aduan-bundle-'));
  let bundle = '';
  beforeAll(() => {
    bundle = buildService(join(out, 'aduan.mjs'));
  });
  afterAll(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  });

  it('runs with plain node and stops on SIGTERM', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [bundle], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: data, DATA_DIR: join(data, 'data'), PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => {
      output += b;
    });
    child.stderr.on('data', (b: Buffer) => {
      output += b;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const base = `http://127.0.0.1:${port}`;
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      healthy = await fetch(`${base}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (!healthy) await new Promise((r) => setTimeout(r, 200));
    }
    expect(healthy, output).toBe(true);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const page = await (await fetch(`${base}/`)).text();
    // The page's own stylesheet and script, inlined from dist's copy of src/channels/web/page/.
    const css = readFileSync(join(ROOT, 'src', 'channels', 'web', 'page', 'page.css'), 'utf8');
    const firstRule =
      css
        .split('\n')
        .find((l) => l.includes('{'))
        ?.trim() ?? '';
    expect(firstRule.length).toBeGreaterThan(0);
    expect(page).toContain(firstRule);
    child.kill('SIGTERM');
    expect(await exited, output).toBe(0);
  }, 60_000);

  it('loads the WhatsApp Web client and pdfkit only when first used', async () => {
    const entry = readFileSync(bundle, 'utf8');
    const packages = [...entry.matchAll(/^import .* from "([^".][^"]*)";$/gm)].map((m) => m[1]);
    expect(packages).toContain('telegraf');
    expect(packages).not.toContain('whatsapp-web.js');
    expect(packages).not.toContain('pdfkit');
    // The client's chunk, as the WhatsApp Web channel imports it, finds its packages from dist/chunks/.
    const chunk = readdirSync(join(out, 'chunks')).find((f) => /^create-client-.*\.mjs$/.test(f));
    expect(chunk).toBeDefined();
    const loaded: unknown = await import(pathToFileURL(join(out, 'chunks', chunk ?? '')).href);
    expect(loaded).toHaveProperty('createWwebClient');
  }, 60_000);
});
