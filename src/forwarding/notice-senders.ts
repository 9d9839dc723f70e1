// The two ways officers' notifications leave: e-mail over the SMTP settings (nodemailer) and a Telegram message
// through the bot (telegraf's Telegram client), each answering with an outcome the notifier retries or gives up on.
import nodemailer from 'nodemailer';
import { Telegram, TelegramError } from 'telegraf';
import { redactToken } from '../platforms/telegram/send-errors.js';
import type { NoticeSender } from './officer-notifier.js';

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

/** Plain-text mail from `from` over an SMTP URL; a 5xx reply is final, anything else is tried again. */
export function emailNoticeSender(smtpUrl: string, from: string): NoticeSender {
  const mailer = nodemailer.createTransport({ ...TIMEOUTS, url: smtpUrl });
  return async (to, m, signal) => {
    try {
      await mailer.sendMail({
        from,
        to,
        subject: m.subject,
        text: m.text,
        headers: { 'Auto-Submitted': 'auto-generated' },
        disableFileAccess: true,
        disableUrlAccess: true,
        signal,
      });
      return { ok: true, remoteId: null };
    } catch (err) {
      const permanent = err instanceof Error && 'responseCode' in err && Number(err.responseCode) >= 500;
      return {
        ok: false,
        retryable: !permanent,
        error: `email: ${err instanceof Error ? err.message : String(err)}`.slice(0, 500),
      };
    }
  };
}

/** A message to a chat (a linked officer's private chat, or a group); 429 waits its retry_after, other 4xx are final. */
export function telegramNoticeSender(token: string, apiRoot?: string): NoticeSender {
  const telegram = new Telegram(token, apiRoot ? { apiRoot } : {});
  return async (chatId, m) => {
    try {
      await telegram.sendMessage(chatId, m.text, { link_preview_options: { is_disabled: true } });
      return { ok: true, remoteId: null };
    } catch (err) {
      if (!(err instanceof TelegramError))
        return { ok: false, retryable: true, error: redactToken(`telegram unreachable: ${String(err)}`) };
      const error = redactToken(`telegram ${err.code}: ${err.description}`);
      if (err.code === 429)
        return { ok: false, retryable: true, error, retryAfterMs: (err.parameters?.retry_after ?? 5) * 1000 };
      return { ok: false, retryable: err.code >= 500 || err.code === 401, error };
    }
  };
}
