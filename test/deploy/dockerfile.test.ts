// deploy/Dockerfile and .dockerignore: Debian bookworm-slim with Node 20, the process `npm start` runs as a
// non-root user, the README's data folder as the volume, /readyz as the health check, chromium only on request,
// and a build context that carries no data, tests or secrets.
import { describe, expect, it } from 'vitest';
import { isUnder, readRepoFile, readmeDataFolder } from './deploy-files.js';

/** The Dockerfile's instructions, continuation lines joined and comments dropped: [keyword, arguments]. */
function instructions(text: string): [string, string][] {
  const joined = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const space = line.indexOf(' ');
      return [line.slice(0, space).toUpperCase(), line.slice(space + 1).trim()];
    });
}

describe('deploy/Dockerfile', () => {
  const steps = instructions(readRepoFile('deploy/Dockerfile'));
  const all = (keyword: string) => steps.filter(([k]) => k === keyword).map(([, args]) => args);
  /** The last stage: what the image runs. */
  const runtime = steps.slice(steps.findLastIndex(([k]) => k === 'FROM'));
  const inRuntime = (keyword: string) => runtime.filter(([k]) => k === keyword).map(([, args]) => args);

  it('builds on Node 20 on Debian bookworm-slim, in two stages', () => {
    expect(all('ARG')).toContain('NODE_IMAGE=node:20-bookworm-slim');
    expect(all('FROM')).toEqual(['${NODE_IMAGE} AS build', '${NODE_IMAGE}']);
    expect(all('RUN').some((r) => r.includes('npm ci'))).toBe(true);
  });

  it('runs what `npm start` runs, as the aduan user, with the README data folder as its volume', () => {
    expect(inRuntime('CMD')).toEqual(['["node", "dist/aduan.mjs"]']);
    // Built in the build stage, after the sources are copied, as `npm run build` writes it.
    const build = steps.slice(
      0,
      steps.findLastIndex(([k]) => k === 'FROM'),
    );
    const copied = build.findIndex(([k, args]) => k === 'COPY' && args === '. .');
    const built = build.findIndex(([k, args]) => k === 'RUN' && args === 'npm run build');
    expect(copied).toBeGreaterThan(-1);
    expect(built).toBeGreaterThan(copied);
    expect(inRuntime('USER')).toEqual(['aduan']);
    // One uid with or without chromium, so either image can take over the volume.
    expect(inRuntime('RUN').join(' ')).toMatch(/useradd --system --uid 10001 /);
    const dataFolder = readmeDataFolder();
    expect(inRuntime('VOLUME')).toEqual([dataFolder]);
    const env = inRuntime('ENV').join(' ');
    const dataDir = /DATA_DIR=(\S+)/.exec(env)?.[1] ?? '';
    expect(isUnder(dataDir, dataFolder)).toBe(true);
    expect(env).toMatch(/HOST=0\.0\.0\.0/);
    // The malloc settings `npm start` sets.
    const start = /MALLOC_TRIM_THRESHOLD_:-(\d+)/.exec(readRepoFile('package.json'))?.[1];
    expect(env).toMatch(/MALLOC_ARENA_MAX=2/);
    expect(env).toContain(`MALLOC_TRIM_THRESHOLD_=${start}`);
    expect(inRuntime('HEALTHCHECK').join(' ')).toMatch(/\/readyz/);
  });

  it("installs Debian's chromium only with --build-arg WHATSAPP_WEB=1, and points the channel at it", () => {
    expect(inRuntime('ARG')).toEqual(['WHATSAPP_WEB=0']);
    const chromium = inRuntime('RUN').filter((r) => r.includes('chromium'));
    expect(chromium).toHaveLength(1);
    expect(chromium[0]).toMatch(/^if \[ "\$WHATSAPP_WEB" = 1 \]; then/);
    const env = inRuntime('ENV').join(' ');
    expect(env).toMatch(/WHATSAPP_CHROMIUM_PATH=\/usr\/bin\/chromium/);
    expect(env).toMatch(/PUPPETEER_EXECUTABLE_PATH=\/usr\/bin\/chromium/);
  });
});

describe('.dockerignore', () => {
  it('lets in only what the service runs', () => {
    const lines = readRepoFile('.dockerignore')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    expect(lines[0]).toBe('*');
    const allowed = lines.slice(1).map((l) => l.replace(/^!/, '').replace(/\/$/, ''));
    expect(allowed).toEqual(
      expect.arrayContaining([
        'package.json',
        'package-lock.json',
        'src',
        'flows',
        'locales',
        'scripts/build.ts',
        'scripts/lib/build-service.ts',
      ]),
    );
    for (const never of ['data', 'test', '.git', 'node_modules', 'deploy'])
      expect(allowed).not.toContain(never);
  });
});
