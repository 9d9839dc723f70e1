// Tickets to an agency officers' Telegram group through the bot (telegraf's Telegram client), split over 4096 chars,
// with the buttons the ticket's status allows under the last part; an update of a posted ticket edits those buttons.
import { Telegram, TelegramError } from 'telegraf';
import { TICKET_BUTTONS } from '../domain/ticket-buttons.js';
import { redactToken } from '../platforms/telegram/send-errors.js';
import type { GroupButtons } from '../storage/group-buttons.js';
import type { DeliveryJob, DeliveryMethod, DeliveryOutcome, UpdateJob } from './method.js';
import { officerTelegramParts } from './officer-text.js';
import { withoutNik } from './payload.js';
import { buttonsNow, editRefusal, ticketKeyboard } from './ticket-keyboard.js';

export type TelegramGroupOptions = {
  token: string;
  /** The Bot API root; Telegram's own when unset (tests point it at a fake). */
  apiRoot?: string;
  /** Records which group message carries which ticket (so a `/balas` replying to it reaches the ticket). */
  posted?: (chatId: string, messageId: number, ticketNumber: string) => void;
  /**
   * The ticket as it is when sent, and where its posts are: the buttons follow its status, and a delivery that updates
   * a post edits them. Without it every post offers all three buttons (and there is nothing to update).
   */
  buttons?: Pick<GroupButtons, 'state' | 'carrier'>;
};

const DEFAULT_RETRY_AFTER_S = 5;

/**
 * Settles with `work`, or rejects as soon as the signal aborts. telegraf types its own signal after a polyfill, so
 * the request itself is left to finish on its own (a single short Bot API call).
 */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function failure(err: unknown, signal: AbortSignal): DeliveryOutcome {
  if (signal.aborted) return { ok: false, retryable: true, error: 'telegram: aborted' };
  if (!(err instanceof TelegramError)) {
    const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return { ok: false, retryable: true, error: redactToken(`telegram unreachable: ${message}`) };
  }
  const error = redactToken(`telegram ${err.code}: ${err.description}`);
  if (err.code === 429) {
    const seconds = Math.max(1, err.parameters?.retry_after ?? DEFAULT_RETRY_AFTER_S);
    return { ok: false, retryable: true, error, retryAfterMs: seconds * 1000 };
  }
  const migrated = err.parameters?.migrate_to_chat_id;
  if (migrated !== undefined) {
    return {
      ok: false,
      retryable: false,
      error: `${error} (the group is now chat ${migrated}: update chatId)`,
    };
  }
  // 5xx is Telegram's trouble and a refused token the operator's to fix: both pass later. 400 chat not found and
  // 403 bot was kicked stay so until someone adds the bot back or corrects the chat id.
  return { ok: false, retryable: err.code >= 500 || err.code === 401, error };
}

export class TelegramGroupMethod implements DeliveryMethod {
  readonly method = 'telegram';
  private readonly telegram: Telegram;
  private readonly record: TelegramGroupOptions['posted'];
  private readonly buttons: TelegramGroupOptions['buttons'];
  /** Message ids of the parts already posted of a ticket that failed part way: its retry goes on after them. */
  private readonly posted = new Map<string, number[]>();

  constructor(opts: TelegramGroupOptions) {
    this.telegram = new Telegram(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot } : {});
    this.record = opts.posted;
    this.buttons = opts.buttons;
  }

  async deliver(job: DeliveryJob, signal: AbortSignal): Promise<DeliveryOutcome> {
    const dest = job.destination;
    if (dest.method !== 'telegram') {
      return {
        ok: false,
        retryable: false,
        error: `telegram cannot deliver to a ${dest.method} destination`,
      };
    }
    const ticket = job.payload.ticket.number;
    const keyboard = ticketKeyboard(
      ticket,
      this.buttons ? buttonsNow(this.buttons.state(ticket, job.agency.id)) : TICKET_BUTTONS,
    );
    // A group chat is read by many: the NIK stays out, as in e-mail.
    const parts = officerTelegramParts(withoutNik(job.payload), { footerId: job.idempotencyKey });
    const done = this.posted.get(job.idempotencyKey) ?? [];
    try {
      for (const [i, text] of parts.entries()) {
        if (i < done.length) continue;
        signal.throwIfAborted();
        const message = await untilAborted(
          this.telegram.sendMessage(dest.chatId, text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            // The buttons go under the last part, where the officer has read the whole ticket.
            ...(i === parts.length - 1 && keyboard.inline_keyboard.length > 0
              ? { reply_markup: keyboard }
              : {}),
          }),
          signal,
        );
        done.push(message.message_id);
        this.record?.(dest.chatId, message.message_id, ticket);
        this.posted.set(job.idempotencyKey, done);
      }
    } catch (err) {
      const outcome = failure(err, signal);
      if (!outcome.ok && !outcome.retryable) this.posted.delete(job.idempotencyKey);
      return outcome;
    }
    this.posted.delete(job.idempotencyKey);
    return { ok: true, remoteId: done.join(',') };
  }

  /**
   * Edits the buttons of the ticket's post (`job.post`) to those the ticket allows now (none: taken away). Buttons
   * that are already these, or a message deleted meanwhile, leave nothing to do; a post not out yet is waited for.
   */
  async update(job: UpdateJob, signal: AbortSignal): Promise<DeliveryOutcome> {
    const dest = job.destination;
    if (dest.method !== 'telegram') return { ok: true, remoteId: null };
    const where = this.buttons?.carrier(job.post, dest.chatId) ?? 'none';
    if (where === 'not_posted')
      return { ok: false, retryable: true, error: 'the ticket is not posted in the group yet' };
    if (where === 'none') return { ok: true, remoteId: null };
    const ticket = job.ticketNumber;
    const keyboard = ticketKeyboard(ticket, buttonsNow(this.buttons?.state(ticket, job.agency.id) ?? null));
    try {
      signal.throwIfAborted();
      await untilAborted(
        this.telegram.editMessageReplyMarkup(dest.chatId, where.messageId, undefined, keyboard),
        signal,
      );
    } catch (err) {
      const refusal = signal.aborted ? null : editRefusal(err);
      if (refusal === null) return failure(err, signal);
      if (refusal === 'gone') return { ok: true, remoteId: null };
    }
    return { ok: true, remoteId: String(where.messageId) };
  }
}
