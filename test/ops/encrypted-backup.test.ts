// Encrypted backups: a round trip, no plaintext in the backup folder, and every refusal (key, tampering) changing nothing.
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listAttachmentFiles } from '../../src/ops/attachment-files.js';
import { type BackupKey, backupKeyFrom } from '../../src/ops/backup-key.js';
import { Manifest, backup, runScheduledBackup } from '../../src/ops/backup.js';
import { RestoreError, checkBackup, restore } from '../../src/ops/restore.js';
import { Harness } from '../helpers/harness.js';
import { attachmentFiles, fileComplaint } from './fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'aduan-enc-'));
const NOW = () => new Date('2026-11-23T02:00:00Z');
const key = (fill: number): BackupKey => backupKeyFrom(Buffer.alloc(32, fill));
const KEY = key(7);
const OTHER_KEY = key(8);

/** Every file under `dir`, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

/** What the fixture citizen told, as it sits in a plain database: NIK, name, story, and SQLite's own header. */
const SECRETS = ['6371045708900001', 'Siti Rahmah', 'belum selesai dicetak', 'SQLite format 3'];

/** A data folder with two complaints and photos, and its encrypted backup; the harness is closed (stopped). */
async function stoppedWithEncryptedBackup(): Promise<{ h: Harness; src: string }> {
  const h = new Harness();
  fileComplaint(h, 'a');
  fileComplaint(h, 'b');
  h.say('c', { photo: true });
  const src = join(tmp(), 'backup-1');
  await backup({
    db: h.core.db,
    attachmentsDir: join(h.dir, 'attachments'),
    dest: src,
    now: NOW,
    encryption: { key: KEY, scratchDir: h.dir },
  });
  h.close();
  return { h, src };
}

const target = (h: { dir: string }, src: string, k: BackupKey | null) => ({
  src,
  dbPath: join(h.dir, 'aduan.db'),
  dataDir: h.dir,
  host: '127.0.0.1',
  port: 0,
  key: k,
  now: NOW,
});

/** Nothing happened to the instance: no database moved aside, no partial copy, the database as it was. */
function expectUntouched(h: Harness, dbBefore: Buffer): void {
  expect(
    readdirSync(h.dir).filter((n) => /before-restore|\.partial|\.tmp|^\.verify|^\.backup/.test(n)),
  ).toEqual([]);
  expect(readFileSync(join(h.dir, 'aduan.db')).equals(dbBefore)).toBe(true);
}

function flipByte(path: string, at: (size: number) => number): void {
  const bytes = readFileSync(path);
  const i = at(bytes.length);
  bytes[i] = (bytes[i] ?? 0) ^ 0x01;
  writeFileSync(path, bytes);
}

