// Per-sender limits: the rate, the daily upload budget, one polite reply a minute, bounded memory, and fairness.
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import type { InboundMessage } from '../../src/conversation/inbound.js';
import {
  type LimitDecision,
  LruMap,
  SenderLimits,
  costOf,
  limitNotice,
  limitSenders,
} from '../../src/conversation/sender-limits.js';
import { t } from '../../src/i18n/locales.js';
import { Harness, T0 } from '../helpers/harness.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const MB = 1024 * 1024;
const TEXT = { uploads: 0, bytes: 0 };
/** Midnight WITA after T0 (Monday 23 November 2026, 10:00 WITA). */
const MIDNIGHT_WITA = Date.parse('2026-11-23T16:00:00Z');

const refused = (d: LimitDecision) => (d.allowed ? null : d);

describe('sender limits', () => {
  it('0 means no limit, each limit on its own (SENDER_MESSAGES_PER_MINUTE and the upload settings)', () => {
    const clock = new ManualClock(T0);
    const none = new SenderLimits({ clock, messagesPerMinute: 0, uploadsPerDay: 0, bytesPerDay: 0 });
    for (let i = 0; i < 1000; i++)
      expect(none.check('a', { uploads: 1, bytes: 10 * MB })).toEqual({ allowed: true });
    const uploadsOnly = new SenderLimits({ clock, messagesPerMinute: 0, uploadsPerDay: 2 });
    expect(uploadsOnly.check('b', { uploads: 1, bytes: 1 })).toEqual({ allowed: true });
    expect(uploadsOnly.check('b', { uploads: 1, bytes: 1 })).toEqual({ allowed: true });
    expect(refused(uploadsOnly.check('b', { uploads: 1, bytes: 1 }))?.reason).toBe('uploads');
    for (let i = 0; i < 100; i++) expect(uploadsOnly.check('b', TEXT)).toEqual({ allowed: true });
  });

  it('lets 20 messages a minute through, then one every 3 s; a refused message costs nothing', () => {
    const clock = new ManualClock(T0);
    const limits = new SenderLimits({ clock });
    for (let i = 0; i < 20; i++) expect(limits.check('a', TEXT)).toEqual({ allowed: true });
    expect(limits.check('a', TEXT)).toEqual({
      allowed: false,
      reason: 'rate',
      retryAfterMs: 3000,
      reply: true,
    });
    // Another sender is untouched.
    expect(limits.check('b', TEXT).allowed).toBe(true);
    clock.advance(1000);
    expect(refused(limits.check('a', TEXT))?.retryAfterMs).toBe(2000);
    for (let i = 0; i < 50; i++) limits.check('a', TEXT);
    clock.advance(2000);
    expect(limits.check('a', TEXT).allowed).toBe(true);
    expect(limits.check('a', TEXT).allowed).toBe(false);
    clock.advance(60_000);
    for (let i = 0; i < 20; i++) expect(limits.check('a', TEXT).allowed).toBe(true);
  });

  it('answers one refused message per minute and drops the others silently', () => {
    const clock = new ManualClock(T0);
    const limits = new SenderLimits({ clock, messagesPerMinute: 2 });
    limits.check('a', TEXT);
    limits.check('a', TEXT);
    const replies: boolean[] = [];
    // One message every 100 ms for 3 minutes: refused most of the time.
    for (let i = 0; i < 1800; i++) {
      const d = refused(limits.check('a', TEXT));
      if (d) replies.push(d.reply);
      clock.advance(100);
    }
    expect(replies.filter(Boolean)).toHaveLength(3);
    expect(replies.length).toBeGreaterThan(1700);
  });

  it('limits uploads and bytes per WITA day, still lets text through, and resets at midnight WITA', () => {
    const clock = new ManualClock(T0);
    const limits = new SenderLimits({ clock, messagesPerMinute: 1000 });
    for (let i = 0; i < 20; i++) expect(limits.check('a', { uploads: 1, bytes: 1000 }).allowed).toBe(true);
    expect(limits.check('a', { uploads: 1, bytes: 1000 })).toEqual({
      allowed: false,
      reason: 'uploads',
      retryAfterMs: MIDNIGHT_WITA - T0,
      reply: true,
    });
    expect(limits.check('a', TEXT).allowed).toBe(true);

    expect(limits.check('b', { uploads: 1, bytes: 30 * MB }).allowed).toBe(true);
    expect(refused(limits.check('b', { uploads: 1, bytes: 25 * MB }))?.reason).toBe('bytes');
    // The refused upload took no budget: a smaller one still fits.
    expect(limits.check('b', { uploads: 1, bytes: 19 * MB }).allowed).toBe(true);

    clock.set(MIDNIGHT_WITA - 1);
    expect(refused(limits.check('a', { uploads: 1, bytes: 1 }))?.retryAfterMs).toBe(1);
    clock.set(MIDNIGHT_WITA);
    expect(limits.check('a', { uploads: 1, bytes: 1 }).allowed).toBe(true);
    expect(limits.check('b', { uploads: 1, bytes: 45 * MB }).allowed).toBe(true);
  });

  it('keeps at most maxSenders in memory, forgetting the least recently seen', () => {
    const clock = new ManualClock(T0);
    const limits = new SenderLimits({ clock, maxSenders: 100, messagesPerMinute: 1 });
    expect(limits.check('old', TEXT).allowed).toBe(true);
    expect(limits.check('old', TEXT).allowed).toBe(false);
    for (let i = 0; i < 10_000; i++) limits.check(`s${i}`, TEXT);
    expect(limits.size).toBe(100);
    // Forgotten: it starts afresh (a flooder gains nothing it could not gain with a new account).
    expect(limits.check('old', TEXT).allowed).toBe(true);

    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.get('a');
    lru.set('c', 3);
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual([1, undefined, 3]);
  });

  it('counts a message by its attachments', () => {
    const media = (n: number) => ({ kind: 'photo' as const, mime: 'image/jpeg', data: new Uint8Array(n) });
    expect(costOf({})).toEqual({ uploads: 0, bytes: 0 });
    expect(costOf({ media: [media(10), media(5)] })).toEqual({ uploads: 2, bytes: 15 });
  });

  it('renders the notices from locale keys', () => {
    const limits = new SenderLimits({ clock: new ManualClock(T0) });
    const rate = { allowed: false as const, reason: 'rate' as const, retryAfterMs: 2500, reply: true };
    expect(limitNotice('en', rate, limits)).toEqual({
      text: t('en', 'limit.rate', { seconds: 3 }),
      choices: [],
      expecting: 'none',
    });
    expect(limitNotice('id', { ...rate, reason: 'uploads' }, limits).text).toBe(
      t('id', 'limit.uploads', { max: 20 }),
    );
    expect(limitNotice('id', { ...rate, reason: 'bytes' }, limits).text).toBe(
      t('id', 'limit.bytes', { mb: 50 }),
    );
  });
});

