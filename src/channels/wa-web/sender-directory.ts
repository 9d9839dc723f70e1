// One citizen, one id: a `…@lid` sender is resolved to its phone id `<digits>@c.us` (cached), so both meet.
import type { WaClientPort } from './client-port.js';
import { isLid, phoneDigits, phoneUserId } from './wa-ids.js';

export type Sender = {
  /** The conversation key: `<digits>@c.us`, or the `@lid` itself when WhatsApp would not give the phone. */
  chatId: string;
  /** `+<digits>`: WhatsApp vouches for it (known only for phone ids). */
  channelPhone?: string;
};

export type SenderDirectoryDeps = {
  /** The current client (it changes on reconnect); null while there is none. */
  client: () => Pick<WaClientPort, 'getContactLidAndPhone'> | null;
  now: () => number;
  log: { warn(obj: object, msg: string): void };
  /** After a failed lookup, ask WhatsApp again for the same lid only after this long (lookups are rate-sensitive). */
  retryFailedAfterMs?: number;
  /** Bound on every in-memory map (oldest entries go first). */
  maxEntries?: number;
};

/** Sets a key as the newest entry and drops the oldest beyond `max`. */
function put<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}

export class SenderDirectory {
  private readonly phoneOfLid = new Map<string, string>();
  private readonly lidOfPhone = new Map<string, string>();
  private readonly failedAt = new Map<string, number>();
  private readonly pending = new Map<string, Promise<string | null>>();
  /** The id each chat last wrote from: replies go back there (a LID-only chat may refuse its phone id). */
  private readonly lastFrom = new Map<string, string>();
  private readonly retryMs: number;
  private readonly max: number;

  constructor(private readonly deps: SenderDirectoryDeps) {
    this.retryMs = deps.retryFailedAfterMs ?? 10 * 60_000;
    this.max = deps.maxEntries ?? 50_000;
  }

  /** The citizen behind a personal-chat sender id (`…@c.us` or `…@lid`). */
  async resolve(from: string): Promise<Sender> {
    const digits = phoneDigits(from);
    if (digits !== null) {
      const chatId = phoneUserId(digits);
      put(this.lastFrom, chatId, chatId, this.max);
      return { chatId, channelPhone: `+${digits}` };
    }
    if (!isLid(from)) return { chatId: from };
    const phoneId = await this.phoneOf(from);
    if (phoneId === null) {
      put(this.lastFrom, from, from, this.max);
      return { chatId: from };
    }
    put(this.lastFrom, phoneId, from, this.max);
    return { chatId: phoneId, channelPhone: `+${phoneDigits(phoneId)}` };
  }

  /** Where to send a message for a chat id: the id the citizen last wrote from, else the chat id itself. */
  addressFor(chatId: string): string {
    return this.lastFrom.get(chatId) ?? chatId;
  }

  /** The `@lid` for a phone id, from the cache or WhatsApp (used when sending to the phone id fails). */
  async lidForPhone(phoneId: string): Promise<string | null> {
    const known = this.lidOfPhone.get(phoneId);
    if (known) return known;
    const client = this.deps.client();
    if (!client || phoneDigits(phoneId) === null) return null;
    try {
      const [pair] = await client.getContactLidAndPhone([phoneId]);
      const lid = pair?.lid && isLid(pair.lid) ? pair.lid : null;
      if (lid) this.remember(lid, phoneId);
      return lid;
    } catch (err) {
      this.deps.log.warn({ err: errorText(err) }, 'whatsapp: lid lookup for a phone failed');
      return null;
    }
  }

  private remember(lid: string, phoneId: string): void {
    put(this.phoneOfLid, lid, phoneId, this.max);
    put(this.lidOfPhone, phoneId, lid, this.max);
    this.failedAt.delete(lid);
  }

  private phoneOf(lid: string): Promise<string | null> {
    const known = this.phoneOfLid.get(lid);
    if (known) return Promise.resolve(known);
    const failed = this.failedAt.get(lid);
    if (failed !== undefined && this.deps.now() - failed < this.retryMs) return Promise.resolve(null);
    const inFlight = this.pending.get(lid);
    if (inFlight) return inFlight;
    const lookup = this.lookup(lid).finally(() => this.pending.delete(lid));
    this.pending.set(lid, lookup);
    return lookup;
  }

  private async lookup(lid: string): Promise<string | null> {
    const client = this.deps.client();
    if (!client) return null;
    try {
      const pairs = await client.getContactLidAndPhone([lid]);
      const pn = pairs.find((p) => p.lid === lid || pairs.length === 1)?.pn ?? null;
      const digits = pn ? phoneDigits(pn) : null;
      if (digits !== null) {
        const phoneId = phoneUserId(digits);
        this.remember(lid, phoneId);
        return phoneId;
      }
    } catch (err) {
      this.deps.log.warn({ err: errorText(err) }, 'whatsapp: lid lookup failed');
    }
    put(this.failedAt, lid, this.deps.now(), this.max);
    return null;
  }
}

export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
