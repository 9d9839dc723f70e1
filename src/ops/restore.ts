// Restores a backup into a stopped instance: checks, then the current database moved aside, then the copy put in.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { type DbFacts, databaseInUse, inspectDbFile } from '../storage/db-files.js';
import { MIGRATIONS } from '../storage/migrations/index.js';
import {
  type FileSyncReport,
  type Transfer,
  copying,
  listAttachmentFiles,
  sha256File,
  syncAttachments,
  unsealing,
} from './attachment-files.js';
import { type BackupKey, macMatches } from './backup-key.js';
import { ATTACHMENTS_DIR, DB_FILE, MANIFEST_FILE, Manifest } from './backup.js';
import { SealedFileError, unsealFile } from './sealed-file.js';

export class RestoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreError';
  }
}

/** True when something already listens on HOST:PORT (EADDRINUSE); port 0 or other errors tell nothing. */
export function portInUse(host: string, port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'EADDRINUSE'));
    server.listen({ host, port, exclusive: true }, () => server.close(() => resolve(false)));
  });
}

/** Why the instance looks running (both checks), or null when it looks stopped. */
export async function runningReason(target: { dbPath: string; host: string; port: number }): Promise<
  string | null
> {
  if (databaseInUse(target.dbPath)) {
    return `the database ${target.dbPath} is open in another process (is Aduan running? stop it first / hentikan layanan dulu)`;
  }
  if (await portInUse(target.host, target.port)) {
    return `something listens on ${target.host}:${target.port} (is Aduan running? stop it first / hentikan layanan dulu)`;
  }
  return null;
}

export type RestoreOptions = {
  /** The backup folder (with manifest.json, aduan.db, attachments/). */
  src: string;
  dbPath: string;
  dataDir: string;
  host: string;
  port: number;
  /** BACKUP_KEY_FILE's key: needed for an encrypted backup; an unencrypted one restores without it. */
  key?: BackupKey | null;
  now?: () => Date;
  /** Progress lines for the operator. */
  say?: (line: string) => void;
};

export type RestoreReport = {
  manifest: Manifest;
  facts: DbFacts;
  /** Where the database that was there before went; null when there was none. */
  movedAside: string | null;
  files: FileSyncReport;
};

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** The manifest as written, to check its HMAC over exactly what it holds (a field added is a change too). */
const RawManifest = z.record(z.string(), z.unknown());

