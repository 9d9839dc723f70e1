// dispatch: an event that is not a message reaches a conversation by the message's path (one transaction, outbox);
// timers go through it. The conversation's language is a column, kept by every step and migrated from snapshots.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { Harness, T0 } from '../helpers/harness.js';

describe('Runtime.dispatch', () => {
  let h: Harness;
  afterEach(() => h.core.close());

  it('drops a timer that is not due, runs a due one once, and ignores an unknown conversation', () => {
    h = new Harness();
    h.say('c1', 'jalan di depan rumah berlubang besar');
    const conv = h.core.store.conversations.find('simulate', 'c1');
    const deadline = conv?.nextDeadlineAt ?? null;
    expect(deadline).not.toBeNull();
    const id = conv?.id ?? -1;
    expect(h.core.runtime.dispatch(id, { type: 'timer', now: T0 })).toEqual([]);
    h.clock.set(deadline ?? 0);
    const fired = h.core.runtime.dispatch(id, { type: 'timer', now: h.clock.now() });
    expect(fired.length).toBeGreaterThan(0);
    expect(h.core.store.outbox.get(fired[0]?.id ?? -1)?.chatId).toBe('c1');
    expect(h.core.runtime.dispatch(id, { type: 'timer', now: h.clock.now() })).toEqual([]);
    expect(h.core.runtime.dispatch(9999, { type: 'timer', now: h.clock.now() })).toEqual([]);
  });
});

describe('the conversation language column', () => {
  let h: Harness;
  afterEach(() => h.core.close());

  it('follows /lang in every step', () => {
    h = new Harness();
    expect(h.core.store.conversations.lang('simulate', 'c2')).toBe('id');
    h.say('c2', '/lang en');
    expect(h.core.store.conversations.lang('simulate', 'c2')).toBe('en');
    h.say('c2', '/lang id');
    expect(h.core.store.conversations.lang('simulate', 'c2')).toBe('id');
  });

  it('is filled from the stored snapshots by the migration, and old tickets get their history', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 9),
    );
    const conv = db.prepare(
      `INSERT INTO conversations (channel, chat_id, flow, flow_version, state, snapshot, created_at, updated_at)
       VALUES (?, ?, 'intake', 2, 'idle', ?, 0, 0)`,
    );
    conv.run('web', 'en-chat', JSON.stringify({ value: 'idle', context: { lang: 'en' } }));
    conv.run('web', 'id-chat', JSON.stringify({ value: 'idle', context: { lang: 'id' } }));
    conv.run('web', 'broken', 'not json');
    db.prepare(
      `INSERT INTO complaints (id, data, category, kabkota_code, identity_mode, created_at)
       VALUES (1, '{}', 'kesehatan', '63.03', 'biasa', 5)`,
    ).run();
    db.prepare(
      `INSERT INTO tickets (number, complaint_id, conversation_id, status, due_date, created_at, updated_at)
       VALUES ('ADU-2611-AAAA', 1, 1, 'dicabut', '2026-11-30', 5, 7)`,
    ).run();
    migrate(db);
    const langs = db.prepare('SELECT chat_id, lang FROM conversations ORDER BY id').all();
    expect(langs).toEqual([
      { chat_id: 'en-chat', lang: 'en' },
      { chat_id: 'id-chat', lang: 'id' },
      { chat_id: 'broken', lang: 'id' },
    ]);
    const events = db
      .prepare('SELECT type, actor, from_status, to_status, at FROM ticket_events ORDER BY id')
      .all();
    expect(events).toEqual([
      { type: 'filed', actor: 'citizen', from_status: null, to_status: 'baru', at: 5 },
      { type: 'status_changed', actor: 'citizen', from_status: 'baru', to_status: 'dicabut', at: 7 },
    ]);
    db.close();
  });
});
