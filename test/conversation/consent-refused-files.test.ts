// A citizen who sends a photo and then refuses consent leaves no file behind: the rows go with the refusal and the
// file is queued for removal in the same transaction (migration 040), then deleted after the commit.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.js';

function filesOnDisk(dir: string): string[] {
  const root = join(dir, 'attachments');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((sub) => readdirSync(join(root, sub)));
}

describe('consent refused after a photo', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  it('deletes the photo from disk, not only its row, and empties the queue', () => {
    h.say('warga', { photo: true });
    expect(filesOnDisk(h.dir)).toHaveLength(1);
    const replies = h.say('warga', 'tidak setuju');
    expect(replies.join('\n')).not.toBe('');
    expect(h.core.db.prepare('SELECT COUNT(*) FROM attachments').pluck().get()).toBe(0);
    expect(
      h.core.db.prepare('SELECT COUNT(*) FROM audit_events WHERE type = ?').pluck().get('consent.refused'),
    ).toBe(1);
    expect(filesOnDisk(h.dir)).toEqual([]);
    expect(h.core.db.prepare('SELECT COUNT(*) FROM pending_file_removals').pluck().get()).toBe(0);
  });
});
