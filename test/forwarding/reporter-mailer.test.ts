// Open311 reporters who gave an e-mail address are told every status change and officer's message by e-mail, through
// a real SMTP server on loopback: once each (after a crash too), retried after a refusal, never the address in the
// logs, and the address forgotten once the closing status was mailed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailNoticeSender } from '../../src/forwarding/notice-senders.js';
import { ReporterMailer } from '../../src/forwarding/reporter-mailer.js';
import type { createApp } from '../../src/http/app.js';
import { SmtpReceiver } from '../fakes/smtp-receiver.js';
import { PUPR, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { integrationKey, open311Client } from '../helpers/open311-client.js';

const EMAIL = 'rina.marlina@example.id';
const FIELDS = {
  service_code: 'infrastruktur',
  description: 'Jembatan kayu di Sungai Andai patah.',
  lat: '-3.3186',
  long: '114.5944',
  first_name: 'Rina',
  email: EMAIL,
};

describe('e-mails to Open311 reporters', () => {
  let h: Harness;
  let smtp: SmtpReceiver;
  let app: ReturnType<typeof createApp>;
  let key = '';
  let f: ReturnType<typeof assignmentFixture>;
  const logged: string[] = [];
  const { post } = open311Client(() => app);
  const mailer = () =>
    new ReporterMailer({
      store: h.core.store,
      send: emailNoticeSender(smtp.url, 'Aduan <aduan@example.go.id>'),
      clock: h.clock,
      random: (n) => n - 1,
      log: {
        warn: (o, m) => logged.push(`${m} ${JSON.stringify(o)}`),
        error: (o, m) => logged.push(`${m} ${JSON.stringify(o)}`),
      },
    });
  const file = async (fields: Record<string, string> = FIELDS): Promise<string> => {
    const res = await post('/requests.json', key, fields);
    return JSON.parse(await res.text())[0].service_request_id;
  };
  const addressOf = (number: string) =>
    h.core.db
      .prepare(
        'SELECT r.email FROM open311_requests r JOIN tickets t ON t.id = r.ticket_id WHERE t.number = ?',
      )
      .pluck()
      .get(number);

  beforeEach(async () => {
    h = new Harness();
    f = assignmentFixture(h);
    key = integrationKey(h, 'sistem-kota', [PUPR]);
    app = officerApp(h);
    smtp = await new SmtpReceiver().start();
    logged.length = 0;
  });
  afterEach(async () => {
    await smtp.close();
    h.close();
  });

  it('mails each status change and officer’s message once, in the reporter’s words, and nothing at filing', async () => {
    const number = await file();
    expect(await mailer().drain()).toBe(0);
    const moved = h.core.actions.changeStatus(f.budi, number, 'diproses', {
      message: 'Tim kami memasang papan peringatan hari ini.',
      reason: null,
    });
    expect(moved.ok).toBe(true);
    expect(await mailer().drain()).toBe(1);
    // A second pass, and a restart, send nothing again.
    expect(await mailer().drain()).toBe(0);
    h.restart();
    expect(await mailer().drain()).toBe(0);
    const [first] = smtp.messages;
    expect(first?.envelope.to).toEqual([EMAIL]);
    expect(first?.parsed.subject).toBe(`[Aduan ${number}] Status: sedang diproses instansi`);
    expect(first?.parsed.text).toContain('Tim kami memasang papan peringatan hari ini.');
    expect(first?.parsed.text).toContain(number);
    h.core.actions.write(f.budi, number, 'reply', 'Perbaikan dijadwalkan Senin.');
    h.core.actions.write(f.budi, number, 'note', 'Catatan internal: anggaran dari pos darurat.');
    expect(await mailer().drain()).toBe(1);
    expect(smtp.messages[1]?.parsed.text).toContain('Perbaikan dijadwalkan Senin.');
    expect(smtp.messages[1]?.parsed.text).not.toContain('anggaran');
  });

  it('tries again after a refusal, and forgets the address once the closing status went out', async () => {
    const number = await file();
    h.core.actions.changeStatus(f.budi, number, 'ditolak', { message: null, reason: 'Bukan jalan kota' });
    smtp.failNext({ kind: 'reject', code: 451, message: '4.3.0 try again later' });
    expect(await mailer().drain()).toBe(0);
    expect(await mailer().drain()).toBe(0);
    h.clock.advance(3600_000);
    expect(await mailer().drain()).toBe(1);
    expect(smtp.messages[0]?.parsed.text).toContain('Bukan jalan kota');
    expect(addressOf(number)).toBe(EMAIL);
    h.core.actions.changeStatus(f.budi, number, 'ditutup', { message: null, reason: null });
    expect(await mailer().drain()).toBe(1);
    expect(addressOf(number)).toBeNull();
    expect(logged.join('\n')).toContain('will retry');
  });

  it('gives up on an address the server refuses for good, without writing it in the logs', async () => {
    smtp.rejectRecipient(EMAIL);
    const number = await file();
    h.core.actions.changeStatus(f.budi, number, 'diproses', { message: null, reason: null });
    expect(await mailer().drain()).toBe(0);
    expect(logged.join('\n')).toContain('given up');
    expect(logged.join('\n')).not.toContain(EMAIL);
    const row = h.core.db.prepare('SELECT last_error FROM open311_requests').pluck().get();
    expect(String(row)).not.toContain(EMAIL);
    expect(await mailer().drain()).toBe(0);
  });

  it('mails nobody for a request without an e-mail address', async () => {
    const { email: _none, ...withoutEmail } = FIELDS;
    const number = await file(withoutEmail);
    h.core.actions.changeStatus(f.budi, number, 'diproses', { message: 'Segera.', reason: null });
    expect(await mailer().drain()).toBe(0);
    expect(smtp.attempts).toEqual([]);
  });
});
