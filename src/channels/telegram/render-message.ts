// RenderedMessage → Telegram sendMessage parameters: HTML text split at 4096, choices as buttons on the last part.
import type {
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  KeyboardButton,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from 'telegraf/types';
import type { Lang, RenderedMessage } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { TELEGRAM_TEXT_LIMIT, splitText } from '../../platforms/telegram/split-text.js';
import { toTelegramHtml } from './format-html.js';

export type TelegramReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove;

export type SendMessageParams = {
  text: string;
  parse_mode: 'HTML';
  link_preview_options: { is_disabled: true };
  reply_markup?: TelegramReplyMarkup;
};

export type RenderOptions = {
  /** The chat's language, for words the channel adds itself; a function when finding it costs a query. */
  lang: Lang | (() => Lang);
  /** The chat still shows a reply keyboard (the phone question): remove it unless buttons replace it. */
  removeReplyKeyboard?: boolean;
  maxLength?: number;
};

/** Telegram's limit for callback_data. */
export const CALLBACK_DATA_MAX_BYTES = 64;
/** Labels up to this many characters fit two to a row on a phone. */
const SHORT_LABEL = 20;

const utf8Bytes = (s: string) => new TextEncoder().encode(s).length;

const langOf = (opts: RenderOptions): Lang => (typeof opts.lang === 'function' ? opts.lang() : opts.lang);

export function renderMessage(message: RenderedMessage, opts: RenderOptions): SendMessageParams[] {
  const { choices } = message;
  let text = message.text;
  let markup: TelegramReplyMarkup | undefined;
  if (message.expecting === 'phone') {
    markup = phoneKeyboard(message, langOf(opts));
  } else if (choices.length > 0 && choices.every((c) => fitsCallback(c.id))) {
    markup = inlineKeyboard(message);
  } else if (choices.length > 0) {
    // A choice id too long for a button: list the choices and let the citizen answer with a number.
    const list = choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n');
    const range = choices.length === 1 ? '1' : `1–${choices.length}`;
    text = `${text}\n\n${list}\n\n${t(langOf(opts), 'channel.reply_with_number', { range })}`;
  }
  if (!markup && opts.removeReplyKeyboard) markup = { remove_keyboard: true };
  const parts = splitText(text, opts.maxLength ?? TELEGRAM_TEXT_LIMIT);
  return parts.map((part, i) => ({
    text: toTelegramHtml(part),
    parse_mode: 'HTML',
    link_preview_options: { is_disabled: true },
    ...(markup && i === parts.length - 1 ? { reply_markup: markup } : {}),
  }));
}

/** Whether a message leaves a reply keyboard on the citizen's screen. */
export function showsReplyKeyboard(params: SendMessageParams[]): boolean {
  return params.some((p) => p.reply_markup !== undefined && 'keyboard' in p.reply_markup);
}

function fitsCallback(id: string): boolean {
  const bytes = utf8Bytes(id);
  return bytes >= 1 && bytes <= CALLBACK_DATA_MAX_BYTES;
}

function rows<T>(items: T[], columns: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += columns) out.push(items.slice(i, i + columns));
  return out;
}

function columnsFor(labels: string[]): number {
  return labels.length > 1 && labels.every((l) => [...l].length <= SHORT_LABEL) ? 2 : 1;
}

function inlineKeyboard(message: RenderedMessage): InlineKeyboardMarkup {
  const buttons: InlineKeyboardButton[] = message.choices.map((c) => ({
    text: c.label,
    callback_data: c.id,
  }));
  return { inline_keyboard: rows(buttons, columnsFor(message.choices.map((c) => c.label))) };
}

/** The phone question: a one-time keyboard whose first button shares the number Telegram knows. */
function phoneKeyboard(message: RenderedMessage, lang: Lang): ReplyKeyboardMarkup {
  const share: KeyboardButton = { text: t(lang, 'channel.share_phone'), request_contact: true };
  const others: KeyboardButton[] = message.choices.map((c) => ({ text: c.label }));
  return {
    keyboard: [[share], ...rows(others, columnsFor(message.choices.map((c) => c.label)))],
    one_time_keyboard: true,
    resize_keyboard: true,
  };
}
