// Merging a duplicate ticket into another of the same agency: who may (404 outside the scope first, read only for a
// watching supervisor), each refusal, both histories kept, both citizens told in their language (and later news of the
// surviving ticket reaching both), nothing of a rahasia reporter reaching the other citizen, anonim followers let go.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.js';
import { type MergeFixture, TWIN_IDENTITY, mergeFixture } from '../helpers/merge-fixture.js';

describe('TicketActions.merge', () => {
  let h: Harness;
  let f: MergeFixture;
  const ticket = (number: string) => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' });
  const id = (number: string) => ticket(number)?.id ?? -1;
  const events = (number: string) => h.core.store.ticketEvents.forTicket(id(number));
  /** Everything queued for a chat, oldest first. */
  const toChat = (chat: string) =>
    h.core.store.outbox.latest('telegram', chat, 100).map((e) => e.message.text);
  const last = (chat: string) => toChat(chat).at(-1) ?? '';

  beforeEach(() => {
    h = new Harness();
    f = mergeFixture(h);
  });
  afterEach(() => h.close());

  it('closes the merged ticket, points it at the other, and keeps a `merged` event on both', () => {
    const before = events(f.road).length;
    expect(h.core.actions.merge(f.budi, f.twin, ` ${f.road.toLowerCase()} `, 'Lubang yang sama')).toEqual({
      ok: true,
      into: f.road,
    });
    expect(ticket(f.twin)?.status).toBe('ditutup');
    expect(ticket(f.road)?.status).toBe('baru');
    expect(h.core.store.ticketMerges.mergedInto(id(f.twin))?.number).toBe(f.road);
    expect(
      h.core.store.ticketMerges.mergedFrom(id(f.road), { kind: 'all' }).seen.map((t) => t.number),
    ).toEqual([f.twin]);
    const merged = events(f.twin).at(-1);
    expect(merged).toMatchObject({
      type: 'merged',
      from: 'baru',
      to: 'ditutup',
      reason: 'merged',
      officerId: f.budi.id,
      data: { into: f.road, text: 'Lubang yang sama' },
    });
    expect(events(f.twin).map((e) => e.type)).toEqual(['filed', 'routed', 'merged']);
    expect(events(f.road)).toHaveLength(before + 1);
    expect(events(f.road).at(-1)).toMatchObject({
      type: 'merged',
      data: { from: f.twin },
      officerId: f.budi.id,
    });
    const audit = h.core.db
      .prepare("SELECT ticket_id, data FROM audit_events WHERE type = 'ticket.merged' ORDER BY id")
      .all();
    expect(audit).toEqual([
      { ticket_id: id(f.twin), data: JSON.stringify({ into: f.road }) },
      { ticket_id: id(f.road), data: JSON.stringify({ from: f.twin }) },
    ]);
    // Closed: it leaves the open views.
    const open = h.core.store.ticketInbox.inbox({ kind: 'all' }, { status: 'baru' }).map((r) => r.number);
    expect(open).not.toContain(f.twin);
  });

  it('tells both citizens, each in their language, and neither who the other is', () => {
    h.say(f.chats.twin, '/lang en', 'telegram');
    expect(h.core.actions.merge(f.budi, f.twin, f.road)).toMatchObject({ ok: true });
    expect(last(f.chats.twin)).toContain(
      `Your complaint ${f.twin} was merged with another complaint about the same problem (${f.road})`,
    );
    expect(last(f.chats.road)).toContain(
      `Laporan lain tentang masalah yang sama digabungkan ke pengaduan Anda ${f.road}.`,
    );
    expect(last(f.chats.road)).not.toContain(f.twin);
  });

  it('sends the surviving ticket’s later changes and messages to both citizens, never a question to the follower', () => {
    const { actions } = h.core;
    actions.merge(f.budi, f.twin, f.road);
    expect(
      actions.changeStatus(f.budi, f.road, 'diproses', { message: 'Tim kami survei Kamis.', reason: null }),
    ).toEqual({ ok: true });
    for (const chat of [f.chats.road, f.chats.twin]) {
      expect(last(chat), chat).toContain(`Kabar pengaduan ${f.road}: sekarang *sedang diproses instansi*.`);
      expect(last(chat), chat).toContain('Tim kami survei Kamis.');
    }
    expect(last(f.chats.twin)).toContain(`pengaduan Anda ${f.twin} sudah digabung ke ${f.road}`);
    expect(last(f.chats.road)).not.toContain(f.twin);

    expect(actions.write(f.budi, f.road, 'reply', 'Mohon kirim foto lubangnya.')).toEqual({ ok: true });
    for (const chat of [f.chats.road, f.chats.twin])
      expect(last(chat), chat).toContain('Mohon kirim foto lubangnya.');
    expect(last(f.chats.twin)).not.toContain('balas (reply) pesan ini');

    // `selesai` asks the ticket's own citizen whether it is solved; the follower only hears the news.
    actions.changeStatus(f.budi, f.road, 'selesai', { message: null, reason: null });
    expect(h.conversationState(f.chats.road, 'telegram')).toContain('rateResolved');
    expect(h.conversationState(f.chats.twin, 'telegram')).not.toContain('rateResolved');
    expect(last(f.chats.twin)).toContain(`sekarang *selesai ditanggapi*`);
    // A note stays among officers.
    const told = toChat(f.chats.twin).length;
    actions.write(f.budi, f.road, 'note', 'Catatan internal.');
    expect(toChat(f.chats.twin)).toHaveLength(told);
  });

  it('lets no identity of a rahasia reporter reach the other citizen, either way', () => {
    const { actions } = h.core;
    actions.merge(f.budi, f.twin, f.road);
    actions.changeStatus(f.budi, f.road, 'diproses', { message: null, reason: null });
    actions.write(f.budi, f.road, 'reply', 'Terima kasih atas laporannya.');
    const road = toChat(f.chats.road).join('\n');
    for (const word of Object.values(TWIN_IDENTITY)) expect(road).not.toContain(word);
    const twin = toChat(f.chats.twin).join('\n');
    for (const word of ['Siti Aminah', '6303014506900001', '+6281234567890'])
      expect(twin).not.toContain(word);
  });

  it('follows a chain of merges to its head, and lets an anonim follower go when the head closes', () => {
    const { actions } = h.core;
    expect(actions.merge(f.budi, f.gap, f.twin)).toMatchObject({ ok: true });
    expect(actions.merge(f.budi, f.twin, f.road)).toMatchObject({ ok: true });
    expect(last(f.chats.gap)).toContain(`Pengaduan Anda ${f.gap} digabung`);
    expect(last(f.chats.gap)).toContain(`(${f.road})`);
    actions.changeStatus(f.budi, f.road, 'ditolak', { message: null, reason: 'Bukan kewenangan PUPR' });
    expect(last(f.chats.gap)).toContain(`Kabar pengaduan ${f.road}`);
    expect(ticket(f.gap)?.conversationId).not.toBeNull();
    actions.changeStatus(f.budi, f.road, 'ditutup', { message: null, reason: null });
    expect(last(f.chats.gap)).toContain('sekarang *ditutup*');
    expect(ticket(f.gap)?.conversationId).toBeNull();
    // The rahasia follower keeps its chat (only anonim ones are let go).
    expect(ticket(f.twin)?.conversationId).not.toBeNull();
  });

  it('refuses outside the scope first, then a watching account, then each rule', () => {
    const { actions } = h.core;
    const refused = (problem: string) => ({ ok: false, problem });
    expect(actions.merge(f.lain, f.twin, f.road)).toEqual(refused('not_found'));
    expect(actions.merge(f.budi, f.health, f.road)).toEqual(refused('not_found'));
    expect(actions.merge(f.budi, 'ADU-0000-XXXX', f.road)).toEqual(refused('not_found'));
    expect(actions.merge(f.coordinator, f.twin, f.road)).toEqual(refused('read_only'));
    expect(actions.merge(f.dina, f.twin, f.road)).toEqual(refused('read_only'));
    expect(actions.merge(f.budi, f.twin, f.twin)).toEqual(refused('same_ticket'));
    expect(actions.merge(f.budi, f.twin, f.health)).toEqual(refused('unknown_ticket'));
    expect(actions.merge(f.budi, f.twin, 'ADU-0000-XXXX')).toEqual(refused('unknown_ticket'));
    expect(actions.merge(f.budi, f.twin, 'bukan nomor')).toEqual(refused('unknown_ticket'));
    expect(actions.merge(f.admin, f.twin, f.health)).toEqual(refused('other_agency'));
    // A supervisor acts once it took over both tickets.
    expect(actions.takeOver(f.coordinator, f.twin)).toEqual({ ok: true });
    expect(actions.merge(f.coordinator, f.twin, f.road)).toEqual(refused('read_only'));
    expect(actions.takeOver(f.coordinator, f.road)).toEqual({ ok: true });
    expect(actions.merge(f.coordinator, f.twin, f.road)).toMatchObject({ ok: true });
    // Merged: closed, and never a target (no chains onto a merged ticket).
    expect(actions.merge(f.budi, f.twin, f.drain)).toEqual(refused('not_allowed'));
    expect(actions.merge(f.budi, f.drain, f.twin)).toEqual(refused('into_closed'));
    expect(events(f.drain).some((e) => e.type === 'merged')).toBe(false);
  });
});