async function readManifest(src: string, key: BackupKey | null): Promise<Manifest> {
  const path = join(src, MANIFEST_FILE);
  if (!existsSync(path)) throw new RestoreError(`${path} is missing: this is not a complete Aduan backup`);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new RestoreError(`${path} is not valid JSON`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    throw new RestoreError(
      `${path} is not an Aduan backup manifest: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  const { encryption, mac } = parsed.data;
  if (!encryption || !mac) return parsed.data;
  if (!key) {
    throw new RestoreError(
      `this backup is encrypted (AES-256-GCM, key ${encryption.keyId}): set BACKUP_KEY_FILE to the file holding that key`,
    );
  }
  if (key.id !== encryption.keyId) {
    throw new RestoreError(
      `wrong key: this backup was encrypted with key ${encryption.keyId}, BACKUP_KEY_FILE holds key ${key.id}`,
    );
  }
  const body = Object.fromEntries(Object.entries(RawManifest.parse(json)).filter(([k]) => k !== 'mac'));
  if (!macMatches(key, body, mac)) {
    throw new RestoreError(
      `${path} was changed or damaged (its HMAC does not match): the backup cannot be trusted`,
    );
  }
  return parsed.data;
}

export type VerifyOptions = {
  /** The key of an encrypted backup. */
  key?: BackupKey | null;
  /** Where an encrypted database is decrypted to (next to the live database, which is plaintext too). */
  plainDb: string;
};

export type VerifiedBackup = {
  manifest: Manifest;
  facts: DbFacts;
  /** The decrypted database at `plainDb` (the caller's to use or remove), or null for an unencrypted backup. */
  decrypted: string | null;
};

/** The backup's database, readable: the file itself, or decrypted (tag verified) into `plainDb`. */
async function plainDatabase(src: string, manifest: Manifest, opts: VerifyOptions): Promise<string> {
  if (!manifest.encryption) {
    const dbFile = join(src, DB_FILE);
    if (!existsSync(dbFile)) throw new RestoreError(`${dbFile} is missing`);
    return dbFile;
  }
  const sealed = join(src, manifest.db.file);
  if (!existsSync(sealed)) throw new RestoreError(`${sealed} is missing`);
  if (!opts.key) throw new RestoreError('this backup is encrypted: set BACKUP_KEY_FILE');
  await mkdir(dirname(opts.plainDb), { recursive: true });
  await rm(opts.plainDb, { force: true });
  try {
    await unsealFile(opts.key, sealed, opts.plainDb);
  } catch (err) {
    if (err instanceof SealedFileError) throw new RestoreError(err.message);
    throw err;
  }
  return opts.plainDb;
}

/** How the backup's attachment files are read: copied, or decrypted with the key. */
const transferFrom = (manifest: Manifest, key: BackupKey | null | undefined): Transfer =>
  manifest.encryption && key ? unsealing(key) : copying;

/**
 * Checks the backup without touching the instance: manifest (and, encrypted, its key and HMAC), the database's
 * checksum (decrypted first, tag verified), integrity, schema, counts, and every attachment file's content.
 * An encrypted database is left decrypted at `plainDb` when the check passes, and removed when it fails.
 */
export async function verifyBackup(src: string, opts: VerifyOptions): Promise<VerifiedBackup> {
  const manifest = await readManifest(src, opts.key ?? null);
  const dbFile = await plainDatabase(src, manifest, opts);
  const decrypted = manifest.encryption ? dbFile : null;
  try {
    return { manifest, facts: await checkContent(src, manifest, dbFile, opts.key), decrypted };
  } catch (err) {
    if (decrypted) await rm(decrypted, { force: true });
    throw err;
  }
}

/** The whole check and nothing restored (`npm run restore -- SRC --verify`): a decrypted copy is removed again. */
export async function checkBackup(
  src: string,
  key: BackupKey | null,
  scratchDir: string,
): Promise<VerifiedBackup> {
  const plainDb = join(scratchDir, `.verify-${process.pid}-${randomBytes(6).toString('hex')}.db`);
  const verified = await verifyBackup(src, { key, plainDb });
  if (verified.decrypted) await rm(verified.decrypted, { force: true });
  return verified;
}

async function checkContent(
  src: string,
  manifest: Manifest,
  dbFile: string,
  key: BackupKey | null | undefined,
): Promise<DbFacts> {
  const sha = await sha256File(dbFile);
  if (sha !== manifest.db.sha256) {
    throw new RestoreError(
      `${dbFile} does not match the manifest's sha256: the backup is damaged or was changed`,
    );
  }
  const inspected = inspectDbFile(dbFile);
  if (!inspected.facts) {
    throw new RestoreError(`${dbFile} fails integrity_check: ${inspected.problems.slice(0, 5).join('; ')}`);
  }
  const facts: DbFacts = inspected.facts;
  const known = new Set(MIGRATIONS.map((m) => m.version));
  const unknown = facts.migrations.filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new RestoreError(
      `the backup has migrations this Aduan does not know (${unknown.join(', ')}): restore it with the newer Aduan that made it`,
    );
  }
  const c = manifest.counts;
  if (
    facts.schemaVersion !== manifest.schemaVersion ||
    facts.counts.tickets !== c.tickets ||
    facts.counts.conversations !== c.conversations ||
    facts.counts.attachments !== c.attachments
  ) {
    throw new RestoreError(
      'the database does not hold what the manifest says (schema version or counts differ)',
    );
  }
  const dir = join(src, ATTACHMENTS_DIR);
  const listed = await listAttachmentFiles(dir);
  const files = new Set(listed);
  const missing = facts.attachmentShas.filter((s) => !files.has(s) && !manifest.missingFiles.includes(s));
  if (missing.length > 0) {
    throw new RestoreError(
      `${missing.length} attachment file(s) named by the database are missing from the backup`,
    );
  }
  const transfer = transferFrom(manifest, key);
  let damaged = 0;
  for (const name of listed) {
    if ((await transfer.sourceDigest(join(dir, name.slice(0, 2), name))) !== name) damaged++;
  }
  if (damaged > 0) {
    throw new RestoreError(
      `${damaged} attachment file(s) in the backup are damaged or were changed (content or authentication tag)`,
    );
  }
  return facts;
}

