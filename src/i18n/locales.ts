// Loads the locale files (every word a citizen reads) and renders a reply effect into text and choice labels.
import en from '../../locales/en.json' with { type: 'json' };
import id from '../../locales/id.json' with { type: 'json' };
import type { Choice, Lang, Paragraph, RenderedMessage, ReplyEffect, VarValue } from '../domain/reply.js';

export const LANGS: readonly Lang[] = ['id', 'en'];

const TABLES: Record<Lang, Record<string, string>> = { id, en };

const LOCALE_TAGS: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

/** A text by key, with `{name}` placeholders filled; unknown keys fall back to Indonesian, then to the key. */
export function t(lang: Lang, key: string, vars: Record<string, VarValue> = {}): string {
  const template = TABLES[lang][key] ?? TABLES.id[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : formatValue(lang, value);
  });
}

const FORMATS = {
  month: (tag: string) => new Intl.DateTimeFormat(tag, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  day: (tag: string) =>
    new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const FORMATTERS: Record<Lang, { month: Intl.DateTimeFormat; day: Intl.DateTimeFormat }> = {
  id: { month: FORMATS.month(LOCALE_TAGS.id), day: FORMATS.day(LOCALE_TAGS.id) },
  en: { month: FORMATS.month(LOCALE_TAGS.en), day: FORMATS.day(LOCALE_TAGS.en) },
};

/**
 * A date as a citizen reads it: a day, a week as its seven days ("sekitar 23–29 November 2026", never a bare
 * "minggu 23 November", which reads as a Sunday), a month, a year; "sejak …, sampai sekarang" when it goes on.
 */
export function formatDate(
  lang: Lang,
  isoDate: string,
  precision: 'day' | 'week' | 'month' | 'year',
  ongoing = false,
): string {
  // Intl formatting costs ~15 µs a call, and a draft's summary shows the same few dates on every message.
  const key = `${lang}|${isoDate}|${precision}|${ongoing}`;
  const known = SHOWN_DATES.get(key);
  if (known !== undefined) return known;
  if (SHOWN_DATES.size >= 1000) SHOWN_DATES.clear();
  const shown = formatDateNow(lang, isoDate, precision, ongoing);
  SHOWN_DATES.set(key, shown);
  return shown;
}

const SHOWN_DATES = new Map<string, string>();

function formatDateNow(
  lang: Lang,
  isoDate: string,
  precision: 'day' | 'week' | 'month' | 'year',
  ongoing: boolean,
): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return isoDate;
  const shown =
    precision === 'year'
      ? t(lang, 'date.year', { year: at.getUTCFullYear() })
      : precision === 'month'
        ? FORMATTERS[lang].month.format(at)
        : precision === 'week'
          ? t(lang, 'date.week_of', {
              date: FORMATTERS[lang].day.formatRange(at, new Date(at.getTime() + 6 * 86_400_000)),
            })
          : FORMATTERS[lang].day.format(at);
  return ongoing ? t(lang, 'date.ongoing', { date: shown }) : shown;
}

function formatValue(lang: Lang, value: VarValue): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if ('date' in value) return formatDate(lang, value.date, value.precision, value.ongoing);
  return t(lang, value.key, value.vars);
}

const paragraph = (lang: Lang, p: Paragraph) => t(lang, p.key, p.vars);

function choiceLabel(lang: Lang, c: Choice, vars: Record<string, VarValue>): string {
  return 'literal' in c.label ? c.label.literal : t(lang, c.label.key, { ...vars, ...c.label.vars });
}

export function renderReply(lang: Lang, reply: ReplyEffect): RenderedMessage {
  const rows = (reply.rows ?? []).map((p) => paragraph(lang, p)).join('\n');
  const parts = [
    ...(reply.before ?? []).map((p) => paragraph(lang, p)),
    t(lang, reply.key, reply.vars),
    ...(rows ? [rows] : []),
    ...(reply.more ?? []).map((p) => paragraph(lang, p)),
  ];
  return {
    text: parts.join('\n\n'),
    choices: (reply.choices ?? []).map((c) => ({ id: c.id, label: choiceLabel(lang, c, reply.vars ?? {}) })),
    expecting: reply.expecting,
    ...(reply.wordChoices ? { wordChoices: true } : {}),
  };
}

export function hasKey(lang: Lang, key: string): boolean {
  return key in TABLES[lang];
}

export function localeKeys(lang: Lang): string[] {
  return Object.keys(TABLES[lang]);
}
