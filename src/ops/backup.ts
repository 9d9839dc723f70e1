// Online backups: SQLite's backup API into DEST, the attachments checked by sha256, a manifest; encrypted with a key.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type DbCopyOptions, type DbFacts, copyDatabase } from '../storage/db-files.js';
import type { Db } from '../storage/db.js';
import {
  type FileSyncReport,
  copying,
  listAttachmentFiles,
  sealing,
  sha256File,
  syncAttachments,
} from './attachment-files.js';
import { type BackupKey, manifestMac } from './backup-key.js';
import { sealFile, sealedDigest } from './sealed-file.js';

export const MANIFEST_FILE = 'manifest.json';
export const DB_FILE = 'aduan.db';
/** The database encrypted (AES-256-GCM), in place of DB_FILE when the backup has a key. */
export const SEALED_DB_FILE = 'aduan.db.enc';
export const ATTACHMENTS_DIR = 'attachments';

export const Manifest = z
  .object({
    format: z.literal('aduan-backup'),
    /** 1: plain files; 2: encrypted files (`encryption`) and an authenticated manifest (`mac`). */
    formatVersion: z.union([z.literal(1), z.literal(2)]),
    createdAt: z.string(),
    /** The highest applied migration, and every applied one. */
    schemaVersion: z.number().int().min(0),
    migrations: z.array(z.number().int()),
    /** sha256 and size of the database itself (the plaintext, when it is stored encrypted). */
    db: z.object({
      file: z.enum([DB_FILE, SEALED_DB_FILE]),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number(),
    }),
    counts: z.object({
      tickets: z.number().int().min(0),
      conversations: z.number().int().min(0),
      /** Rows of the attachments table. */
      attachments: z.number().int().min(0),
      /** Files under attachments/ (content-addressed; a file may serve several rows). */
      attachmentFiles: z.number().int().min(0),
    }),
    /** sha256 of files the database names but the data folder did not have when the backup was made. */
    missingFiles: z.array(z.string()),
    /** Present when the database and attachments are encrypted: which key (its id) opens them. */
    encryption: z
      .object({ cipher: z.literal('aes-256-gcm'), keyId: z.string().regex(/^[0-9a-f]{16}$/) })
      .optional(),
    /** HMAC-SHA256 (a key derived from the backup key) of the manifest's JSON without this field. */
    mac: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .refine(
    (m) =>
      m.formatVersion === 2
        ? m.encryption !== undefined && m.mac !== undefined && m.db.file === SEALED_DB_FILE
        : m.encryption === undefined && m.mac === undefined && m.db.file === DB_FILE,
    {
      message:
        'formatVersion 2 goes with encryption, mac and aduan.db.enc; formatVersion 1 with none of them',
    },
  );
export type Manifest = z.infer<typeof Manifest>;

export type BackupOptions = DbCopyOptions & {
  /** An open connection to the live database (the service's own, or one the CLI opened). */
  db: Db;
  /** DATA_DIR/attachments */
  attachmentsDir: string;
  /** The backup folder; created when missing. Running again into the same folder copies only what changed. */
  dest: string;
  now?: () => Date;
  /** An earlier backup folder whose attachment files may be hard-linked instead of copied. */
  reuse?: string;
  /** Encrypt with this key. */
  encryption?: BackupEncryption;
};

export type BackupEncryption = {
  key: BackupKey;
  /**
   * Where the plain copy of the database is made before it is encrypted into the backup: the live database's own
   * folder, which holds the plaintext anyway (never the backup folder).
   */
  scratchDir: string;
};

export type BackupReport = { manifest: Manifest; files: FileSyncReport };

type DbCopy = { facts: DbFacts; db: Manifest['db'] };

const removeWithSidecars = async (path: string) => {
  for (const file of ['', '.partial']) {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      await rm(`${path}${file}${suffix}`, { force: true });
  }
};

/** The database into the backup folder: copied as it is, or copied next to the live one and encrypted from there. */
async function backupDatabase(opts: BackupOptions): Promise<DbCopy> {
  const plainDest = join(opts.dest, DB_FILE);
  const sealedDest = join(opts.dest, SEALED_DB_FILE);
  if (!opts.encryption) {
    const facts = await copyDatabase(opts.db, plainDest, opts);
    await rm(sealedDest, { force: true });
    const db: Manifest['db'] = {
      file: DB_FILE,
      sha256: await sha256File(plainDest),
      bytes: (await stat(plainDest)).size,
    };
    return { facts, db };
  }
  const { key, scratchDir } = opts.encryption;
  const plain = join(scratchDir, `.backup-${process.pid}-${randomBytes(6).toString('hex')}.db`);
  const tmp = `${sealedDest}.${process.pid}.tmp`;
  try {
    const facts = await copyDatabase(opts.db, plain, opts);
    await rm(tmp, { force: true });
    const sha256 = await sealFile(key, plain, tmp);
    if ((await sealedDigest(key, tmp)) !== sha256)
      throw new Error('the encrypted database does not read back');
    await rename(tmp, sealedDest);
    // A plain copy from an earlier run into this folder without the key must not stay beside the encrypted one.
    await removeWithSidecars(plainDest);
    return { facts, db: { file: SEALED_DB_FILE, sha256, bytes: (await stat(plain)).size } };
  } finally {
    await removeWithSidecars(plain);
    await rm(tmp, { force: true });
  }
}

/**
 * One online backup. The database is copied first and the attachments after it: a file is always written before
 * the row naming it commits, so every file the copied database names is already there to be copied.
 */
export async function backup(opts: BackupOptions): Promise<BackupReport> {
  const now = opts.now ?? (() => new Date());
  const createdAt = now().toISOString();
  await mkdir(opts.dest, { recursive: true });
  const { facts, db } = await backupDatabase(opts);
  const attachmentsDest = join(opts.dest, ATTACHMENTS_DIR);
  await mkdir(attachmentsDest, { recursive: true });
  const key = opts.encryption?.key;
  const files = await syncAttachments(opts.attachmentsDir, attachmentsDest, {
    reuse: opts.reuse ? join(opts.reuse, ATTACHMENTS_DIR) : undefined,
    transfer: key ? sealing(key) : copying,
  });
  const present = new Set(await listAttachmentFiles(attachmentsDest));
  const body: Omit<Manifest, 'mac'> = {
    format: 'aduan-backup',
    formatVersion: key ? 2 : 1,
    createdAt,
    schemaVersion: facts.schemaVersion,
    migrations: facts.migrations,
    db,
    counts: { ...facts.counts, attachmentFiles: present.size },
    missingFiles: facts.attachmentShas.filter((sha) => !present.has(sha)),
    ...(key ? { encryption: { cipher: 'aes-256-gcm', keyId: key.id } } : {}),
  };
  const manifest: Manifest = key ? { ...body, mac: manifestMac(key, body) } : body;
  const tmp = join(opts.dest, `${MANIFEST_FILE}.tmp`);
  await writeFile(tmp, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(tmp, join(opts.dest, MANIFEST_FILE));
  return { manifest, files };
}

const NAME = /^aduan-\d{8}-\d{4}(-\d+)?$/;

/** `aduan-YYYYMMDD-HHMM` in UTC. */
export function backupName(at: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `aduan-${at.getUTCFullYear()}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}-${p(at.getUTCHours())}${p(at.getUTCMinutes())}`;
}

/** The complete backups in `dir` (those with a manifest), oldest first. */
export async function listBackups(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && NAME.test(e.name) && existsSync(join(dir, e.name, MANIFEST_FILE)))
    .map((e) => e.name);
  const key = (n: string) => {
    const m = /^(aduan-\d{8}-\d{4})(?:-(\d+))?$/.exec(n);
    return `${m?.[1] ?? n}-${(m?.[2] ?? '1').padStart(6, '0')}`;
  };
  return names.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** Deletes the oldest complete backups beyond `keep`; returns the deleted names. */
export async function pruneBackups(dir: string, keep: number): Promise<string[]> {
  const all = await listBackups(dir);
  const doomed = all.slice(0, Math.max(0, all.length - Math.max(1, keep)));
  for (const name of doomed) await rm(join(dir, name), { recursive: true, force: true });
  return doomed;
}

export type ScheduleOptions = {
  db: Db;
  /** DATA_DIR: the attachments are under DATA_DIR/attachments. */
  dataDir: string;
  /** Where the `aduan-YYYYMMDD-HHMM` folders go. */
  dir: string;
  everyHours: number;
  /** How many complete backups to keep. */
  keep: number;
  now?: () => Date;
  /** Encrypt every scheduled backup with this key. */
  encryption?: BackupEncryption;
  onDone?: (r: { name: string; manifest: Manifest; deleted: string[] }) => void;
  onError?: (err: unknown) => void;
};

/**
 * One scheduled backup: written as `.NAME.partial` and renamed when complete, so a crash never leaves a
 * half backup that counts; unchanged attachments are hard-linked from the newest earlier backup.
 */
export async function runScheduledBackup(
  opts: Omit<ScheduleOptions, 'everyHours' | 'onDone' | 'onError'>,
): Promise<{ name: string; manifest: Manifest; deleted: string[] }> {
  const now = opts.now ?? (() => new Date());
  await mkdir(opts.dir, { recursive: true });
  const base = backupName(now());
  let name = base;
  for (let i = 2; existsSync(join(opts.dir, name)); i++) name = `${base}-${i}`;
  const previous = (await listBackups(opts.dir)).at(-1);
  const partial = join(opts.dir, `.${name}.partial`);
  await rm(partial, { recursive: true, force: true });
  const { manifest } = await backup({
    db: opts.db,
    attachmentsDir: join(opts.dataDir, ATTACHMENTS_DIR),
    dest: partial,
    now,
    reuse: previous ? join(opts.dir, previous) : undefined,
    encryption: opts.encryption,
  });
  await rename(partial, join(opts.dir, name));
  const deleted = await pruneBackups(opts.dir, opts.keep);
  return { name, manifest, deleted };
}

/**
 * Backs up every `everyHours` hours (the first one after one interval) and keeps the newest `keep`.
 * Returns a stop function that cancels the timer and waits for a backup in progress, so the caller may close the
 * database afterwards.
 */
export function scheduleBackups(opts: ScheduleOptions): () => Promise<void> {
  if (!(opts.everyHours > 0)) throw new Error('everyHours must be positive');
  let running: Promise<void> | null = null;
  let stopped = false;
  const tick = () => {
    if (running || stopped) return;
    running = runScheduledBackup(opts)
      .then(
        (r) => opts.onDone?.(r),
        (err: unknown) => opts.onError?.(err),
      )
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, Math.round(opts.everyHours * 3_600_000));
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
