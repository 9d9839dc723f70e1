// The citizens' status page through app.request: the PIN of the receipt opens the ticket's state, dates and the
// officers' messages, never identity; a wrong PIN and an unknown number answer alike; the limits per address and per
// ticket; a ticket filed before PINs; English; and nobody's account opens more than the PIN does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Officer, OfficerRole } from '../../src/domain/officer.js';
import type { createApp } from '../../src/http/app.js';
import { t } from '../../src/i18n/locales.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, pageClient } from '../helpers/page-session.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const PASSWORD = 'kata-sandi-status-1';
const QUESTION = 'Mohon kirim foto KTP lama Anda, bila ada.';
const REPLY = 'Blangko sudah datang, KTP Anda dicetak minggu ini.';

describe('the status page', () => {
  let h: Harness;
  let address = '10.0.0.7';
  let app: ReturnType<typeof createApp>;
  let number = '';
  let pin = '';
  let accounts: Record<'admin' | 'supervisor' | 'capil' | 'pupr', Officer>;

  const look = (form: Record<string, string>, jar?: Jar, lang = '') =>
    app.request(`/status${lang}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(jar ? { cookie: jar.header() } : {}),
      },
      body: new URLSearchParams(form).toString(),
    });
  const text = async (res: Response) => (await res.text()).replace(/&quot;/g, '"').replace(/&#39;/g, "'");

  beforeEach(() => {
    h = new Harness();
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    let receipt = '';
    for (const turn of d?.turns ?? [])
      if ('say' in turn)
        for (const m of h.say('warga-ktp', turn.say)) if (/ADU-\d{4}-/.test(m.text)) receipt = m.text;
    number = /ADU-\d{4}-[A-Z0-9]{4}/.exec(receipt)?.[0] ?? '';
    pin = /PIN \*(\d{6})\*/.exec(receipt)?.[1] ?? '';
    const agency = h.core.store.ticketInbox.inbox({ kind: 'all' })[0]?.agencyId ?? '';
    const account = (username: string, role: OfficerRole, agencies: string[]) => {
      const id = h.core.store.officers.add(
        { username, name: `Petugas ${username}`, role, passwordHash: hashPassword(PASSWORD), agencies },
        h.clock.now(),
      );
      const officer = h.core.store.officers.get(id);
      if (!officer) throw new Error('no officer');
      return officer;
    };
    accounts = {
      admin: account('admin', 'admin', []),
      supervisor: account('korbjm', 'supervisor', ['6371-koordinator']),
      capil: account('capil', 'officer', [agency]),
      pupr: account('pupr', 'officer', ['6371-pupr']),
    };
    address = '10.0.0.7';
    app = officerApp(
      h,
      () => true,
      () => address,
    );
  });
  afterEach(() => h.close());

  it('gives every receipt a six-digit PIN, on a form that needs no script and is never cached', async () => {
    expect(number).toMatch(/^ADU-\d{4}-[A-Z0-9]{4}$/);
    expect(pin).toMatch(/^\d{6}$/);
    const res = await app.request('/status');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const html = await res.text();
    expect(html).toContain('<form class="card" method="post" action="/status?lang=id">');
    expect(html).toContain('name="number"');
    expect(html).toContain('inputmode="numeric"');
    expect(html).not.toContain('<script');
    expect(html).toContain(t('id', 'status_page.title'));
  });

  it('shows the state, the dates, the officers’ messages and the deadline for the right PIN; never identity', async () => {
    const capil = accounts.capil;
    expect(
      h.core.actions.changeStatus(capil, number, 'menunggu_pelapor', { message: QUESTION, reason: null }),
    ).toEqual({
      ok: true,
    });
    h.clock.advance(3600_000);
    expect(h.core.actions.changeStatus(capil, number, 'diproses', { message: null, reason: null })).toEqual({
      ok: true,
    });
    // Verified with diproses: the answer is due five working days after Monday 23 November, until it comes.
    const waiting = await text(await look({ number, pin }));
    expect(waiting).toContain(t('id', 'status_page.due'));
    expect(waiting).toContain(t('id', 'deadline.answer', { date: { date: '2026-11-30', precision: 'day' } }));
    h.clock.advance(3600_000);
    expect(h.core.actions.write(capil, number, 'reply', REPLY)).toEqual({ ok: true });
    const res = await look({
      number: number.toLowerCase().replace(/-/g, ' '),
      pin: `${pin.slice(0, 3)} ${pin.slice(3)}`,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-robots-tag')).toBe('noindex');
    const html = await text(res);
    expect(html).toContain(t('id', 'status_page.ticket', { ticket: number }));
    expect(html).toContain(`data-testid="status">${t('id', 'ticket.status.diproses')}<`);
    expect(html).toContain(t('id', 'category.adminduk'));
    expect(html).toContain('Kota Banjarmasin');
    expect(html).toContain(t('id', 'status_page.filed'));
    expect(html).toContain(
      t('id', 'status_page.changed', { status: { key: 'ticket.status.menunggu_pelapor' } }),
    );
    expect(html).toContain(t('id', 'ticket.update.message', { message: QUESTION }));
    expect(html).toContain(t('id', 'ticket.update.message', { message: REPLY }));
    expect(html).toContain('23 November 2026, pukul 10.');
    // Answered: the agency owes no deadline now.
    expect(html).not.toContain(t('id', 'status_page.due'));
    for (const secret of ['Siti', 'Rahmah', '6371045708900001', '3456', 'KTP-el saya belum selesai', pin])
      expect(html).not.toContain(secret);
  });

  it('answers a wrong PIN, an unknown number and a malformed one alike', async () => {
    const wrong = String((Number(pin) + 1) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all([
      look({ number, pin: wrong }),
      look({ number: 'ADU-2611-ZZZZ', pin }),
      look({ number: 'bukan nomor', pin: 'abc' }),
      look({ number, pin: '' }),
    ]);
    for (const res of answers) {
      expect(res.status).toBe(200);
      const html = await text(res);
      expect(html).toContain(t('id', 'status_page.no_match'));
      expect(html).toContain(t('id', 'status_page.no_pin'));
      expect(html).not.toContain('data-testid="status"');
    }
  });

  it('refuses an address after 10 lookups in 15 minutes, politely, and lets it in again after', async () => {
    // Ten different numbers: no one ticket reaches its own limit first.
    for (const tail of '23456789AB')
      expect((await look({ number: `ADU-2611-ZZZ${tail}`, pin: '000000' })).status).toBe(200);
    const refused = await look({ number, pin });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await text(refused)).toContain(t('id', 'status_page.limited', { minutes: 15 }));
    address = '10.0.0.8';
    expect((await look({ number, pin })).status).toBe(200);
    address = '10.0.0.7';
    h.clock.advance(15 * 60_000);
    expect(await text(await look({ number, pin }))).toContain('data-testid="status"');
  });

  it('refuses a ticket’s lookups for 15 minutes after 5 wrong PINs, from any address, even the right PIN', async () => {
    const wrong = String((Number(pin) + 7) % 1_000_000).padStart(6, '0');
    for (let i = 0; i < 5; i++) {
      address = `10.0.1.${i}`;
      expect((await look({ number, pin: wrong })).status).toBe(200);
    }
    address = '10.0.2.1';
    const refused = await look({ number, pin });
    expect(refused.status).toBe(429);
    expect(await text(refused)).not.toContain('data-testid="status"');
    // Another ticket number is not held up.
    expect((await look({ number: 'ADU-2611-ZZZZ', pin })).status).toBe(200);
    h.clock.advance(15 * 60_000);
    expect(await text(await look({ number, pin }))).toContain('data-testid="status"');
  });

  it('tells the citizen of a ticket filed before PINs to ask in the chat, in the same answer as a mismatch', async () => {
    // A ticket from before migration 024: no PIN row at all.
    h.core.db.prepare('DELETE FROM ticket_status_pins').run();
    const html = await text(await look({ number, pin }));
    expect(html).toContain(t('id', 'status_page.no_match'));
    expect(html).toContain(t('id', 'status_page.no_pin'));
  });

  it('speaks English with ?lang=en, the form posting back in English', async () => {
    const form = await text(await app.request('/status?lang=en'));
    expect(form).toContain('<html lang="en">');
    expect(form).toContain('action="/status?lang=en"');
    expect(form).toContain(t('en', 'status_page.intro'));
    const html = await text(await look({ number, pin }, undefined, '?lang=en'));
    expect(html).toContain(t('en', 'ticket.status.baru'));
    expect(html).toContain(t('en', 'category.adminduk'));
    expect(html).toContain(t('en', 'deadline.verify', { date: { date: '2026-11-26', precision: 'day' } }));
    expect(html).toContain(t('en', 'status_page.filed'));
  });

  it('opens the same to every role and to nobody signed in: an account adds nothing to a wrong PIN', async () => {
    const client = pageClient(app);
    const wrong = String((Number(pin) + 3) % 1_000_000).padStart(6, '0');
    const roles: [string, string | null][] = [
      ['admin', 'admin'],
      ['supervisor', 'korbjm'],
      ['officer of the agency', 'capil'],
      ['officer of another agency', 'pupr'],
      ['signed out', null],
    ];
    for (const [i, [role, username]] of roles.entries()) {
      address = `10.0.3.${i}`;
      const jar = await client.signIn(username, PASSWORD);
      const page = await client.get(jar, '/status');
      expect(page.status, role).toBe(200);
      const right = await text(await look({ number, pin }, jar));
      expect(right, role).toContain('data-testid="status"');
      expect(right, role).not.toContain('Rahmah');
      const refused = await text(await look({ number, pin: wrong }, jar));
      expect(refused, role).toContain(t('id', 'status_page.no_match'));
      h.clock.advance(15 * 60_000);
    }
  });
});
