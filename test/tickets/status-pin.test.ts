// The status page's PIN: in the receipt (with the page's address when the server has a public one), stored only as
// a salted hash, in no agency's payload, hidden from officers reading the chat; and its typed forms.
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalPin, hideStatusPin } from '../../src/domain/status-pin.js';
import { officerPlainText } from '../../src/forwarding/officer-text.js';
import { ticketPayloads } from '../../src/forwarding/ticket-payloads.js';
import { t } from '../../src/i18n/locales.js';
import { ticketTranscript } from '../../src/officers/transcript.js';
import { pinMatches } from '../../src/tickets/status-pin.js';
import { Harness } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const BASE = 'https://aduan.example.go.id';

/** Files the formal citizen's complaint in `chat`; returns the ticket number and the PIN its receipt gave. */
function file(h: Harness, chat: string): { number: string; pin: string; receipt: string } {
  const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
  let receipt = '';
  for (const turn of d?.turns ?? [])
    if ('say' in turn) for (const m of h.say(chat, turn.say)) if (/ADU-\d{4}-/.test(m.text)) receipt = m.text;
  return {
    number: /ADU-\d{4}-[A-Z0-9]{4}/.exec(receipt)?.[0] ?? '',
    pin: /PIN \*(\d{6})\*/.exec(receipt)?.[1] ?? '',
    receipt,
  };
}

describe('the status PIN', () => {
  let h: Harness;
  afterEach(() => h.close());

  it('is in the receipt without an address when the server has no public one', () => {
    h = new Harness();
    const { pin, receipt } = file(h, 'warga');
    expect(pin).toMatch(/^\d{6}$/);
    expect(receipt).toContain(t('id', 'submitted.status_pin', { pin }));
    expect(receipt).not.toContain('/status');
  });

  it('names the status page at PUBLIC_BASE_URL when there is one', () => {
    h = new Harness({ publicBaseUrl: BASE });
    const { pin, receipt } = file(h, 'warga');
    expect(receipt).toContain(t('id', 'submitted.status_web', { url: `${BASE}/status`, pin }));
  });

  it('is stored only as a salted hash: in plain only in the receipt the citizen was sent', () => {
    h = new Harness();
    const first = file(h, 'warga-1');
    const second = file(h, 'warga-2');
    expect(second.pin).not.toBe(first.pin);
    const db = h.core.db;
    const stored = h.core.store.statusPins.ticket(first.number)?.pin;
    expect(stored?.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(stored?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored && pinMatches(first.pin, stored)).toBe(true);
    expect(stored && pinMatches(second.pin, stored)).toBe(false);
    const plain = new RegExp(`(^|\\D)${first.pin}(\\D|$)`);
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
      .pluck()
      .all()
      .map(String);
    const holding = tables.filter((table) =>
      db
        .prepare(`SELECT * FROM "${table}"`)
        .all()
        .some((row) => plain.test(JSON.stringify(row))),
    );
    expect(holding).toEqual(['outbox']);
  });

  it('goes to no agency and is hidden from officers reading the chat', () => {
    h = new Harness();
    const { number, pin } = file(h, 'warga');
    const store = h.core.store;
    const ticket = store.statusPins.ticket(number);
    const agencyId = store.ticketInbox.inbox({ kind: 'all' })[0]?.agencyId ?? '';
    const payload = ticketPayloads({
      views: store.forwardingViews,
      tickets: store.tickets,
      events: store.ticketEvents,
      agencyName: () => null,
      signLink: () => null,
    })(ticket?.id ?? 0, agencyId);
    expect(payload).not.toBeNull();
    expect(JSON.stringify(payload)).not.toContain(pin);
    if (payload) expect(officerPlainText(payload)).not.toContain(pin);
    const complaint = store.tickets.complaint(ticket?.id ?? 0);
    const conversation = store.conversations.find('simulate', 'warga');
    if (!ticket || !complaint || !conversation) throw new Error('no ticket');
    const lines = ticketTranscript(
      store,
      { id: ticket.id, conversationId: conversation.id, createdAt: ticket.createdAt, complaint },
      true,
      '[…]',
    );
    const said = (lines ?? []).map((l) => l.text).join('\n');
    expect(said).toContain(number);
    expect(said).toContain('PIN *••••••*');
    expect(said).not.toContain(pin);
  });

  it('is read as typed with spaces or dashes, and hidden in both languages’ receipts', () => {
    expect(canonicalPin(' 123 456 ')).toBe('123456');
    expect(canonicalPin('123-456')).toBe('123456');
    expect(canonicalPin('12345')).toBeNull();
    expect(canonicalPin('12345a')).toBeNull();
    for (const lang of ['id', 'en'] as const) {
      const lines = [
        t(lang, 'submitted.status_pin', { pin: '123456' }),
        t(lang, 'submitted.status_web', { url: `${BASE}/status`, pin: '123456' }),
      ];
      for (const line of lines) expect(hideStatusPin(line)).not.toContain('123456');
    }
    expect(hideStatusPin('Rp 150000 dan 123456')).toBe('Rp 150000 dan 123456');
  });
});
