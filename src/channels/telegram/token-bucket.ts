// Token buckets for Telegram's send limits (~1 message/s per chat, ~30/s overall): callers wait, never fail.

export type Sleep = (ms: number) => Promise<void>;
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A bucket that lends: taking a token may go into debt, and the caller waits until that token exists. */
export class TokenBucket {
  private tokens: number;
  private at: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }

  /** Takes one token; returns how many ms the caller must wait before using it (0: right away). */
  reserve(now: number): number {
    this.refill(now);
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.perSecond) * 1000);
  }

  /** How many ms until a token exists, without taking it (0: one is there now). */
  waitFor(now: number): number {
    this.refill(now);
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.perSecond) * 1000);
  }

  isFull(now: number): boolean {
    this.refill(now);
    return this.tokens >= this.capacity;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.at) / 1000;
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.perSecond);
    this.at = now;
  }
}

export type Rate = { perSecond: number; burst: number };

export type RateLimitOptions = {
  perChat?: Rate;
  overall?: Rate;
  now?: () => number;
  sleep?: Sleep;
};

export const TELEGRAM_RATES = {
  perChat: { perSecond: 1, burst: 3 },
  overall: { perSecond: 30, burst: 30 },
} as const;

/** TELEGRAM_SEND_LIMITS=0: no wait at all (load tests against a fake Bot API; the real one still limits). */
export const NO_SEND_LIMIT: RateLimitOptions = {
  perChat: { perSecond: 1e9, burst: 1e9 },
  overall: { perSecond: 1e9, burst: 1e9 },
};

/** The per-chat and overall limits together; `acquire` resolves when a message to the chat may go. */
export class SendRateLimiter {
  private readonly chats = new Map<string, TokenBucket>();
  private readonly overall: TokenBucket;
  private readonly perChat: Rate;
  private readonly now: () => number;
  private readonly sleep: Sleep;

  constructor(opts: RateLimitOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.sleep = opts.sleep ?? realSleep;
    this.perChat = opts.perChat ?? TELEGRAM_RATES.perChat;
    const overall = opts.overall ?? TELEGRAM_RATES.overall;
    this.overall = new TokenBucket(overall.perSecond, overall.burst, this.now());
  }

  async acquire(chatId: string): Promise<void> {
    const now = this.now();
    let bucket = this.chats.get(chatId);
    if (!bucket) {
      if (this.chats.size >= 10_000) this.prune(now);
      bucket = new TokenBucket(this.perChat.perSecond, this.perChat.burst, now);
      this.chats.set(chatId, bucket);
    }
    const wait = Math.max(this.overall.reserve(now), bucket.reserve(now));
    if (wait > 0) await this.sleep(wait);
  }

  /** How long a message to the chat would wait now, without taking a token. */
  delay(chatId: string): number {
    const now = this.now();
    return Math.max(this.overall.waitFor(now), this.chats.get(chatId)?.waitFor(now) ?? 0);
  }

  /** Forgets chats whose bucket is full again: they would start from a full bucket anyway. */
  private prune(now: number): void {
    for (const [chat, bucket] of this.chats) if (bucket.isFull(now)) this.chats.delete(chat);
  }
}
