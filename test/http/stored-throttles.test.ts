// The limits of sign-in, password links, the status page and /tautkan hold across a restart: a new app (and a new
// TelegramLinking) on the same database still refuses, with the same limits as before, and lets in again after them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Officer } from '../../src/domain/officer.js';
import type { createApp } from '../../src/http/app.js';
import { issuePasswordLink } from '../../src/officers/password-links.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { TelegramLinking, WRONG_TRIES, WRONG_WINDOW_MS } from '../../src/officers/telegram-linking.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const PASSWORD = 'kata-sandi-throttle-1';

describe('stored throttles', () => {
  let h: Harness;
  let pupr: Officer;
  let app: ReturnType<typeof createApp>;
  const client = pageClient(() => app);
  /** A restart: the database closed and opened again, and a new app over it. */
  const restart = () => {
    h.restart();
    app = officerApp(h);
  };
  const signIn = async (password: string) => {
    const jar = new Jar();
    const page = await client.get(jar, '/petugas/masuk');
    return client.post(jar, '/petugas/masuk', {
      username: 'pupr',
      password,
      csrf: csrfIn(await page.text()),
    });
  };
  const look = (number: string) =>
    app.request('/status', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ number, pin: '000000' }).toString(),
    });

  beforeEach(() => {
    h = new Harness();
    const id = h.core.store.officers.add(
      {
        username: 'pupr',
        name: null,
        role: 'officer',
        passwordHash: hashPassword(PASSWORD),
        agencies: ['6371-pupr'],
      },
      h.clock.now(),
    );
    const officer = h.core.store.officers.get(id);
    if (!officer) throw new Error('no officer');
    pupr = officer;
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('keeps a failed sign-in’s delay across a restart', async () => {
    expect((await signIn('bukan-sandinya-1')).status).toBe(401);
    restart();
    expect((await signIn(PASSWORD)).status).toBe(429);
    h.clock.advance(1500);
    expect((await signIn(PASSWORD)).status).toBe(303);
  });

  it('shares a failed sign-in’s delay with a second process on the same database', async () => {
    const second = new Harness({ dir: h.dir });
    try {
      expect((await signIn('bukan-sandinya-1')).status).toBe(401);
      app = officerApp(second);
      expect((await signIn(PASSWORD)).status).toBe(429);
    } finally {
      second.close();
    }
  });

  it('keeps a wrong password link’s delay across a restart', async () => {
    const path = issuePasswordLink(h.core.store, pupr.id, h.clock.now(), undefined).link;
    expect((await client.get(new Jar(), '/petugas/sandi/AAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    restart();
    expect((await client.get(new Jar(), path)).status).toBe(429);
    h.clock.advance(1500);
    expect((await client.get(new Jar(), path)).status).toBe(200);
  });

  it('keeps the status page’s 10 lookups per address in 15 minutes across a restart', async () => {
    for (const tail of '23456') expect((await look(`ADU-2611-ZZZ${tail}`)).status).toBe(200);
    restart();
    for (const tail of '789AB') expect((await look(`ADU-2611-ZZZ${tail}`)).status).toBe(200);
    restart();
    expect((await look('ADU-2611-ZZZC')).status).toBe(429);
    h.clock.advance(15 * 60_000);
    expect((await look('ADU-2611-ZZZC')).status).toBe(200);
  });

  it('keeps the status page’s 5 wrong PINs per ticket number across a restart, from any address', async () => {
    for (let i = 0; i < 5; i++) {
      const from = `10.0.1.${i}`;
      app = officerApp(
        h,
        () => true,
        () => from,
      );
      expect((await look('ADU-2611-ZZZZ')).status).toBe(200);
    }
    restart();
    expect((await look('ADU-2611-ZZZZ')).status).toBe(429);
    expect((await look('ADU-2611-ZZZY')).status).toBe(200);
  });

  it('keeps /tautkan’s wrong codes per Telegram user across a restart', () => {
    const linking = () =>
      new TelegramLinking({ store: h.core.store, clock: h.clock, random: h.core.ids.random });
    for (let i = 0; i < WRONG_TRIES; i++)
      expect(linking().redeem('7002', `2345ABCDE${i + 2}`).ok).toBe(false);
    h.restart();
    const right = linking().newCode(pupr).code;
    expect(linking().redeem('7002', right)).toEqual({
      ok: false,
      problem: 'throttled',
      retryInMs: WRONG_WINDOW_MS,
    });
    expect(linking().redeem('7003', right).ok).toBe(true);
    h.clock.advance(WRONG_WINDOW_MS);
    expect(linking().redeem('7002', linking().newCode(pupr).code).ok).toBe(true);
  });
});
