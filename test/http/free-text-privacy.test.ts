// Personal data typed inside the free text reaches no agency (issue 18, privacy): a rahasia reporter's NIK (spaced),
// phone (dotted) and name written in the story and in a later photo's caption are in none of the e-mail, the Telegram
// group's text, the webhook body, the officer's page, the API's JSON, the inbox CSV or the transcript; admins and the
// coordinator still read the words, NIK masked. A biasa ticket's NIK in the story is masked everywhere, while the signed
// webhook keeps the reporter's own NIK field. With the access matrix of the ticket page, the API and the CSV.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Destination } from '../../src/domain/destination.js';
import { EmailMethod } from '../../src/forwarding/email.js';
import type { TicketPayload } from '../../src/forwarding/payload.js';
import { TelegramGroupMethod } from '../../src/forwarding/telegram-group.js';
import { ticketPayloads } from '../../src/forwarding/ticket-payloads.js';
import { WebhookMethod } from '../../src/forwarding/webhook.js';
import type { createApp } from '../../src/http/app.js';
import { ticketTranscript } from '../../src/officers/transcript.js';
import { SmtpReceiver } from '../fakes/smtp-receiver.js';
import { FakeTelegram } from '../fakes/telegram-bot-api.js';
import { FakeWebhookReceiver } from '../fakes/webhook-receiver.js';
import { job } from '../forwarding/ticket-fixture.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';

const AGENCY = '6371-disdukcapil';
const SECRET = 'webhook-secret-disdukcapil-bjm';
const RAHASIA = { name: 'Siti Rahmah', nik: '6371045708900001', phone: '081234567890' };
const BIASA = { name: 'Budi Santoso', nik: '6303014506900001', phone: '081298765432' };

/** Every way the rahasia reporter's identity could show in a raw output. */
const LEAKS: RegExp[] = [
  /6371045708900001/,
  /6371 0457 0890 0001/,
  /0457.?0890/,
  /0812.?3456.?7890/,
  /81234567890/,
  /0813.?9999.?8888/,
  /\*{4}/,
  /siti/i,
  /rahmah/i,
];
const leaks = (raw: string) => LEAKS.filter((re) => re.test(raw)).map(String);

type Who = 'admin' | 'korbjm' | 'capil' | 'pupr';
const WHO: readonly Who[] = ['admin', 'korbjm', 'capil', 'pupr'];

