// The conversations' parse cache: a row read back with the very text this process saved gets the saved object; a
// rolled-back save, another writer's text or a conversation pushed out of the cache is parsed from the row.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Conversations, PARSED_SNAPSHOTS_KEPT } from '../../src/storage/conversations.js';
import { type Db, openDb } from '../../src/storage/db.js';

const T0 = 1_800_000_000_000;

describe('Conversations parse cache', () => {
  let db: Db;
  let conversations: Conversations;
  beforeEach(() => {
    db = openDb(':memory:');
    conversations = new Conversations(db);
  });
  afterEach(() => db.close());

  const snapshot = (n: number) => ({ flow: 'intake', version: 1, value: 'idle', context: { n } });
  const save = (id: number, snap: unknown) =>
    conversations.save(
      id,
      { version: 1, state: 'idle', snapshot: snap, nextDeadlineAt: null, lang: 'id' },
      T0,
    );
  const newChat = (chatId: string) => conversations.findOrCreate('web', chatId, 'intake', 1, T0).id;

  it('gives back the object saved while the row holds its text, by chat and by id', () => {
    const id = newChat('a');
    const snap = snapshot(1);
    save(id, snap);
    expect(conversations.find('web', 'a')?.snapshot).toBe(snap);
    expect(conversations.get(id)?.snapshot).toBe(snap);
  });

  it('parses the row when the save was rolled back', () => {
    const id = newChat('a');
    const first = snapshot(1);
    save(id, first);
    const later = snapshot(2);
    expect(() =>
      db.transaction(() => {
        save(id, later);
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    // The cache holds the rolled-back text now: the row's is parsed, and it is the first snapshot's.
    const read = conversations.get(id)?.snapshot;
    expect(read).not.toBe(later);
    expect(read).toEqual(first);
  });

  it('parses the row when someone else wrote it', () => {
    const id = newChat('a');
    save(id, snapshot(1));
    db.prepare('UPDATE conversations SET snapshot = ? WHERE id = ?').run(JSON.stringify(snapshot(3)), id);
    expect(conversations.get(id)?.snapshot).toEqual(snapshot(3));
  });

  it('forgets an erased conversation’s object', () => {
    const id = newChat('a');
    const snap = snapshot(1);
    save(id, snap);
    conversations.forget(id);
    const read = conversations.get(id)?.snapshot;
    expect(read).not.toBe(snap);
    expect(read).toEqual(snap);
  });

  it('keeps the most recently saved conversations only', () => {
    const first = newChat('first');
    const kept = snapshot(0);
    save(first, kept);
    for (let i = 1; i <= PARSED_SNAPSHOTS_KEPT; i++) save(newChat(`chat-${i}`), snapshot(i));
    const read = conversations.get(first)?.snapshot;
    expect(read).not.toBe(kept);
    expect(read).toEqual(kept);
    // A conversation saved again moves to the newest end.
    const again = snapshot(99);
    save(first, again);
    save(newChat('one-more'), snapshot(100));
    expect(conversations.get(first)?.snapshot).toBe(again);
  });
});
