// The plain bot's SQLite file: Aduan's pragmas (src/storage/db.ts) and the tickets table the wizard fills at the end.
import { randomBytes } from 'node:crypto';
import Database from 'better-sqlite3';
import type { Answers } from './texts.js';

export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma('journal_size_limit = 67108864');
  db.exec(`CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    chat_id TEXT NOT NULL,
    story TEXT NOT NULL,
    category TEXT NOT NULL,
    place TEXT NOT NULL,
    incident_date TEXT NOT NULL,
    prior_report TEXT,
    expectation TEXT NOT NULL,
    photo_file_id TEXT,
    identity TEXT NOT NULL,
    name TEXT,
    nik TEXT,
    phone TEXT,
    created_at TEXT NOT NULL
  )`);
  return db;
}

/** Stores a finished complaint and returns its ticket number. */
export function saveTicket(db: Database.Database, chatId: string, a: Answers): string {
  const number = `LP-${randomBytes(4).toString('hex').toUpperCase()}`;
  db.prepare(
    `INSERT INTO tickets (number, chat_id, story, category, place, incident_date, prior_report, expectation,
       photo_file_id, identity, name, nik, phone, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    number,
    chatId,
    a.story,
    a.category,
    a.place,
    a.incidentDate,
    a.priorReport,
    a.expectation,
    a.photo,
    a.identity,
    a.name,
    a.nik,
    a.phone,
    new Date().toISOString(),
  );
  return number;
}
