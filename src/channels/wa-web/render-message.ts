// A RenderedMessage as WhatsApp text: numbered choices with a "reply with a number" line, keywords in brackets.
import type { Lang, RenderedMessage } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { WHATSAPP_MAX_CHARS, splitText } from './split-text.js';

/** "1", "1–2", "1–5": the digits a citizen may reply with. */
export function choiceRange(count: number): string {
  return count <= 1 ? '1' : `1–${count}`;
}

/** True when the text already lists the options as "1. …" … "N. …" lines (e.g. the identity-mode question). */
function alreadyNumbered(text: string, count: number): boolean {
  const lines = text.split('\n').map((l) => l.trim());
  for (let i = 1; i <= count; i++) {
    if (!lines.some((l) => l.startsWith(`${i}. `))) return false;
  }
  return true;
}

/** The whole message as one text (WhatsApp keeps `*bold*` as bold). */
export function renderText(lang: Lang, message: RenderedMessage): string {
  const text = message.text.trim();
  const choices = message.choices;
  if (choices.length === 0) return text;
  if (message.wordChoices) return `${text}\n\n${choices.map((c) => `[${c.label}]`).join('  ')}`;
  const hint = t(lang, 'channel.reply_with_number', { range: choiceRange(choices.length) });
  const list = alreadyNumbered(text, choices.length)
    ? ''
    : `\n\n${choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}`;
  return `${text}${list}\n\n${hint}`;
}

/** The message as the WhatsApp texts to send, in order (split at 4096 characters). */
export function renderMessage(lang: Lang, message: RenderedMessage, max = WHATSAPP_MAX_CHARS): string[] {
  return splitText(renderText(lang, message), max);
}

/** The choice ids a bare digit reply stands for (numbered choices only): index 0 is reply "1". */
export function numberedChoiceIds(message: RenderedMessage): string[] {
  return message.wordChoices ? [] : message.choices.map((c) => c.id);
}
