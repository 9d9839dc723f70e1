// Test data for the ops tests: filed complaints with photos, and the migrations including the block list.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listAttachmentFiles } from '../../src/ops/attachment-files.js';
import { sql as blockList } from '../../src/storage/migrations/003-block-list.js';
import type { Migration } from '../../src/storage/migrations/index.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import type { Harness } from '../helpers/harness.js';

/** The known migrations plus 003 (block-list), whether or not index.ts lists it yet. */
export function migrationsWithBlockList(): Migration[] {
  const rest = MIGRATIONS.filter((m) => m.version !== 3);
  return [...rest, { version: 3, name: 'block-list', sql: blockList }].sort((a, b) => a.version - b.version);
}

/** A citizen who files a complete complaint, sending a photo with the story (message ids unique per chat). */
export function fileComplaint(h: Harness, chat: string, opts: { photo?: boolean } = {}): void {
  let n = 0;
  const say = (s: { text?: string; photo?: boolean }) => h.say(chat, { ...s, id: `${chat}:${++n}` });
  const turns = [
    'halo',
    'ya',
    'Saya ingin melaporkan bahwa KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.',
  ];
  for (const t of turns) say({ text: t });
  // Seeded ids restart at 1 with every Harness: a reopened one files without a photo.
  if (opts.photo ?? true) say({ photo: true });
  for (const t of [
    'selesai',
    'benar',
    'Jl. Pramuka dekat pasar, Banjarmasin Timur',
    'belum',
    'KTP saya segera dicetak',
    'lewati',
    '1',
    'Siti Rahmah',
    '6371045708900001',
    '0812-3456-7890',
    'kirim',
  ]) {
    say({ text: t });
  }
}

/** sha256 → content hash of every attachment file under `dir` (they must be equal). */
export async function attachmentFiles(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const sha of await listAttachmentFiles(dir)) {
    const data = readFileSync(join(dir, sha.slice(0, 2), sha));
    out.set(sha, createHash('sha256').update(data).digest('hex'));
  }
  return out;
}
