// The complaint categories (stable ids from DOMAIN.md), the usual agency of each, and an agency named in a story.
import rules from '../data/rules.json' with { type: 'json' };

const usualNames = new Map<string, string>(Object.entries(rules.usual));
export const CATEGORY_IDS = [
  'adminduk',
  'kesehatan',
  'jaminan_sosial',
  'pendidikan',
  'infrastruktur',
  'air_minum',
  'energi_listrik',
  'pertanahan',
  'kepolisian',
  'perizinan',
  'bansos',
  'lingkungan',
  'perhubungan',
  'ketertiban',
  'kepegawaian',
  'pajak_daerah',
  'ketenagakerjaan',
  'desa',
  'lainnya',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

/**
 * The office usually complained about for a category, shown as the agency question's suggestion before the kab/kota
 * is known: the directory's data (src/data/rules.json "usual", next to the rules that route each category).
 */
export const USUAL_AGENCY: Record<CategoryId, string | null> = Object.fromEntries(
  CATEGORY_IDS.map((id) => [id, usualNames.get(id) ?? null]),
) as Record<CategoryId, string | null>;

const AGENCY_WORDS =
  /\b(disdukcapil|dukcapil|puskesmas\s+[\p{L}]+|rsud\s+[\p{L}.]+(?:\s+[\p{L}]+)?|rumah sakit\s+[\p{L}]+|pdam|pln|bpjs(?:\s+kesehatan|\s+ketenagakerjaan)?|bpn|polres\s+[\p{L}]+|polsek\s+[\p{L}]+|polda|samsat|satpol pp|dinas\s+[\p{L}]+(?:\s+[\p{L}]+)?|sdn?\s*\d+\s*[\p{L}]*|smpn?\s*\d+\s*[\p{L}]*|sman?\s*\d+\s*[\p{L}]*|smkn?\s*\d+\s*[\p{L}]*|kantor\s+(?:desa|kelurahan|camat|kecamatan)\s*[\p{L}]*|dishub|dinsos|disnaker|bapenda|dpmptsp|bkpsdm)\b/iu;

/** An agency named in the story ("di disdukcapil", "puskesmas sungai jingah"), as the citizen wrote it. */
export function findAgencyMention(story: string): string | null {
  const m = AGENCY_WORDS.exec(story);
  return m ? m[0].trim().replace(/\s+/g, ' ') : null;
}
