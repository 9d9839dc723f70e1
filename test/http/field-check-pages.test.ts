// The ticket page's deadline card and its "Cek lapangan" form through app.request: who sees the card and the form
// (admin, supervisor before and after taking over, the agency's officer, another agency's officer, signed out), the
// POST with its CSRF token and `?done=` flash, each refusal, the citizen told in their chat, the event, the audit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { type AssignmentFixture, PASSWORD, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const REASON = 'Perlu pengukuran jalan bersama tim teknis';

describe('the deadline card and the field check on the ticket page', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const page = async (jar: Jar, number: string, query = '') =>
    client.get(jar, `/petugas/tiket/${number}${query}`);
  const mark = async (jar: Jar, number: string, form: Record<string, string>) => {
    const html = await (await client.get(jar, '/petugas')).text();
    return client.post(jar, `/petugas/tiket/${number}/cek-lapangan`, { csrf: csrfIn(html), ...form });
  };
  const told = () => h.core.store.outbox.latest('telegram', 'warga-jalan', 100).map((e) => e.message.text);
  const ticketId = (number: string) => h.core.store.ticketInbox.forOfficer(number, { kind: 'all' })?.id ?? -1;

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    app = officerApp(h);
    client = pageClient(app);
    // PUPR works on the road ticket (Monday 23 November): its answer is due Monday 30 November.
    expect(h.core.actions.changeStatus(f.budi, f.road, 'diproses', { message: null, reason: null })).toEqual({
      ok: true,
    });
  });
  afterEach(() => h.close());

  it('shows the running stage to whoever sees the ticket, and the form to who may act on it', async () => {
    const cases: [string | null, number, boolean][] = [
      ['admin', 200, true],
      ['korbjm', 200, false],
      ['budi', 200, true],
      ['lain', 404, false],
    ];
    for (const [who, code, form] of cases) {
      const res = await page(await as(who), f.road);
      expect(res.status, String(who)).toBe(code);
      const html = await res.text();
      if (code === 200) {
        expect(html, String(who)).toContain('<h2>Tenggat</h2>');
        expect(html).toContain('menunggu jawaban instansi, paling lambat 30 November 2026');
        expect(html).toContain('Verifikasi · batas 26 November 2026 · dipenuhi 23 November 2026');
        expect(html).toContain('Jawaban · batas 30 November 2026 · berjalan');
      }
      expect(html.includes(`action="/petugas/tiket/${f.road}/cek-lapangan"`), String(who)).toBe(form);
    }
    const out = await page(await as(null), f.road);
    expect(out.status).toBe(303);
    expect(out.headers.get('location')).toBe('/petugas/masuk');
    // A new ticket awaits verification: no field check yet, even for its officer.
    const fresh = await (await page(await as('budi'), f.drain)).text();
    expect(fresh).toContain('menunggu verifikasi instansi, paling lambat 26 November 2026');
    expect(fresh).not.toContain('/cek-lapangan');
    const en = await (await page(await as('budi'), f.road, '?lang=en')).text();
    expect(en).toContain('<h2>Deadlines</h2>');
    expect(en).toContain('awaiting the agency&#39;s answer, by 30 November 2026 at the latest');
  });

  it('marks a field check on the POST of who may act, tells the citizen, keeps the event and the audit', async () => {
    expect((await mark(await as('lain'), f.road, { reason: REASON, days: '14' })).status).toBe(404);
    expect((await mark(await as(null), f.road, { reason: REASON, days: '14' })).status).toBe(401);
    const watching = await mark(await as('korbjm'), f.road, { reason: REASON, days: '14' });
    expect(watching.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=read_only#tenggat`);
    const budi = await as('budi');
    const forged = await client.post(budi, `/petugas/tiket/${f.road}/cek-lapangan`, {
      reason: REASON,
      days: '14',
      csrf: 'nope',
    });
    expect(forged.status).toBe(403);
    for (const days of ['0', '61', 'dua', '2.5']) {
      const res = await mark(budi, f.road, { reason: REASON, days });
      expect(res.headers.get('location'), days).toBe(
        `/petugas/tiket/${f.road}?done=field_check_days#tenggat`,
      );
    }
    const noReason = await mark(budi, f.road, { reason: '  ', days: '14' });
    expect(noReason.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=reason_required#tenggat`);
    const flash = await (await page(budi, f.road, '?done=field_check_days')).text();
    expect(flash).toContain('Jumlah hari cek lapangan harus 1 sampai 60.');
    expect(h.core.store.ticketDeadlines.current(ticketId(f.road))?.stage).toBe('answer');
    const before = told().length;

    const res = await mark(budi, f.road, { reason: REASON, days: '14' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=field_check#tenggat`);
    const html = await (await page(budi, f.road, '?done=field_check')).text();
    expect(html).toContain('Cek lapangan ditetapkan; pelapor sudah diberi tahu alasan dan tanggalnya.');
    expect(html).toContain(`cek lapangan sampai 7 Desember 2026 (${REASON})`);
    expect(html).toContain('Jawaban · batas 30 November 2026 · berakhir 23 November 2026 tanpa dipenuhi');
    expect(html).toContain(`cek lapangan sampai 7 Desember 2026: ${REASON}`);
    expect(html).not.toContain(`action="/petugas/tiket/${f.road}/cek-lapangan"`);
    // The inbox sorts and filters by it.
    expect(h.core.store.ticketInbox.forOfficer(f.road, { kind: 'all' })?.dueDate).toBe('2026-12-07');

    const said = told();
    expect(said).toHaveLength(before + 1);
    expect(said.at(-1)).toContain(`Pengaduan ${f.road} perlu dicek langsung ke lapangan. Alasan: ${REASON}.`);
    expect(said.at(-1)).toContain('paling lambat 7 Desember 2026');
    expect(h.core.store.ticketEvents.forTicket(ticketId(f.road)).at(-1)).toMatchObject({
      type: 'field_check',
      actor: 'officer',
      officerId: f.budi.id,
      reason: REASON,
      data: { days: 14, due: '2026-12-07' },
    });
    const audit = h.core.db
      .prepare("SELECT actor, ticket_id, data FROM audit_events WHERE type = 'ticket.field_check'")
      .all();
    expect(audit).toEqual([
      { actor: `officer:${f.budi.id}`, ticket_id: ticketId(f.road), data: JSON.stringify({ days: 14 }) },
    ]);
    // Once per answer stage: a second field check is refused.
    const again = await mark(budi, f.road, { reason: REASON, days: '30' });
    expect(again.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=not_allowed#tenggat`);
  });

  it('lets an admin and a supervisor who took the ticket over mark one; never from baru', async () => {
    const admin = await as('admin');
    const early = await mark(admin, f.drain, { reason: REASON, days: '5' });
    expect(early.headers.get('location')).toBe(`/petugas/tiket/${f.drain}?done=not_allowed#tenggat`);
    expect(
      h.core.actions.changeStatus(f.admin, f.drain, 'diverifikasi', { message: null, reason: null }).ok,
    ).toBe(true);
    const ok = await mark(admin, f.drain, { reason: REASON, days: '5' });
    expect(ok.headers.get('location')).toBe(`/petugas/tiket/${f.drain}?done=field_check#tenggat`);
    const korbjm = await as('korbjm');
    const html = await (await page(korbjm, f.road)).text();
    await client.post(korbjm, `/petugas/tiket/${f.road}/ambil-alih`, { csrf: csrfIn(html) });
    const taken = await mark(korbjm, f.road, { reason: REASON, days: '60' });
    expect(taken.headers.get('location')).toBe(`/petugas/tiket/${f.road}?done=field_check#tenggat`);
    expect(h.core.store.ticketDeadlines.current(ticketId(f.road))?.dueOn).toBe('2027-01-22');
  });
});
