// Tickets to an agency officers' Telegram group through the bot (telegraf's Telegram client), split over 4096 chars.
import { Telegram, TelegramError } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { TICKET_BUTTONS, ticketButtonData } from '../domain/ticket-buttons.js';
import { t } from '../i18n/locales.js';
import { redactToken } from '../platforms/telegram/send-errors.js';
import type { DeliveryJob, DeliveryMethod, DeliveryOutcome } from './method.js';
import { officerTelegramParts } from './officer-text.js';
import { withoutNik } from './payload.js';

export type TelegramGroupOptions = {
  token: string;
  /** The Bot API root; Telegram's own when unset (tests point it at a fake). */
  apiRoot?: string;
  /** Records which group message carries which ticket (so a `/balas` replying to it reaches the ticket). */
  posted?: (chatId: string, messageId: number, ticketNumber: string) => void;
};

/** Terima, Proses, Selesai under the ticket: pressed by a linked officer, they move it (src/officers/telegram-desk). */
export function ticketKeyboard(ticket: string): InlineKeyboardMarkup {
  return {
    inline_keyboard: [
      TICKET_BUTTONS.map((status) => ({
        text: t('id', `forward.button.${status}`),
        callback_data: ticketButtonData(ticket, status),
      })),
    ],
  };
}

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
  /** Message ids of the parts already posted of a ticket that failed part way: its retry goes on after them. */
  private readonly posted = new Map<string, number[]>();

  constructor(opts: TelegramGroupOptions) {
    this.telegram = new Telegram(opts.token, opts.apiRoot ? { apiRoot: opts.apiRoot } : {});
    this.record = opts.posted;
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
    // A group chat is read by many: the NIK stays out, as in e-mail.
    const parts = officerTelegramParts(withoutNik(job.payload), { footerId: job.idempotencyKey });
    const done = this.posted.get(job.idempotencyKey) ?? [];
    const ticket = job.payload.ticket.number;
    try {
      for (const [i, text] of parts.entries()) {
        if (i < done.length) continue;
        signal.throwIfAborted();
        const message = await untilAborted(
          this.telegram.sendMessage(dest.chatId, text, {
            parse_mode: 'HTML',
            link_preview_options: { is_disabled: true },
            // The buttons go under the last part, where the officer has read the whole ticket.
            ...(i === parts.length - 1 ? { reply_markup: ticketKeyboard(ticket) } : {}),
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
}
