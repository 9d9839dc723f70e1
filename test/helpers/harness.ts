// A conversation harness for tests: the real runtime on a temp SQLite file, a manual clock and seeded ids.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Core, type CoreOptions, buildCore } from '../../src/app/core.js';
import { ManualClock, seededIds } from '../../src/clock.js';
import type { Outgoing } from '../../src/conversation/runtime.js';
import type { RenderedMessage } from '../../src/domain/reply.js';

/** Monday 23 November 2026, 10:00 WITA. */
export const T0 = Date.parse('2026-11-23T02:00:00Z');

export type Said = {
  text?: string;
  location?: { lat: number; lon: number };
  photo?: boolean;
  voice?: boolean;
  sticker?: boolean;
  id?: string;
  /** This message edits the one with that id. */
  edits?: string;
  forwarded?: boolean;
  contact?: { phone: string; name?: string; own: boolean };
  place?: { name?: string; address?: string };
  /** The platform id of the message this replies to (the harness sends each outbox row under its own id). */
  replyTo?: string;
};

export class Harness {
  readonly clock: ManualClock;
  core: Core;
  readonly dir: string;
  private seq = 0;

  private readonly options: Pick<CoreOptions, 'locate' | 'publicBaseUrl'>;

  constructor(
    opts: { dir?: string; at?: number; seed?: number } & Pick<CoreOptions, 'locate' | 'publicBaseUrl'> = {},
  ) {
    this.dir = opts.dir ?? mkdtempSync(join(tmpdir(), 'aduan-test-'));
    this.clock = new ManualClock(opts.at ?? T0);
    this.options = { locate: opts.locate, publicBaseUrl: opts.publicBaseUrl };
    this.core = this.open(opts.seed ?? 1);
  }

  private open(seed: number): Core {
    return buildCore({
      dbPath: join(this.dir, 'aduan.db'),
      dataDir: this.dir,
      clock: this.clock,
      ids: seededIds(seed),
      // A migration test's database is an older schema it built by hand: no pre-upgrade backup in a test.
      upgradeCleared: true,
      ...this.options,
    });
  }

  /** Closes and reopens the same database file: a restart of the runtime. */
  restart(seed = 2): void {
    this.core.close();
    this.core = this.open(seed);
  }

  /** One citizen message; returns the replies to that chat. */
  say(
    chat: string,
    said: Said | string,
    channel: 'simulate' | 'web' | 'telegram' = 'simulate',
  ): RenderedMessage[] {
    const s: Said = typeof said === 'string' ? { text: said } : said;
    this.seq++;
    const media = [
      ...(s.photo
        ? [
            {
              kind: 'photo' as const,
              mime: 'image/jpeg',
              filename: 'bukti.jpg',
              data: new Uint8Array([0xff, 0xd8, 0xff, this.seq % 256, 1, 2, 3]),
            },
          ]
        : []),
      ...(s.voice
        ? [
            {
              kind: 'voice' as const,
              mime: 'audio/ogg',
              data: new Uint8Array([0x4f, 0x67, 0x67, 0x53, this.seq % 256]),
            },
          ]
        : []),
      ...(s.sticker
        ? [
            {
              kind: 'sticker' as const,
              mime: 'image/webp',
              data: new Uint8Array([
                0x52,
                0x49,
                0x46,
                0x46,
                0,
                0,
                0,
                0,
                0x57,
                0x45,
                0x42,
                0x50,
                this.seq % 256,
              ]),
            },
          ]
        : []),
    ];
    const result = this.core.runtime.handle({
      channel,
      chatId: chat,
      messageId: s.id ?? `m${this.seq}`,
      text: s.text,
      location: s.location,
      media: media.length > 0 ? media : undefined,
      ...(s.edits ? { edits: s.edits } : {}),
      ...(s.forwarded ? { forwarded: true } : {}),
      ...(s.contact ? { contact: s.contact } : {}),
      ...(s.place ? { place: s.place } : {}),
      ...(s.replyTo ? { replyTo: s.replyTo } : {}),
    });
    return this.deliver(result.outgoing, chat);
  }

  /** Moves the clock and fires due deadlines; returns what they sent to `chat`. */
  advance(ms: number, chat: string): RenderedMessage[] {
    this.clock.advance(ms);
    return this.deliver(this.core.runtime.fireDue(), chat);
  }

  /** Like `advance`, but fires every due deadline, however many conversations are due at once. */
  advanceAll(ms: number, chat: string): RenderedMessage[] {
    this.clock.advance(ms);
    const mine: RenderedMessage[] = [];
    for (let fired = this.core.runtime.fireDue(); fired.length > 0; fired = this.core.runtime.fireDue())
      mine.push(...this.deliver(fired, chat));
    return mine;
  }

  private deliver(out: Outgoing[], chat: string): RenderedMessage[] {
    for (const o of out) this.core.store.outbox.markSent(o.id, this.clock.now(), String(o.id));
    return out.filter((o) => o.chatId === chat).map((o) => o.message);
  }

  conversationState(chat: string, channel = 'simulate'): string | null {
    return this.core.store.conversations.find(channel, chat)?.state ?? null;
  }

  /** The stored complaints, newest first. */
  complaints(): { number: string; complaint: unknown; status: string; conversationId: number | null }[] {
    return this.core.db
      .prepare(
        `SELECT t.number, c.data, t.status, t.conversation_id FROM tickets t JOIN complaints c ON c.id = t.complaint_id ORDER BY t.id DESC`,
      )
      .all()
      .map((r) => {
        const row = r as { number: string; data: string; status: string; conversation_id: number | null };
        return {
          number: row.number,
          complaint: JSON.parse(row.data),
          status: row.status,
          conversationId: row.conversation_id,
        };
      });
  }

  close(): void {
    this.core.close();
  }
}