describe('encrypted backups', () => {
  const open: Harness[] = [];
  afterEach(() => {
    for (const h of open.splice(0)) h.close();
  });

  it('round trip: encrypted backup, everything lost, restore with the key → same tickets and files', async () => {
    const h = new Harness();
    fileComplaint(h, 'a');
    fileComplaint(h, 'b');
    h.say('c', { photo: true });
    const tickets = h.complaints();
    const files = await attachmentFiles(join(h.dir, 'attachments'));
    expect(files.size).toBeGreaterThanOrEqual(3);
    const src = tmp();
    const { manifest } = await backup({
      db: h.core.db,
      attachmentsDir: join(h.dir, 'attachments'),
      dest: src,
      now: NOW,
      encryption: { key: KEY, scratchDir: h.dir },
    });
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.encryption).toEqual({ cipher: 'aes-256-gcm', keyId: KEY.id });
    expect(manifest.db.file).toBe('aduan.db.enc');
    expect(Manifest.parse(JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8')))).toEqual(manifest);
    expect(existsSync(join(src, 'aduan.db'))).toBe(false);
    // The plain copy made next to the live database is gone again.
    expect(readdirSync(h.dir).filter((n) => n.startsWith('.backup'))).toEqual([]);
    h.close();
    for (const n of readdirSync(h.dir)) {
      if (n.startsWith('aduan.db') || n === 'attachments') rmSync(join(h.dir, n), { recursive: true });
    }

    const lines: string[] = [];
    const report = await restore({ ...target(h, src, KEY), say: (l) => lines.push(l) });
    expect(report.movedAside).toBeNull();
    expect(lines[0]).toBe(`✓ decrypted with key ${KEY.id}; every file's tag verified`);
    const restored = new Harness({ dir: h.dir, seed: 7 });
    open.push(restored);
    expect(restored.complaints()).toEqual(tickets);
    expect(await attachmentFiles(join(h.dir, 'attachments'))).toEqual(files);
  });

  it('writes no plaintext into the backup folder: no NIK, name, story, SQLite header or photo bytes', async () => {
    const h = new Harness();
    open.push(h);
    fileComplaint(h, 'a');
    const photos = (await listAttachmentFiles(join(h.dir, 'attachments'))).map((sha) =>
      readFileSync(join(h.dir, 'attachments', sha.slice(0, 2), sha)),
    );
    expect(photos.length).toBeGreaterThan(0);
    const needles = [...SECRETS.map((s) => Buffer.from(s, 'utf8')), ...photos];
    const leaks = (dir: string) =>
      filesUnder(dir).flatMap((f) =>
        needles
          .filter((n) => readFileSync(f).includes(n))
          .map((n) => `${relative(dir, f)}: ${n.toString('hex')}`),
      );
    // The same search finds them all in an unencrypted backup (the search works).
    const plain = tmp();
    await backup({ db: h.core.db, attachmentsDir: join(h.dir, 'attachments'), dest: plain, now: NOW });
    for (const n of needles) expect(filesUnder(plain).some((f) => readFileSync(f).includes(n))).toBe(true);

    const sealed = tmp();
    await backup({
      db: h.core.db,
      attachmentsDir: join(h.dir, 'attachments'),
      dest: sealed,
      now: NOW,
      encryption: { key: KEY, scratchDir: h.dir },
    });
    expect(filesUnder(sealed).length).toBe(2 + photos.length);
    expect(leaks(sealed)).toEqual([]);

    // Encrypting into a folder that held a plain backup removes the plain database; plain photos are replaced.
    await backup({
      db: h.core.db,
      attachmentsDir: join(h.dir, 'attachments'),
      dest: plain,
      now: NOW,
      encryption: { key: KEY, scratchDir: h.dir },
    });
    expect(existsSync(join(plain, 'aduan.db'))).toBe(false);
    expect(leaks(plain)).toEqual([]);
  });

  it('refuses without a key, with a wrong key, and changes nothing', async () => {
    const { h, src } = await stoppedWithEncryptedBackup();
    const before = readFileSync(join(h.dir, 'aduan.db'));
    await expect(restore(target(h, src, null))).rejects.toThrow(RestoreError);
    await expect(restore(target(h, src, null))).rejects.toThrow(
      `this backup is encrypted (AES-256-GCM, key ${KEY.id}): set BACKUP_KEY_FILE to the file holding that key`,
    );
    await expect(restore(target(h, src, OTHER_KEY))).rejects.toThrow(
      `wrong key: this backup was encrypted with key ${KEY.id}, BACKUP_KEY_FILE holds key ${OTHER_KEY.id}`,
    );
    await expect(checkBackup(src, OTHER_KEY, h.dir)).rejects.toThrow(/wrong key/);
    expectUntouched(h, before);
  });

  it('refuses a flipped byte in the database, an attachment or the manifest, and a truncated file', async () => {
    const { h, src } = await stoppedWithEncryptedBackup();
    const before = readFileSync(join(h.dir, 'aduan.db'));
    const restoreIt = () => restore(target(h, src, KEY));
    const keep = (path: string) => {
      const original = readFileSync(path);
      return () => writeFileSync(path, original);
    };
    const dbFile = join(src, 'aduan.db.enc');
    const putBackDb = keep(dbFile);
    flipByte(dbFile, (size) => Math.floor(size / 2));
    await expect(restoreIt()).rejects.toThrow(/aduan\.db\.enc fails its authentication check/);
    putBackDb();
    truncateSync(dbFile, statSync(dbFile).size - 5);
    await expect(restoreIt()).rejects.toThrow(/aduan\.db\.enc fails its authentication check/);
    truncateSync(dbFile, 20);
    await expect(restoreIt()).rejects.toThrow(/aduan\.db\.enc is cut short/);
    putBackDb();

    const [sha] = await listAttachmentFiles(join(src, 'attachments'));
    if (!sha) throw new Error('no attachment');
    const photo = join(src, 'attachments', sha.slice(0, 2), sha);
    const putBackPhoto = keep(photo);
    flipByte(photo, (size) => size - 20);
    await expect(restoreIt()).rejects.toThrow(
      /1 attachment file\(s\) in the backup are damaged or were changed/,
    );
    putBackPhoto();
    truncateSync(photo, statSync(photo).size - 1);
    await expect(restoreIt()).rejects.toThrow(
      /1 attachment file\(s\) in the backup are damaged or were changed/,
    );
    putBackPhoto();

    const manifestFile = join(src, 'manifest.json');
    const putBackManifest = keep(manifestFile);
    const text = readFileSync(manifestFile, 'utf8');
    // One digit of the ticket count, still valid JSON and a valid manifest: only the HMAC can tell.
    writeFileSync(manifestFile, text.replace('"tickets": 2', '"tickets": 3'));
    await expect(restoreIt()).rejects.toThrow(
      /manifest\.json was changed or damaged \(its HMAC does not match\)/,
    );
    writeFileSync(manifestFile, text.replace('"missingFiles": []', `"missingFiles": ["${sha}"]`));
    await expect(restoreIt()).rejects.toThrow(/HMAC does not match/);
    // Stripping the encryption makes it claim to be plain, which its files are not.
    const stripped = JSON.parse(text);
    stripped.formatVersion = 1;
    stripped.encryption = undefined;
    stripped.mac = undefined;
    stripped.db.file = 'aduan.db';
    writeFileSync(manifestFile, JSON.stringify(stripped));
    await expect(restoreIt()).rejects.toThrow(/aduan\.db is missing/);
    putBackManifest();

    expectUntouched(h, before);
    // After all that, the untouched backup restores.
    await restoreIt();
    const restored = new Harness({ dir: h.dir });
    open.push(restored);
    expect(restored.complaints().length).toBe(2);
  });

  it('verifies a backup without restoring (--verify), leaving no decrypted copy behind', async () => {
    const { h, src } = await stoppedWithEncryptedBackup();
    const scratch = tmp();
    const { manifest, facts, decrypted } = await checkBackup(src, KEY, scratch);
    expect(manifest.counts.tickets).toBe(2);
    expect(facts.counts.tickets).toBe(2);
    expect(decrypted).not.toBeNull();
    expect(readdirSync(scratch)).toEqual([]);
    await expect(checkBackup(src, null, scratch)).rejects.toThrow(/this backup is encrypted/);
    expect(existsSync(join(h.dir, 'aduan.db'))).toBe(true);
  });

  it('an unencrypted backup still restores, without a key and with one (and says so)', async () => {
    const h = new Harness();
    fileComplaint(h, 'a');
    const tickets = h.complaints();
    const src = tmp();
    await backup({ db: h.core.db, attachmentsDir: join(h.dir, 'attachments'), dest: src, now: NOW });
    h.close();
    await restore(target(h, src, null));
    const lines: string[] = [];
    await restore({
      ...target(h, src, KEY),
      now: () => new Date('2026-11-23T03:00:00Z'),
      say: (l) => lines.push(l),
    });
    expect(lines[0]).toBe('! this backup is not encrypted (made without BACKUP_KEY_FILE): restored as it is');
    const restored = new Harness({ dir: h.dir });
    open.push(restored);
    expect(restored.complaints()).toEqual(tickets);
  });

  it('scheduled encrypted backups hard-link unchanged attachments, never a plain one or another key', async () => {
    const h = new Harness();
    open.push(h);
    fileComplaint(h, 'a');
    const dir = tmp();
    let at = Date.parse('2026-11-23T02:00:00Z');
    const run = (k: BackupKey | null) => {
      const now = new Date(at);
      at += 3_600_000;
      return runScheduledBackup({
        db: h.core.db,
        dataDir: h.dir,
        dir,
        keep: 10,
        now: () => now,
        encryption: k ? { key: k, scratchDir: h.dir } : undefined,
      });
    };
    const names = [
      (await run(null)).name,
      (await run(KEY)).name,
      (await run(KEY)).name,
      (await run(OTHER_KEY)).name,
    ];
    const [sha] = await listAttachmentFiles(join(h.dir, 'attachments'));
    if (!sha) throw new Error('no attachment');
    const ino = (name: string) => statSync(join(dir, name, 'attachments', sha.slice(0, 2), sha)).ino;
    const [plain, first, second, other] = names.map(ino);
    expect(first).not.toBe(plain); // a plain file is never linked into an encrypted backup
    expect(second).toBe(first); // same plaintext, same key: reused
    expect(other).not.toBe(second); // another key: encrypted again
    expect(
      readFileSync(join(dir, names[1] ?? '', 'attachments', sha.slice(0, 2), sha))
        .subarray(0, 8)
        .toString(),
    ).toBe('ADUANENC');
    expect(readdirSync(h.dir).filter((n) => n.startsWith('.backup'))).toEqual([]);
    // Each restores with its own key, into a fresh data folder.
    for (const [name, k] of [
      [names[2], KEY],
      [names[3], OTHER_KEY],
    ] as const) {
      const fresh = { dir: tmp() };
      await restore(target(fresh, join(dir, name ?? ''), k));
      expect(await attachmentFiles(join(fresh.dir, 'attachments'))).toEqual(
        await attachmentFiles(join(h.dir, 'attachments')),
      );
    }
  });
});
