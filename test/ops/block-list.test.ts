// The operators' block list: add, list, remove, sender ids as operators type them, and the CLI's command.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockCommand, blockSenders, normalizeSender } from '../../src/ops/block-list.js';
import { BlockList } from '../../src/storage/block-list.js';
import { type Db, migrate } from '../../src/storage/db.js';
import { Harness } from '../helpers/harness.js';
import { migrationsWithBlockList } from './fixtures.js';

describe('BlockList', () => {
  let db: Db;
  let list: BlockList;
  beforeEach(() => {
    db = new Database(':memory:');
    migrate(db, migrationsWithBlockList());
    list = new BlockList(db);
  });
  afterEach(() => db.close());

  it('adds, lists, checks and removes senders per channel', () => {
    expect(list.isBlocked('telegram', '123')).toBe(false);
    expect(list.add({ channel: 'telegram', chatId: '123', reason: 'spam', at: 1000 })).toBe(true);
    expect(list.add({ channel: 'wacloud', chatId: '6281234567890', at: 2000 })).toBe(true);
    expect(list.isBlocked('telegram', '123')).toBe(true);
    expect(list.isBlocked('whatsapp', '123')).toBe(false);
    // Again: the reason is replaced, the time kept.
    expect(list.add({ channel: 'telegram', chatId: '123', reason: 'abusive', at: 3000 })).toBe(false);
    expect(list.list()).toEqual([
      { channel: 'telegram', chatId: '123', reason: 'abusive', createdAt: 1000 },
      { channel: 'wacloud', chatId: '6281234567890', reason: null, createdAt: 2000 },
    ]);
    expect(list.list('wacloud').map((e) => e.chatId)).toEqual(['6281234567890']);
    expect(list.remove('telegram', '123')).toBe(true);
    expect(list.remove('telegram', '123')).toBe(false);
    expect(list.isBlocked('telegram', '123')).toBe(false);
  });

  it('explains a database without migration 003', () => {
    const bare = new Database(':memory:');
    expect(() => new BlockList(bare)).toThrow(/migration 003/);
    bare.close();
  });

  it('turns what an operator types into each channel’s chat id', () => {
    expect(normalizeSender('whatsapp', '0812-3456-7890')).toBe('6281234567890@c.us');
    expect(normalizeSender('whatsapp', '+62 812 3456 7890')).toBe('6281234567890@c.us');
    expect(normalizeSender('whatsapp', '6281234567890@c.us')).toBe('6281234567890@c.us');
    expect(normalizeSender('whatsapp', '123456789012345@lid')).toBe('123456789012345@lid');
    expect(normalizeSender('wacloud', '0812 3456 7890')).toBe('6281234567890');
    expect(normalizeSender('wacloud', '+4915112345678')).toBe('4915112345678');
    expect(normalizeSender('telegram', '-1001234567890')).toBe('-1001234567890');
    expect(normalizeSender('telegram', '@someone')).toBeNull();
    expect(normalizeSender('web', 'a1b2c3')).toBe('a1b2c3');
    expect(normalizeSender('web', 'x y')).toBeNull();
  });

  it('runs the add / list / remove commands', () => {
    const run = (args: Parameters<typeof blockCommand>[0]) =>
      blockCommand(args, list, Date.parse('2026-11-23T02:00:00Z'));
    expect(run({ command: 'list' }).lines[0]).toMatch(/no blocked senders/);
    expect(run({ command: 'add', sender: '0812-3456-7890' }).code).toBe(2); // --channel is required
    expect(run({ command: 'add', sender: '0812-3456-7890', channel: 'sms' }).code).toBe(2);
    const added = run({
      command: 'add',
      sender: '0812-3456-7890',
      channel: 'whatsapp',
      reason: 'kata kasar',
    });
    expect(added).toEqual({
      code: 0,
      lines: [expect.stringMatching(/^blocked whatsapp 6281234567890@c.us/)],
    });
    run({ command: 'add', sender: '0812-3456-7890', channel: 'wacloud' });
    expect(run({ command: 'list' }).lines).toEqual([
      'wacloud\t6281234567890\t2026-11-23 02:00 UTC\t',
      'whatsapp\t6281234567890@c.us\t2026-11-23 02:00 UTC\tkata kasar',
    ]);
    expect(run({ command: 'list', channel: 'wacloud' }).lines).toHaveLength(1);
    // Without --channel, remove unblocks the number everywhere.
    expect(run({ command: 'remove', sender: '+62 812 3456 7890' }).lines).toHaveLength(2);
    expect(list.list()).toEqual([]);
    expect(run({ command: 'remove', sender: '0812-3456-7890' }).code).toBe(1);
    expect(run({ command: 'frobnicate' }).code).toBe(2);
  });

  it('in front of the runtime: a blocked sender is recorded, never stepped, never answered (timers too)', () => {
    const h = new Harness();
    try {
      const store = h.core.store;
      migrate(h.core.db, migrationsWithBlockList());
      const blocked = new BlockList(h.core.db);
      const seen: string[] = [];
      const runtime = h.core.runtime;
      runtime.handle = blockSenders(runtime.handle.bind(runtime), {
        blockList: blocked,
        store,
        clock: h.clock,
        onBlocked: (m) => seen.push(m.chatId),
      });
      expect(h.say('777', 'halo', 'telegram').length).toBeGreaterThan(0);
      const state = h.conversationState('777', 'telegram');
      expect(store.conversations.find('telegram', '777')?.nextDeadlineAt ?? null).not.toBeNull();
      blocked.add({ channel: 'telegram', chatId: '777', reason: 'spam', at: h.clock.now() });
      expect(store.conversations.find('telegram', '777')?.nextDeadlineAt ?? null).toBeNull();

      expect(h.say('777', { text: 'ya', id: 'b1' }, 'telegram')).toEqual([]);
      expect(h.say('777', { text: 'ya', id: 'b1' }, 'telegram')).toEqual([]); // a redelivery
      expect(h.advance(3 * 86_400_000, '777')).toEqual([]); // no reminder, no expiry message
      expect(h.conversationState('777', 'telegram')).toBe(state);
      expect(seen).toEqual(['777', '777']);
      const rows = h.core.db.prepare("SELECT kind, body FROM inbound_messages WHERE dedup_key = 'b1'").all();
      expect(rows).toEqual([{ kind: 'blocked', body: expect.stringContaining('"text":"ya"') }]);
      // Someone else is not affected; after an unblock the same chat goes on where it was.
      expect(h.say('888', 'halo', 'telegram').length).toBeGreaterThan(0);
      blocked.remove('telegram', '777');
      expect(h.say('777', { text: 'ya', id: 'b2' }, 'telegram').length).toBeGreaterThan(0);
      expect(h.conversationState('777', 'telegram')).not.toBe(state);
    } finally {
      h.close();
    }
  });
});
