// Maps Telegram API failures to SendError: 429 waits retry_after, 5xx and network errors retry, 400/403 give up.
import { TelegramError } from 'telegraf';
import { SendError } from '../../outbox/outbound-channel.js';

/** Tokens appear in Bot API URLs: never let one reach a log or the outbox's last_error. */
export function redactToken(text: string): string {
  return text.replace(/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>');
}

const DEFAULT_RETRY_AFTER_S = 5;

/** 403s that mean the citizen blocked the bot or deleted the account (not a bot kicked from a group). */
const RECIPIENT_BLOCKED = /bot was blocked by the user|user is deactivated/i;

export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (err instanceof TelegramError) {
    const message = redactToken(`telegram ${err.code}: ${err.description}`);
    const code = String(err.code);
    if (err.code === 429) {
      const seconds = err.parameters?.retry_after ?? DEFAULT_RETRY_AFTER_S;
      return new SendError(message, true, Math.max(1, seconds) * 1000, { code });
    }
    if (err.code >= 500) return new SendError(message, true, undefined, { code });
    // 401: the token was revoked or mistyped; messages wait for the operator to fix it rather than die.
    if (err.code === 401) return new SendError(message, true, undefined, { code });
    // The citizen blocked the bot: retrying cannot help now, but the messages wait for them to come back.
    if (err.code === 403 && RECIPIENT_BLOCKED.test(err.description)) {
      return new SendError(message, false, undefined, { code, recipientBlocked: true });
    }
    // 400 (chat not found, bad request), other 403s, 404…: retrying cannot help.
    return new SendError(message, false, undefined, { code });
  }
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return new SendError(redactToken(`telegram unreachable: ${message}`), true);
}

/** Telegram refused the HTML (a formatting bug on our side): the message is worth sending as plain text. */
export function isEntityError(err: unknown): boolean {
  return err instanceof TelegramError && err.code === 400 && /can't parse entities/i.test(err.description);
}

/** A platform failure that says Telegram itself is unreachable or refusing us (not one chat's problem). */
export function isOutage(err: unknown): boolean {
  if (err instanceof TelegramError) return err.code >= 500 || err.code === 401 || err.code === 409;
  return true;
}
