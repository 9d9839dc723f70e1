// Finds NIKs and phone numbers in folded free text however citizens write them: grouped with spaces, dots, dashes or
// parentheses, digit by digit in words ("nol delapan satu dua…", Banjar "walu", "anam"), or already half masked; and
// leaves alone the numbers a complaint is about: dates, amounts, RT/RW, km, years, ticket numbers, a civil servant's NIP.

export type NumberKind = 'nik' | 'phone';
export type NumberSpan = { start: number; end: number; kind: NumberKind };

/** Digits as words, one digit each: Indonesian, Banjar and English (a phone or NIK read out digit by digit). */
const DIGIT_WORDS: ReadonlyMap<string, string> = new Map([
  ...['nol', 'kosong', 'zero', 'nul'].map((w) => [w, '0'] as const),
  ...['satu', 'asa', 'one'].map((w) => [w, '1'] as const),
  ...['dua', 'two'].map((w) => [w, '2'] as const),
  ...['tiga', 'talu', 'three'].map((w) => [w, '3'] as const),
  ...['empat', 'ampat', 'four'].map((w) => [w, '4'] as const),
  ...['lima', 'five'].map((w) => [w, '5'] as const),
  ...['enam', 'anam', 'six'].map((w) => [w, '6'] as const),
  ...['tujuh', 'pitu', 'seven'].map((w) => [w, '7'] as const),
  ...['delapan', 'lapan', 'walu', 'eight'].map((w) => [w, '8'] as const),
  ...['sembilan', 'sanga', 'nine'].map((w) => [w, '9'] as const),
]);

type Token = { digits: string; start: number; end: number; word: boolean };

/** What may stand between two pieces of one number: a few spaces, dots, dashes, slashes or parentheses. */
const JOIN_DIGITS = /^[ .\-_/()]{0,3}$/;
/** Between two digits written as words a comma is also usual ("nol, delapan, satu"). */
const JOIN_WORDS = /^[ .,\-_/]{0,3}$/;

/** The longest digit string worth reading as one number (0062 and a 12-digit mobile number: 16; a NIK typo: 17). */
const MAX_DIGITS = 17;
/** How far before a number a word that says what it is ("NIK", "hp", "NIP") still counts. */
const CONTEXT_CHARS = 40;

/** Words that say what the next number is, longest first ("nomor induk pegawai" before "nomor induk"). */
const OFFICIAL_WORDS = ['nomor induk pegawai', 'no\\.? ?induk pegawai', 'nomor pegawai', 'no\\.? ?pegawai'];
const NIK_WORDS = [
  'kartu keluarga',
  'kependudukan',
  'nomor induk',
  'no\\.? ?induk',
  'e-?ktp',
  'ktp',
  'nkk',
  'kk',
  'nik',
];
const PHONE_WORDS = [
  'whatsapp',
  'watsap',
  'handphone',
  'telepon',
  'telefon',
  'telpon',
  'ponsel',
  'hubungi',
  'kontak',
];
const KEYWORD = new RegExp(
  `(?:^|[^\\p{L}])(${[...OFFICIAL_WORDS, ...NIK_WORDS, ...PHONE_WORDS].join('|')}|` +
    'nipppk|nuptk|nip|nrp|telp|tlp|phone|call|sms|hp|wa)(?=[^\\p{L}]|$)',
  'gu',
);
/** An 18-digit NIP (or a police NRP, a teacher's 16-digit NUPTK) names the official complained about: not masked. */
const OFFICIAL = /^(?:nip|nrp|nuptk|nipppk)$|pegawai/;
const NIK_HINT = /^(?:nik|e-?ktp|ktp|nkk|kk|kartu keluarga|kependudukan)$|induk/;

type Hint = 'nik' | 'phone' | 'official' | null;

/**
 * The nearest word before `at` that says what the number is, looked for since `from` (the number before this one: a
 * word says what the next number is) and after any mask already in the text.
 */
function hintBefore(text: string, at: number, from: number): Hint {
  const start = Math.max(from, at - CONTEXT_CHARS, text.lastIndexOf(']', at) + 1);
  const before = text.slice(start, at);
  const last = [...before.matchAll(KEYWORD)].at(-1)?.[1];
  if (last === undefined) return null;
  if (OFFICIAL.test(last)) return 'official';
  if (NIK_HINT.test(last)) return 'nik';
  return 'phone';
}

