// Masks personal data inside free text (a story, a note, a later message): NIKs, phone numbers, e-mail addresses and the
// reporter's name, as citizens really write them, each replaced by a marker officers can read ("[NIK disamarkan]").
// Pure and stable: the payload builder, the officers' pages, transcripts and exports all call it.
import en from '../../locales/en.json' with { type: 'json' };
import id from '../../locales/id.json' with { type: 'json' };
import type { Lang } from '../domain/reply.js';
import { emailSpans } from './email-spans.js';
import { foldText, originalIndex, originalRange } from './folded-text.js';
import { nameSpans } from './name-spans.js';
import { type NumberKind, numberSpans } from './number-spans.js';

/** What the ticket knows of its reporter: found in the text however it is written there. */
export type KnownIdentity = {
  name?: string | null;
  nik?: string | null;
  phone?: string | null;
  email?: string | null;
};

export type PrivateKind = 'nik' | 'phone' | 'email' | 'name';

/**
 * `all`: NIKs, phone numbers, e-mail addresses and names (for a reader who may not know who reported: an agency reading
 * a rahasia or anonim ticket). `nik`: NIKs only (a NIK never travels inside free text, whoever reads it).
 */
export type MaskScope = 'all' | 'nik';

type PrivateSpan = { start: number; end: number; kind: PrivateKind };

const MARKERS: Record<Lang, Record<PrivateKind, string>> = {
  id: {
    nik: id['privacy.mask.nik'],
    phone: id['privacy.mask.phone'],
    email: id['privacy.mask.email'],
    name: id['privacy.mask.name'],
  },
  en: {
    nik: en['privacy.mask.nik'],
    phone: en['privacy.mask.phone'],
    email: en['privacy.mask.email'],
    name: en['privacy.mask.name'],
  },
};

/** The words of the markers themselves: a text masked once is left as it is the second time. */
const MARKER_WORDS: ReadonlySet<string> = new Set(
  Object.values(MARKERS)
    .flatMap((m) => Object.values(m))
    .flatMap((m) => foldText(m).text.split(/[^\p{L}]+/u))
    .filter((w) => w.length > 0),
);

const ALL_NUMBERS: ReadonlySet<NumberKind> = new Set(['nik', 'phone']);
const NIK_ONLY: ReadonlySet<NumberKind> = new Set(['nik']);

/** Overlapping spans become one, named after the longest of them. */
function merged(spans: PrivateSpan[]): PrivateSpan[] {
  const out: PrivateSpan[] = [];
  let longest = 0;
  for (const s of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = out.at(-1);
    if (last && s.start < last.end) {
      if (s.end - s.start > longest) {
        last.kind = s.kind;
        longest = s.end - s.start;
      }
      last.end = Math.max(last.end, s.end);
    } else {
      out.push({ ...s });
      longest = s.end - s.start;
    }
  }
  return out;
}

/** Where the personal data in `text` is (indices of `text`), in order, never overlapping. */
function privateSpans(text: string, known: KnownIdentity, scope: MaskScope = 'all'): PrivateSpan[] {
  const f = foldText(text);
  const all = scope === 'all';
  const found: { start: number; end: number; kind: PrivateKind }[] = [
    ...numberSpans(f.text, known, { kinds: all ? ALL_NUMBERS : NIK_ONLY, halfMasked: all }),
    ...(all ? emailSpans(f.text, known.email ?? null).map((s) => ({ ...s, kind: 'email' as const })) : []),
    ...(all
      ? nameSpans(
          f.text,
          known.name ? foldText(known.name).text : null,
          (i) => /\p{Lu}/u.test(text[originalIndex(f, i)] ?? ''),
          MARKER_WORDS,
        ).map((s) => ({ ...s, kind: 'name' as const }))
      : []),
  ];
  return merged(
    found.filter((s) => s.end > s.start).map((s) => ({ ...originalRange(f, s.start, s.end), kind: s.kind })),
  );
}

/** The text with its personal data replaced by markers in `lang`, and the kinds that were hidden. */
export function maskText(
  text: string,
  known: KnownIdentity,
  opts: { scope?: MaskScope; lang?: Lang } = {},
): { text: string; hidden: PrivateKind[] } {
  const spans = privateSpans(text, known, opts.scope ?? 'all');
  if (spans.length === 0) return { text, hidden: [] };
  const markers = MARKERS[opts.lang ?? 'id'];
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.start) + markers[s.kind];
    at = s.end;
  }
  return { text: out + text.slice(at), hidden: [...new Set(spans.map((s) => s.kind))] };
}

/**
 * Free text as an agency may read it: every NIK, phone number, e-mail address and name of the reporter (known, or
 * introduced in the text: "nama saya …") replaced by an Indonesian marker. Other numbers (dates, amounts, RT/RW, km,
 * ticket numbers, an official's NIP) stay.
 */
export function maskFreeText(
  text: string,
  known: { name?: string | null; nik?: string | null; phone?: string | null; email?: string | null },
): string {
  return maskText(text, known).text;
}
