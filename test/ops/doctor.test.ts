// `npm run doctor`: a good setup passes (fake Telegram and Graph API on 127.0.0.1), a bad one says what to fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { maskSecret } from '../../src/app/doctor-config.js';
import { exitCode, formatReport, runDoctor } from '../../src/app/doctor.js';
import { Harness } from '../helpers/harness.js';
import { fileComplaint } from './fixtures.js';

const TOKEN = '424242:TEST-token_abcdefghijklmnopqrstuv';
const WRONG_TOKEN = '999999:WRONG-token_abcdefghijklmnopqrs';
const GRAPH_TOKEN = 'EAAG-graph-access-token-0123456789';
const OPERATOR_TOKEN = 'operator-token-0123456789abcdef';
const PHONE_ID = '1234567890';
const NOW = () => new Date('2026-11-23T02:00:00Z');
const plentyOfDisk = async () => ({ bavail: 10 * 1024 * 1024, bsize: 1024 });

let server: Server;
let root = '';
/** Requests that never get an answer (the timeout test). */
const hanging: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'GET') return json(405, {});
    if (req.url === `/bot${TOKEN}/getMe`) {
      return json(200, { ok: true, result: { id: 424242, is_bot: true, username: 'AduanKalselBot' } });
    }
    if (req.url?.startsWith('/slow/')) {
      hanging.push(() => res.end());
      return;
    }
    if (req.url?.startsWith('/bot'))
      return json(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    if (req.url?.startsWith(`/v21.0/${PHONE_ID}`)) {
      if (req.headers.authorization !== `Bearer ${GRAPH_TOKEN}`) {
        return json(401, { error: { code: 190, message: 'Invalid OAuth access token' } });
      }
      return json(200, {
        display_phone_number: '+62 811-5000-000',
        verified_name: 'Aduan Kalsel',
        id: PHONE_ID,
      });
    }
    return json(404, {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  root = `http://127.0.0.1:${addr.port}`;
});

afterAll(async () => {
  for (const h of hanging.splice(0)) h();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** A data folder with a real database in it. */
/** A database with one complaint; with `officer`, the agency it went to has an officer account. */
function dataDir(officer = true): string {
  const h = new Harness();
  fileComplaint(h, 'a');
  const agency = h.core.store.ticketInbox.inbox({ kind: 'all' })[0]?.agencyId ?? '';
  if (officer)
    h.core.store.officers.add(
      { username: 'petugas', name: null, role: 'officer', passwordHash: 'x', agencies: [agency] },
      0,
    );
  h.close();
  return h.dir;
}

describe('doctor', () => {
  it('warns when open tickets reach no one at their agency, and says how to fix it', async () => {
    const result = await runDoctor({
      load: () => loadConfig({ DATA_DIR: dataDir(false) }),
      statfs: plentyOfDisk,
      now: NOW,
    });
    const receivers = result.checks.find((c) => c.name === 'receivers');
    expect(receivers?.mark).toBe('warn');
    expect(receivers?.detail).toMatch(
      /0 of \d+ agencies receive tickets .*; 1 open ticket\(s\) reach no one: \S+ \(1\)/,
    );
    expect(receivers?.fix).toContain('npm run user -- add');
  });

  it('passes a good setup, channels reachable, secrets masked', async () => {
    const dir = dataDir();
    // The next 60 days reach into 2027: the operator's calendar file knows it (an invented one, for the test).
    const holidays = join(dir, 'holidays-2027.json');
    writeFileSync(holidays, JSON.stringify({ source: 'test', years: [2027], days: [] }));
    const env = {
      DATA_DIR: dir,
      HOLIDAYS_FILE: holidays,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: root,
      WACLOUD_PHONE_NUMBER_ID: PHONE_ID,
      WACLOUD_ACCESS_TOKEN: GRAPH_TOKEN,
      WACLOUD_APP_SECRET: 'app-secret-0123456789',
      WACLOUD_VERIFY_TOKEN: 'verify-token-0123456789',
      WACLOUD_TEMPLATE_NAME: 'aduan_update',
      WACLOUD_GRAPH_URL: `${root}/v21.0`,
      WHATSAPP_WEB: '1',
      WHATSAPP_CHROMIUM_PATH: process.execPath,
      WHATSAPP_OPERATOR_TOKEN: OPERATOR_TOKEN,
    };
    const result = await runDoctor({ load: () => loadConfig(env), statfs: plentyOfDisk, now: NOW });
    const out = formatReport(result);
    expect(result.checks.filter((c) => c.mark !== 'ok')).toEqual([]);
    expect(exitCode(result)).toBe(0);
    expect(out).toMatch(/✓ telegram: the bot @AduanKalselBot answers \(polling\)/);
    expect(out).toMatch(/✓ wacloud: phone number 1234567890 reachable \(\+62 811-5000-000 Aduan Kalsel\)/);
    expect(out).toMatch(/✓ whatsapp: chromium at .* is executable/);
    expect(out).toMatch(/✓ runtime: Node v\d+\.\d+\.\d+ \(ABI \d+\), SQLite 3\.\d+\.\d+ via better-sqlite3/);
    expect(out).toMatch(/✓ database: .*aduan\.db opens/);
    expect(out).toMatch(/✓ integrity: quick_check ok/);
    expect(out).toMatch(/✓ migrations: (\d+) of \1 applied/);
    expect(out).toMatch(/✓ receivers: 1 of \d+ agencies receive tickets/);
    expect(out).toMatch(/✓ disk: 10\.0 GB free/);
    expect(out).toMatch(/✓ attachments: .* is writable/);
    expect(out).toContain(
      `✓ holidays: built-in calendar + ${holidays} covers 2026, 2027: the next 60 days are known`,
    );
    expect(out).toContain(`channels.telegram.token = ${maskSecret(TOKEN)}`);
    expect(out).toContain('channels.telegram.token = 424…(masked)');
    expect(out).toContain('channels.waCloud.accessToken = EAA…(masked)');
    expect(out).toContain('channels.waWeb.operatorToken = ope…(masked)');
    for (const secret of [
      TOKEN,
      GRAPH_TOKEN,
      OPERATOR_TOKEN,
      'app-secret-0123456789',
      'verify-token-0123456789',
    ]) {
      expect(out).not.toContain(secret);
    }
    expect(out).toMatch(/All fine/);
    // --full runs integrity_check instead.
    const full = await runDoctor({ load: () => loadConfig(env), statfs: plentyOfDisk, now: NOW, full: true });
    expect(formatReport(full)).toMatch(/✓ integrity: integrity_check ok/);
  });

  it('fails a bad setup with what to fix, never printing a secret in full', async () => {
    const env = {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'aduan-doctor-')),
      TELEGRAM_BOT_TOKEN: WRONG_TOKEN,
      TELEGRAM_API_ROOT: root,
      WACLOUD_PHONE_NUMBER_ID: PHONE_ID,
      WACLOUD_ACCESS_TOKEN: GRAPH_TOKEN,
      WHATSAPP_WEB: '1',
      WHATSAPP_CHROMIUM_PATH: '/nonexistent/chromium',
      WHATSAPP_OPERATOR_TOKEN: OPERATOR_TOKEN,
    };
    const result = await runDoctor({
      load: () => loadConfig(env),
      statfs: async () => ({ bavail: 500 * 1024, bsize: 1024 }),
      now: NOW,
    });
    const out = formatReport(result);
    expect(exitCode(result)).toBe(1);
    expect(out).toMatch(
      /✗ telegram: .* rejects the token \(HTTP 401\)\n {4}→ get the token again from @BotFather/,
    );
    expect(out).toMatch(/✗ wacloud: off, its settings are wrong: WACLOUD_APP_SECRET: required/);
    expect(out).toMatch(
      /✗ whatsapp: \/nonexistent\/chromium does not exist\n {4}→ install Debian's chromium/,
    );
    expect(out).toMatch(/! database: no database yet/);
    expect(out).toMatch(/! disk: 500 MB free .*under 1 GB/);
    expect(out).toMatch(/problem\(s\) to fix/);
    for (const secret of [WRONG_TOKEN, GRAPH_TOKEN, OPERATOR_TOKEN]) expect(out).not.toContain(secret);
    expect(out).toContain('999…(masked)');
  });

  it('scrubs a secret quoted by an error, and reports a silent server as a timeout', async () => {
    const env = { DATA_DIR: dataDir(), TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: root };
    const leaky: typeof fetch = async (input) => {
      throw new TypeError(`Failed to parse URL from ${String(input)}`);
    };
    const result = await runDoctor({
      load: () => loadConfig(env),
      fetch: leaky,
      statfs: plentyOfDisk,
      now: NOW,
    });
    const out = formatReport(result);
    expect(out).toMatch(/✗ telegram: cannot reach .*Failed to parse URL from .*\/bot424…\(masked\)\/getMe/);
    expect(out).not.toContain(TOKEN);

    const slow = await runDoctor({
      load: () => loadConfig({ ...env, TELEGRAM_API_ROOT: `${root}/slow` }),
      statfs: plentyOfDisk,
      now: NOW,
      timeoutMs: 200,
    });
    expect(formatReport(slow)).toMatch(/✗ telegram: cannot reach .*: no answer within the timeout/);
    expect(exitCode(slow)).toBe(1);
  });

  it('reports an invalid configuration and a year the holiday calendar does not cover', async () => {
    const bad = await runDoctor({ load: () => loadConfig({ PORT: 'abc' }), now: NOW });
    expect(exitCode(bad)).toBe(1);
    expect(formatReport(bad)).toMatch(
      /✗ configuration: invalid: PORT: .*\n {4}→ fix these environment variables/,
    );
    const later = await runDoctor({
      load: () => loadConfig({ DATA_DIR: dataDir() }),
      statfs: plentyOfDisk,
      now: () => new Date('2031-03-01T00:00:00Z'),
    });
    expect(formatReport(later)).toMatch(/! holidays: built-in calendar covers .*, not 2031/);
    expect(exitCode(later)).toBe(0);
    expect(exitCode(later, true)).toBe(1);
  });
});
