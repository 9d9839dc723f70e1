// Officers' notifications: rows queued in the transaction of their cause (a ticket routed, a citizen's reply, the
// deadline sweep) as each account chose, once each; the notifier over the fake SMTP receiver and the fake Bot API
// (the real nodemailer and telegraf), never with the reporter's name, NIK or phone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailNoticeSender, telegramNoticeSender } from '../../src/forwarding/notice-senders.js';
import { OfficerNotifier } from '../../src/forwarding/officer-notifier.js';
import { SmtpReceiver } from '../fakes/smtp-receiver.js';
import { FakeTelegram } from '../fakes/telegram-bot-api.js';
import { IDENTITY, complaint } from '../forwarding/ticket-fixture.js';
import { type AssignmentFixture, PUPR, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';

const DAY = 86_400_000;
const ROAD = { category: 'infrastruktur', kabkotaCode: '63.71', kecamatanCode: null } as const;

describe('officers notifications', () => {
  let h: Harness;
  let f: AssignmentFixture;
  const rows = () =>
    h.core.db
      .prepare('SELECT recipient, channel, kind, key, status FROM officer_notifications ORDER BY id')
      .all() as { recipient: string; channel: string; kind: string; key: string; status: string }[];
  const file = (chat: string, story: string) => {
    const conv = h.core.store.conversations.findOrCreate('telegram', chat, 'intake', 2, h.clock.now()).id;
    const r = h.core.tickets.file(complaint({ ...ROAD, story }), conv, true, h.clock.now());
    if (r.kind !== 'filed') throw new Error('not filed');
    return { number: r.ticket, conv };
  };

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    const s = h.core.store;
    s.telegramOfficers.link('7001', f.budi.id, h.clock.now());
    s.telegramOfficers.link('7002', f.sari.id, h.clock.now());
    s.officerNotices.saveSettings(
      f.sari.id,
      { email: 'sari@example.go.id', newTicket: 'email', reply: 'none', deadline: 'both' },
      h.clock.now(),
    );
    s.officerNotices.saveSettings(
      f.coordinator.id,
      { email: 'kor@example.go.id', newTicket: 'none', reply: 'none', deadline: 'email' },
      h.clock.now(),
    );
  });
  afterEach(() => h.close());

  it('queues a new ticket of PUPR for its two enabled officers, each as chosen, in the filing transaction', () => {
    const ticket = file('warga-baru', 'Jalan rusak parah di Jl. Sutoyo S sejak dua bulan.');
    const queued = rows().filter((r) => r.kind === 'new_ticket');
    expect(queued).toEqual([
      {
        recipient: `officer:${f.budi.id}`,
        channel: 'telegram',
        kind: 'new_ticket',
        key: PUPR,
        status: 'pending',
      },
      {
        recipient: `officer:${f.sari.id}`,
        channel: 'email',
        kind: 'new_ticket',
        key: PUPR,
        status: 'pending',
      },
    ]);
    // A filing that fails part way leaves no notice behind.
    const before = rows().length;
    expect(() =>
      h.core.store.tx(() => {
        file('warga-gagal', 'Lampu jalan mati di Jl. A. Yani km 3.');
        throw new Error('rollback');
      }),
    ).toThrow('rollback');
    expect(rows().length).toBe(before);
    expect(ticket.number).toMatch(/^ADU-/);
  });

  it("queues a citizen's reply for the assignee only, or for the agency when nobody has it", () => {
    const { number, conv } = file('warga-balas', 'Got mampet di Jl. Belitung, air meluap.');
    h.core.store.tx(() => h.core.tickets.append(conv, number, 'Sudah makin parah.', [], h.clock.now()));
    expect(
      rows()
        .filter((r) => r.kind === 'reply')
        .map((r) => r.recipient),
    ).toEqual([`officer:${f.budi.id}`]);
    const id = h.core.store.tickets.findForChat(conv, number)?.id ?? 0;
    h.core.tickets.assign({ id }, f.sari.id, { officerId: f.admin.id }, h.clock.now());
    h.clock.advance(1000);
    h.core.store.tx(() => h.core.tickets.append(conv, number, 'Tolong segera.', [], h.clock.now()));
    // Sari chose no reply notices: assigned to her, nobody else is told.
    expect(rows().filter((r) => r.kind === 'reply')).toHaveLength(1);
  });

  it('notices a due date the working day before, once however often the sweep runs; a missed one is the ladder’s', () => {
    file('warga-tenggat', 'Trotoar ambruk di Jl. Lambung Mangkurat.');
    const sweep = () => h.core.store.tx(() => h.core.tickets.noticeDeadlines(h.clock.now()));
    const due = (h.core.store.ticketInbox.inbox({ kind: 'all' }).at(0)?.dueDate ?? '').slice(0, 10);
    expect(sweep()).toBe(0);
    // The working day before the due date: Budi by Telegram, Sari by both, for each PUPR ticket due then.
    h.clock.set(Date.parse(`${due}T09:00:00+08:00`) - DAY);
    expect(sweep()).toBeGreaterThan(0);
    expect(sweep()).toBe(0);
    const soon = rows().filter((r) => r.kind === 'due_soon');
    expect(soon.every((r) => r.key === due)).toBe(true);
    expect([...new Set(soon.map((r) => `${r.recipient}:${r.channel}`))].sort()).toEqual(
      [`officer:${f.budi.id}:telegram`, `officer:${f.sari.id}:email`, `officer:${f.sari.id}:telegram`].sort(),
    );
    // Past the due date this sweep queues nothing more: the escalation ladder reminds (test/tickets).
    h.clock.advance(3 * DAY);
    expect(sweep()).toBe(0);
    expect(rows().filter((r) => r.kind === 'overdue')).toEqual([]);
  });

  describe('the notifier', () => {
    let smtp: SmtpReceiver;
    let tg: FakeTelegram;
    beforeEach(async () => {
      smtp = await new SmtpReceiver().start();
      tg = await new FakeTelegram().start();
    });
    afterEach(async () => {
      await smtp.close();
      await tg.close();
    });

    const notifier = (email = true) =>
      new OfficerNotifier({
        store: h.core.store,
        email: email ? emailNoticeSender(smtp.url, 'Aduan <aduan@example.go.id>') : null,
        telegram: telegramNoticeSender(tg.token, tg.apiRoot),
        groupChat: (agency, dest) => (agency === PUPR && dest === 'grup' ? '-100555' : null),
        agencyName: () => 'Dinas PUPR Kota Banjarmasin',
        baseUrl: 'https://aduan.example.go.id',
        clock: h.clock,
        random: () => 0,
        log: { warn: () => {}, error: () => {} },
      });

    it('sends by e-mail and Telegram once, without the reporter, with a link to the ticket', async () => {
      const { number } = file('warga-kirim', 'Jembatan kayu patah di Jl. Kelayan B.');
      const n = notifier();
      expect(await n.drain()).toBe(2);
      expect(await n.drain()).toBe(0);
      const texts = tg.sentTexts();
      expect(texts).toHaveLength(1);
      expect(tg.callsTo('sendMessage')[0]?.body.chat_id).toBe('7001');
      expect(smtp.messages).toHaveLength(1);
      const mail = smtp.messages[0]?.parsed;
      expect(mail?.subject).toContain(number);
      const all = [...texts, mail?.text ?? '', mail?.subject ?? ''].join('\n');
      expect(all).toContain(`https://aduan.example.go.id/petugas/tiket/${number}`);
      expect(all).toContain('Banjarmasin');
      for (const secret of [IDENTITY.name, IDENTITY.nik, IDENTITY.phone, IDENTITY.phone.slice(1)])
        expect(all).not.toContain(secret);
      expect(
        rows()
          .filter((r) => r.kind === 'new_ticket')
          .every((r) => r.status === 'sent'),
      ).toBe(true);
      await n.stop();
    });

    it('skips e-mail when SMTP is not configured, retries a refused Telegram send, posts an overdue group line', async () => {
      const { number } = file('warga-ulang', 'Saluran air tersumbat di Jl. Kuripan.');
      const ticketId = h.core.store.tickets.findForChat(
        h.core.store.conversations.findOrCreate('telegram', 'warga-ulang', 'intake', 2, h.clock.now()).id,
        number,
      )?.id;
      h.core.store.officerNotices.enqueue(
        {
          recipient: `group:${PUPR}/grup`,
          channel: 'telegram',
          kind: 'overdue',
          ticketId: ticketId ?? 0,
          key: 'once',
        },
        h.clock.now(),
      );
      tg.failNext('sendMessage', 500, 'Internal Server Error');
      const n = notifier(false);
      await n.drain();
      const statuses = rows().map((r) => `${r.channel}:${r.status}`);
      expect(statuses).toContain('email:skipped');
      expect(statuses).toContain('telegram:pending');
      h.clock.advance(DAY);
      await n.drain();
      expect(
        rows()
          .filter((r) => r.channel === 'telegram')
          .every((r) => r.status === 'sent'),
      ).toBe(true);
      const group = tg.callsTo('sendMessage').find((c) => c.body.chat_id === '-100555');
      expect(String(group?.body.text)).toContain(`${number}`);
      await n.stop();
      expect(await n.drain()).toBe(0);
    });
  });
});
