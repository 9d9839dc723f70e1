// A complaint filed in the web chat lands, routed with its reason, in the agency's inbox and at every destination
// the agencies file configures for it: a signed webhook, e-mail over SMTP, the officers' Telegram group, Open311.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import { type Service, buildService } from '../../src/app/service.js';
import { FakeOpen311Server } from '../fakes/open311-server.js';
import { SmtpReceiver } from '../fakes/smtp-receiver.js';
import { FakeTelegram } from '../fakes/telegram-bot-api.js';
import { FakeWebhookReceiver } from '../fakes/webhook-receiver.js';

const SECRET = 'webhook-secret-for-disdukcapil-bjm';
const NIK = '6371045708900001';

describe('forwarding end to end (web chat → routed ticket → every destination)', () => {
  let service: Service;
  let hook: FakeWebhookReceiver;
  let smtp: SmtpReceiver;
  let tg: FakeTelegram;
  let open311: FakeOpen311Server;
  let base = '';

  beforeAll(async () => {
    hook = await FakeWebhookReceiver.start({ secret: SECRET, now: () => Date.now() });
    smtp = await new SmtpReceiver().start();
    tg = await new FakeTelegram().start();
    open311 = await FakeOpen311Server.start();
    const dir = mkdtempSync(join(tmpdir(), 'aduan-e2e-'));
    // The operator's agencies file: the embedded one, with destinations for Disdukcapil Kota Banjarmasin.
    const agencies = JSON.parse(
      readFileSync(new URL('../../src/data/agencies.json', import.meta.url), 'utf8'),
    );
    for (const a of agencies.agencies) {
      if (a.id !== '6371-disdukcapil') continue;
      a.destinations = [
        { id: 'sistem', method: 'webhook', url: hook.url, secret: { env: 'ADUAN_SECRET_DUKCAPIL_BJM' } },
        { id: 'surel', method: 'email', to: ['pengaduan@disdukcapil.banjarmasinkota.test'] },
        { id: 'grup', method: 'telegram', chatId: '-100123456' },
        { id: 'lapor', method: 'open311', endpoint: open311.endpoint },
      ];
    }
    const file = join(dir, 'agencies.json');
    writeFileSync(file, JSON.stringify(agencies));
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: join(dir, 'data'),
      LOG_LEVEL: 'silent',
      WEB_DEV_SENDERS: '1',
      AGENCIES_FILE: file,
      ADUAN_SECRET_DUKCAPIL_BJM: SECRET,
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Aduan Kalsel <aduan@kalselprov.test>',
      PUBLIC_BASE_URL: 'https://aduan.kalselprov.test',
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
    });
    service = buildService({ config, log: createLogger('silent') });
    await service.start();
    base = `http://127.0.0.1:${service.port}`;
  }, 30_000);

  afterAll(async () => {
    await service?.stop();
    await Promise.all([hook?.close(), smtp?.close(), tg?.close(), open311?.close()]);
  });

  const say = async (text: string, photo = false) => {
    const media = photo
      ? {
          kind: 'photo',
          mime: 'image/jpeg',
          filename: 'antrean.jpg',
          base64: Buffer.from([0xff, 0xd8, 0xff, 1]).toString('base64'),
        }
      : undefined;
    const res = await fetch(`${base}/api/chat/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-Sender': 'warga-satu', Origin: base },
      body: JSON.stringify({ text, ...(media ? { media } : {}) }),
    });
    expect(res.status).toBe(200);
    const body: { replies: { text: string }[] } = await res.json();
    return body.replies.map((r) => r.text).join('\n');
  };

  it('files, routes and delivers once to each destination, identity filtered', async () => {
    await say('halo');
    await say('setuju');
    const guess = await say(
      'KTP-el saya belum dicetak sudah 3 bulan di Disdukcapil Kota Banjarmasin, katanya blangko habis',
    );
    expect(guess).toContain('Disdukcapil Kota Banjarmasin');
    await say('ya');
    await say('belum');
    await say('KTP saya segera dicetak');
    // A photo sent at any question is kept as evidence.
    await say('', true);
    await say('1');
    await say('Siti Rahmah');
    await say(NIK);
    const summary = await say('081234567890');
    // The routed office is named as Instansi; 'Diteruskan ke' appears only when it says more.
    expect(summary).toContain('Instansi: Disdukcapil Kota Banjarmasin');
    const done = await say('kirim');
    expect(done).toContain('Pengaduan diteruskan ke *Disdukcapil Kota Banjarmasin*');
    const number = /ADU-\d{4}-[A-Z0-9]{4}/.exec(done)?.[0] ?? '';
    expect(number).not.toBe('');

    // The built-in inbox has it, with the decision and its reason.
    const inbox = service.store.ticketInbox.inbox({ kind: 'agencies', agencyIds: ['6371-disdukcapil'] });
    expect(inbox.map((r) => r.number)).toEqual([number]);
    expect(JSON.stringify(inbox[0]?.routing)).toContain('adminduk');

    for (let i = 0; i < 100; i++) {
      const all = service.store.deliveries.forTicket(inbox[0]?.id ?? 0);
      if (all.length === 4 && all.every((d) => d.status === 'delivered')) break;
      await sleep(100);
    }
    expect(service.store.deliveries.forTicket(inbox[0]?.id ?? 0).map((d) => [d.method, d.status])).toEqual([
      ['webhook', 'delivered'],
      ['email', 'delivered'],
      ['telegram', 'delivered'],
      ['open311', 'delivered'],
    ]);

    // Webhook: signed, keyed, schema v1, biasa identity but the payload as the schema says.
    expect(hook.arrivals.every((a) => a.signatureOk)).toBe(true);
    const [key, payload] = [...hook.stored.entries()][0] ?? [];
    expect(key).toBe(`aduan-${number}-6371-disdukcapil-sistem`);
    expect(payload).toMatchObject({
      schema: 'aduan.ticket/1',
      ticket: { number },
      agency: { id: '6371-disdukcapil' },
      complaint: { category: 'adminduk', kabkota: { code: '63.71' } },
      reporter: { identityMode: 'biasa', name: 'Siti Rahmah' },
    });
    const attachment = JSON.stringify(payload);
    expect(attachment).toContain('https://aduan.kalselprov.test/files/');

    // E-mail: never the NIK; the Message-ID carries the idempotency key.
    const mail = smtp.messages.find((m) => m.accepted);
    expect(mail?.parsed.messageId).toContain(`aduan-${number}-6371-disdukcapil-surel`);
    expect(mail?.raw.toString()).not.toContain(NIK);
    // Telegram group and Open311.
    expect(tg.sentTexts().some((t) => t.includes(number) && t.includes('Disdukcapil'))).toBe(true);
    expect(tg.sentTexts().some((t) => t.includes(NIK))).toBe(false);
    expect(open311.requests[0]?.form.service_code).toBe('adminduk');
    expect(open311.requests[0]?.key).toBe(`aduan-${number}-6371-disdukcapil-lapor`);

    // The signed link works; a tampered one does not.
    const url = new URL(/https:\/\/aduan\.kalselprov\.test\/files\/[^"]+/.exec(attachment)?.[0] ?? '');
    const file = await fetch(`${base}${url.pathname}${url.search}`);
    expect(file.status).toBe(200);
    // Change the signature's first character (to another one: a signature may already start with "A").
    const tampered = url.search.replace(/sig=(.)/, (_, c: string) => `sig=${c === 'A' ? 'B' : 'A'}`);
    const bad = await fetch(`${base}${url.pathname}${tampered}`);
    expect(bad.status).toBe(403);
  }, 60_000);
});