/** Region, birth date (+40 for women) and sequence as a NIK has them. */
function looksLikeNik(d: string): boolean {
  const province = Number(d.slice(0, 2));
  const day = Number(d.slice(6, 8));
  const month = Number(d.slice(8, 10));
  return (
    province >= 11 &&
    province <= 96 &&
    d.slice(2, 4) !== '00' &&
    d.slice(4, 6) !== '00' &&
    ((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) &&
    month >= 1 &&
    month <= 12 &&
    d.slice(12) !== '0000'
  );
}

/** The ways a NIK is usually grouped: 4-4-4-4, 6-6-4, 2-2-2-6-4, 2-2-2-2-2-2-4, 6-2-2-2-4. */
const NIK_GROUPINGS = new Set(['4,4,4,4', '6,6,4', '2,2,2,6,4', '2,2,2,2,2,2,4', '6,2,2,2,4', '4,2,6,4']);

/** A mobile number with its trunk 0, country code 62 (0062), or both ("+62 (0) 812…"). */
const MOBILE = /^(?:(?:0062|62)0?|0)8[1-9]\d{7,10}$/;
const BARE_MOBILE = /^8[1-9]\d{7,10}$/;
const LANDLINE = /^0[1-79]\d{7,10}$/;
const WITH_COUNTRY = /^62\d{8,12}$/;

type Reading = {
  hint: Hint;
  /** A "+" or "(" right before the number. */
  plus: boolean;
  paren: boolean;
  /** The reporter's own NIK and phone number (national digits, without 0 or 62), when known. */
  nik: string | null;
  phone: string | null;
};

function isNik(d: string, tokens: readonly Token[], r: Reading): boolean {
  if (r.nik !== null && d === r.nik) return true;
  if (r.hint === 'official') return false;
  if (d.length !== 16) return r.hint === 'nik' && d.length >= 15 && d.length <= 17;
  if (tokens.length === 1 && !tokens[0]?.word) return true;
  return (
    r.hint === 'nik' ||
    looksLikeNik(d) ||
    NIK_GROUPINGS.has(tokens.map((t) => t.digits.length).join(',')) ||
    tokens.every((t) => t.digits.length === 1)
  );
}

function isPhone(d: string, r: Reading): boolean {
  if (
    r.phone !== null &&
    r.phone.length >= 8 &&
    ['', '0', '62', '620', '0062'].some((p) => d === p + r.phone)
  )
    return true;
  if (MOBILE.test(d)) return true;
  if (r.plus && WITH_COUNTRY.test(d)) return true;
  if (LANDLINE.test(d)) return r.paren || r.hint === 'phone';
  return BARE_MOBILE.test(d) && r.hint === 'phone';
}

function tokensOf(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\d+|\p{L}+/gu)) {
    const word = !/^\d/.test(m[0]);
    const digits = word ? (DIGIT_WORDS.get(m[0]) ?? null) : m[0];
    out.push({ digits: digits ?? '', start: m.index, end: m.index + m[0].length, word });
  }
  return out;
}

/** Runs of digit tokens that may be one number: joined by separators only, never by another word. */
function chains(text: string): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  for (const t of tokensOf(text)) {
    const prev = current.at(-1);
    const gap = prev ? text.slice(prev.end, t.start) : '';
    const joins = prev !== undefined && (prev.word && t.word ? JOIN_WORDS : JOIN_DIGITS).test(gap);
    if (t.digits === '' || !joins) {
      if (current.length > 0) out.push(current);
      current = [];
    }
    if (t.digits !== '') current.push(t);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The national digits of a known phone number (+6281… → 81…), or null. */
function nationalDigits(phone: string | null | undefined): string | null {
  const digits = phone?.replace(/\D/g, '') ?? '';
  if (digits === '') return null;
  return digits.replace(/^0062|^62|^0/, '');
}

/** Numbers already shown masked elsewhere ("6371**********01", "+62812****7890"): still a NIK or a phone. */
const HALF_MASKED = /\+?\d{2,}\*{3,}\d{2,}/g;

/**
 * NIK and phone spans of a folded text (see folded-text.ts). `halfMasked`: also take numbers already masked with stars
 * as what they were (they still tell a region, a birth date or the end of a number).
 */
export function numberSpans(
  text: string,
  known: { nik?: string | null; phone?: string | null },
  opts: { kinds: ReadonlySet<NumberKind>; halfMasked: boolean },
): NumberSpan[] {
  const spans: NumberSpan[] = [];
  const nik = known.nik?.replace(/\D/g, '') || null;
  const phone = nationalDigits(known.phone);
  let previous = 0;
  for (const chain of chains(text)) {
    let i = 0;
    while (i < chain.length) {
      const first = chain[i];
      if (!first) break;
      const before = text.slice(Math.max(0, first.start - 3), first.start);
      const reading: Reading = {
        hint: hintBefore(text, first.start, i > 0 ? (chain[i - 1]?.end ?? previous) : previous),
        plus: /\+ ?$/.test(before),
        paren: before.endsWith('('),
        nik,
        phone,
      };
      let best: { end: number; next: number; kind: NumberKind } | null = null;
      let digits = '';
      for (let j = i; j < chain.length; j++) {
        const t = chain[j];
        if (!t) break;
        digits += t.digits;
        if (digits.length > MAX_DIGITS) break;
        // A NIK never starts with 0 (its province code), a phone number usually does.
        const kind: NumberKind | null =
          opts.kinds.has('nik') && !digits.startsWith('0') && isNik(digits, chain.slice(i, j + 1), reading)
            ? 'nik'
            : opts.kinds.has('phone') && isPhone(digits, reading)
              ? 'phone'
              : null;
        if (kind) best = { end: t.end, next: j + 1, kind };
      }
      if (!best) {
        i++;
        continue;
      }
      const lead = best.kind === 'phone' ? (/[+(] ?$/.exec(before)?.[0].length ?? 0) : 0;
      spans.push({ start: first.start - lead, end: best.end, kind: best.kind });
      i = best.next;
    }
    previous = chain.at(-1)?.end ?? previous;
  }
  if (opts.halfMasked)
    for (const m of text.matchAll(HALF_MASKED)) {
      const kind: NumberKind = m[0].length === 16 && !m[0].startsWith('+') ? 'nik' : 'phone';
      if (opts.kinds.has(kind)) spans.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  return spans;
}
