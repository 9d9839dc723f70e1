// telegraf sessions in a SQLite table (a JSON value per session key), passed to `session({ store })`.
import type Database from 'better-sqlite3';
import type { SyncSessionStore } from 'telegraf/session';

export function sqliteSessionStore<T>(db: Database.Database): SyncSessionStore<T> {
  db.exec('CREATE TABLE IF NOT EXISTS telegraf_sessions (key TEXT PRIMARY KEY, session TEXT NOT NULL)');
  const select = db.prepare<[string], { session: string }>(
    'SELECT session FROM telegraf_sessions WHERE key = ?',
  );
  const upsert = db.prepare<[string, string]>(
    'INSERT INTO telegraf_sessions (key, session) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET session = excluded.session',
  );
  const remove = db.prepare<[string]>('DELETE FROM telegraf_sessions WHERE key = ?');
  return {
    get: (key) => {
      const row = select.get(key);
      return row ? JSON.parse(row.session) : undefined;
    },
    set: (key, value) => {
      upsert.run(key, JSON.stringify(value));
    },
    delete: (key) => {
      remove.run(key);
    },
  };
}
