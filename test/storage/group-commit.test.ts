// Group commit: jobs queued in one turn share a transaction, each under its own savepoint; callers and after-commit
// work hear only of what was committed.
import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { GroupCommit, GroupRolledBack } from '../../src/storage/group-commit.js';
import { Transactions } from '../../src/storage/transactions.js';

describe('group commit', () => {
  let db: Database.Database;
  let tx: Transactions;
  let turns: (() => void)[];
  let group: GroupCommit;
  const rows = () => db.prepare('SELECT v FROM t ORDER BY v').pluck().all();
  const insert = (v: string) => db.prepare('INSERT INTO t (v) VALUES (?)').run(v);
  /** What a job's promise was rejected with (null when it resolved). */
  const rejection = (p: Promise<unknown>) =>
    p.then(
      () => null,
      (e: unknown) => e,
    );
  /** The next turn of the event loop: runs what was scheduled. */
  const turn = () => {
    for (const run of turns.splice(0)) run();
  };

  beforeEach(() => {
    db = new Database(':memory:');
    db.exec(`CREATE TABLE t (v TEXT PRIMARY KEY);
             CREATE TABLE parent (id INTEGER PRIMARY KEY);
             CREATE TABLE child (parent_id INTEGER REFERENCES parent (id))`);
    db.pragma('foreign_keys = ON');
    tx = new Transactions(db);
    turns = [];
    group = new GroupCommit(tx, (run) => turns.push(run));
  });

  it('commits the jobs of one turn in one transaction, each resolved with its own result after the commit', async () => {
    const commits: number[] = [];
    const a = group.submit(() => {
      insert('a');
      tx.afterCommit(() => commits.push(1));
      return 'A';
    });
    const b = group.submit(() => insert('b').changes);
    expect(turns).toHaveLength(1);
    expect(rows()).toEqual([]);
    turn();
    expect(db.inTransaction).toBe(false);
    expect(commits).toEqual([1]);
    expect(await a).toBe('A');
    expect(await b).toBe(1);
    expect(rows()).toEqual(['a', 'b']);
  });

  it('rolls back only the job that failed; its after-commit work never runs', async () => {
    const after: string[] = [];
    const ok = group.submit(() => {
      insert('kept');
      tx.afterCommit(() => after.push('kept'));
    });
    const bad = group.submit(() => {
      insert('undone');
      tx.afterCommit(() => after.push('undone'));
      throw new Error('a bug in one message');
    });
    const ok2 = group.submit(() => insert('kept too'));
    turn();
    await expect(bad).rejects.toThrow('a bug in one message');
    await ok;
    await ok2;
    expect(rows()).toEqual(['kept', 'kept too']);
    expect(after).toEqual(['kept']);
  });

  it('rejects every job when the commit itself fails, and none of their after-commit work runs', async () => {
    const after: string[] = [];
    const a = group.submit(() => {
      insert('a');
      tx.afterCommit(() => after.push('a'));
    });
    // A deferred foreign key is checked at COMMIT: the whole group's commit fails.
    const b = group.submit(() => {
      db.pragma('defer_foreign_keys = ON');
      db.prepare('INSERT INTO child (parent_id) VALUES (42)').run();
    });
    turn();
    // No one job is to blame: each is told its group was rolled back, and why.
    for (const p of [a, b]) {
      const err = await rejection(p);
      expect(err).toBeInstanceOf(GroupRolledBack);
      expect(err).toMatchObject({ cause: expect.objectContaining({ code: 'SQLITE_CONSTRAINT_FOREIGNKEY' }) });
    }
    expect(rows()).toEqual([]);
    expect(after).toEqual([]);
    expect(db.inTransaction).toBe(false);
  });

  it('rejects the whole group when SQLite ended the transaction on its own (disk full, I/O)', async () => {
    const a = group.submit(() => insert('a'));
    const b = group.submit(() => {
      db.exec('ROLLBACK');
      throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    });
    const c = group.submit(() => insert('c'));
    turn();
    // The job that broke it gets its own error; the others learn their group went down with it.
    await expect(b).rejects.toThrow('database or disk is full');
    for (const p of [a, c]) {
      const err = await rejection(p);
      expect(err).toBeInstanceOf(GroupRolledBack);
      expect(err).toMatchObject({ cause: expect.objectContaining({ code: 'SQLITE_FULL' }) });
    }
    expect(rows()).toEqual([]);
  });

  it("a job's after-commit failure is its caller's error alone; the others are told of their commit", async () => {
    const a = group.submit(() => {
      insert('a');
      tx.afterCommit(() => {
        throw new Error('killed after the commit');
      });
    });
    const b = group.submit(() => insert('b'));
    turn();
    await expect(a).rejects.toThrow('killed after the commit');
    await b;
    expect(rows()).toEqual(['a', 'b']);
  });

  it('a job submitted by after-commit work goes in the next group; flush commits what waits at once', async () => {
    let second: Promise<unknown> | null = null;
    const first = group.submit(() => {
      insert('first');
      tx.afterCommit(() => {
        second = group.submit(() => insert('second'));
      });
    });
    turn();
    await first;
    expect(rows()).toEqual(['first']);
    group.flush();
    await second;
    expect(rows()).toEqual(['first', 'second']);
    // The turn scheduled for it finds nothing left to do.
    turn();
  });
});

describe('transactions', () => {
  it('runs after-commit work once the outermost transaction commits, and drops a rolled-back savepoint’s', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (v TEXT)');
    const tx = new Transactions(db);
    const log: string[] = [];
    tx.run(() => {
      tx.afterCommit(() => log.push(`outer sees ${db.inTransaction ? 'open' : 'committed'}`));
      tx.run(() => tx.afterCommit(() => log.push('inner kept')));
      expect(() =>
        tx.run(() => {
          tx.afterCommit(() => log.push('inner undone'));
          throw new Error('no');
        }),
      ).toThrow('no');
      expect(log).toEqual([]);
    });
    expect(log).toEqual(['outer sees committed', 'inner kept']);
    // Outside a transaction, at once.
    tx.afterCommit(() => log.push('now'));
    expect(log.at(-1)).toBe('now');
  });
});
