// Disk full or database busy: nothing is lost, the citizen is told once to wait, operators see it, and it recovers.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { InboundMessage } from '../../src/conversation/inbound.js';
import {
  StorageGuard,
  StorageHealth,
  StorageUnavailable,
  guardStorage,
  storageErrorCode,
} from '../../src/conversation/storage-guard.js';
import { createApp } from '../../src/http/app.js';
import { Harness, T0 } from '../helpers/harness.js';

const message = (chatId: string, id: string, text: string): InboundMessage => ({
  channel: 'telegram',
  chatId,
  messageId: id,
  text,
});

describe('storage errors', () => {
  it('recognises SQLite and file-system codes, and nothing else', () => {
    expect(storageErrorCode(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }))).toBe('SQLITE_FULL');
    expect(storageErrorCode(Object.assign(new Error('x'), { code: 'SQLITE_BUSY_SNAPSHOT' }))).toBe(
      'SQLITE_BUSY_SNAPSHOT',
    );
    expect(storageErrorCode(Object.assign(new Error('x'), { code: 'ENOSPC' }))).toBe('ENOSPC');
    expect(storageErrorCode(Object.assign(new Error('x'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeNull();
    expect(storageErrorCode(new TypeError('bug'))).toBeNull();
  });

  it('a real full database: the message is refused whole, the citizen told once, and processed after recovery', () => {
    const h = new Harness();
    const clock = new ManualClock(T0);
    const health = new StorageHealth();
    const notified: string[] = [];
    const failures: string[] = [];
    const handle = guardStorage((m) => h.core.runtime.handle(m), {
      health,
      clock,
      notify: async (m) => {
        notified.push(m.chatId);
      },
      onFailure: (code) => failures.push(code),
    });
    handle(message('c1', 'm1', 'halo'));
    const db = h.core.db;
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    const long = 'jalan rusak parah di depan sekolah '.repeat(100);
    let thrown: unknown = null;
    for (let i = 0; i < 40 && !thrown; i++) {
      try {
        handle(message('c1', `big${i}`, long));
      } catch (err) {
        thrown = err;
      }
    }
    expect(thrown).toBeInstanceOf(StorageUnavailable);
    expect(health.current()).toMatchObject({ ok: false, code: 'SQLITE_FULL' });
    expect(failures[0]).toBe('SQLITE_FULL');
    const inboundBefore = db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get();
    // A redelivery of the refused message fails again; the chat is not told twice within five minutes.
    expect(() => handle(message('c1', 'retry', long))).toThrow(StorageUnavailable);
    expect(notified).toEqual(['c1']);
    expect(db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get()).toBe(inboundBefore);
    // Space again: the platform's redelivery is processed normally and operators see the recovery.
    db.pragma('max_page_count = 1073741823');
    const r = handle(message('c1', 'retry', long));
    expect(r.duplicate).toBe(false);
    // Committed (whether the bot answers at once depends on how many fragments fitted before the disk filled).
    expect(db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get()).toBe(Number(inboundBefore) + 1);
    expect(health.current().ok).toBe(true);
  });

  it('the web chat answers 503 busy (the page resends) and /readyz shows the storage state', async () => {
    const h = new Harness();
    const health = new StorageHealth();
    health.failed('SQLITE_BUSY', T0);
    const app = createApp({
      handle: () => {
        throw new StorageUnavailable('SQLITE_BUSY');
      },
      store: h.core.store,
      ids: h.core.ids,
      clock: h.clock,
      maxUploadBytes: 1024,
      devSenders: true,
      log: { error: () => {} },
      storage: () => health.current(),
    });
    const res = await app.request('/api/chat/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Dev-Sender': 'w1' },
      body: JSON.stringify({ id: 'a', text: 'halo' }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('Retry-After')).toBe('10');
    expect(await res.json()).toEqual({ error: 'busy' });
    const ready = await app.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ok: false, storage: { ok: false, code: 'SQLITE_BUSY' } });
  });

  it("a group's failed commit (reported after the handler returned) is recorded and told like a statement's", () => {
    const health = new StorageHealth();
    const notified: string[] = [];
    const failures: string[] = [];
    const guard = new StorageGuard({
      health,
      clock: new ManualClock(T0),
      notify: async (m) => {
        notified.push(m.chatId);
      },
      onFailure: (code) => failures.push(code),
    });
    const handle = guard.wrap(() => ({ duplicate: false, conversationId: 1, outgoing: [] }));
    handle(message('c9', 'm1', 'halo'));
    expect(health.current().ok).toBe(true);
    const thrown = guard.failed(
      Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR_WRITE' }),
      message('c9', 'm1', 'halo'),
    );
    expect(thrown).toBeInstanceOf(StorageUnavailable);
    expect(health.current()).toMatchObject({ ok: false, code: 'SQLITE_IOERR_WRITE' });
    expect(failures).toEqual(['SQLITE_IOERR_WRITE']);
    expect(notified).toEqual(['c9']);
    // Anything else is not a storage failure: handed back as it was, nothing recorded.
    const bug = new TypeError('bug');
    expect(guard.failed(bug, message('c9', 'm2', 'x'))).toBe(bug);
    expect(failures).toHaveLength(1);
  });
});
