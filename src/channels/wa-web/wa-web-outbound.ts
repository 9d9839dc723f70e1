// Sending on WhatsApp Web as a person would: one message at a time, a pause between two to the same chat, and a
// second try at the LID address when a LID-only contact refuses its phone id.
import { SendError } from '../../outbox/outbound-channel.js';
import type { SentMessageLike, WaClientPort, WaMedia, WaMediaOptions } from './client-port.js';
import { type SenderDirectory, errorText } from './sender-directory.js';
import { phoneDigits } from './wa-ids.js';

export type WaWebOutboundDeps = {
  /** The current client (it changes on reconnect); null while there is none. */
  client: () => WaClientPort | null;
  senders: Pick<SenderDirectory, 'addressFor' | 'lidForPhone'>;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** The pause between two messages to one chat. */
  pauseMs: number;
  /** The retry delay a send asks for while the client is not connected. */
  notConnectedRetryMs: number;
};

export class WaWebOutbound {
  private readonly lastSentAt = new Map<string, number>();
  /** whatsapp-web.js drives one browser page: its sends go one at a time, as a person's would. */
  private sending: Promise<unknown> = Promise.resolve();

  constructor(private readonly deps: WaWebOutboundDeps) {}

  /** The rest of the pause after the last message to this chat: the sender serves other chats meanwhile. */
  delayFor(chatId: string): number {
    const last = this.lastSentAt.get(chatId);
    return last === undefined ? 0 : Math.max(0, last + this.deps.pauseMs - this.deps.now());
  }

  /** Runs the send once every send queued before it has settled. */
  inTurn<T>(send: () => Promise<T>): Promise<T> {
    const run = this.sending.then(send);
    this.sending = run.catch(() => {});
    return run;
  }

  /** Sends one text, pausing after the previous one to the same chat; falls back to the LID address once. */
  sendText(chatId: string, text: string): Promise<string | null> {
    return this.deliver(chatId, (client, address) => client.sendMessage(address, text));
  }

  /** Sends one file (an officer's), by the same rules as a text. */
  sendMedia(chatId: string, media: WaMedia, options: WaMediaOptions): Promise<string | null> {
    return this.deliver(chatId, (client, address) => client.sendMedia(address, media, options));
  }

  private async deliver(
    chatId: string,
    send: (client: WaClientPort, address: string) => Promise<SentMessageLike>,
  ): Promise<string | null> {
    const last = this.lastSentAt.get(chatId);
    if (last !== undefined) {
      const wait = last + this.deps.pauseMs - this.deps.now();
      if (wait > 0) await this.deps.sleep(wait);
    }
    const client = this.deps.client();
    if (!client) throw new SendError('whatsapp not connected', true, this.deps.notConnectedRetryMs);
    const address = this.deps.senders.addressFor(chatId);
    try {
      const sent = await this.sendVia(client, chatId, address, send);
      return sent?.id?._serialized ?? null;
    } catch (err) {
      throw new SendError(`whatsapp send failed: ${errorText(err)}`, true);
    } finally {
      this.markSent(chatId);
    }
  }

  private async sendVia(
    client: WaClientPort,
    chatId: string,
    address: string,
    send: (client: WaClientPort, address: string) => Promise<SentMessageLike>,
  ) {
    try {
      return await send(client, address);
    } catch (err) {
      // A LID-only contact refuses its phone id ("No LID for user"): ask WhatsApp for the LID and try once more.
      const noLid = /\bno lid\b/i.test(errorText(err));
      if (!noLid || address !== chatId || phoneDigits(chatId) === null) throw err;
      const lid = await this.deps.senders.lidForPhone(chatId);
      if (!lid) throw err;
      return await send(client, lid);
    }
  }

  private markSent(chatId: string): void {
    this.lastSentAt.delete(chatId);
    this.lastSentAt.set(chatId, this.deps.now());
    if (this.lastSentAt.size > 10_000) {
      const horizon = this.deps.now() - this.deps.pauseMs;
      for (const [id, at] of this.lastSentAt) {
        if (at >= horizon) break;
        this.lastSentAt.delete(id);
      }
    }
  }
}
