// Gathers an album's photos (separate updates sharing a media_group_id) into one message after a short quiet time.
import type { AlbumPart } from './normalize-update.js';

/** Runs `fn` after `ms`; returns a cancel function. Injected so tests control time. */
export type Schedule = (fn: () => void, ms: number) => () => void;

export const realSchedule: Schedule = (fn, ms) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export type Album = {
  chatId: string;
  /** The dedup key: `album:<chat>:<media_group_id>` (a late straggler gets its own message id appended). */
  messageId: string;
  caption?: string;
  parts: AlbumPart[];
};

type Open = { key: string; parts: AlbumPart[]; openedAt: number; cancel: () => void };

export type AlbumBufferOptions = {
  /** Quiet time after the last part before the album is delivered. */
  waitMs?: number;
  /** An album is delivered at the latest this long after its first part, even if parts keep coming. */
  maxWaitMs?: number;
  schedule?: Schedule;
  now?: () => number;
};

const REMEMBERED = 500;

export class AlbumBuffer {
  private readonly open = new Map<string, Open>();
  /**
   * Albums already delivered (most recent last) with their parts' message ids: a redelivered part is dropped, a
   * late new part must not reuse the album's dedup key.
   */
  private readonly flushed = new Map<string, Set<number>>();
  private readonly waitMs: number;
  private readonly maxWaitMs: number;
  private readonly schedule: Schedule;
  private readonly now: () => number;

  constructor(
    private readonly onFlush: (album: Album) => void,
    opts: AlbumBufferOptions = {},
  ) {
    this.waitMs = opts.waitMs ?? 800;
    this.maxWaitMs = opts.maxWaitMs ?? this.waitMs * 4;
    this.schedule = opts.schedule ?? realSchedule;
    this.now = opts.now ?? Date.now;
  }

  /**
   * Adds a part: `opened` a new album (the caller then reserves the chat's turn), `joined` an open one, or was a
   * `repeat` of a part already delivered (a redelivered update: nothing to do).
   */
  add(part: AlbumPart): 'opened' | 'joined' | 'repeat' {
    const existing = this.open.get(part.albumKey);
    if (existing) {
      if (!existing.parts.some((p) => p.messageId === part.messageId)) existing.parts.push(part);
      existing.cancel();
      const left = Math.max(0, existing.openedAt + this.maxWaitMs - this.now());
      existing.cancel = this.schedule(() => this.flush(part.albumKey), Math.min(this.waitMs, left));
      return 'joined';
    }
    const delivered = this.flushed.get(part.albumKey);
    if (delivered?.has(part.messageId)) return 'repeat';
    const key = delivered ? `${part.albumKey}:${part.messageId}` : part.albumKey;
    const entry: Open = {
      key,
      parts: [part],
      openedAt: this.now(),
      cancel: this.schedule(() => this.flush(part.albumKey), this.waitMs),
    };
    this.open.set(part.albumKey, entry);
    return 'opened';
  }

  /** Delivers every open album now (stopping). */
  flushAll(): void {
    for (const key of [...this.open.keys()]) this.flush(key);
  }

  get pending(): number {
    return this.open.size;
  }

  private flush(albumKey: string): void {
    const entry = this.open.get(albumKey);
    if (!entry) return;
    entry.cancel();
    this.open.delete(albumKey);
    const ids = this.flushed.get(albumKey) ?? new Set<number>();
    for (const p of entry.parts) ids.add(p.messageId);
    this.flushed.delete(albumKey);
    this.flushed.set(albumKey, ids);
    if (this.flushed.size > REMEMBERED) {
      const oldest = this.flushed.keys().next().value;
      if (oldest !== undefined) this.flushed.delete(oldest);
    }
    const parts = [...entry.parts].sort((a, b) => a.messageId - b.messageId);
    const caption = parts.find((p) => p.caption !== undefined)?.caption;
    const first = parts[0];
    if (!first) return;
    this.onFlush({
      chatId: first.chatId,
      messageId: entry.key,
      ...(caption !== undefined ? { caption } : {}),
      parts,
    });
  }
}
