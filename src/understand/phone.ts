// Parses Indonesian mobile and landline numbers as typed by citizens into E.164 (+62…) and masks them for display.

export type PhoneParse = { ok: true; e164: string } | { ok: false };

/** Spaces (incl. NBSP), dashes, dots, slashes, parentheses and invisible characters between digits. */
const SEPARATORS = /[\s\-\u2010-\u2015\u2212./()\p{Cf}]/gu;

/** Mobile: 8 then 8–11 more digits (10–13 digits with the leading 0). */
const MOBILE = /^8[1-9][0-9]{7,10}$/;
/** Landline: area code (2–4 digits, not starting with 0 or 8) and subscriber number, 7–11 digits in all. */
const LANDLINE = /^[1-79][0-9]{6,10}$/;

/**
 * Accepts 0812-3456-7890, 0812 3456 789, 62812…, +62 812-…, +62 (0)812…, 0062…, (0511) 3252xxx and a bare
 * 8123456789. A bare number without 0 or 62 is taken only when it is a mobile number.
 */
export function parsePhone(text: string): PhoneParse {
  const compact = text.normalize('NFKC').replace(SEPARATORS, '');
  const match = /^(\+62|0062|62|0|)([0-9]+)$/.exec(compact);
  if (!match) return { ok: false };
  const prefix = match[1] ?? '';
  // "+62 0812…": a trunk 0 kept after the country code.
  const national = prefix !== '' && prefix !== '0' ? (match[2] ?? '').replace(/^0/, '') : (match[2] ?? '');
  const valid = MOBILE.test(national) || (prefix !== '' && LANDLINE.test(national));
  return valid ? { ok: true, e164: `+62${national}` } : { ok: false };
}

/**
 * "+6281234567890" → "+62812****7890": country code, the first 3 digits and the last 4 (2 for short
 * landline numbers) stay; the middle is always four stars, so the length is not revealed either.
 */
export function maskPhone(e164: string): string {
  const national = e164.startsWith('+62') ? e164.slice(3) : e164.replace(/^\+/, '');
  const country = e164.startsWith('+62') ? '+62' : '';
  const tail = national.length >= 10 ? 4 : 2;
  if (national.length < 3 + tail + 1) return `${country}${'*'.repeat(national.length)}`;
  return `${country}${national.slice(0, 3)}****${national.slice(-tail)}`;
}

/** An Indonesian mobile number inside a sentence ("wa aja ke 0812 5555 1234 ya pak"). */
export const PHONE_IN_TEXT = /(?:\+?62|0)\s?8[\d\s.-]{6,16}\d/;
