// Retention with an injected clock: a closed ticket keeps its reporter until RETENTION_DAYS (not at 729 days, erased at
// 731, once); a draft left after its expiry is dropped after DRAFT_RETENTION_DAYS (not at 29, at 31, once), the whole
// chat when it never filed, only the draft when it did.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPIRY_MS, REMINDER_MS } from '../../flows/intake-timers.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const DAY = 86_400_000;

function filesOnDisk(dir: string): string[] {
  const root = join(dir, 'attachments');
  try {
    return readdirSync(root).flatMap((sub) => readdirSync(join(root, sub)));
  } catch {
    return [];
  }
}

describe('retention', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  const count = (sql: string, ...params: unknown[]) =>
    Number(
      h.core.db
        .prepare(sql)
        .pluck()
        .get(...params),
    );
  const conversation = (chat: string) => h.core.store.conversations.find('simulate', chat);

  /** The formal citizen's complete complaint, with a photo sent before "kirim". */
  const file = (chat: string): string => {
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    const turns = (d?.turns ?? []).flatMap((turn) => ('say' in turn ? [turn.say] : []));
    for (const said of turns.slice(0, -1)) h.say(chat, said);
    h.say(chat, { photo: true });
    h.say(chat, 'kirim');
    return h.complaints()[0]?.number ?? '';
  };

  /** Lets the chat's draft run into its expiry (reminder first): the conversation is paused. */
  const expire = (chat: string) => {
    h.advanceAll(REMINDER_MS + 1000, chat);
    h.advanceAll(EXPIRY_MS, chat);
    expect(h.conversationState(chat)).toBe('paused');
  };

  it('erases a closed ticket’s reporter after RETENTION_DAYS, not before, and only once', () => {
    const number = file('warga');
    expect(filesOnDisk(h.dir)).toHaveLength(1);
    const conv = conversation('warga');
    h.clock.advance(60_000);
    h.core.store.tx(() => h.core.tickets.withdraw(conv?.id ?? 0, number, h.clock.now()));

    h.clock.advance(729 * DAY);
    expect(h.core.retention.sweep()).toEqual({ tickets: 0, drafts: 0, chats: 0 });
    expect(h.complaints()[0]?.complaint).toMatchObject({ name: 'Siti Rahmah', nik: '6371045708900001' });

    h.clock.advance(2 * DAY);
    expect(h.core.retention.sweep()).toEqual({ tickets: 1, drafts: 0, chats: 1 });
    const [erased] = h.complaints();
    expect(erased?.complaint).toMatchObject({
      identityMode: 'anonim',
      identityErased: 'retention',
      name: null,
      nik: null,
      phone: null,
      attachments: [],
      expectation: 'KTP saya segera dicetak',
    });
    expect(erased?.status).toBe('dicabut');
    expect(filesOnDisk(h.dir)).toEqual([]);
    expect(
      count("SELECT count(*) FROM ticket_events WHERE type = 'identity_erased' AND reason = 'retention'"),
    ).toBe(1);
    // The chat followed nothing else and was quiet as long: it is erased too (its address, its messages).
    expect(conversation('warga')).toBeNull();
    expect(count('SELECT count(*) FROM inbound_messages WHERE body IS NOT NULL')).toBe(0);
    const audit = h.core.db
      .prepare("SELECT data FROM audit_events WHERE type = 'retention.erased'")
      .pluck()
      .all()
      .map((d) => JSON.parse(String(d)));
    expect(audit).toEqual([{ tickets: [number], files: 1, chats: 1 }]);

    // Idempotent: a second pass finds nothing and writes nothing.
    expect(h.core.retention.sweep()).toEqual({ tickets: 0, drafts: 0, chats: 0 });
    expect(count("SELECT count(*) FROM ticket_events WHERE type = 'identity_erased'")).toBe(1);
    expect(count("SELECT count(*) FROM audit_events WHERE type LIKE 'retention.%'")).toBe(1);
  });

  it('keeps an open ticket, however old', () => {
    file('warga');
    h.clock.advance(3000 * DAY);
    expect(h.core.retention.sweep().tickets).toBe(0);
    expect(h.complaints()[0]?.complaint).toMatchObject({ name: 'Siti Rahmah' });
  });

  it('drops a chat’s abandoned draft DRAFT_RETENTION_DAYS after its expiry, with its files, once', () => {
    h.say('draf', 'halo');
    h.say('draf', 'ya');
    h.say('draf', 'Jalan di depan rumah saya di Jl. Sutoyo S Kota Banjarmasin rusak parah, banyak lubang');
    h.say('draf', { photo: true });
    expect(filesOnDisk(h.dir)).toHaveLength(1);
    expire('draf');

    h.clock.advance(29 * DAY);
    expect(h.core.retention.sweep().drafts).toBe(0);
    expect(h.conversationState('draf')).toBe('paused');

    h.clock.advance(2 * DAY);
    expect(h.core.retention.sweep()).toEqual({ tickets: 0, drafts: 1, chats: 1 });
    // It never filed: the whole chat goes (a later message starts afresh).
    expect(conversation('draf')).toBeNull();
    expect(filesOnDisk(h.dir)).toEqual([]);
    expect(count('SELECT count(*) FROM attachments')).toBe(0);
    expect(count('SELECT count(*) FROM inbound_messages WHERE body IS NOT NULL')).toBe(0);
    expect(h.core.retention.sweep()).toEqual({ tickets: 0, drafts: 0, chats: 0 });
    expect(count("SELECT count(*) FROM audit_events WHERE type = 'retention.drafts'")).toBe(1);
    expect(h.say('draf', 'halo')[0]?.expecting).toBe('consent');
  });

  it('drops only the draft of a chat that filed a ticket: the chat and its ticket stay', () => {
    const number = file('warga');
    const filed = count('SELECT count(*) FROM inbound_messages WHERE body IS NOT NULL');
    h.clock.advance(60_000);
    h.say('warga', 'Ada masalah lain pak, lampu jalan mati di Jl. Veteran Kota Banjarmasin sudah seminggu');
    h.say('warga', '2');
    h.say('warga', { photo: true });
    expect(filesOnDisk(h.dir)).toHaveLength(2);
    expire('warga');

    h.clock.advance(31 * DAY);
    expect(h.core.retention.sweep()).toEqual({ tickets: 0, drafts: 1, chats: 0 });
    expect(h.conversationState('warga')).toBe('idle');
    expect(count('SELECT count(*) FROM inbound_messages WHERE body IS NOT NULL')).toBe(filed);
    expect(filesOnDisk(h.dir)).toHaveLength(1);
    expect(h.complaints()[0]).toMatchObject({ number, complaint: { name: 'Siti Rahmah' } });
    expect(h.say('warga', 'status')[0]?.text).toContain(number);
    expect(h.core.retention.sweep().drafts).toBe(0);
  });
});
