// Restores a backup into a stopped instance: checks, then the current database moved aside, then the copy put in.
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { basename, dirname, join } from 'node:path';
import { type DbFacts, databaseInUse, inspectDbFile } from '../storage/db-files.js';
import { MIGRATIONS } from '../storage/migrations/index.js';
import {
  ATTACHMENTS_DIR,
  DB_FILE,
  type FileSyncReport,
  MANIFEST_FILE,
  Manifest,
  listAttachmentFiles,
  sha256File,
  syncAttachments,
} from './backup.js';

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

async function readManifest(src: string): Promise<Manifest> {
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
  return parsed.data;
}

/** Checks the backup without touching anything: manifest, checksum, integrity, schema, counts. */
export async function verifyBackup(src: string): Promise<{ manifest: Manifest; facts: DbFacts }> {
  const manifest = await readManifest(src);
  const dbFile = join(src, DB_FILE);
  if (!existsSync(dbFile)) throw new RestoreError(`${dbFile} is missing`);
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
  const files = new Set(await listAttachmentFiles(join(src, ATTACHMENTS_DIR)));
  const missing = facts.attachmentShas.filter((s) => !files.has(s) && !manifest.missingFiles.includes(s));
  if (missing.length > 0) {
    throw new RestoreError(
      `${missing.length} attachment file(s) named by the database are missing from the backup`,
    );
  }
  return { manifest, facts };
}

/**
 * Restores `src` into the instance at dbPath/dataDir. Refuses while the instance runs. Order: verify the backup;
 * copy the database next to its place and verify the copy; add the attachments (verified, existing ones kept);
 * check again that nothing opened the database; move the current database (and a leftover -wal) aside as
 * `aduan.db.before-restore-<time>`; rename the copy into place.
 */
export async function restore(opts: RestoreOptions): Promise<RestoreReport> {
  const say = opts.say ?? (() => {});
  const now = opts.now ?? (() => new Date());
  const target = { dbPath: opts.dbPath, host: opts.host, port: opts.port };
  const running = await runningReason(target);
  if (running) throw new RestoreError(`refusing to restore: ${running}`);

  const { manifest, facts } = await verifyBackup(opts.src);
  say(
    `✓ backup verified: ${manifest.createdAt}, schema ${manifest.schemaVersion}, ${manifest.counts.tickets} tickets, ${manifest.counts.conversations} conversations, ${manifest.counts.attachments} attachments`,
  );

  await mkdir(dirname(opts.dbPath), { recursive: true });
  const time = stamp(now());
  const incoming = `${opts.dbPath}.restore-${time}.partial`;
  await copyFile(join(opts.src, DB_FILE), incoming);
  if ((await sha256File(incoming)) !== manifest.db.sha256) {
    await rm(incoming, { force: true });
    throw new RestoreError('the copied database does not match the manifest (disk full or failing?)');
  }

  const attachmentsDir = join(opts.dataDir, ATTACHMENTS_DIR);
  await mkdir(attachmentsDir, { recursive: true });
  const files = await syncAttachments(join(opts.src, ATTACHMENTS_DIR), attachmentsDir);
  if (files.corrupt.length > 0) {
    await rm(incoming, { force: true });
    throw new RestoreError(
      `${files.corrupt.length} attachment file(s) in the backup do not match their sha256`,
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
