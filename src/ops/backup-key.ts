// The backup key: a 32-byte secret in a file only its owner may read, its id, and the keys derived from it.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

export type BackupKey = {
  /** 16 hex digits: the first 8 bytes of a hash of the key. Names the key without revealing it. */
  id: string;
  /** AES-256-GCM key for the files (derived, never the raw key). */
  fileKey: Buffer;
  /** HMAC-SHA256 key for the manifest (derived). */
  macKey: Buffer;
};

export class BackupKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupKeyError';
  }
}

const KEY_BYTES = 32;
const derive = (raw: Buffer, info: string) => Buffer.from(hkdfSync('sha256', raw, Buffer.alloc(0), info, 32));

export function backupKeyFrom(raw: Buffer): BackupKey {
  if (raw.length !== KEY_BYTES)
    throw new BackupKeyError(`a backup key has ${KEY_BYTES} bytes, not ${raw.length}`);
  return {
    id: createHash('sha256').update('aduan-backup-key-id\0').update(raw).digest('hex').slice(0, 16),
    fileKey: derive(raw, 'aduan backup v1 files'),
    macKey: derive(raw, 'aduan backup v1 manifest'),
  };
}

const HEX = /^[0-9a-fA-F]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Reads BACKUP_KEY_FILE: refused when the file may be read or written by anyone but its owner, or does not hold
 * exactly 32 bytes (64 hex digits, or 44 base64 characters).
 */
export function readBackupKey(path: string): BackupKey {
  const file = resolve(path);
  let mode: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new BackupKeyError(`BACKUP_KEY_FILE ${file} is not a file`);
    mode = st.mode & 0o777;
  } catch (err) {
    if (err instanceof BackupKeyError) throw err;
    throw new BackupKeyError(
      `BACKUP_KEY_FILE ${file} cannot be read (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  if ((mode & 0o077) !== 0) {
    throw new BackupKeyError(
      `BACKUP_KEY_FILE ${file} may be read by other users (mode ${mode.toString(8)}): run chmod 600 ${file}`,
    );
  }
  const text = readFileSync(file, 'utf8').trim();
  const raw = HEX.test(text)
    ? Buffer.from(text, 'hex')
    : BASE64.test(text)
      ? Buffer.from(text, 'base64')
      : null;
  if (!raw || raw.length !== KEY_BYTES) {
    throw new BackupKeyError(
      `BACKUP_KEY_FILE ${file} does not hold a ${KEY_BYTES}-byte key (64 hex digits or 44 base64 characters); make one with npm run backup -- --make-key PATH`,
    );
  }
  return backupKeyFrom(raw);
}

/** Writes a new random key (64 hex digits) with mode 600. Never overwrites: backups made with a key need it. */
export function makeBackupKey(path: string): { file: string; key: BackupKey } {
  const file = resolve(path);
  const raw = randomBytes(KEY_BYTES);
  try {
    writeFileSync(file, `${raw.toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (err) {
    const code = err instanceof Error && 'code' in err ? err.code : '';
    throw new BackupKeyError(
      code === 'EEXIST'
        ? `${file} exists already: a key is never overwritten (the backups made with it would be unreadable); choose another path`
        : `cannot write ${file} (${err instanceof Error ? err.message : String(err)})`,
    );
  }
  chmodSync(file, 0o600);
  return { file, key: backupKeyFrom(raw) };
}

const inside = (dir: string, file: string) => {
  const rel = relative(resolve(dir), resolve(file));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

/** Why the key file is kept in the wrong place (inside the data folder or a backup folder), or null. */
export function keyPlacementProblem(
  keyFile: string,
  folders: { name: string; dir: string }[],
): string | null {
  const where = folders.find((f) => inside(f.dir, keyFile));
  return where
    ? `the key file ${resolve(keyFile)} is inside ${where.name} (${resolve(where.dir)}): whoever copies that folder gets the key with the data; keep it elsewhere`
    : null;
}

/** HMAC-SHA256 of a manifest's JSON (without its `mac`), hex. */
export function manifestMac(key: BackupKey, body: unknown): string {
  return createHmac('sha256', key.macKey).update(JSON.stringify(body)).digest('hex');
}

/** Whether `mac` is the manifest's HMAC under this key (compared in constant time). */
export function macMatches(key: BackupKey, body: unknown, mac: string): boolean {
  const want = Buffer.from(manifestMac(key, body), 'hex');
  const got = Buffer.from(mac, 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}
