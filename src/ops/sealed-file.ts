// Encrypted backup files: AES-256-GCM with a versioned header (magic, version, key id, IV); nothing is used unverified.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type FileHandle, open, rm } from 'node:fs/promises';
import type { BackupKey } from './backup-key.js';

const MAGIC = Buffer.from('ADUANENC', 'latin1');
const VERSION = 1;
const KEY_ID_BYTES = 8;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** magic (8) · format version (1) · key id (8) · IV (12); authenticated with the content as GCM's additional data. */
const HEADER_BYTES = MAGIC.length + 1 + KEY_ID_BYTES + IV_BYTES;

export type SealedProblem = 'not-encrypted' | 'newer-format' | 'wrong-key' | 'damaged';

export class SealedFileError extends Error {
  constructor(
    readonly problem: SealedProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SealedFileError';
  }
}

function header(keyId: string, iv: Buffer): Buffer {
  return Buffer.concat([MAGIC, Buffer.from([VERSION]), Buffer.from(keyId, 'hex'), iv]);
}

/**
 * Encrypts the plain file `src` into `dest` (created; never overwritten) under a fresh random IV.
 * Returns the sha256 of the plaintext that was encrypted.
 */
export async function sealFile(key: BackupKey, src: string, dest: string): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const head = header(key.id, iv);
  const cipher = createCipheriv('aes-256-gcm', key.fileKey, iv);
  cipher.setAAD(head);
  const hash = createHash('sha256');
  const out = await open(dest, 'wx');
  try {
    await out.write(head);
    for await (const chunk of createReadStream(src)) {
      hash.update(chunk);
      await out.write(cipher.update(chunk));
    }
    await out.write(cipher.final());
    await out.write(cipher.getAuthTag());
  } catch (err) {
    await out.close();
    await rm(dest, { force: true });
    throw err;
  }
  await out.close();
  return hash.digest('hex');
}

type Frame = { head: Buffer; iv: Buffer; tag: Buffer; size: number };

/** Reads and checks the header and the tag's place: an Aduan encrypted file, this format, this key. */
async function readFrame(key: BackupKey, path: string): Promise<Frame> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(HEADER_BYTES);
    const { bytesRead } = await file.read(head, 0, HEADER_BYTES, 0);
    if (bytesRead < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) {
      throw new SealedFileError('not-encrypted', `${path} is not an encrypted Aduan backup file`);
    }
    if (size < HEADER_BYTES + TAG_BYTES) {
      throw new SealedFileError('damaged', `${path} is cut short: the backup is damaged`);
    }
    const version = head[MAGIC.length];
    if (version !== VERSION) {
      throw new SealedFileError(
        'newer-format',
        `${path} is in encryption format ${version}, which this Aduan does not know: use the newer Aduan that made it`,
      );
    }
    const keyId = head.subarray(MAGIC.length + 1, MAGIC.length + 1 + KEY_ID_BYTES).toString('hex');
    if (keyId !== key.id) {
      throw new SealedFileError(
        'wrong-key',
        `${path} was encrypted with key ${keyId}, not with the key given (${key.id}): BACKUP_KEY_FILE is the wrong key`,
      );
    }
    const tag = Buffer.alloc(TAG_BYTES);
    await file.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
    return { head, iv: head.subarray(HEADER_BYTES - IV_BYTES), tag, size };
  } finally {
    await file.close();
  }
}

/**
 * Decrypts `path`, writing the plaintext to `sink` when given; returns the plaintext's sha256 once GCM's tag
 * is verified. Until then the output is untrusted: callers write to a temporary file and rename it afterwards.
 */
async function decrypt(key: BackupKey, path: string, sink: FileHandle | null): Promise<string> {
  const frame = await readFrame(key, path);
  const decipher = createDecipheriv('aes-256-gcm', key.fileKey, frame.iv);
  decipher.setAAD(frame.head);
  decipher.setAuthTag(frame.tag);
  const hash = createHash('sha256');
  const end = frame.size - TAG_BYTES - 1;
  if (end >= HEADER_BYTES) {
    for await (const chunk of createReadStream(path, { start: HEADER_BYTES, end })) {
      const plain = decipher.update(chunk);
      hash.update(plain);
      if (sink) await sink.write(plain);
    }
  }
  try {
    const last = decipher.final();
    hash.update(last);
    if (sink) await sink.write(last);
  } catch {
    throw new SealedFileError(
      'damaged',
      `${path} fails its authentication check: the backup is damaged or was changed`,
    );
  }
  return hash.digest('hex');
}

/** The sha256 of an encrypted file's plaintext, read and verified without writing it anywhere. */
export function sealedDigest(key: BackupKey, path: string): Promise<string> {
  return decrypt(key, path, null);
}

/**
 * Decrypts `src` into `dest` (created; never overwritten), removed again when the tag does not verify.
 * Returns the plaintext's sha256.
 */
export async function unsealFile(key: BackupKey, src: string, dest: string): Promise<string> {
  const out = await open(dest, 'wx');
  try {
    const sha = await decrypt(key, src, out);
    await out.close();
    return sha;
  } catch (err) {
    await out.close();
    await rm(dest, { force: true });
    throw err;
  }
}
