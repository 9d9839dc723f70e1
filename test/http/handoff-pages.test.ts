// /petugas/handoff through app.request: the queue and a chat's page per account (admin, the area's coordinator, the
// agency's officer, another agency's officer, signed out), a chat with no ticket seen only by admins and
// coordinators, and the take / write / hand back POSTs with their CSRF token, `?done=` flash and audit rows.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { type AssignmentFixture, PASSWORD, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

describe('hand-off pages', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  let withTicket: number;
  let noTicket: number;
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const act = async (jar: Jar, id: number, action: string, extra: Record<string, string> = {}) => {
    const html = await (await client.get(jar, '/petugas/handoff')).text();
    return client.post(jar, `/petugas/handoff/${id}/${action}`, { csrf: csrfIn(html), ...extra });
  };
  const live = (chat: string) => {
    const conv = h.core.store.conversations.find('telegram', chat);
    const handoff = conv ? h.core.store.handoffs.live(conv.id) : null;
    if (!handoff) throw new Error(`no hand-off for ${chat}`);
    return handoff;
  };

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    app = officerApp(h);
    client = pageClient(app);
    h.say('warga-jalan', 'mau bicara dengan petugas', 'telegram');
    h.say('warga-jalan', 'Jalan Veteran makin parah, NIK saya 6371010101900001', 'telegram');
    h.say('warga-baru', 'minta cs', 'telegram');
    withTicket = live('warga-jalan').id;
    noTicket = live('warga-baru').id;
  });
  afterEach(() => h.close());

  it('shows the queue and the pages to whoever may see them, oldest first, and 404s the rest', async () => {
    const cases: [string, { ticket: number; none: number; queue: string[] }][] = [
      ['admin', { ticket: 200, none: 200, queue: [f.road, 'belum ada pengaduan'] }],
      ['korbjm', { ticket: 200, none: 200, queue: [f.road, 'belum ada pengaduan'] }],
      ['budi', { ticket: 200, none: 404, queue: [f.road] }],
      ['lain', { ticket: 404, none: 404, queue: [] }],
    ];
    for (const [who, want] of cases) {
      const jar = await as(who);
      const queue = await (await client.get(jar, '/petugas/handoff')).text();
      const seen = [f.road, 'belum ada pengaduan'].filter((s) => queue.includes(s));
      expect(seen, who).toEqual(want.queue);
      expect(queue, who).toContain(`Minta petugas (${want.queue.length})`);
      expect((await client.get(jar, `/petugas/handoff/${withTicket}`)).status, who).toBe(want.ticket);
      expect((await client.get(jar, `/petugas/handoff/${noTicket}`)).status, who).toBe(want.none);
    }
    const page = await (await client.get(await as('budi'), `/petugas/handoff/${withTicket}`)).text();
    expect(page).toContain('Jalan Veteran makin parah');
    expect(page).not.toContain('6371010101900001');
    for (const path of ['/petugas/handoff', `/petugas/handoff/${withTicket}`]) {
      const out = await client.get(await as(null), path);
      expect(out.status).toBe(303);
      expect(out.headers.get('location')).toBe('/petugas/masuk');
    }
  });

  it('takes, writes and hands back only within scope, with CSRF, flashes and audit rows', async () => {
    for (const who of ['lain']) {
      const jar = await as(who);
      expect((await act(jar, withTicket, 'ambil')).status, who).toBe(404);
    }
    const budi = await as('budi');
    expect((await act(budi, noTicket, 'ambil')).status).toBe(404);
    const bad = await client.post(budi, `/petugas/handoff/${withTicket}/ambil`, { csrf: 'wrong' });
    expect(bad.status).toBe(403);
    expect(
      (await client.post(await as(null), `/petugas/handoff/${withTicket}/ambil`, { csrf: '' })).status,
    ).toBe(401);

    const early = await act(budi, withTicket, 'balas', { text: 'Halo' });
    expect(early.headers.get('location')).toBe(`/petugas/handoff/${withTicket}?done=not_taken`);
    const took = await act(budi, withTicket, 'ambil');
    expect(took.headers.get('location')).toBe(`/petugas/handoff/${withTicket}?done=taken`);
    const page = await (await client.get(budi, `/petugas/handoff/${withTicket}?done=taken`)).text();
    expect(page).toContain('Percakapan diambil');
    expect(page).toContain('diambil oleh Budi Santoso');
    expect(page).toContain('name="text"');

    const korbjm = await as('korbjm');
    const again = await act(korbjm, withTicket, 'ambil');
    expect(again.headers.get('location')).toBe(`/petugas/handoff/${withTicket}?done=gone`);
    const notHis = await act(korbjm, withTicket, 'kembalikan');
    expect(notHis.headers.get('location')).toBe(`/petugas/handoff/${withTicket}?done=not_taken`);

    const wrote = await act(budi, withTicket, 'balas', { text: 'Kami cek ke lapangan besok.' });
    expect(wrote.headers.get('location')).toBe(`/petugas/handoff/${withTicket}?done=replied`);
    const back = await act(budi, withTicket, 'kembalikan');
    expect(back.headers.get('location')).toBe(`/petugas/handoff/${withTicket}?done=returned`);
    const texts = h.core.store.outbox.latest('telegram', 'warga-jalan', 2).map((e) => e.message.text);
    expect(texts[0]).toBe('👤 Petugas: Kami cek ke lapangan besok.');
    expect(texts[1]).toContain('Petugas telah selesai');

    // A coordinator takes a chat with no ticket; an admin may hand back anyone's.
    expect((await act(korbjm, noTicket, 'ambil')).headers.get('location')).toContain('done=taken');
    const admin = await as('admin');
    expect((await act(admin, noTicket, 'kembalikan')).headers.get('location')).toContain('done=returned');

    const types = h.core.db
      .prepare("SELECT type FROM audit_events WHERE type LIKE 'officer.handoff%' ORDER BY id")
      .pluck()
      .all();
    expect(types).toEqual([
      'officer.handoff_taken',
      'officer.handoff_replied',
      'officer.handoff_returned',
      'officer.handoff_taken',
      'officer.handoff_returned',
    ]);
  });
});
