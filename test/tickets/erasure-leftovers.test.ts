// A ticket's erasure reaches what it once missed: an Open311 reporter's e-mail never mailed (and the mail's error),
// the field check's reason, and only the citizen's files (the officers' answer files are the agency's and stay).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IDENTITY } from '../forwarding/ticket-fixture.js';
import { type AssignmentFixture, PUPR, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { integrationKey, open311Client } from '../helpers/open311-client.js';

const EMAIL = 'rina.marlina@example.id';
const PHOTO = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 7, 7, 7, 7]);
const PDF = new Uint8Array([...new TextEncoder().encode('%PDF-1.4\n'), 1, 2, 3]);

describe('erasing a ticket’s reporter', () => {
  let h: Harness;
  let f: AssignmentFixture;
  const ticketOf = (number: string) => {
    const t = h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
    if (!t) throw new Error(`no ticket ${number}`);
    return t;
  };
  const erase = (ticketId: number) =>
    h.core.store.tx(() =>
      h.core.tickets.eraseIdentity(
        ticketId,
        'retention',
        { names: [], niks: [], phones: [], addresses: [] },
        h.clock.now(),
      ),
    );

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
  });
  afterEach(() => h.close());

  it('drops an Open311 reporter’s e-mail that was never mailed, and the mail’s last error', async () => {
    const key = integrationKey(h, 'sistem-pupr', [PUPR]);
    const app = officerApp(h);
    const { post } = open311Client(() => app);
    const res = await post('/requests.json', key, {
      service_code: 'infrastruktur',
      description: 'Trotoar di depan pasar ambruk.',
      lat: '-3.3186',
      long: '114.5944',
      first_name: 'Rina',
      last_name: 'Marlina',
      email: EMAIL,
    });
    expect(res.status).toBe(201);
    const [answer] = JSON.parse(await res.text());
    const ticket = ticketOf(answer.service_request_id);
    h.core.store.open311Requests.mailed(ticket.id, 0, false, `smtp: ${EMAIL} refused`);
    const row = () =>
      h.core.db.prepare('SELECT email, last_error FROM open311_requests WHERE ticket_id = ?').get(ticket.id);
    expect(row()).toEqual({ email: EMAIL, last_error: `smtp: ${EMAIL} refused` });
    expect(erase(ticket.id)).toEqual([]);
    expect(row()).toEqual({ email: null, last_error: null });
  });

  it('masks the field check’s reason, deletes the citizen’s photo and keeps the officer’s answer file', () => {
    const ticket = ticketOf(f.road);
    const conversationId = ticket.conversationId ?? -1;
    h.core.store.attachments.add(
      {
        id: 'foto-1',
        sha256: 'a'.repeat(64),
        kind: 'photo',
        mime: 'image/jpeg',
        size: PHOTO.length,
        filename: null,
      },
      conversationId,
      h.clock.now(),
    );
    h.core.store.attachments.linkToTicket(['foto-1'], ticket.id, conversationId);
    expect(h.core.actions.changeStatus(f.budi, f.road, 'diproses', { message: null, reason: null })).toEqual({
      ok: true,
    });
    const reason = `Tim ukur datang bersama Ibu ${IDENTITY.name} (0812-3456-7890)`;
    expect(h.core.actions.fieldCheck(f.budi, f.road, { days: 14, reason })).toMatchObject({ ok: true });
    const reply = { name: 'jawaban.pdf', mime: 'application/pdf', data: PDF };
    expect(h.core.actions.write(f.budi, f.road, 'reply', 'Terlampir surat jawaban kami.', [reply])).toEqual({
      ok: true,
    });
    const [answerFile] = h.core.store.answerFiles.ofTicket(ticket.id);
    if (!answerFile) throw new Error('no answer file');

    expect(erase(ticket.id)).toEqual(['a'.repeat(64)]);

    const reasons = h.core.db
      .prepare('SELECT reason FROM ticket_deadlines WHERE ticket_id = ? AND reason IS NOT NULL')
      .pluck()
      .all(ticket.id)
      .map(String);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain('Tim ukur datang bersama Ibu');
    for (const secret of [IDENTITY.name, 'Siti', 'Aminah', '0812-3456-7890', '3456'])
      expect(reasons[0]).not.toContain(secret);
    expect(h.core.store.attachments.ofTicket(ticket.id)).toEqual([]);
    expect(h.core.store.answerFiles.ofTicket(ticket.id)).toEqual([answerFile]);
    expect(h.core.store.erasure.fileInUse(answerFile.sha256)).toBe(true);
  });
});
