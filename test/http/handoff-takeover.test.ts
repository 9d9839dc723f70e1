// A taken hand-off on its page: who took it and their role (a coordinator's take audited with its role), when it
// returns to the bot unless its officer writes, and, once the taker's account is disabled, "Ambil alih" and
// "Kembalikan ke bot" for whoever sees it (admin, the area's coordinator, an officer of the agency), not for another
// agency's officer or a signed-out visitor; both refused while the taker's account is still enabled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { type AssignmentFixture, PASSWORD, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const MINUTE = 60_000;

describe('a taken hand-off', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  let id: number;
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const act = async (jar: Jar, action: string, extra: Record<string, string> = {}) => {
    const html = await (await client.get(jar, '/petugas/handoff')).text();
    return client.post(jar, `/petugas/handoff/${id}/${action}`, { csrf: csrfIn(html), ...extra });
  };
  const page = async (jar: Jar, query = '') =>
    (await client.get(jar, `/petugas/handoff/${id}${query}`)).text();
  const audits = (type: string) =>
    h.core.db
      .prepare('SELECT actor, data FROM audit_events WHERE type = ? ORDER BY id')
      .all(type)
      .map((r) => {
        const row = r as { actor: string; data: string };
        return { actor: row.actor, data: JSON.parse(row.data) };
      });

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    app = officerApp(h);
    client = pageClient(app);
    h.say('warga-jalan', 'mau bicara dengan petugas', 'telegram');
    const conv = h.core.store.conversations.find('telegram', 'warga-jalan');
    const live = conv ? h.core.store.handoffs.live(conv.id) : null;
    if (!live) throw new Error('no hand-off');
    id = live.id;
  });
  afterEach(() => h.close());

  it('taken by the coordinator: shown with its role and idle time, audited with its role', async () => {
    const korbjm = await as('korbjm');
    expect((await act(korbjm, 'ambil')).headers.get('location')).toBe(`/petugas/handoff/${id}?done=taken`);
    expect(
      (await act(korbjm, 'balas', { text: 'Saya koordinator, kami bantu.' })).headers.get('location'),
    ).toBe(`/petugas/handoff/${id}?done=replied`);
    const budi = await as('budi');
    const seen = await page(budi);
    expect(seen).toContain('diambil oleh korbjm (koordinator)');
    expect(seen).toMatch(/Kembali ke bot otomatis pukul \d\d:\d\d WITA bila petugas tidak menulis lagi/);
    expect(seen).not.toContain('name="text"');
    expect(await (await client.get(budi, '/petugas/handoff')).text()).toContain(
      'diambil oleh korbjm (koordinator)',
    );
    const english = await (await client.get(budi, `/petugas/handoff/${id}?lang=en`)).text();
    expect(english).toContain('taken by korbjm (coordinator)');
    const actor = `officer:${f.coordinator.id}`;
    expect(audits('officer.handoff_taken')).toEqual([
      { actor, data: { handoff: id, role: 'supervisor', taker: null } },
    ]);
    expect(audits('officer.handoff_replied')).toEqual([
      { actor, data: { handoff: id, role: 'supervisor', taker: f.coordinator.id } },
    ]);
    // Left idle, it is back with the bot, and the page says whose it was (a new session: the old one went idle too).
    h.advance(121 * MINUTE, 'warga-jalan');
    expect(await page(await as('budi'))).toContain('kembali ke bot (korbjm tidak membalas lagi)');
  });

  it('is neither taken over nor handed back by others while its taker’s account is enabled', async () => {
    expect((await act(await as('budi'), 'ambil')).headers.get('location')).toContain('done=taken');
    const sari = await as('sari');
    expect(await page(sari)).not.toContain('ambil-alih');
    expect((await act(sari, 'ambil-alih')).headers.get('location')).toBe(
      `/petugas/handoff/${id}?done=not_stranded`,
    );
    expect((await act(sari, 'kembalikan')).headers.get('location')).toBe(
      `/petugas/handoff/${id}?done=not_taken`,
    );
    expect((await act(await as('korbjm'), 'ambil-alih')).headers.get('location')).toContain(
      'done=not_stranded',
    );
    expect(audits('officer.handoff_taken_over')).toEqual([]);
  });

  const matrix: [string | null, number, string | null][] = [
    ['admin', 303, 'admin'],
    ['korbjm', 303, 'supervisor'],
    ['sari', 303, 'officer'],
    ['lain', 404, null],
    [null, 401, null],
  ];

  for (const [who, status, role] of matrix) {
    it(`once its taker is disabled, ${who ?? 'a signed-out visitor'} takes it over: ${status}`, async () => {
      expect((await act(await as('budi'), 'ambil')).headers.get('location')).toContain('done=taken');
      h.core.store.officers.disableAccount(f.budi.id, h.clock.now());
      const jar = await as(who);
      if (who === 'sari') {
        const shown = await page(jar);
        expect(shown).toContain('Akun Budi Santoso sudah dinonaktifkan');
        expect(shown).toContain(`action="/petugas/handoff/${id}/ambil-alih"`);
        expect(shown).toContain(`action="/petugas/handoff/${id}/kembalikan"`);
      }
      const res = await act(jar, 'ambil-alih');
      expect(res.status).toBe(status);
      if (status !== 303) {
        expect(h.core.store.handoffs.get(id, { kind: 'all' })?.takenBy?.id).toBe(f.budi.id);
        expect(audits('officer.handoff_taken_over')).toEqual([]);
        return;
      }
      expect(res.headers.get('location')).toBe(`/petugas/handoff/${id}?done=taken_over`);
      const now = await page(jar, '?done=taken_over');
      expect(now).toContain('Percakapan diambil alih');
      expect(now).toContain('name="text"');
      const taken = h.core.store.handoffs.get(id, { kind: 'all' });
      expect(taken?.takenBy?.id).not.toBe(f.budi.id);
      expect(taken?.expiresAt).toBe(h.clock.now() + 120 * MINUTE);
      expect(audits('officer.handoff_taken_over')).toEqual([
        { actor: `officer:${taken?.takenBy?.id}`, data: { handoff: id, role, taker: f.budi.id } },
      ]);
      expect((await act(jar, 'balas', { text: 'Saya lanjutkan.' })).headers.get('location')).toContain(
        'done=replied',
      );
    });

    it(`once its taker is disabled, ${who ?? 'a signed-out visitor'} hands it back: ${status}`, async () => {
      expect((await act(await as('budi'), 'ambil')).headers.get('location')).toContain('done=taken');
      h.core.store.officers.disableAccount(f.budi.id, h.clock.now());
      const res = await act(await as(who), 'kembalikan');
      expect(res.status).toBe(status);
      const conv = h.core.store.conversations.find('telegram', 'warga-jalan')?.id ?? -1;
      if (status !== 303) {
        expect(h.core.store.handoffs.live(conv)?.state).toBe('taken');
        return;
      }
      expect(res.headers.get('location')).toBe(`/petugas/handoff/${id}?done=returned`);
      expect(h.core.store.handoffs.live(conv)).toBeNull();
      expect(audits('officer.handoff_returned').at(-1)?.data).toEqual({
        handoff: id,
        role,
        taker: f.budi.id,
      });
    });
  }
});
