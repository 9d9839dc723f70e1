// Retention over closed tickets whose complaint does not parse (not JSON at all, or JSON that is no complaint): each is
// erased all the same (its identity fields, its story masked of what is known, `erased_at` set), so the queue moves
// on: 60 closed tickets, 12 of them unreadable among the oldest, are all erased in two passes, each audited once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../../src/conversation/retention-settings.js';
import { fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';

const DAY = 86_400_000;
const NIK = '6371045708900001';
/** Not JSON (cut short), and JSON with the reporter but no complaint's fields. */
const BROKEN = `{"story":"Nama saya Siti Rahmah, NIK ${NIK}","name":"Siti Rahmah","nik":"${NIK}"`;
const NOT_A_COMPLAINT = JSON.stringify({
  story: `Nama saya Siti Rahmah, NIK ${NIK}, hp 081234567890`,
  name: 'Siti Rahmah',
  nik: NIK,
  phone: '+6281234567890',
});

describe('retention with unreadable complaints', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  const rows = (sql: string) => h.core.db.prepare(sql).pluck().all().map(String);

  it('erases every closed ticket once, readable or not, and leaves none in the queue', () => {
    const numbers: string[] = [];
    for (let i = 0; i < 60; i++) {
      const chat = `warga-${i}`;
      const number = fileTicket(h, chat, {});
      const conv = h.core.store.conversations.find('telegram', chat);
      h.core.store.tx(() => h.core.tickets.withdraw(conv?.id ?? 0, number, h.clock.now()));
      numbers.push(number);
    }
    const unreadable = numbers.slice(0, 12);
    unreadable.forEach((number, i) =>
      h.core.db
        .prepare(
          'UPDATE complaints SET data = ? WHERE id = (SELECT complaint_id FROM tickets WHERE number = ?)',
        )
        .run(i % 2 === 0 ? BROKEN : NOT_A_COMPLAINT, number),
    );

    h.clock.advance((DEFAULT_RETENTION.days + 1) * DAY);
    expect(h.core.retention.sweep().tickets).toBe(50);
    expect(h.core.retention.sweep().tickets).toBe(10);
    expect(h.core.retention.sweep().tickets).toBe(0);

    expect(rows('SELECT number FROM tickets WHERE erased_at IS NULL')).toEqual([]);
    const audited = rows("SELECT data FROM audit_events WHERE type = 'retention.erased'").flatMap(
      (d) => JSON.parse(d).tickets,
    );
    expect(audited).toHaveLength(60);
    expect(new Set(audited)).toEqual(new Set(numbers));
    expect(rows("SELECT ticket_id FROM ticket_events WHERE type = 'identity_erased'")).toHaveLength(60);

    // The unreadable ones: anonim, the reporter's fields empty, the story masked, in no search row.
    const data = rows(
      `SELECT c.data FROM complaints c JOIN tickets t ON t.complaint_id = c.id
       WHERE t.number IN (${unreadable.map((n) => `'${n}'`).join(', ')})`,
    );
    expect(data).toHaveLength(12);
    for (const d of data) {
      expect(JSON.parse(d)).toMatchObject({
        identityMode: 'anonim',
        identityErased: 'retention',
        name: null,
        nik: null,
        phone: null,
      });
      expect(d).not.toMatch(/siti|rahmah|6371045708900001|81234567890/i);
    }
    expect(
      rows(
        `SELECT rowid FROM ticket_search WHERE rowid IN
         (SELECT id FROM tickets WHERE number IN (${unreadable.map((n) => `'${n}'`).join(', ')}))`,
      ),
    ).toEqual([]);

    // Idempotent: later passes find nothing and write nothing.
    expect(h.core.retention.sweep()).toEqual({ tickets: 0, drafts: 0, chats: 0 });
    expect(rows("SELECT id FROM audit_events WHERE type = 'retention.erased'")).toHaveLength(2);
  });
});
