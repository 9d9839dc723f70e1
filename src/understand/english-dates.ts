// English date phrases ("yesterday", "3 days ago") rewritten in Indonesian before a date is read.
/** The English relative phrases an English-speaking citizen is likely to type, read as their Indonesian forms. */
const ENGLISH: readonly [RegExp, string][] = [
  [/\bthe day before yesterday\b/gi, 'kemarin lusa'],
  [/\byesterday\b/gi, 'kemarin'],
  [/\bthis morning\b/gi, 'tadi pagi'],
  [/\btoday\b/gi, 'hari ini'],
  [/\blast week\b/gi, 'minggu lalu'],
  [/\blast month\b/gi, 'bulan lalu'],
  [/\blast year\b/gi, 'tahun lalu'],
  [/\b(\d{1,3}|a|one) days? ago\b/gi, '$1 hari lalu'],
  [/\b(\d{1,3}|a|one) weeks? ago\b/gi, '$1 minggu lalu'],
  [/\b(\d{1,3}|a|one) months? ago\b/gi, '$1 bulan lalu'],
  [/\b(?:a|one) (hari|minggu|bulan) lalu\b/gi, '1 $1 lalu'],
];

export function fromEnglish(text: string): string {
  return /[a-z]/i.test(text) ? ENGLISH.reduce((t, [re, id]) => t.replace(re, id), text) : text;
}
