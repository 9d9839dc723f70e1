// Content-addressed attachment files (`ab/<sha256>`): listing, hashing, and copying them verified, plain or encrypted.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupKey } from './backup-key.js';
import { SealedFileError, sealFile, sealedDigest, unsealFile } from './sealed-file.js';

const SHA = /^[0-9a-f]{64}$/;

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** The content-addressed files under an attachments folder: `ab/<sha256>`. In-progress `.tmp` files are skipped. */
export async function listAttachmentFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const prefix of await readdir(dir, { withFileTypes: true })) {
    if (!prefix.isDirectory() || !/^[0-9a-f]{2}$/.test(prefix.name)) continue;
    for (const f of await readdir(join(dir, prefix.name), { withFileTypes: true })) {
      if (f.isFile() && SHA.test(f.name) && f.name.startsWith(prefix.name)) out.push(f.name);
    }
  }
  return out.sort();
}

export type FileSyncReport = {
  /** Files written now. */
  copied: number;
  /** Files already there with the right content. */
  unchanged: number;
  /** Source files whose content no longer matches their name: not copied. */
  corrupt: string[];
  bytes: number;
};

const pathOf = (dir: string, sha: string) => join(dir, sha.slice(0, 2), sha);

/**
 * How files go from one side to the other: copied, encrypted into a backup, or decrypted out of one. The digests
 * are the sha256 of the plain content; an encrypted file that fails its check (wrong key, damaged, not encrypted)
 * has none.
 */
export type Transfer = {
  sourceDigest(path: string): Promise<string | null>;
  targetDigest(path: string): Promise<string | null>;
  put(src: string, dest: string): Promise<unknown>;
};

const sealedOrNull = (key: BackupKey) => (path: string) =>
  sealedDigest(key, path).catch((err: unknown) => {
    if (err instanceof SealedFileError) return null;
    throw err;
  });

export const copying: Transfer = { sourceDigest: sha256File, targetDigest: sha256File, put: copyFile };

export const sealing = (key: BackupKey): Transfer => ({
  sourceDigest: sha256File,
  targetDigest: sealedOrNull(key),
  put: (src, dest) => sealFile(key, src, dest),
});

export const unsealing = (key: BackupKey): Transfer => ({
  sourceDigest: sealedOrNull(key),
  targetDigest: sha256File,
  put: (src, dest) => unsealFile(key, src, dest),
});

export type SyncOptions = {
  /** An earlier copy to hard-link unchanged files from (verified like any copy). */
  reuse?: string;
  transfer?: Transfer;
};

/**
 * Copies the attachment files from `from` to `to`: only those missing or different there, each verified by its
 * sha256 (the file's name) before it is put in place. `reuse` names an earlier copy to hard-link unchanged files
 * from (scheduled backups share their files instead of copying them again); `transfer` copies, encrypts or decrypts.
 */
export async function syncAttachments(
  from: string,
  to: string,
  opts: SyncOptions = {},
): Promise<FileSyncReport> {
  const { reuse, transfer = copying } = opts;
  const report: FileSyncReport = { copied: 0, unchanged: 0, corrupt: [], bytes: 0 };
  for (const sha of await listAttachmentFiles(from)) {
    const src = pathOf(from, sha);
    const dest = pathOf(to, sha);
    if (existsSync(dest) && (await transfer.targetDigest(dest)) === sha) {
      report.unchanged++;
      continue;
    }
    if ((await transfer.sourceDigest(src)) !== sha) {
      report.corrupt.push(sha);
      continue;
    }
    await mkdir(join(to, sha.slice(0, 2)), { recursive: true });
    const tmp = `${dest}.${process.pid}.tmp`;
    await rm(tmp, { force: true });
    const earlier = reuse ? pathOf(reuse, sha) : null;
    let linked = false;
    if (earlier && existsSync(earlier)) {
      linked = await link(earlier, tmp).then(
        () => true,
        () => false,
      );
    }
    if (!linked) await transfer.put(src, tmp);
    if ((await transfer.targetDigest(tmp)) !== sha) {
      // A hard link from an earlier backup that is plain or under another key is replaced by a fresh copy.
      await rm(tmp, { force: true });
      if (!linked) throw new Error(`attachment ${sha} changed while it was copied`);
      await transfer.put(src, tmp);
      if ((await transfer.targetDigest(tmp)) !== sha)
        throw new Error(`attachment ${sha} changed while it was copied`);
    }
    await rename(tmp, dest);
    report.copied++;
    report.bytes += (await stat(dest)).size;
  }
  return report;
}
