// No erased person's file survives a crash: erasure ("hapus data saya") and retention queue a file's path in the
// transaction that deletes its rows (migration 040); killed after that commit, before the file is deleted, the file is
// deleted at the next start or retention pass and the queue is empty; a file another row uses by then stays.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removePendingFiles } from '../../src/conversation/file-removals.js';
import { Harness } from '../helpers/harness.js';
import { reopen } from '../helpers/reopened-core.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const DAY = 86_400_000;

function filesOnDisk(dir: string): string[] {
  const root = join(dir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((sub) => readdirSync(join(root, sub)));
}

describe('files queued for removal', () => {
  let h: Harness;
  let killAfterCommit = false;
  beforeEach(() => {
    h = new Harness();
    killAfterCommit = false;
    reopen(h, {
      fault: (point) => {
        if (killAfterCommit && point === 'after_commit') throw new Error('killed after the commit');
      },
    });
  });
  afterEach(() => h.close());

  const queued = () =>
    h.core.db.prepare('SELECT path, reason FROM pending_file_removals ORDER BY path').all();
  const photoRows = () => h.core.db.prepare('SELECT sha256 FROM attachments').pluck().all().map(String);

  /** The formal citizen's complete complaint with one photo; the photo's hash. */
  const file = (chat: string): { number: string; sha256: string } => {
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    const turns = (d?.turns ?? []).flatMap((turn) => ('say' in turn ? [turn.say] : []));
    for (const said of turns.slice(0, -1)) h.say(chat, said);
    h.say(chat, { photo: true });
    h.say(chat, 'kirim');
    const [sha256] = photoRows();
    return { number: h.complaints()[0]?.number ?? '', sha256: sha256 ?? '' };
  };

  /** "Hapus data saya", confirmed, killed right after the erasure committed (before its file was deleted). */
  const eraseAndCrash = (chat: string) => {
    h.say(chat, 'hapus data saya');
    killAfterCommit = true;
    expect(() => h.say(chat, 'YA HAPUS')).toThrow('killed after the commit');
    killAfterCommit = false;
  };

  it('deletes the file of an erasure killed after its commit at the next start, and empties the queue', () => {
    const { sha256 } = file('warga');
    expect(filesOnDisk(h.dir)).toEqual([sha256]);
    eraseAndCrash('warga');
    // Committed: no row uses the photo any more, yet it is on disk, queued with its reason.
    expect(photoRows()).toEqual([]);
    expect(filesOnDisk(h.dir)).toEqual([sha256]);
    expect(queued()).toEqual([{ path: `${sha256.slice(0, 2)}/${sha256}`, reason: 'erasure' }]);

    h.restart();
    expect(filesOnDisk(h.dir)).toEqual([]);
    expect(queued()).toEqual([]);
    // Idempotent: a file already gone counts as removed.
    expect(removePendingFiles(h.core.store, h.core.files)).toBe(0);
  });

  it('deletes the file of a retention pass killed before its removal at the next pass', () => {
    const { number, sha256 } = file('warga');
    const conv = h.core.store.conversations.find('simulate', 'warga');
    h.clock.advance(60_000);
    h.core.store.tx(() => h.core.tickets.withdraw(conv?.id ?? 0, number, h.clock.now()));
    h.clock.advance(731 * DAY);
    const remove = vi.spyOn(h.core.files, 'remove').mockImplementationOnce(() => {
      throw new Error('killed before the removal');
    });
    expect(() => h.core.retention.sweep()).toThrow('killed before the removal');
    remove.mockRestore();
    expect(h.complaints()[0]?.complaint).toMatchObject({ identityErased: 'retention', attachments: [] });
    expect(filesOnDisk(h.dir)).toEqual([sha256]);
    expect(queued()).toEqual([{ path: `${sha256.slice(0, 2)}/${sha256}`, reason: 'retention' }]);

    h.core.retention.sweep();
    expect(filesOnDisk(h.dir)).toEqual([]);
    expect(queued()).toEqual([]);
  });

  it('keeps a queued file another row uses by the time the queue is drained, and still empties the queue', () => {
    const { sha256 } = file('warga');
    eraseAndCrash('warga');
    // Before the restart, another chat sends the same picture: a new row for the same file.
    const other = h.core.store.conversations.findOrCreate('simulate', 'tetangga', 'intake', 2, h.clock.now());
    h.core.store.attachments.add(
      { id: 'foto-tetangga', sha256, kind: 'photo', mime: 'image/jpeg', size: 7, filename: null },
      other.id,
      h.clock.now(),
    );

    h.restart();
    expect(filesOnDisk(h.dir)).toEqual([sha256]);
    expect(photoRows()).toEqual([sha256]);
    expect(queued()).toEqual([]);
  });
});
