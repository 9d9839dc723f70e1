// Restore: refused while the instance runs; a round trip gives the same tickets and files; damage is caught.
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { type Server, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backup } from '../../src/ops/backup.js';
import { RestoreError, portInUse, restore } from '../../src/ops/restore.js';
import { databaseInUse } from '../../src/storage/db-files.js';
import { Harness } from '../helpers/harness.js';
import { attachmentFiles, fileComplaint } from './fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'aduan-ops-'));

async function listen(): Promise<{ server: Server; port: number }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('no port');
  return { server, port: addr.port };
}

/** A data folder with filed complaints and its backup; the harness is left open ("running"). */
async function instanceWithBackup(): Promise<{ h: Harness; src: string }> {
  const h = new Harness();
  fileComplaint(h, 'a');
  fileComplaint(h, 'b');
  h.say('c', { photo: true });
  const src = tmp();
  await backup({ db: h.core.db, attachmentsDir: join(h.dir, 'attachments'), dest: src });
  return { h, src };
}

describe('restore', () => {
  const cleanup: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });

  it('refuses while the database is open (the service runs) and while the port is taken', async () => {
    const { h, src } = await instanceWithBackup();
    const dbPath = join(h.dir, 'aduan.db');
    const target = { src, dbPath, dataDir: h.dir, host: '127.0.0.1', port: 0 };
    expect(databaseInUse(dbPath)).toBe(true);
    await expect(restore(target)).rejects.toThrow(RestoreError);
    await expect(restore(target)).rejects.toThrow(/is open in another process/);
    h.close();
    expect(databaseInUse(dbPath)).toBe(false);

    const { server, port } = await listen();
    cleanup.push(() => server.close());
    expect(await portInUse('127.0.0.1', port)).toBe(true);
    await expect(restore({ ...target, port })).rejects.toThrow(/listens on 127.0.0.1:\d+/);
    // Nothing was touched by the refusals.
    expect(existsSync(dbPath)).toBe(true);
    expect(readdirSync(h.dir).some((n) => n.includes('before-restore'))).toBe(false);
  });

  it('round trip: back up, lose everything, restore into a stopped instance → same tickets and files', async () => {
    const { h, src } = await instanceWithBackup();
    const tickets = h.complaints();
    expect(tickets.length).toBe(2);
    const files = await attachmentFiles(join(h.dir, 'attachments'));
    expect(files.size).toBeGreaterThanOrEqual(3);
    h.close();
    rmSync(join(h.dir, 'aduan.db'), { force: true });
    rmSync(join(h.dir, 'attachments'), { recursive: true, force: true });

    const lines: string[] = [];
    const report = await restore({
      src,
      dbPath: join(h.dir, 'aduan.db'),
      dataDir: h.dir,
      host: '127.0.0.1',
      port: 0,
      say: (l) => lines.push(l),
    });
    expect(report.movedAside).toBeNull();
    expect(lines.join('\n')).toMatch(/backup verified/);
    const reopened = new Harness({ dir: h.dir, seed: 7 });
    cleanup.push(() => reopened.close());
    expect(reopened.complaints()).toEqual(tickets);
    expect(await attachmentFiles(join(h.dir, 'attachments'))).toEqual(files);
    // And the restored instance keeps working.
    fileComplaint(reopened, 'd', { photo: false });
    expect(reopened.complaints().length).toBe(3);
  });

  it('moves the current database aside, with what a crashed service left in its WAL', async () => {
    const { h, src } = await instanceWithBackup();
    fileComplaint(h, 'later'); // only in the current database (still in its WAL), not in the backup
    const current = h.complaints();
    // A service killed with SIGKILL: the files as they are on disk, WAL included, with no process holding them.
    const crashed = tmp();
    copyFileSync(join(h.dir, 'aduan.db'), join(crashed, 'aduan.db'));
    copyFileSync(join(h.dir, 'aduan.db-wal'), join(crashed, 'aduan.db-wal'));
    h.close();
    const report = await restore({
      src,
      dbPath: join(crashed, 'aduan.db'),
      dataDir: crashed,
      host: '127.0.0.1',
      port: 0,
      now: () => new Date('2026-11-24T03:04:05Z'),
    });
    expect(report.movedAside).toBe(join(crashed, 'aduan.db.before-restore-20261124-030405'));
    expect(existsSync(join(crashed, 'aduan.db-wal'))).toBe(false);
    const aside = new Database(report.movedAside ?? '', { readonly: true });
    expect(aside.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(current.length);
    aside.close();
    const restored = new Harness({ dir: crashed });
    cleanup.push(() => restored.close());
    expect(restored.complaints().length).toBe(2);
    expect(current.length).toBe(3);
  });

  it('refuses a damaged backup before touching anything', async () => {
    const { h, src } = await instanceWithBackup();
    h.close();
    const dbPath = join(h.dir, 'aduan.db');
    const target = { src, dbPath, dataDir: h.dir, host: '127.0.0.1', port: 0 };
    const original = readFileSync(join(src, 'aduan.db'));
    const bad = Buffer.from(original);
    bad[bad.length - 100] = (bad[bad.length - 100] ?? 0) ^ 0xff;
    writeFileSync(join(src, 'aduan.db'), bad);
    await expect(restore(target)).rejects.toThrow(/does not match the manifest's sha256/);
    writeFileSync(join(src, 'aduan.db'), original);
    const manifest = JSON.parse(readFileSync(join(src, 'manifest.json'), 'utf8'));
    manifest.counts.tickets = 99;
    writeFileSync(join(src, 'manifest.json'), JSON.stringify(manifest));
    await expect(restore(target)).rejects.toThrow(/counts differ/);
    writeFileSync(join(src, 'manifest.json'), '{"format":"something else"}');
    await expect(restore(target)).rejects.toThrow(/not an Aduan backup manifest/);
    expect(readdirSync(h.dir).some((n) => n.includes('before-restore') || n.includes('.partial'))).toBe(
      false,
    );
  });

  it('refuses a backup made by a newer Aduan (a migration this code does not know)', async () => {
    const h = new Harness();
    fileComplaint(h, 'a');
    h.core.db
      .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, ?, ?)')
      .run('from-the-future', '2027-01-01T00:00:00Z');
    const src = tmp();
    await backup({ db: h.core.db, attachmentsDir: join(h.dir, 'attachments'), dest: src });
    h.close();
    await expect(
      restore({ src, dbPath: join(h.dir, 'aduan.db'), dataDir: h.dir, host: '127.0.0.1', port: 0 }),
    ).rejects.toThrow(/migrations this Aduan does not know \(999\)/);
  });

  it('restores over a damaged database file, keeping the damaged one aside', async () => {
    const { h, src } = await instanceWithBackup();
    h.close();
    const dbPath = join(h.dir, 'aduan.db');
    writeFileSync(dbPath, Buffer.alloc(8192, 0x41));
    rmSync(`${dbPath}-wal`, { force: true });
    const report = await restore({ src, dbPath, dataDir: h.dir, host: '127.0.0.1', port: 0 });
    expect(
      readFileSync(report.movedAside ?? '')
        .subarray(0, 4)
        .toString(),
    ).toBe('AAAA');
    const restored = new Harness({ dir: h.dir });
    cleanup.push(() => restored.close());
    expect(restored.complaints().length).toBe(2);
  });
});
