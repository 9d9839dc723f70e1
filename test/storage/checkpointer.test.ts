// The WAL checkpointer: a worker thread copies committed pages into the database file without the service's help.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Checkpointer } from '../../src/storage/checkpointer.js';
import { type Db, openDb } from '../../src/storage/db.js';

const errors: string[] = [];
const log = { error: (_: object, msg: string) => void errors.push(msg) };

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return check();
}

describe('Checkpointer', () => {
  let dir: string;
  let db: Db;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-ckpt-'));
    path = join(dir, 'aduan.db');
    db = openDb(path);
    db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
    errors.length = 0;
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves committed pages from the WAL into the database file while the service keeps writing', async () => {
    const before = statSync(path).size;
    const insert = db.prepare('INSERT INTO filler (body) VALUES (?)');
    // ~2 MB in 200 commits: far below the 10,000-page automatic checkpoint, so only the worker copies them.
    for (let i = 0; i < 200; i++) insert.run('x'.repeat(10_000));
    expect(statSync(path).size).toBe(before);
    const checkpointer = new Checkpointer({ dbPath: path, intervalMs: 20, log });
    try {
      expect(await until(() => statSync(path).size > before + 1_500_000, 5000)).toBe(true);
      for (let i = 0; i < 50; i++) insert.run('y'.repeat(10_000)); // writers are never blocked
      expect(db.prepare('SELECT count(*) FROM filler').pluck().get()).toBe(250);
    } finally {
      await checkpointer.stop();
    }
    expect(errors).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('stops cleanly when asked, and reports a database it cannot open instead of throwing', async () => {
    await new Checkpointer({ dbPath: path, intervalMs: 20, log }).stop();
    const missing = new Checkpointer({ dbPath: join(dir, 'missing.db'), intervalMs: 20, log });
    expect(await until(() => errors.length > 0, 5000)).toBe(true);
    expect(errors[0]).toMatch(/checkpointer stopped/);
    await missing.stop();
  });
});