describe('personal data in free text, as agencies receive it', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const cookies: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const call = apiCaller(() => app, tokens);
  const page = (who: Who | null, path: string) =>
    app.request(path, { headers: who ? { cookie: `__Host-aduan_petugas=${cookies[who]}` } : {} });
  const number: Record<'rahasia' | 'biasa', string> = { rahasia: '', biasa: '' };

  const file = (chat: string, story: string, mode: '1' | '2', who: typeof RAHASIA) => {
    for (const said of ['halo', 'ya', story, 'ya', 'belum', 'KTP segera dicetak', mode, who.name, who.nik])
      h.say(chat, said);
    const done = h.say(chat, who.phone).concat(h.say(chat, 'kirim'));
    return /ADU-\d{4}-[A-Z0-9]{4}/.exec(done.map((m) => m.text).join('\n'))?.[0] ?? '';
  };
  const ticketOf = (n: string) => {
    const t = h.core.store.ticketInbox.forOfficer(n, { kind: 'all' });
    if (!t) throw new Error(`no ticket ${n}`);
    return t;
  };
  const payloadOf = (n: string): TicketPayload => {
    const p = ticketPayloads({
      views: h.core.store.forwardingViews,
      tickets: h.core.store.tickets,
      events: h.core.store.ticketEvents,
      agencyName: (id) => h.core.directory.agency(id)?.name ?? null,
      signLink: () => null,
    })(ticketOf(n).id, AGENCY);
    if (!p) throw new Error('no payload');
    return p;
  };

  beforeEach(() => {
    h = new Harness();
    number.rahasia = file(
      'warga-rahasia',
      'KTP-el saya belum jadi sudah 3 bulan di Disdukcapil Kota Banjarmasin. Nama saya Siti Rahmah, ' +
        'NIK 6371 0457 0890 0001, hp 0812.3456.7890 🙏',
      '2',
      RAHASIA,
    );
    // A later photo whose caption carries a new number and the name: added to the ticket.
    h.say('warga-rahasia', { text: 'ini foto KTP lama, wa baru 0813-9999-8888 a.n. Siti', photo: true });
    h.say('warga-rahasia', '1');
    number.biasa = file(
      'warga-biasa',
      'KTP-el saya belum jadi sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin, NIK saya 6303 0145 0690 0001',
      '1',
      BIASA,
    );
    const agencies: Record<Who, string | null> = {
      admin: null,
      korbjm: '6371-koordinator',
      capil: AGENCY,
      pupr: '6371-pupr',
    };
    const roles: Record<Who, 'admin' | 'supervisor' | 'officer'> = {
      admin: 'admin',
      korbjm: 'supervisor',
      capil: 'officer',
      pupr: 'officer',
    };
    for (const who of WHO) cookies[who] = accountWithSession(h, who, roles[who], agencies[who]).cookie;
    issueTokens(h, [...WHO], tokens);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('files both tickets, the rahasia one with the caption added', () => {
    expect(number.rahasia).toMatch(/^ADU-/);
    expect(number.biasa).toMatch(/^ADU-/);
    expect(ticketOf(number.rahasia).complaint.identityMode).toBe('rahasia');
    expect(ticketOf(number.biasa).complaint.identityMode).toBe('biasa');
    const added = h.core.store.tickets.notes(ticketOf(number.rahasia).id).map((n) => n.text);
    expect(added.join()).toContain('0813-9999-8888');
  });

  it('rahasia: nothing of the reporter in the e-mail, the Telegram group text or the webhook body', async () => {
    const p = payloadOf(number.rahasia);
    expect(p.complaint.story).toContain(
      'Nama saya [nama disamarkan], NIK [NIK disamarkan], hp [nomor disamarkan]',
    );
    const smtp = await new SmtpReceiver().start();
    const tg = await new FakeTelegram().start();
    const hook = await FakeWebhookReceiver.start({ secret: SECRET, now: () => h.clock.now() });
    try {
      const live = new AbortController().signal;
      const email: Destination = {
        id: 'surel',
        method: 'email',
        to: ['pengaduan@capil.example.go.id'],
        cc: [],
      };
      const group: Destination = { id: 'grup', method: 'telegram', chatId: '-1001234567890' };
      const webhook: Destination = {
        id: 'sistem',
        method: 'webhook',
        url: hook.url,
        secret: SECRET,
        timeoutMs: 10_000,
      };
      const mailer = new EmailMethod({
        transport: smtp.url,
        from: 'Aduan <aduan@aduan.test>',
        messageIdDomain: 'aduan.test',
        attachments: null,
      });
      expect(await mailer.deliver(job(p, email), live)).toMatchObject({ ok: true });
      const telegram = new TelegramGroupMethod({ token: tg.token, apiRoot: tg.apiRoot });
      expect(await telegram.deliver(job(p, group), live)).toMatchObject({ ok: true });
      const signed = new WebhookMethod({ secrets: {}, clock: h.clock });
      expect(await signed.deliver(job(p, webhook), live)).toMatchObject({ ok: true });

      const mail = smtp.messages[0];
      const mailRaw = [mail?.raw.toString('utf8'), mail?.parsed.text, String(mail?.parsed.html)].join('\n');
      expect(mail?.parsed.text).toContain('[NIK disamarkan]');
      expect(leaks(mailRaw)).toEqual([]);
      const group0 = tg.sentTexts().join('\n');
      expect(group0).toContain('[nomor disamarkan]');
      expect(leaks(group0)).toEqual([]);
      expect(hook.arrivals.every((a) => a.signatureOk)).toBe(true);
      expect(leaks(JSON.stringify([...hook.stored.values()]))).toEqual([]);
    } finally {
      await Promise.all([smtp.close(), tg.close(), hook.close()]);
    }
  });

  it('rahasia: the ticket page by role — the agency reads nothing of who reported, others 404 or sign in', async () => {
    const path = `/petugas/tiket/${number.rahasia}`;
    const capil = await page('capil', path);
    expect(capil.status).toBe(200);
    const html = await capil.text();
    expect(html).toContain('Nama saya [nama disamarkan], NIK [NIK disamarkan], hp [nomor disamarkan]');
    expect(html).toContain('wa baru [nomor disamarkan] a.n. [nama disamarkan]');
    expect(leaks(html)).toEqual([]);
    for (const who of ['admin', 'korbjm'] as const) {
      const res = await page(who, path);
      expect(res.status, who).toBe(200);
      const seen = await res.text();
      // Who reported, and the words as written, but never a NIK in them.
      expect(seen).toContain('Nama saya Siti Rahmah, NIK [NIK disamarkan], hp 0812.3456.7890');
      expect(seen).not.toMatch(/6371045708900001|6371 0457 0890 0001/);
    }
    expect((await page('pupr', path)).status).toBe(404);
    const out = await page(null, path);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/petugas/masuk');
    // The inbox's excerpt follows the same rule.
    const inbox = await (await page('capil', '/petugas')).text();
    expect(inbox).toContain(number.rahasia);
    expect(leaks(inbox)).toEqual([]);
  });

  it('rahasia: the API JSON and the inbox CSV by role', async () => {
    const capil = await call('capil', 'GET', `/v1/tickets/${number.rahasia}`);
    expect(capil.status).toBe(200);
    const json = JSON.stringify(await capil.json());
    expect(json).toContain('[nama disamarkan]');
    expect(leaks(json)).toEqual([]);
    const admin = await call('admin', 'GET', `/v1/tickets/${number.rahasia}`);
    const story: unknown = (await admin.json()).story;
    expect(story).toContain('Siti Rahmah, NIK [NIK disamarkan]');
    expect((await call('pupr', 'GET', `/v1/tickets/${number.rahasia}`)).status).toBe(404);
    expect((await call(null, 'GET', `/v1/tickets/${number.rahasia}`)).status).toBe(401);

    for (const csv of [
      await page('capil', '/petugas/tiket.csv'),
      await call('capil', 'GET', '/v1/tickets.csv'),
    ]) {
      expect(csv.status).toBe(200);
      const text = await csv.text();
      expect(text).toContain(number.rahasia);
      expect(text).toContain('[nomor disamarkan]');
      expect(leaks(text.replace(new RegExp(`${BIASA.name}[^\\n]*`, 'g'), ''))).toEqual([]);
    }
    const korbjm = await (await page('korbjm', '/petugas/tiket.csv')).text();
    expect(korbjm).toContain('Siti Rahmah');
    expect(korbjm).not.toMatch(/6371045708900001|6371 0457 0890 0001|6303014506900001|6303 0145 0690 0001/);
    expect((await page('pupr', '/petugas/tiket.csv')).status).toBe(200);
    expect(await (await page('pupr', '/petugas/tiket.csv')).text()).not.toContain(number.rahasia);
  });

  it('rahasia: the transcript hides the reporter from the agency, and keeps only NIKs from those who may see', () => {
    const ticket = ticketOf(number.rahasia);
    const hidden = (ticketTranscript(h.core.store, ticket, false, '[disembunyikan]') ?? []).map(
      (l) => l.text,
    );
    expect(hidden.join('\n')).toContain('KTP-el saya belum jadi');
    expect(leaks(hidden.join('\n'))).toEqual([]);
    const shown = (ticketTranscript(h.core.store, ticket, true, '[disembunyikan]') ?? []).map((l) => l.text);
    expect(shown.join('\n')).toContain('Siti Rahmah');
    expect(shown.join('\n')).not.toMatch(/6371045708900001|6371 0457 0890 0001/);
  });

  it('biasa: the NIK in the story is masked on the page and in the e-mail; the signed webhook keeps the NIK field', async () => {
    const p = payloadOf(number.biasa);
    expect(p.reporter).toMatchObject({ identityMode: 'biasa', name: BIASA.name, nik: BIASA.nik });
    expect(p.complaint.story).toBe(
      'KTP-el saya belum jadi sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin, NIK saya [NIK disamarkan]',
    );
    const hook = await FakeWebhookReceiver.start({ secret: SECRET, now: () => h.clock.now() });
    const smtp = await new SmtpReceiver().start();
    try {
      const live = new AbortController().signal;
      const webhook: Destination = {
        id: 'sistem',
        method: 'webhook',
        url: hook.url,
        secret: SECRET,
        timeoutMs: 10_000,
      };
      await new WebhookMethod({ secrets: {}, clock: h.clock }).deliver(job(p, webhook), live);
      const [body] = [...hook.stored.values()] as TicketPayload[];
      expect(hook.arrivals.every((a) => a.signatureOk)).toBe(true);
      expect(body?.reporter.nik).toBe(BIASA.nik);
      expect(body?.complaint.story).not.toContain('6303 0145');
      const email: Destination = {
        id: 'surel',
        method: 'email',
        to: ['pengaduan@capil.example.go.id'],
        cc: [],
      };
      await new EmailMethod({
        transport: smtp.url,
        from: 'Aduan <aduan@aduan.test>',
        messageIdDomain: 'aduan.test',
        attachments: null,
      }).deliver(job(p, email), live);
      const mail = smtp.messages[0];
      const raw = [mail?.raw.toString('utf8'), mail?.parsed.text, String(mail?.parsed.html)].join('\n');
      expect(mail?.parsed.text).toContain(BIASA.name);
      expect(raw).not.toMatch(/6303014506900001|6303 0145 0690 0001/);
    } finally {
      await Promise.all([hook.close(), smtp.close()]);
    }
    const html = await (await page('capil', `/petugas/tiket/${number.biasa}`)).text();
    expect(html).toContain(BIASA.name);
    expect(html).toContain('NIK saya [NIK disamarkan]');
    expect(html).not.toMatch(/6303014506900001|6303 0145 0690 0001/);
  });
});
