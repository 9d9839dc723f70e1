// The outbox's due chats and each chat's due head: per-chat order across failures, leases and crashes, the channel
// filter and the limit.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversations } from '../../src/storage/conversations.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { Outbox } from '../../src/storage/outbox.js';

const T0 = 1_800_000_000_000;
const LEASE = 60_000;

/** The due-list query used before migration 006: the reference for what dueChats and dueInChat find together. */
const REFERENCE = `SELECT id FROM outbox o WHERE status = 'pending' AND next_attempt_at <= ? AND channel IN (SELECT value FROM json_each(?))
  AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.channel = o.channel AND p.chat_id = o.chat_id AND p.id < o.id
                  AND p.status IN ('pending', 'sending') AND (p.status = 'sending' OR p.next_attempt_at > ?))
  ORDER BY id LIMIT ?`;

describe('Outbox.dueChats and dueInChat', () => {
  let db: Db;
  let outbox: Outbox;
  let conversations: Conversations;
  beforeEach(() => {
    db = openDb(':memory:');
    outbox = new Outbox(db);
    conversations = new Conversations(db);
  });
  afterEach(() => db.close());

  const add = (channel: string, chatId: string, text: string, now = T0): number => {
    const conv = conversations.findOrCreate(channel, chatId, 'intake', 1, now);
    return outbox.add(conv.id, channel, chatId, null, { text, choices: [], expecting: 'none' }, now);
  };
  /** The `limit` oldest messages that may go now: each due chat's head, merged in id order. */
  const dueFor = (channels: string[], now: number, limit: number) =>
    outbox
      .dueChats(channels, now, limit)
      .flatMap((chat) => outbox.dueInChat(chat, now, 1000))
      .sort((a, b) => a - b)
      .slice(0, limit)
      .flatMap((id) => outbox.get(id) ?? []);
  const due = (now: number, channels = ['telegram'], limit = 100) =>
    dueFor(channels, now, limit).map((e) => e.message.text);

  it('keeps each chat in order with interleaved chats, a failing head and an expired lease', () => {
    for (const [chat, text] of [
      ['a', 'a1'],
      ['b', 'b1'],
      ['a', 'a2'],
      ['c', 'c1'],
      ['b', 'b2'],
      ['a', 'a3'],
      ['c', 'c2'],
    ]) {
      add('telegram', chat ?? '', text ?? '');
    }
    add('wacloud', 'a', 'other channel');
    const ids = new Map(dueFor(['telegram'], T0, 100).map((e) => [e.message.text, e.id]));
    const id = (text: string) => ids.get(text) ?? -1;
    // Everything is due: several messages of one chat come together, oldest first; wacloud is not asked for.
    expect(due(T0)).toEqual(['a1', 'b1', 'a2', 'c1', 'b2', 'a3', 'c2']);
    expect(due(T0, ['telegram'], 3)).toEqual(['a1', 'b1', 'a2']);
    const chat = (chatId: string) => ({ channel: 'telegram', chatId });
    expect(outbox.dueChats(['telegram'], T0, 100)).toEqual([chat('a'), chat('b'), chat('c')]);
    expect(outbox.dueChats(['telegram'], T0, 2)).toEqual([chat('a'), chat('b')]);
    expect(outbox.dueInChat(chat('a'), T0, 2).map((i) => outbox.get(i)?.message.text)).toEqual(['a1', 'a2']);

    // a1 is being sent (the process then dies), b1 failed and waits for its retry, c1 went out.
    expect(outbox.claim(id('a1'), T0 + LEASE)?.id).toBe(id('a1'));
    expect(outbox.claim(id('b1'), T0 + LEASE)?.id).toBe(id('b1'));
    outbox.retryLater(id('b1'), T0 + 5000, 'timeout');
    expect(outbox.claim(id('c1'), T0 + LEASE)?.id).toBe(id('c1'));
    outbox.markSent(id('c1'), T0, 'm1');
    expect(due(T0)).toEqual(['c2']);

    // b1's retry is due: b1 then b2. a waits behind a1's lease, even once the lease ran out, until recovery.
    expect(due(T0 + 5000)).toEqual(['b1', 'b2', 'c2']);
    expect(due(T0 + LEASE)).toEqual(['b1', 'b2', 'c2']);
    expect(outbox.recoverExpiredLeases(T0 + LEASE)).toBe(1);
    expect(due(T0 + LEASE)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'c2']);

    // A dead head no longer holds its chat back; a sent one never did.
    outbox.markDead(id('b1'), 'chat not found');
    outbox.markSent(id('a1'), T0 + LEASE, 'm2');
    expect(due(T0 + LEASE)).toEqual(['a2', 'b2', 'a3', 'c2']);
    expect(due(T0 + LEASE, ['wacloud', 'telegram', 'wacloud'], 2)).toEqual(['a2', 'b2']);
    expect(due(T0 + LEASE, ['wacloud'])).toEqual(['other channel']);
    expect(due(T0 + LEASE, [])).toEqual([]);
  });

  it('returns what the reference query returns, for any mix of states, channels and limits', () => {
    const reference = db.prepare(REFERENCE).pluck();
    const channels = ['telegram', 'wacloud', 'whatsapp'];
    const row = fc.record({
      channel: fc.constantFrom(...channels),
      chat: fc.constantFrom('1', '2', '3', '4'),
      status: fc.constantFrom('pending', 'pending', 'sending', 'sent', 'dead'),
      at: fc.integer({ min: -3, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 40 }),
        fc.subarray(channels),
        fc.integer({ min: 1, max: 12 }),
        (rows, asked, limit) => {
          db.exec('DELETE FROM outbox');
          for (const r of rows) {
            const id = add(r.channel, r.chat, 'x');
            db.prepare('UPDATE outbox SET status = ?, next_attempt_at = ? WHERE id = ?').run(
              r.status,
              T0 + r.at * 1000,
              id,
            );
          }
          const expected = reference.all(T0, JSON.stringify(asked), T0, limit);
          expect(dueFor(asked, T0, limit).map((e) => e.id)).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('Outbox.ticketOfReply', () => {
  let db: Db;
  let outbox: Outbox;
  let conversations: Conversations;
  beforeEach(() => {
    db = openDb(':memory:');
    outbox = new Outbox(db);
    conversations = new Conversations(db);
  });
  afterEach(() => db.close());

  const sent = (channel: string, chatId: string, platformId: string, ticket: string | null) => {
    const conv = conversations.findOrCreate(channel, chatId, 'intake', 1, T0);
    const id = outbox.add(
      conv.id,
      channel,
      chatId,
      null,
      { text: 'x', choices: [], expecting: 'none' },
      T0,
      ticket,
    );
    outbox.markSent(id, T0, platformId);
    return conv.id;
  };

  it('finds the ticket by the exact platform id, or by a whatsapp-web.js stanza id at the end of the stored id', () => {
    const tg = sent('telegram', '5550101', '42', 'ADU-2612-AAAA');
    sent('telegram', '5550101', '43', null);
    expect(outbox.ticketOfReply(tg, '42')).toBe('ADU-2612-AAAA');
    expect(outbox.ticketOfReply(tg, '43')).toBeNull();
    expect(outbox.ticketOfReply(tg, '4')).toBeNull();
    const wa = sent(
      'whatsapp',
      '6281234567890@c.us',
      'true_6281234567890@c.us_3EB0C767D26A1D7B42F1',
      'ADU-2612-BBBB',
    );
    expect(outbox.ticketOfReply(wa, '3EB0C767D26A1D7B42F1')).toBe('ADU-2612-BBBB');
    expect(outbox.ticketOfReply(wa, 'C767D26A1D7B42F1')).toBeNull();
    // Another conversation's message is never this one's, and LIKE patterns in an id are not patterns.
    expect(outbox.ticketOfReply(tg, '3EB0C767D26A1D7B42F1')).toBeNull();
    expect(outbox.ticketOfReply(wa, '%')).toBeNull();
    expect(outbox.ticketOfReply(wa, '_3EB0C767D26A1D7B42F1')).toBeNull();
  });
});
