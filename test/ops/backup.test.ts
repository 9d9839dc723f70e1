// Online backups: consistent while a runtime keeps writing, incremental attachments, scheduled with retention.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256File } from '../../src/ops/attachment-files.js';
import {
  Manifest,
  backup,
  backupName,
  listBackups,
  runScheduledBackup,
  scheduleBackups,
} from '../../src/ops/backup.js';
import { type BackupStep, dbFacts, integrityProblems, openLiveDb } from '../../src/storage/db-files.js';
import type { Db } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { Harness } from '../helpers/harness.js';
import { attachmentFiles, fileComplaint } from './fixtures.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'aduan-ops-'));

describe('backup', () => {
  let h: Harness | null = null;
  let live: Db | null = null;
  afterEach(() => {
    live?.close();
    h?.close();
    live = null;
    h = null;
  });

  it('makes a consistent copy while the runtime writes between backup steps', async () => {
    h = new Harness();
    const harness = h;
    for (let i = 0; i < 4; i++) fileComplaint(harness, `c${i}`);
    expect(harness.complaints().length).toBe(4);
    // The CLI's own connection, as `npm run backup` opens it while the service runs.
    live = openLiveDb(join(harness.dir, 'aduan.db'));
    const dest = tmp();
    const steps: BackupStep[] = [];
    let writes = 0;
    const { manifest } = await backup({
      db: live,
      attachmentsDir: join(harness.dir, 'attachments'),
      dest,
      pagesPerStep: 2,
      onStep: (s) => {
        steps.push(s);
        // Another chat keeps talking (photos included) while pages are being copied.
        harness.say(`w${writes % 3}`, writes % 2 === 0 ? { photo: true } : `pesan ${writes}`);
        writes++;
      },
    });
    expect(steps.length).toBeGreaterThan(1);
    expect(writes).toBeGreaterThan(1);
    expect(steps.some((s) => s.restarted)).toBe(true);

    expect(Manifest.parse(JSON.parse(readFileSync(join(dest, 'manifest.json'), 'utf8')))).toEqual(manifest);
    expect(await sha256File(join(dest, 'aduan.db'))).toBe(manifest.db.sha256);
    const copy = new Database(join(dest, 'aduan.db'), { readonly: true, fileMustExist: true });
    try {
      expect(integrityProblems(copy)).toEqual([]);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      const facts = dbFacts(copy);
      expect(facts.counts).toEqual({
        tickets: manifest.counts.tickets,
        conversations: manifest.counts.conversations,
        attachments: manifest.counts.attachments,
      });
      expect(manifest.counts.tickets).toBe(4);
      expect(manifest.schemaVersion).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
      expect(manifest.migrations).toEqual(MIGRATIONS.map((m) => m.version));
      // Every file the copied database names is in the backup, with the right content.
      const files = await attachmentFiles(join(dest, 'attachments'));
      for (const sha of facts.attachmentShas) expect(files.get(sha)).toBe(sha);
      expect(manifest.missingFiles).toEqual([]);
      // The copy is a snapshot: the conversations written during the backup may be partly in it, never torn.
      const convs = copy.prepare('SELECT count(*) FROM conversations').pluck().get();
      expect(convs).toBe(manifest.counts.conversations);
    } finally {
      copy.close();
    }
    // The live database kept going and is bigger now.
    const liveCount = harness.core.db.prepare('SELECT count(*) FROM inbound_messages').pluck().get();
    expect(Number(liveCount)).toBeGreaterThan(0);
  });

  it('copies only missing or different attachment files when run again into the same folder', async () => {
    h = new Harness();
    fileComplaint(h, 'a');
    h.say('b', { photo: true });
    const dest = tmp();
    const first = await backup({ db: h.core.db, attachmentsDir: join(h.dir, 'attachments'), dest });
    expect(first.files.copied).toBe(first.manifest.counts.attachmentFiles);
    expect(first.files.copied).toBeGreaterThanOrEqual(2);
    // A damaged file in the backup is replaced; a new upload is added; the rest stays.
    const [damaged] = [...(await attachmentFiles(join(dest, 'attachments'))).keys()];
    if (!damaged) throw new Error('no file');
    writeFileSync(join(dest, 'attachments', damaged.slice(0, 2), damaged), 'garbage');
    h.say('c', { photo: true });
    const second = await backup({ db: h.core.db, attachmentsDir: join(h.dir, 'attachments'), dest });
    expect(second.files.copied).toBe(2);
    expect(second.files.unchanged).toBe(first.files.copied - 1);
    const files = await attachmentFiles(join(dest, 'attachments'));
    for (const [sha, content] of files) expect(content).toBe(sha);
  });

  it('schedules backups named aduan-YYYYMMDD-HHMM and keeps the newest ones', async () => {
    h = new Harness();
    fileComplaint(h, 'a');
    const dir = tmp();
    let at = Date.parse('2026-11-23T02:00:00Z');
    const names: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await runScheduledBackup({
        db: h.core.db,
        dataDir: h.dir,
        dir,
        keep: 2,
        now: () => new Date(at),
      });
      names.push(r.name);
      at += 6 * 3_600_000;
    }
    expect(names).toEqual([
      'aduan-20261123-0200',
      'aduan-20261123-0800',
      'aduan-20261123-1400',
      'aduan-20261123-2000',
    ]);
    expect(await listBackups(dir)).toEqual(names.slice(2));
    // Unchanged attachments are hard-linked from the previous backup, not copied again.
    const [sha] = [...(await attachmentFiles(join(dir, names[3] ?? '', 'attachments'))).keys()];
    if (!sha) throw new Error('no file');
    const p = (n: string) => join(dir, n, 'attachments', sha.slice(0, 2), sha);
    expect(statSync(p(names[3] ?? '')).ino).toBe(statSync(p(names[2] ?? '')).ino);
    // Same minute twice: a suffix, never an overwrite.
    const again = await runScheduledBackup({
      db: h.core.db,
      dataDir: h.dir,
      dir,
      keep: 5,
      now: () => new Date(at - 6 * 3_600_000),
    });
    expect(again.name).toBe('aduan-20261123-2000-2');
    expect(backupName(new Date('2026-01-02T03:04:59Z'))).toBe('aduan-20260102-0304');
  });

  it('runs on a timer and the stop function waits for a backup in progress', async () => {
    h = new Harness();
    fileComplaint(h, 'a');
    const dir = tmp();
    const done: string[] = [];
    const errors: unknown[] = [];
    const stop = scheduleBackups({
      db: h.core.db,
      dataDir: h.dir,
      dir,
      everyHours: 0.05 / 3600, // every 50 ms
      keep: 2,
      onDone: (r) => done.push(r.name),
      onError: (e) => errors.push(e),
    });
    const until = Date.now() + 5000;
    while (done.length < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await stop();
    const after = done.length;
    await new Promise((r) => setTimeout(r, 150));
    expect(errors).toEqual([]);
    expect(after).toBeGreaterThanOrEqual(3);
    expect(done.length).toBe(after);
    expect((await listBackups(dir)).length).toBe(2);
  });
});
