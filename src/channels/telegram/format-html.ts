// Locale text → Telegram HTML: escapes &, < and >, and turns the locales' *bold* into <b>bold</b>.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `*word*` on one line, not opening or closing on a space ("5 * 3 * 2" stays as it is). */
const BOLD = /\*(?=\S)([^*\n]*?\S)\*/g;

export function toTelegramHtml(text: string): string {
  return escapeHtml(text).replace(BOLD, '<b>$1</b>');
}

/** The plain text of what toTelegramHtml produced: the fallback when Telegram rejects the HTML. */
export function htmlToPlain(html: string): string {
  return html
    .replace(/<\/?b>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
