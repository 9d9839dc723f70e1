// The citizens' WhatsApp messages in: each sender's in arrival order, normalized, a bare number read as the choice
// it stands for, then delivered to the runtime; the adapter's own notices go back at once; deletions are reported.
import { InboundMessage } from '../../conversation/inbound.js';
import type { Lang } from '../../domain/reply.js';
import { hasKey, t } from '../../i18n/locales.js';
import type { Deliver } from '../channel.js';
import type { ChoiceReplies } from './choice-replies.js';
import { type Notice, normalizeMessage, normalizeRevoke } from './normalize-message.js';
import { type SenderDirectory, errorText } from './sender-directory.js';
import type { WaWebLog } from './wa-web-log.js';

export type WaWebInboundDeps = {
  senders: Pick<SenderDirectory, 'resolve'>;
  /** The numbered choices each chat was last shown. */
  choices: Pick<ChoiceReplies, 'translate'>;
  /** Sends a notice straight away, not queued behind the runtime's messages. */
  sendText: (chatId: string, text: string) => Promise<unknown>;
  /** The chat's language, for the notices. */
  langFor: (chatId: string) => Lang;
  maxMediaBytes: number;
  log: WaWebLog;
  /** A citizen deleted a message "for everyone": the service logs/audits it (the runtime is not told). */
  onRevoke?: (messageId: string, info: { chatId: string; relatedIds: string[] }) => void;
};

/** The chat a raw whatsapp-web.js message came from, or '' when it has none. */
function senderOf(message: unknown): string {
  return typeof message === 'object' &&
    message !== null &&
    'from' in message &&
    typeof message.from === 'string'
    ? message.from
    : '';
}

export class WaWebInbound {
  private readonly chains = new Map<string, Promise<void>>();
  private deliver: Deliver | null = null;

  constructor(private readonly deps: WaWebInboundDeps) {}

  /** Where validated messages go from now on. */
  deliverTo(deliver: Deliver): void {
    this.deliver = deliver;
  }

  /** A 'message' event of the client. */
  message(raw: unknown): void {
    this.enqueue(senderOf(raw), () => this.handleMessage(raw));
  }

  /** A 'message_revoke_everyone' event of the client: the revoked message, and what it was before. */
  revoke(raw: unknown, before: unknown): void {
    this.enqueue(senderOf(raw), () => this.handleRevoke(raw, before));
  }

  /** Resolves when every inbound message received so far has been handled (tests, graceful shutdown). */
  async idle(): Promise<void> {
    while (this.chains.size > 0) await Promise.allSettled([...this.chains.values()]);
  }

  /** One sender's messages are handled in arrival order (downloads and lookups are async). */
  private enqueue(key: string, task: () => Promise<void>): void {
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous.then(task).catch((err: unknown) => {
      this.deps.log.error({ err: errorText(err) }, 'whatsapp: inbound message failed');
    });
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  private async handleMessage(raw: unknown): Promise<void> {
    const normalized = await normalizeMessage(raw, {
      resolveSender: (from) => this.deps.senders.resolve(from),
      maxMediaBytes: this.deps.maxMediaBytes,
      log: this.deps.log,
    });
    if (normalized.kind === 'ignore') return;
    const chatId = normalized.kind === 'deliver' ? normalized.message.chatId : normalized.chatId;
    for (const notice of normalized.notices) await this.sendNotice(chatId, notice);
    if (normalized.kind !== 'deliver') return;
    const message = normalized.message;
    const text = message.text === undefined ? undefined : this.deps.choices.translate(chatId, message.text);
    const checked = InboundMessage.safeParse(text === undefined ? message : { ...message, text });
    if (!checked.success) {
      this.deps.log.warn({ messageId: message.messageId }, 'whatsapp: message did not validate, dropped');
      return;
    }
    if (!this.deliver) return;
    try {
      await this.deliver(checked.data);
    } catch (err) {
      // WhatsApp will not deliver it again: the citizen has to resend.
      this.deps.log.error({ messageId: message.messageId, err: errorText(err) }, 'whatsapp: delivery failed');
    }
  }

  private async handleRevoke(message: unknown, before: unknown): Promise<void> {
    const revoked = await normalizeRevoke(message, before, {
      resolveSender: (from) => this.deps.senders.resolve(from),
    });
    if (!revoked) return;
    this.deps.log.info({ messageId: revoked.messageId }, 'whatsapp: message deleted by the citizen');
    this.deps.onRevoke?.(revoked.messageId, { chatId: revoked.chatId, relatedIds: revoked.relatedIds });
  }

  private async sendNotice(chatId: string, notice: Notice): Promise<void> {
    const lang = this.deps.langFor(chatId);
    const text =
      notice.kind === 'too_large'
        ? t(lang, 'channel.file_too_large', { max: notice.maxMb })
        : notice.kind === 'media_failed' && hasKey(lang, 'channel.media_failed')
          ? t(lang, 'channel.media_failed')
          : t(lang, 'channel.unsupported');
    try {
      await this.deps.sendText(chatId, text);
    } catch (err) {
      this.deps.log.warn({ notice: notice.kind, err: errorText(err) }, 'whatsapp: notice not sent');
    }
  }
}