describe('limitSenders in front of the runtime', () => {
  let h: Harness | null = null;
  afterEach(() => {
    h?.close();
    h = null;
  });

  it('a flood of 1,000 messages from one sender does not stop another citizen from being answered', () => {
    h = new Harness();
    const harness = h;
    const { runtime, store } = harness.core;
    const limits = new SenderLimits({ clock: harness.clock });
    let reachedRuntime = 0;
    let recorded = 0;
    const handle = limitSenders(
      (m) => {
        if (m.chatId === 'flooder') reachedRuntime++;
        return runtime.handle(m);
      },
      { limits, store, clock: harness.clock, onLimited: () => void recorded++ },
    );
    const dialogue = DIALOGUES[0];
    if (!dialogue) throw new Error('no dialogue');
    const turns = dialogue.turns.flatMap((turn) => ('say' in turn ? [turn] : []));

    let seq = 0;
    const send = (chatId: string, text: string) => {
      const result = handle({ channel: 'telegram', chatId, messageId: `m${++seq}`, text });
      for (const o of result.outgoing) store.outbox.markSent(o.id, harness.clock.now(), null);
      return result.outgoing.filter((o) => o.chatId === chatId).map((o) => o.message);
    };

    const flooderReplies: string[] = [];
    const citizenAnswered: string[][] = [];
    let turn = 0;
    // 1,000 messages in 10 s from the flooder; the citizen writes one message after every 70 of them.
    for (let i = 0; i < 1000; i++) {
      flooderReplies.push(...send('flooder', `spam ${i}`).map((m) => m.text));
      harness.clock.advance(10);
      const next = turns[turn];
      if (i % 70 === 69 && next) {
        const said = typeof next.say === 'string' ? next.say : (next.say.text ?? '');
        citizenAnswered.push(send('citizen', said).map((m) => m.expecting));
        turn++;
      }
    }

    // Every one of the citizen's messages was answered, exactly as in the transcript, and the complaint filed.
    expect(citizenAnswered).toHaveLength(turns.length);
    expect(citizenAnswered).toEqual(turns.map((x) => x.expect));
    expect(harness.complaints()).toHaveLength(1);
    // The flooder: 20 at once plus one per 3 s reached the runtime; the rest were recorded and dropped.
    expect(reachedRuntime).toBe(23);
    expect(recorded).toBe(1000 - 23);
    const conv = store.conversations.find('telegram', 'flooder');
    const stored = harness.core.db
      .prepare('SELECT COUNT(*) FROM inbound_messages WHERE conversation_id = ?')
      .pluck()
      .get(conv?.id);
    expect(stored).toBe(23);
    // One polite notice (a minute did not pass), queued in the outbox in order with the chat's other replies.
    const notice = t('id', 'limit.rate', { seconds: 3 });
    expect(flooderReplies.filter((r) => r === notice)).toHaveLength(1);
  });

  it('queues the notice for a sender the runtime never saw, in the language of a known conversation', () => {
    h = new Harness();
    const harness = h;
    const { runtime, store } = harness.core;
    const limits = new SenderLimits({ clock: harness.clock, bytesPerDay: 10 });
    const queued: number[] = [];
    const handle = limitSenders((m) => runtime.handle(m), {
      limits,
      store,
      clock: harness.clock,
      onQueued: () => void queued.push(1),
    });
    const big: InboundMessage = {
      channel: 'web',
      chatId: 'newcomer',
      messageId: 'x1',
      media: [{ kind: 'photo', mime: 'image/jpeg', data: new Uint8Array(11) }],
    };
    const first = handle(big);
    expect(first.outgoing.map((o) => o.message.text)).toEqual([t('id', 'limit.bytes', { mb: 0 })]);
    expect(first.conversationId).not.toBeNull();
    expect(queued).toHaveLength(1);
    expect(handle({ ...big, messageId: 'x2' }).outgoing).toEqual([]);
    expect(store.outbox.after('web', 'newcomer', 0)).toHaveLength(1);

    harness.say('english', '/lang en', 'web');
    const en = handle({ ...big, chatId: 'english', messageId: 'x3' });
    expect(en.outgoing.map((o) => o.message.text)).toEqual([t('en', 'limit.bytes', { mb: 0 })]);
  });
});
