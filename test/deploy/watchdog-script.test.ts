// deploy/aduan-watchdog.sh against a real /readyz and a fake systemctl and date: it restarts aduan.service only
// after three failed checks in a row, and never while the service is stopped or just started.
import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEPLOY } from './deploy-files.js';

const hasCurl = spawnSync('curl', ['--version']).status === 0;

/** The fake clock and the service's state are what the fake commands print. */
const NOW = 1_800_000_000;
const FAKE_SYSTEMCTL = `#!/bin/sh
echo "$*" >> "$FAKE_LOG"
case "$1" in
  is-active) exit "$FAKE_ACTIVE_RC" ;;
  show) echo "@$FAKE_SINCE" ;;
esac
`;
const FAKE_DATE = `#!/bin/sh
echo "$FAKE_NOW"
`;

/** The port a server listens on (a TCP server: never a pipe name). */
function portOf(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('not a TCP server');
  return address.port;
}

describe.skipIf(!hasCurl)('the watchdog script (skipped: curl is not installed)', () => {
  let server: Server;
  let port = 0;
  let readyStatus = 200;
  let dir = '';
  let checks = 0;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/readyz') checks += 1;
      res.writeHead(req.url === '/readyz' ? readyStatus : 404).end('{}');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = portOf(server);
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-watchdog-'));
    for (const [name, text] of [
      ['systemctl', FAKE_SYSTEMCTL],
      ['date', FAKE_DATE],
    ] as const) {
      writeFileSync(join(dir, name), text);
      chmodSync(join(dir, name), 0o755);
    }
    writeFileSync(join(dir, 'log'), '');
    readyStatus = 200;
    checks = 0;
  });

  /** One run of the script, as the timer starts it, with the service active for `upFor` seconds. */
  function run(opts: { upFor?: number; active?: boolean; port?: number } = {}) {
    const env = {
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      DATA_DIR: dir,
      STATE_FILE: join(dir, 'failures'),
      HOST: '0.0.0.0',
      PORT: String(opts.port ?? port),
      FAKE_LOG: join(dir, 'log'),
      FAKE_NOW: String(NOW),
      FAKE_SINCE: String(NOW - (opts.upFor ?? 3600)),
      FAKE_ACTIVE_RC: opts.active === false ? '3' : '0',
    };
    return new Promise<{ code: number; stdout: string }>((done) => {
      execFile('sh', [join(DEPLOY, 'aduan-watchdog.sh')], { env }, (err, stdout) =>
        done({ code: typeof err?.code === 'number' ? err.code : 0, stdout }),
      );
    });
  }
  const systemctlCalls = () => readFileSync(join(dir, 'log'), 'utf8').trim().split('\n').filter(Boolean);
  const restarts = () => systemctlCalls().filter((c) => c.startsWith('restart'));

  it('does nothing while /readyz answers 200', async () => {
    for (let i = 0; i < 4; i++) expect((await run()).code).toBe(0);
    expect(checks).toBe(4);
    expect(restarts()).toEqual([]);
    expect(existsSync(join(dir, 'failures'))).toBe(false);
  });

  it('restarts aduan.service at the third failed check in a row, then counts from zero again', async () => {
    readyStatus = 503;
    expect((await run()).stdout).toMatch(/not ready \(1 of 3\)/);
    expect((await run()).stdout).toMatch(/not ready \(2 of 3\)/);
    expect(restarts()).toEqual([]);
    const third = await run();
    expect(third.stdout).toMatch(/not ready 3 times in a row: restarting aduan\.service/);
    expect(restarts()).toEqual(['restart aduan.service']);
    expect(existsSync(join(dir, 'failures'))).toBe(false);
    expect((await run()).stdout).toMatch(/\(1 of 3\)/);
  });

  it('forgets failures once /readyz answers again', async () => {
    readyStatus = 503;
    await run();
    await run();
    readyStatus = 200;
    await run();
    readyStatus = 503;
    expect((await run()).stdout).toMatch(/\(1 of 3\)/);
    expect(restarts()).toEqual([]);
  });

  it('counts a service that does not answer at all', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const deadPort = portOf(closed);
    await new Promise<void>((done) => closed.close(() => done()));
    for (let i = 0; i < 3; i++) await run({ port: deadPort });
    expect(restarts()).toEqual(['restart aduan.service']);
  });

  it('leaves a stopped service alone and clears the count', async () => {
    readyStatus = 503;
    await run();
    for (let i = 0; i < 3; i++) expect((await run({ active: false })).code).toBe(0);
    expect(checks).toBe(1);
    expect(restarts()).toEqual([]);
    expect(existsSync(join(dir, 'failures'))).toBe(false);
  });

  it('does not check a service that became active less than five minutes ago', async () => {
    readyStatus = 503;
    for (let i = 0; i < 4; i++) await run({ upFor: 299 });
    expect(checks).toBe(0);
    expect(restarts()).toEqual([]);
    await run({ upFor: 300 });
    expect(checks).toBe(1);
  });

  it('leaves a service alone while it is still starting (a long pre-upgrade backup), up to six hours', async () => {
    readyStatus = 503;
    const marker = join(dir, 'starting');
    writeFileSync(marker, '1234\n');
    utimesSync(marker, NOW - 3600, NOW - 3600);
    for (let i = 0; i < 4; i++) expect((await run()).stdout).toMatch(/still starting/);
    expect(checks).toBe(0);
    expect(restarts()).toEqual([]);
    // A start stuck for longer than WATCHDOG_STARTING_MAX_S is checked (and restarted) as usual.
    utimesSync(marker, NOW - 21_600, NOW - 21_600);
    for (let i = 0; i < 3; i++) await run();
    expect(restarts()).toEqual(['restart aduan.service']);
  });
});