/**
 * Restores `src` into the instance at dbPath/dataDir. Refuses while the instance runs. Order: verify the backup;
 * copy (or decrypt) the database next to its place and verify the copy; add the attachments (verified, existing ones kept);
 * check again that nothing opened the database; move the current database (and a leftover -wal) aside as
 * `aduan.db.before-restore-<time>`; rename the copy into place.
 */
export async function restore(opts: RestoreOptions): Promise<RestoreReport> {
  const say = opts.say ?? (() => {});
  const now = opts.now ?? (() => new Date());
  const target = { dbPath: opts.dbPath, host: opts.host, port: opts.port };
  const running = await runningReason(target);
  if (running) throw new RestoreError(`refusing to restore: ${running}`);

  const time = stamp(now());
  const incoming = `${opts.dbPath}.restore-${time}.partial`;
  const { manifest, facts, decrypted } = await verifyBackup(opts.src, { key: opts.key, plainDb: incoming });
  if (manifest.encryption)
    say(`✓ decrypted with key ${manifest.encryption.keyId}; every file's tag verified`);
  else if (opts.key) say('! this backup is not encrypted (made without BACKUP_KEY_FILE): restored as it is');
  say(
    `✓ backup verified: ${manifest.createdAt}, schema ${manifest.schemaVersion}, ${manifest.counts.tickets} tickets, ${manifest.counts.conversations} conversations, ${manifest.counts.attachments} attachments`,
  );

  if (!decrypted) {
    await mkdir(dirname(opts.dbPath), { recursive: true });
    await copyFile(join(opts.src, DB_FILE), incoming);
    if ((await sha256File(incoming)) !== manifest.db.sha256) {
      await rm(incoming, { force: true });
      throw new RestoreError('the copied database does not match the manifest (disk full or failing?)');
    }
  }

  const attachmentsDir = join(opts.dataDir, ATTACHMENTS_DIR);
  await mkdir(attachmentsDir, { recursive: true });
  const files = await syncAttachments(join(opts.src, ATTACHMENTS_DIR), attachmentsDir, {
    transfer: transferFrom(manifest, opts.key),
  });
  if (files.corrupt.length > 0) {
    await rm(incoming, { force: true });
    throw new RestoreError(
      `${files.corrupt.length} attachment file(s) in the backup are damaged or were changed since they were checked`,
    );
  }
  say(`✓ attachments: ${files.copied} copied, ${files.unchanged} already there`);

  const again = await runningReason(target);
  if (again) {
    await rm(incoming, { force: true });
    throw new RestoreError(`refusing to restore: ${again}`);
  }
  let movedAside: string | null = null;
  if (existsSync(opts.dbPath)) {
    movedAside = join(dirname(opts.dbPath), `${basename(opts.dbPath)}.before-restore-${time}`);
    await rename(opts.dbPath, movedAside);
    say(`✓ the current database moved aside to ${movedAside}`);
  }
  // A leftover WAL belongs to the old file: it goes with it (SQLite finds it by name), or it would be replayed
  // into the restored one.
  for (const suffix of ['-wal', '-shm', '-journal']) {
    const stray = `${opts.dbPath}${suffix}`;
    if (!existsSync(stray)) continue;
    if (movedAside && suffix !== '-shm') await rename(stray, `${movedAside}${suffix}`);
    else await rm(stray, { force: true });
  }
  await rename(incoming, opts.dbPath);
  say(`✓ restored ${opts.dbPath}`);
  return { manifest, facts, movedAside, files };
}
