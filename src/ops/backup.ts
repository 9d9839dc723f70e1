// Online backups: SQLite's backup API into DEST/aduan.db, the attachments checked by sha256, and a manifest.
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { type DbCopyOptions, copyDatabase } from '../storage/db-files.js';
import type { Db } from '../storage/db.js';

export const MANIFEST_FILE = 'manifest.json';
export const DB_FILE = 'aduan.db';
export const ATTACHMENTS_DIR = 'attachments';

export const Manifest = z.object({
  format: z.literal('aduan-backup'),
  formatVersion: z.literal(1),
  createdAt: z.string(),
  /** The highest applied migration, and every applied one. */
  schemaVersion: z.number().int().min(0),
  migrations: z.array(z.number().int()),
  db: z.object({ file: z.literal(DB_FILE), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number() }),
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
});
export type Manifest = z.infer<typeof Manifest>;

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
 * Copies the attachment files from `from` to `to`: only those missing or different there, each verified by its
 * sha256 (the file's name) before it is put in place. `reuse` names an earlier copy to hard-link unchanged files
 * from (scheduled backups share their files instead of copying them again).
 */
export async function syncAttachments(from: string, to: string, reuse?: string): Promise<FileSyncReport> {
  const report: FileSyncReport = { copied: 0, unchanged: 0, corrupt: [], bytes: 0 };
  for (const sha of await listAttachmentFiles(from)) {
    const src = pathOf(from, sha);
    const dest = pathOf(to, sha);
    if (existsSync(dest) && (await sha256File(dest)) === sha) {
      report.unchanged++;
      continue;
    }
    if ((await sha256File(src)) !== sha) {
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
    if (!linked) await copyFile(src, tmp);
    if ((await sha256File(tmp)) !== sha) {
      await rm(tmp, { force: true });
      if (!linked) throw new Error(`attachment ${sha} changed while it was copied`);
      await copyFile(src, tmp);
      if ((await sha256File(tmp)) !== sha) throw new Error(`attachment ${sha} changed while it was copied`);
    }
    await rename(tmp, dest);
    report.copied++;
    report.bytes += (await stat(dest)).size;
  }
  return report;
}

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
};

export type BackupReport = { manifest: Manifest; files: FileSyncReport };

/**
 * One online backup. The database is copied first and the attachments after it: a file is always written before
 * the row naming it commits, so every file the copied database names is already there to be copied.
 */
export async function backup(opts: BackupOptions): Promise<BackupReport> {
  const now = opts.now ?? (() => new Date());
  const createdAt = now().toISOString();
  await mkdir(opts.dest, { recursive: true });
  const dbFile = join(opts.dest, DB_FILE);
  const facts = await copyDatabase(opts.db, dbFile, opts);
  const attachmentsDest = join(opts.dest, ATTACHMENTS_DIR);
  await mkdir(attachmentsDest, { recursive: true });
  const files = await syncAttachments(
    opts.attachmentsDir,
    attachmentsDest,
    opts.reuse ? join(opts.reuse, ATTACHMENTS_DIR) : undefined,
  );
  const present = new Set(await listAttachmentFiles(attachmentsDest));
  const manifest: Manifest = {
    format: 'aduan-backup',
    formatVersion: 1,
    createdAt,
    schemaVersion: facts.schemaVersion,
    migrations: facts.migrations,
    db: { file: DB_FILE, sha256: await sha256File(dbFile), bytes: (await stat(dbFile)).size },
    counts: { ...facts.counts, attachmentFiles: present.size },
    missingFiles: facts.attachmentShas.filter((sha) => !present.has(sha)),
  };
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
