// E-mail delivery against a real SMTP server on loopback: bodies, headers, retries, attachments, identity, escaping.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Destination } from '../../src/domain/destination.js';
import { EmailMethod, type EmailMethodOptions } from '../../src/forwarding/email.js';
import type { DeliveryOutcome } from '../../src/forwarding/method.js';
import { SmtpReceiver } from '../fakes/smtp-receiver.js';
import { ATTACHMENTS, IDENTITY, KEY, TICKET, job, payload } from './ticket-fixture.js';

const dest = (over: Partial<Extract<Destination, { method: 'email' }>> = {}) => ({
  id: 'surel',
  method: 'email' as const,
  to: ['pengaduan@dinkes.banjarkab.go.id'],
  cc: ['arsip@dinkes.banjarkab.go.id'],
  ...over,
});

const live = () => new AbortController().signal;

describe('EmailMethod', () => {
  let smtp: SmtpReceiver;
  beforeEach(async () => {
    smtp = await new SmtpReceiver().start();
  });
  afterEach(() => smtp.close());

  const method = (over: Partial<EmailMethodOptions> = {}) =>
    new EmailMethod({
      transport: smtp.url,
      from: 'Aduan Kalsel <aduan@aduan.test>',
      messageIdDomain: 'aduan.test',
      attachments: null,
      ...over,
    });

  /** Everything a mail client could show or a relay could log. */
  const everything = (i = 0) => {
    const m = smtp.attempts[i];
    if (!m) throw new Error(`no message ${i}`);
    const headers = [...m.parsed.headers.entries()].map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join('\n');
    return [m.raw.toString('utf8'), headers, m.parsed.text ?? '', String(m.parsed.html)].join('\n');
  };

  it('sends text and HTML bodies with the ticket subject, X-Aduan-Ticket and a Message-ID made of the key', async () => {
    const out = await method().deliver(job(payload(), dest()), live());
    expect(out).toEqual({ ok: true, remoteId: expect.stringMatching(/^250 OK: queued as Q1$/) });
    const [mail] = smtp.messages;
    expect(mail?.envelope).toEqual({
      from: 'aduan@aduan.test',
      to: ['pengaduan@dinkes.banjarkab.go.id', 'arsip@dinkes.banjarkab.go.id'],
    });
    const parsed = mail!.parsed;
    expect(parsed.subject).toBe(`[Aduan ${TICKET}] Kesehatan (puskesmas, RSUD, ambulans) — Kabupaten Banjar`);
    expect(parsed.messageId).toBe(`<${KEY}@aduan.test>`);
    expect(parsed.headers.get('x-aduan-ticket')).toBe(TICKET);
    expect(parsed.headers.get('auto-submitted')).toBe('auto-generated');
    for (const line of [
      `Nomor tiket: ${TICKET}`,
      'Kategori: Kesehatan (puskesmas, RSUD, ambulans)',
      'Wilayah: Kecamatan Gambut, Kabupaten Banjar',
      'Batas jawaban: 17 November 2026',
      'Alasan penerusan: Kategori kesehatan di Kabupaten Banjar',
      'Diterima: 3 November 2026 pukul 14.05 WITA lewat Telegram',
      'Dugaan maladministrasi: penundaan berlarut',
      'Kronologi:\nAntrean di Puskesmas Gambut',
      'Harapan:\nLoket dibuka tepat jam 8.',
    ]) {
      expect(parsed.text).toContain(line);
    }
    expect(parsed.html).toContain('<h3 style="margin:16px 0 4px">Kronologi</h3>');
    expect(parsed.html).toContain('Antrean di Puskesmas Gambut');
  });

  it('keeps the same Message-ID when a 451 is retried, so the repeat is recognisable', async () => {
    smtp.failNext({ kind: 'reject', code: 451, message: '4.3.0 Mail server temporarily rejected message' });
    const m = method();
    const first = await m.deliver(job(payload(), dest()), live());
    expect(first).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining('451') });
    const second = await m.deliver(job(payload(), dest(), 2), live());
    expect(second.ok).toBe(true);
    expect(smtp.attempts.map((a) => a.parsed.messageId)).toEqual([
      `<${KEY}@aduan.test>`,
      `<${KEY}@aduan.test>`,
    ]);
    expect(smtp.messages).toHaveLength(1);
  });

  it('gives up on 550 no such user, but retries when the server hangs up, stalls or cannot be reached', async () => {
    smtp.rejectRecipient('pengaduan@dinkes.banjarkab.go.id');
    const refused = await method().deliver(job(payload(), dest({ cc: [] })), live());
    expect(refused).toMatchObject({ ok: false, retryable: false, error: expect.stringContaining('550') });

    smtp.failNext({ kind: 'reject', code: 554, message: '5.7.1 Message rejected as spam' });
    expect(
      await method().deliver(job(payload(), dest({ to: ['lain@dinkes.banjarkab.go.id'] })), live()),
    ).toMatchObject({
      ok: false,
      retryable: false,
    });

    smtp.failNext({ kind: 'close' });
    const dropped = await method().deliver(
      job(payload(), dest({ to: ['lain@dinkes.banjarkab.go.id'] })),
      live(),
    );
    expect(dropped).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining('ECONNECTION'),
    });

    smtp.failNext({ kind: 'slow', ms: 2000 });
    const quick = method({
      transport: { host: '127.0.0.1', port: smtp.port, secure: false, socketTimeout: 300 },
    });
    const stalled = await quick.deliver(
      job(payload(), dest({ to: ['lain@dinkes.banjarkab.go.id'] })),
      live(),
    );
    expect(stalled).toMatchObject({
      ok: false,
      retryable: true,
      error: expect.stringContaining('ETIMEDOUT'),
    });

    const gone = await new SmtpReceiver().start();
    const port = gone.port;
    await gone.close();
    const unreachable = await method({ transport: `smtp://127.0.0.1:${port}` }).deliver(
      job(payload(), dest()),
      live(),
    );
    expect(unreachable).toMatchObject({ ok: false, retryable: true });
  });

  it('stops as soon as the signal aborts instead of waiting for the reply', async () => {
    smtp.failNext({ kind: 'slow', ms: 5000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const out: DeliveryOutcome = await method().deliver(job(payload(), dest()), controller.signal);
    expect(out).toEqual({ ok: false, retryable: true, error: 'email: aborted' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('attaches the files that fit in the byte budget and links the others in the body', async () => {
    const files: Record<string, Buffer> = {
      a1: Buffer.alloc(ATTACHMENTS.photo.size, 1),
      a2: Buffer.alloc(ATTACHMENTS.scan.size, 2),
      a3: Buffer.alloc(ATTACHMENTS.note.size, 3),
    };
    const p = payload({ attachments: [ATTACHMENTS.photo, ATTACHMENTS.scan, ATTACHMENTS.note] }, (a) => ({
      url: `https://aduan.test/files/${a.id}?exp=1795000000&sig=s${a.id}`,
      expiresAt: '2026-11-17T06:05:00.000Z',
    }));
    const out = await method({
      attachments: { maxTotalBytes: 2000, read: async (id) => files[id] ?? null },
    }).deliver(job(p, dest()), live());
    expect(out.ok).toBe(true);
    const parsed = smtp.messages[0]!.parsed;
    expect(parsed.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      [`${TICKET}-1.jpeg`, 'image/jpeg', 1000],
      [`${TICKET}-3.pdf`, 'application/pdf', 800],
    ]);
    expect(parsed.attachments[0]?.content.equals(files.a1!)).toBe(true);
    expect(parsed.text).toContain('1. foto (image/jpeg, 1000 B): terlampir');
    expect(parsed.text).toContain(
      '2. dokumen (application/pdf, 4,9 KB), tautan berlaku sampai 17 November 2026 pukul 14.05 WITA: https://aduan.test/files/a2?exp=1795000000&sig=sa2',
    );
    expect(parsed.text).toContain('3. dokumen (application/pdf, 800 B): terlampir');
    expect(parsed.text).not.toContain('files/a1');
    expect(parsed.html).toContain(
      '<a href="https://aduan.test/files/a2?exp=1795000000&amp;sig=sa2">unduh</a>',
    );
  });

  it('sends nothing of a rahasia reporter: no name, NIK or phone anywhere in the message', async () => {
    await method().deliver(job(payload({ identityMode: 'rahasia' }), dest()), live());
    const all = everything();
    expect(smtp.messages[0]!.parsed.text).toContain('Pelapor: dirahasiakan');
    for (const secret of [IDENTITY.name, 'Siti', IDENTITY.nik, IDENTITY.phone, '81234567890']) {
      expect(all).not.toContain(secret);
    }
  });

  it('shows a biasa reporter by name and phone, but never sends the NIK by e-mail', async () => {
    await method().deliver(job(payload({ identityMode: 'biasa' }), dest()), live());
    const text = smtp.messages[0]!.parsed.text ?? '';
    expect(text).toContain(`Pelapor: ${IDENTITY.name}`);
    expect(text).toContain(`Telepon: ${IDENTITY.phone}`);
    expect(everything()).not.toContain(IDENTITY.nik);
    expect(everything()).not.toContain('NIK');
  });

  it('delivers HTML- and SQL-looking text from the citizen as text', async () => {
    const story = `<script>alert("x")</script><b>tebal</b> <img src=x onerror=alert(1)> '; DROP TABLE tickets; --`;
    await method().deliver(
      job(payload({ story, address: '<a href="http://evil.test">klik</a>' }), dest()),
      live(),
    );
    const parsed = smtp.messages[0]!.parsed;
    expect(parsed.text).toContain(story);
    const html = String(parsed.html);
    expect(html).not.toMatch(/<script|<b>tebal|<img|href="http:\/\/evil/);
    expect(html).toContain(
      '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;tebal&lt;/b&gt; &lt;img src=x onerror=alert(1)&gt; &#39;; DROP TABLE tickets; --',
    );
  });
});

describe('EmailMethod with SMTP credentials', () => {
  it('logs in with the user and password of the SMTP URL, and keeps a refused login retryable', async () => {
    const smtp = await new SmtpReceiver({ user: 'aduan', pass: 'rahasia-sekali' }).start();
    try {
      const send = (transport: string) =>
        new EmailMethod({
          transport,
          from: 'aduan@aduan.test',
          messageIdDomain: 'aduan.test',
          attachments: null,
        }).deliver(job(payload(), dest()), live());
      expect((await send(smtp.url)).ok).toBe(true);
      expect(smtp.logins).toEqual(['aduan']);
      const refused = await send(smtp.url.replace('rahasia-sekali', 'salah'));
      expect(refused).toMatchObject({ ok: false, retryable: true, error: expect.stringContaining('EAUTH') });
    } finally {
      await smtp.close();
    }
  });
});
