// The complaint categories (stable ids from DOMAIN.md), the usual agency of each, and an agency named in a story.
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

/** The agency usually complained about for a category (DOMAIN.md); a proper name, shown as a suggestion. */
export const USUAL_AGENCY: Record<CategoryId, string | null> = {
  adminduk: 'Disdukcapil',
  kesehatan: 'Dinas Kesehatan / Puskesmas / RSUD',
  jaminan_sosial: 'BPJS',
  pendidikan: 'Dinas Pendidikan',
  infrastruktur: 'Dinas PUPR',
  air_minum: 'PDAM / Perumda Air Minum',
  energi_listrik: 'PLN UID Kalselteng',
  pertanahan: 'Kantor Pertanahan (BPN)',
  kepolisian: 'Polres / Polda Kalsel',
  perizinan: 'DPMPTSP',
  bansos: 'Dinas Sosial',
  lingkungan: 'Dinas Lingkungan Hidup',
  perhubungan: 'Dinas Perhubungan',
  ketertiban: 'Satpol PP',
  kepegawaian: 'BKPSDM',
  pajak_daerah: 'Bapenda',
  ketenagakerjaan: 'Disnaker',
  desa: 'Kantor Desa/Kelurahan/Kecamatan',
  lainnya: null,
};

const AGENCY_WORDS =
  /\b(disdukcapil|dukcapil|puskesmas\s+[\p{L}]+|rsud\s+[\p{L}.]+(?:\s+[\p{L}]+)?|rumah sakit\s+[\p{L}]+|pdam|pln|bpjs(?:\s+kesehatan|\s+ketenagakerjaan)?|bpn|polres\s+[\p{L}]+|polsek\s+[\p{L}]+|polda|samsat|satpol pp|dinas\s+[\p{L}]+(?:\s+[\p{L}]+)?|sdn?\s*\d+\s*[\p{L}]*|smpn?\s*\d+\s*[\p{L}]*|sman?\s*\d+\s*[\p{L}]*|smkn?\s*\d+\s*[\p{L}]*|kantor\s+(?:desa|kelurahan|camat|kecamatan)\s*[\p{L}]*|dishub|dinsos|disnaker|bapenda|dpmptsp|bkpsdm)\b/iu;

/** An agency named in the story ("di disdukcapil", "puskesmas sungai jingah"), as the citizen wrote it. */
export function findAgencyMention(story: string): string | null {
  const m = AGENCY_WORDS.exec(story);
  return m ? m[0].trim().replace(/\s+/g, ' ') : null;
}
