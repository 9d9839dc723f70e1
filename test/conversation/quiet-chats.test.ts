// Retention's quiet-chat sweep with an injected clock: a chat still talking when its ticket reached RETENTION_DAYS is
// only masked then, and erased whole (address, messages both ways, draft) once the citizen has been silent for
// RETENTION_DAYS: not a day before, once; a chat that holds a ticket still inside retention is kept however quiet.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '../../src/conversation/retention-settings.js';
import { fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const DAY = 86_400_000;
const DAYS = DEFAULT_RETENTION.days;

describe('retention of a chat that was still talking', () => {
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
  const audits = () => count("SELECT count(*) FROM audit_events WHERE type = 'retention.chats'");

  /** The formal citizen's complete complaint; its number. */
  const file = (chat: string): string => {
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    for (const turn of d?.turns ?? []) if ('say' in turn) h.say(chat, turn.say);
    return h.complaints()[0]?.number ?? '';
  };

  it('erases the chat once it was quiet for RETENTION_DAYS, not before, once; keeps a chat with a young ticket', () => {
    // A chat whose ticket is still inside retention when the test ends: filed now, withdrawn at the end.
    const young = fileTicket(h, 'muda', {});
    const youngChat = h.core.store.conversations.find('telegram', 'muda');
    const number = file('warga');
    const warga = h.core.store.conversations.find('simulate', 'warga');
    if (!warga || !youngChat) throw new Error('no conversation');
    h.clock.advance(60_000);
    h.core.store.tx(() => h.core.tickets.withdraw(warga.id, number, h.clock.now()));

    // The ticket reaches RETENTION_DAYS while the citizen is writing: the chat is masked and kept.
    h.clock.advance(DAYS * DAY);
    expect(h.say('warga', 'status').length).toBeGreaterThan(0);
    h.clock.advance(60_000);
    h.core.retention.sweep();
    expect(h.complaints().find((c) => c.number === number)?.complaint).toMatchObject({
      identityErased: 'retention',
    });
    expect(h.core.store.conversations.find('simulate', 'warga')?.id).toBe(warga.id);
    expect(count('SELECT count(*) FROM tickets WHERE conversation_id = ?', warga.id)).toBe(0);

    h.clock.advance((DAYS - 1) * DAY);
    h.core.retention.sweep();
    expect(h.core.store.conversations.find('simulate', 'warga')?.id).toBe(warga.id);
    expect(audits()).toBe(0);
    // The young ticket closes now: two days later it is still inside retention.
    h.core.store.tx(() => h.core.tickets.withdraw(youngChat.id, young, h.clock.now()));

    h.clock.advance(2 * DAY);
    h.core.retention.sweep();
    expect(h.core.store.conversations.find('simulate', 'warga')).toBeNull();
    const erased = h.core.store.conversations.get(warga.id);
    expect(erased).toMatchObject({
      state: 'erased',
      snapshot: null,
      chatId: expect.stringMatching(/^erased:/),
    });
    expect(
      count('SELECT count(*) FROM inbound_messages WHERE conversation_id = ?', warga.id),
    ).toBeGreaterThan(0);
    expect(
      count('SELECT count(*) FROM inbound_messages WHERE conversation_id = ? AND body IS NOT NULL', warga.id),
    ).toBe(0);
    const payloads = h.core.db
      .prepare('SELECT DISTINCT payload FROM outbox WHERE conversation_id = ?')
      .pluck()
      .all(warga.id);
    expect(payloads.map((p) => JSON.parse(String(p)))).toEqual([
      { text: '', choices: [], expecting: 'none' },
    ]);
    expect(count("SELECT count(*) FROM outbox WHERE chat_id = 'warga'")).toBe(0);
    const audited = h.core.db
      .prepare("SELECT actor, data FROM audit_events WHERE type = 'retention.chats'")
      .all()
      .map((r) => ({ ...(r as { actor: string }), data: JSON.parse(String((r as { data: string }).data)) }));
    expect(audited).toEqual([{ actor: 'system', data: { conversations: 1, files: 0 } }]);

    // The chat of the young ticket, silent since it filed four years ago, is kept; the ticket keeps its reporter.
    expect(h.core.store.conversations.find('telegram', 'muda')?.id).toBe(youngChat.id);
    expect(h.complaints().find((c) => c.number === young)?.complaint).toMatchObject({ name: 'Siti Aminah' });

    // Idempotent: nothing more is erased or audited.
    h.core.retention.sweep();
    h.core.retention.sweep();
    expect(audits()).toBe(1);
    expect(h.core.store.conversations.find('telegram', 'muda')?.id).toBe(youngChat.id);
  });
});
