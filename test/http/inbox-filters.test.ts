// The inbox narrowed and sorted the same way by the pages and the API: category, kab/kota, agency, overdue, a date
// range, rating, new replies; newest, oldest or by due date, paged by cursor without gaps or repeats.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import type { createApp } from '../../src/http/app.js';
import { userCommand } from '../../src/officers/user-command.js';
import { complaint } from '../forwarding/ticket-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';

const DAY = 24 * 3600_000;

describe('inbox filters and sorting', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let token = '';
  /** Ticket numbers by a short name, in filing order. */
  const filed: Record<string, string> = {};

  const file = (name: string, over: Partial<Complaint>) => {
    const conv = h.core.store.conversations.findOrCreate('telegram', name, 'intake', 2, h.clock.now()).id;
    const r = h.core.tickets.file(complaint(over), conv, true, h.clock.now());
    if (r.kind !== 'filed') throw new Error('not filed');
    filed[name] = r.ticket;
    h.clock.advance(DAY);
    return r;
  };
  const list = async (query: string): Promise<{ items: { number: string }[]; next: string | null }> => {
    const res = await app.request(`/api/v1/tickets?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status, query).toBe(200);
    return res.json();
  };
  const names = async (query: string) => {
    const byNumber = Object.fromEntries(Object.entries(filed).map(([k, v]) => [v, k]));
    return (await list(query)).items.map((i) => byNumber[i.number]);
  };

  beforeEach(() => {
    h = new Harness();
    // Filed a day apart from Monday 23 November 2026: health in Kab. Banjar, roads in Banjarmasin.
    file('sehat1', {});
    file('jalan1', {
      category: 'infrastruktur',
      kabkotaCode: '63.71',
      kecamatanCode: null,
      story: 'Jalan berlubang',
    });
    file('sehat2', {});
    file('jalan2', {
      category: 'infrastruktur',
      kabkotaCode: '63.71',
      kecamatanCode: null,
      story: 'Drainase mampet',
    });
    file('sehat3', {});
    const run = (command: string) =>
      userCommand(
        { command, username: 'admin', role: 'admin', agencies: [] },
        {
          store: h.core.store,
          directory: h.core.directory,
          readPassword: () => 'sandi-yang-panjang-1',
          now: 0,
        },
      );
    run('add');
    token = run('token').lines.at(-1) ?? '';
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('narrows by category, kab/kota and agency', async () => {
    expect(await names('category=infrastruktur')).toEqual(['jalan2', 'jalan1']);
    expect(await names('kabkota=63.03')).toEqual(['sehat3', 'sehat2', 'sehat1']);
    const agency = h.core.store.ticketInbox.forOfficer(filed.jalan1 ?? '', { kind: 'all' })?.agencyId ?? '';
    expect(await names(`agency=${agency}`)).toEqual(['jalan2', 'jalan1']);
    expect(await names('category=infrastruktur&kabkota=63.03')).toEqual([]);
  });

  it('takes a date range in WITA days, inclusive at both ends', async () => {
    // jalan1 on 24 Nov, sehat2 on 25 Nov, jalan2 on 26 Nov (10:00 WITA each).
    expect(await names('from=2026-11-24&to=2026-11-25')).toEqual(['sehat2', 'jalan1']);
    expect(await names('from=2026-11-26')).toEqual(['sehat3', 'jalan2']);
    expect(await names('to=2026-11-23')).toEqual(['sehat1']);
    expect(await names('from=2027-01-01')).toEqual([]);
  });

  it('finds what is overdue and what was rated', async () => {
    h.clock.advance(30 * DAY);
    const admin = h.core.store.officers.credentials('admin')?.officer;
    if (!admin) throw new Error('no admin');
    h.core.actions.changeStatus(admin, filed.sehat1 ?? '', 'selesai', { message: 'Sudah.', reason: null });
    h.core.tickets.rate(
      h.core.store.conversations.find('telegram', 'sehat1')?.id ?? -1,
      filed.sehat1 ?? '',
      4,
      null,
      h.clock.now(),
    );
    expect(await names('overdue=1')).toEqual(['sehat3', 'jalan2', 'sehat2', 'jalan1']);
    // Verified and answered, the ticket meets its stages: its old date no longer makes it late. Waiting for the
    // citizen pauses the clock: not late either.
    h.core.actions.changeStatus(admin, filed.jalan1 ?? '', 'diverifikasi', { message: null, reason: null });
    h.core.actions.write(admin, filed.jalan1 ?? '', 'reply', 'Kami jadwalkan perbaikan.');
    const ask = { message: 'Di depan nomor berapa?', reason: null };
    h.core.actions.changeStatus(admin, filed.sehat2 ?? '', 'menunggu_pelapor', ask);
    expect(await names('overdue=1')).toEqual(['sehat3', 'jalan2']);
    expect(await names('rating=4')).toEqual(['sehat1']);
    expect(await names('rating=5')).toEqual([]);
  });

  it('sorts newest, oldest or by due date, and pages by cursor without gaps or repeats', async () => {
    expect(await names('sort=oldest')).toEqual(['sehat1', 'jalan1', 'sehat2', 'jalan2', 'sehat3']);
    for (const sort of ['newest', 'oldest', 'due']) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: { number: string }[]; next: string | null } = await list(
          `sort=${sort}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(...page.items.map((i) => i.number));
        cursor = page.next;
      } while (cursor);
      expect(seen, sort).toHaveLength(5);
      expect(new Set(seen).size, sort).toBe(5);
    }
    const due = (await list('sort=due')).items.map(
      (i) => h.core.store.ticketInbox.forOfficer(i.number, { kind: 'all' })?.dueDate ?? '',
    );
    expect(due).toEqual([...due].sort());
  });

  it('answers 422 for a filter that is not valid, and the page keeps the valid ones', async () => {
    for (const bad of [
      'category=jalan',
      'kabkota=6371',
      'from=24-11-2026',
      'rating=6',
      'sort=abc',
      'cursor=x',
    ]) {
      const res = await app.request(`/api/v1/tickets?${bad}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, bad).toBe(422);
      expect(await res.json()).toMatchObject({ error: { code: expect.any(String) } });
    }
  });
});
