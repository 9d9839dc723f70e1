// Related tickets: other citizens' similar complaints in the same category and kab/kota are linked both ways, the
// strongest first and only a bounded number, within 30 days.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { type Store, createStore } from '../../src/storage/store.js';
import { eraseIdentity } from '../../src/tickets/identity-erasure.js';
import { MAX_RELATED_LINKS, RELATED_WINDOW_MS, linkRelated } from '../../src/tickets/related-tickets.js';
import { storySimilarity, storyWords } from '../../src/understand/similarity.js';
import { complaint } from '../forwarding/ticket-fixture.js';

const T0 = Date.parse('2026-11-23T02:00:00Z');
const BRIDGE =
  'Jembatan gantung di Desa Sungai Tabuk putus sejak banjir, anak sekolah menyeberang pakai perahu.';

describe('linkRelated', () => {
  let db: Db;
  let store: Store;
  let seq = 0;
  beforeEach(() => {
    db = openDb(':memory:');
    store = createStore(db);
  });
  afterEach(() => db.close());

  /** A ticket filed by a chat of its own. */
  const file = (over: Partial<Complaint>, at = T0) => {
    seq++;
    const conv = store.conversations.findOrCreate('telegram', `chat-${seq}`, 'intake', 2, at);
    const c = complaint({ category: 'infrastruktur', kabkotaCode: '63.03', ...over });
    const id = store.tickets.create(c, `ADU-2611-${String(seq).padStart(4, 'A')}`, conv.id, '2026-12-01', at);
    return { id, conv: conv.id, c, at };
  };
  const link = (t: ReturnType<typeof file>) =>
    linkRelated(store.tickets, {
      ticketId: t.id,
      story: t.c.story,
      category: t.c.category,
      kabkotaCode: t.c.kabkotaCode,
      conversationId: t.conv,
      now: t.at,
    });

  it('links the same bridge reported by another citizen, both ways, and nothing else', () => {
    const first = file({ story: BRIDGE });
    const otherArea = file({ story: BRIDGE, kabkotaCode: '63.71' });
    const otherCategory = file({ story: BRIDGE, category: 'pendidikan' });
    const otherStory = file({ story: 'Lampu jalan di Jl. A. Yani km 12 mati semua sejak seminggu.' });
    const old = file({ story: BRIDGE }, T0 - RELATED_WINDOW_MS - 1);
    const second = file({
      story: 'Jembatan gantung Sungai Tabuk putus karena banjir, anak-anak sekolah terpaksa naik perahu.',
    });
    expect(link(second)).toEqual([first.id]);
    expect(store.tickets.relatedNumbers(second.id)).toHaveLength(1);
    expect(store.tickets.relatedNumbers(first.id)).toHaveLength(1);
    for (const t of [otherArea, otherCategory, otherStory, old])
      expect(store.tickets.relatedNumbers(t.id)).toEqual([]);
  });

  it('keeps only the strongest links when an area has many similar complaints', () => {
    const crowd = Array.from({ length: 30 }, (_, i) => file({ story: `${BRIDGE} Laporan warga ke-${i}.` }));
    const closest = file({ story: BRIDGE });
    const next = file({ story: BRIDGE });
    const linked = link(next);
    expect(linked).toHaveLength(MAX_RELATED_LINKS);
    expect(linked[0]).toBe(closest.id); // the identical story first
    expect(linked.every((id) => id === closest.id || crowd.some((t) => t.id === id))).toBe(true);
  });

  /** The score kept with the link from `a` to `b`, or null when they are not linked. */
  const scoreOf = (a: number, b: number): number | null => {
    const score = db
      .prepare('SELECT score FROM ticket_links WHERE ticket_id = ? AND linked_ticket_id = ?')
      .pluck()
      .get(a, b);
    return typeof score === 'number' ? score : null;
  };

  it('compares an erased ticket by its story as erased, not by the words it had before', () => {
    const named = `${BRIDGE} Kata Pak Sapri Gunawan Sapri Gunawan, ketua RT Sapri Gunawan.`;
    const first = file({ story: named });
    link(file({ story: named })); // the first one's words are known from here on
    eraseIdentity(
      store,
      first.id,
      'citizen',
      { names: ['Sapri Gunawan'], niks: [], phones: [], addresses: [] },
      T0 + 1,
    );
    const masked = store.tickets.storyOf(first.id) ?? '';
    expect(masked).not.toContain('Sapri');
    const third = file({ story: named });
    link(third);
    const expected = Math.round(storySimilarity(storyWords(named), storyWords(masked)) * 100) / 100;
    expect(expected).toBeLessThan(1);
    expect(scoreOf(third.id, first.id)).toBe(expected);
  });

  it('does not take a rolled-back ticket’s words for the ticket that gets its id next', () => {
    const rolledBack = new Error('rolled back');
    let lostId = 0;
    expect(() =>
      db.transaction(() => {
        const lost = file({ story: BRIDGE });
        lostId = lost.id;
        link(file({ story: BRIDGE })); // the lost ticket's words are known now
        throw rolledBack;
      })(),
    ).toThrow(rolledBack);
    const lamp = file({ story: 'Lampu jalan di Jl. A. Yani km 12 mati semua sejak seminggu.' });
    expect(lamp.id).toBe(lostId);
    expect(link(file({ story: BRIDGE }))).toEqual([]);
  });
});
