// Details in a complaint story that change which office is responsible: school level, puskesmas or RSUD, road status, tax, BPJS.
import { normalize } from '../understand/normalize.js';

/** What a routing rule can ask of the story; "instansi-disebut" (an office named) is found by names.ts. */
export const DETAIL_KEYS = [
  'instansi-disebut',
  'sekolah-menengah',
  'sekolah-dasar',
  'puskesmas',
  'rsud',
  'jalan-nasional',
  'jalan-provinsi',
  'pajak-kendaraan',
  'pajak-pbb',
  'bpjs-kesehatan',
  'bpjs-ketenagakerjaan',
  'angkutan-provinsi',
] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];

/**
 * Patterns over the story's words (normalized, single spaces, padded with a space at both ends), so a
 * leading and trailing space marks a whole word. "sman1", "smk n 2" and "sdn 05" count as school names.
 * Madrasah (MI/MTs/MA) are left out: they belong to Kemenag, not to a Dinas Pendidikan.
 */
const PATTERNS: readonly (readonly [DetailKey, RegExp])[] = [
  [
    'sekolah-menengah',
    / (?:(?:sma|smk|slb|smalb)(?: ?n)?(?: ?\d+)?|sekolah menengah (?:atas|kejuruan)|sekolah luar biasa) /,
  ],
  [
    'sekolah-dasar',
    / (?:(?:sd|smp)(?: ?n)?(?: ?\d+)?|sekolah dasar|sekolah menengah pertama|paud|tk negeri) /,
  ],
  ['puskesmas', / (?:puskesmas|pustu|poskesdes|polindes|pusat kesehatan masyarakat) /],
  ['rsud', / (?:rsud|rsd|rumah sakit umum daerah|rumah sakit daerah|rs daerah) /],
  [
    'jalan-nasional',
    / (?:jalan (?:nasional|negara)|trans (?:kalimantan|kalsel)|jalan trans|lintas kalimantan|jalan lintas provinsi|(?:jalan )?(?:a|ahmad) ?yani km ?\d+) /,
  ],
  ['jalan-provinsi', / (?:jalan (?:milik )?provinsi|ruas provinsi|poros provinsi|kewenangan provinsi) /],
  [
    'pajak-kendaraan',
    / (?:samsat|pajak (?:kendaraan|motor|mobil)|pkb|bbnkb|stnk|tnkb|plat nomor|pelat nomor|balik nama kendaraan|uppd) /,
  ],
  [
    'pajak-pbb',
    / (?:pbb(?: p2)?|pajak bumi(?: dan bangunan)?|sppt|bphtb|retribusi|pajak (?:restoran|hotel|reklame|parkir|hiburan|air tanah)) /,
  ],
  [
    'bpjs-kesehatan',
    / (?:bpjs kes(?:ehatan)?|jkn(?: kis)?|kis|kartu indonesia sehat|bpjs pbi|pbi jk|faskes) /,
  ],
  [
    'bpjs-ketenagakerjaan',
    / (?:bpjs (?:ketenagakerjaan|tk|naker)|bpjamsostek|jamsostek|jht|jaminan hari tua|jkk|jaminan kecelakaan kerja|jkp|jaminan kehilangan pekerjaan|jaminan pensiun) /,
  ],
  [
    'angkutan-provinsi',
    / (?:trans banjarbakula|banjarbakula|akdp|antar ?kota dalam provinsi|(?:bus|angkutan) antar ?kota) /,
  ],
];

/** The story as whole words: normalized Indonesian, letters and digits only, one space between, padded. */
export function storyText(story: string): string {
  const words = normalize(story)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  return ` ${words.join(' ')} `;
}

/** The details the story shows, each with the words that showed it (normalized, as in storyText). */
export function detectDetails(text: string): Map<DetailKey, string> {
  const found = new Map<DetailKey, string>();
  for (const [key, pattern] of PATTERNS) {
    const m = pattern.exec(text);
    if (m) found.set(key, m[0].trim());
  }
  return found;
}
