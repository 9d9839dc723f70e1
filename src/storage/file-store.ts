// Attachment files under the data folder, named by their sha256: written once, atomically, never served raw.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type FileLimits = { maxBytes: number; allowedMime: RegExp };

export const DEFAULT_FILE_LIMITS: FileLimits = {
  maxBytes: 10 * 1024 * 1024,
  allowedMime:
    /^(image\/(jpeg|png|webp|gif|heic|heif)|application\/pdf|audio\/(ogg|mpeg|mp4|aac|amr|wav|webm)|video\/(mp4|3gpp|quicktime|webm)|application\/(msword|vnd\.openxmlformats-officedocument\.[\w.]+|vnd\.ms-excel)|text\/plain)$/,
};

export type StoredFile = { sha256: string; size: number };

export type FileRejection = 'too_large' | 'type' | 'empty';

export class FileStore {
  constructor(
    private readonly dir: string,
    readonly limits: FileLimits = DEFAULT_FILE_LIMITS,
  ) {}

  check(mime: string, data: Uint8Array): FileRejection | null {
    if (data.byteLength === 0) return 'empty';
    if (data.byteLength > this.limits.maxBytes) return 'too_large';
    if (!this.limits.allowedMime.test(mime.toLowerCase())) return 'type';
    return null;
  }

  pathOf(sha256: string): string {
    return join(this.dir, sha256.slice(0, 2), sha256);
  }

  put(data: Uint8Array): StoredFile {
    const sha256 = createHash('sha256').update(data).digest('hex');
    const path = this.pathOf(sha256);
    if (!existsSync(path)) {
      mkdirSync(join(this.dir, sha256.slice(0, 2)), { recursive: true });
      const tmp = `${path}.${process.pid}.tmp`;
      writeFileSync(tmp, data);
      renameSync(tmp, path);
    }
    return { sha256, size: data.byteLength };
  }

  /** Deletes a file no attachment row uses any more (the caller checked); a file already gone is no error. */
  remove(sha256: string): void {
    if (/^[0-9a-f]{64}$/.test(sha256)) rmSync(this.pathOf(sha256), { force: true });
  }
}
