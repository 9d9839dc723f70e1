// Turns a channel-neutral RenderedMessage into WhatsApp Cloud API message bodies: text, reply buttons or lists.
import type { Lang, RenderedMessage } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';
import { type GraphBody, LIMITS, type ListRow } from './graph-payloads.js';
import { splitText } from './split-text.js';

/** A list row asking for the next page of a long menu: `__more:<page>`; the channel answers it itself. */
export const MORE_PREFIX = '__more:';

/** Choices per page of a long menu; the tenth row is "more choices". */
const PAGE_SIZE = LIMITS.listRows - 1;

type Choice = RenderedMessage['choices'][number];

/** Cuts to `max` characters (code points), the last one an ellipsis. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const length = (s: string) => Array.from(s).length;

/** Choices a platform widget can carry: unique, short enough ids that never look like our own page rows. */
function widgetSafe(choices: Choice[]): boolean {
  const ids = new Set(choices.map((c) => c.id));
  return (
    ids.size === choices.length &&
    choices.every(
      (c) =>
        c.id.length > 0 &&
        c.id.length <= LIMITS.rowId &&
        !c.id.startsWith(MORE_PREFIX) &&
        c.label.trim().length > 0,
    )
  );
}

/** Reply buttons need short, distinct titles. */
function buttonsFit(choices: Choice[]): boolean {
  const titles = new Set(choices.map((c) => c.label.trim()));
  return (
    choices.length <= LIMITS.buttons &&
    titles.size === choices.length &&
    choices.every((c) => length(c.label.trim()) <= LIMITS.buttonTitle)
  );
}

/** A long menu: its choices are also numbered in the text, and the list is paged. */
export function isPaged(message: RenderedMessage): boolean {
  return !message.wordChoices && message.choices.length > LIMITS.listRows && widgetSafe(message.choices);
}

const textBodies = (text: string): GraphBody[] =>
  splitText(text, LIMITS.text).map((body) => ({ type: 'text', text: { body } }));

/**
 * Text pieces, then one interactive message whose body is the text's last piece: it must fit the interactive
 * body limit (1024), so a long text goes first as plain text messages.
 */
function withWidget(text: string, lang: Lang, widget: (body: string) => GraphBody): GraphBody[] {
  const pieces = splitText(text, LIMITS.text);
  const last = pieces.pop() ?? '';
  const tail = splitText(last, LIMITS.interactiveBody);
  const body = tail.pop() ?? t(lang, 'channel.choose');
  return [...[...pieces, ...tail].flatMap(textBodies), widget(body)];
}

function row(c: Choice, number?: number): ListRow {
  const label = c.label.trim();
  const shown = number === undefined ? label : `${number}. ${label}`;
  const title = clip(shown, LIMITS.rowTitle);
  return title === shown
    ? { id: c.id, title }
    : { id: c.id, title, description: clip(label, LIMITS.rowDescription) };
}

function list(body: string, rows: ListRow[], lang: Lang): GraphBody {
  return {
    type: 'interactive',
    interactive: {
      type: 'list',
      body: { text: body },
      action: { button: clip(t(lang, 'channel.choose'), LIMITS.listButton), sections: [{ rows }] },
    },
  };
}

function buttons(body: string, choices: Choice[]): GraphBody {
  return {
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: body },
      action: {
        buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.id, title: c.label.trim() } })),
      },
    },
  };
}

/** Page `page` (0-based) of a long menu: 9 numbered choices and a "more" row, or the last ≤10 choices. */
function pageRows(choices: Choice[], page: number, lang: Lang): ListRow[] | null {
  const start = page * PAGE_SIZE;
  if (page < 0 || start >= choices.length) return null;
  const rest = choices.length - start;
  if (rest <= LIMITS.listRows) return choices.slice(start).map((c, i) => row(c, start + i + 1));
  return [
    ...choices.slice(start, start + PAGE_SIZE).map((c, i) => row(c, start + i + 1)),
    {
      id: `${MORE_PREFIX}${page + 1}`,
      title: clip(t(lang, 'channel.more_choices'), LIMITS.rowTitle),
      description: `${start + PAGE_SIZE + 1}–${choices.length}`,
    },
  ];
}

const range = (n: number) => `1–${n}`;

/** The text with every choice numbered: any choice can be typed as its number, whatever the widget shows. */
function numbered(message: RenderedMessage, lang: Lang): string {
  const lines = message.choices.map((c, i) => `${i + 1}. ${c.label.trim()}`).join('\n');
  const hint = t(lang, 'channel.reply_with_number', { range: range(message.choices.length) });
  return [message.text.trim(), lines, hint].filter((p) => p.length > 0).join('\n\n');
}

/**
 * The bodies to send, in order:
 * - no choices: text (split at 4096 on sentence boundaries);
 * - `wordChoices`: text ending with the keywords to type (*Kirim* · *Ubah* · *Batal*), no widget;
 * - up to 3 short (≤20) distinct labels: reply buttons;
 * - up to 10: a list (titles clipped to 24 with an ellipsis, the full label as the row's description);
 * - more than 10: the text with ALL choices numbered ("Balas dengan angka 1–19"), plus a list of the first
 *   page (9 choices and a `__more:1` row; the channel answers it with the next page). Every choice can be
 *   reached both by typing its number and by paging through the list.
 * Choices no widget can carry (duplicate or over-long ids) fall back to numbered text.
 */
export function renderMessage(message: RenderedMessage, lang: Lang): GraphBody[] {
  const { choices } = message;
  if (choices.length === 0) return textBodies(message.text);
  if (message.wordChoices) {
    const words = choices.map((c) => `*${c.label.trim()}*`).join(' · ');
    return textBodies([message.text.trim(), words].filter((p) => p.length > 0).join('\n\n'));
  }
  if (!widgetSafe(choices)) return textBodies(numbered(message, lang));
  if (buttonsFit(choices)) return withWidget(message.text, lang, (body) => buttons(body, choices));
  if (choices.length <= LIMITS.listRows) {
    return withWidget(message.text, lang, (body) =>
      list(
        body,
        choices.map((c) => row(c)),
        lang,
      ),
    );
  }
  const first = pageRows(choices, 0, lang) ?? [];
  return withWidget(numbered(message, lang), lang, (body) => list(body, first, lang));
}

/** Page `page` of a long menu sent earlier (the answer to a `__more:<page>` row), or null if there is none. */
export function renderMenuPage(message: RenderedMessage, page: number, lang: Lang): GraphBody | null {
  if (!isPaged(message)) return null;
  const rows = pageRows(message.choices, page, lang);
  if (!rows) return null;
  return list(t(lang, 'channel.reply_with_number', { range: range(message.choices.length) }), rows, lang);
}

/** The page a `__more:<page>` reply asks for, or null when the reply is something else. */
export function morePage(replyId: string): number | null {
  const m = /^__more:([0-9]{1,3})$/.exec(replyId);
  return m ? Number(m[1]) : null;
}
