// Disk full or database busy: the message is not lost (the caller gets StorageUnavailable, so webhooks answer 5xx
// and platforms redeliver, polling keeps its offset, the web chat retries), the citizen is told once to wait, and
// operators see the state in /readyz, metrics and logs.
import type { Clock } from '../clock.js';
import type { InboundMessage } from './inbound.js';
import type { HandleResult } from './runtime.js';

/** SQLite and file-system codes that mean "cannot store now", not "this message is bad". */
const STORAGE_CODES =
  /^(SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)(_\w+)?|ENOSPC|EDQUOT|EROFS|EIO)$/;

export class StorageUnavailable extends Error {
  constructor(
    readonly code: string,
    options?: { cause: unknown },
  ) {
    super(`storage unavailable (${code})`, options);
    this.name = 'StorageUnavailable';
  }
}

/** The storage error code of a thrown value, or null when it is not a storage failure. */
export function storageErrorCode(err: unknown): string | null {
  if (err instanceof StorageUnavailable) return err.code;
  if (err === null || typeof err !== 'object' || !('code' in err) || typeof err.code !== 'string')
    return null;
  return STORAGE_CODES.test(err.code) ? err.code : null;
}

export type StorageState = { ok: boolean; code: string | null; since: number | null; failures: number };

/** What operators see: failing from the first storage error until a message is stored again. */
export class StorageHealth {
  private state: StorageState = { ok: true, code: null, since: null, failures: 0 };

  failed(code: string, now: number): void {
    this.state = {
      ok: false,
      code,
      since: this.state.ok ? now : this.state.since,
      failures: this.state.failures + 1,
    };
  }

  stored(): void {
    if (!this.state.ok) this.state = { ok: true, code: null, since: null, failures: this.state.failures };
  }

  current(): StorageState {
    return this.state;
  }
}

export type StorageGuardDeps = {
  health: StorageHealth;
  clock: Clock;
  /** Tells the citizen to wait, straight through the channel (the outbox cannot be written). */
  notify(message: InboundMessage): Promise<void>;
  onFailure(code: string, message: InboundMessage): void;
  /** A chat is told at most once per this many ms. */
  notifyEveryMs?: number;
};

const MAX_REMEMBERED = 10_000;

/** Records storage failures, tells the chat once, and turns them into StorageUnavailable for the caller. */
export class StorageGuard {
  private readonly every: number;
  private readonly told = new Map<string, number>();

  constructor(private readonly deps: StorageGuardDeps) {
    this.every = deps.notifyEveryMs ?? 5 * 60_000;
  }

  /** The handler with its storage failures caught (a statement's; a group's commit comes through `failed`). */
  wrap(handle: (m: InboundMessage) => HandleResult): (m: InboundMessage) => HandleResult {
    return (message) => {
      try {
        const result = handle(message);
        this.deps.health.stored();
        return result;
      } catch (err) {
        throw this.failed(err, message);
      }
    };
  }

  /** What to throw for `err` while storing `message`: a storage failure is recorded and becomes StorageUnavailable. */
  failed(err: unknown, message: InboundMessage): unknown {
    const code = storageErrorCode(err);
    if (!code) return err;
    const now = this.deps.clock.now();
    this.deps.health.failed(code, now);
    this.deps.onFailure(code, message);
    const key = `${message.channel}:${message.chatId}`;
    const last = this.told.get(key);
    if (last === undefined || now - last >= this.every) {
      if (this.told.size >= MAX_REMEMBERED) this.told.clear();
      this.told.set(key, now);
      void this.deps.notify(message).catch(() => {});
    }
    return new StorageUnavailable(code, { cause: err });
  }
}

export function guardStorage(
  handle: (m: InboundMessage) => HandleResult,
  deps: StorageGuardDeps,
): (m: InboundMessage) => HandleResult {
  return new StorageGuard(deps).wrap(handle);
}
