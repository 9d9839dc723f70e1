// The Kemendagri region code a boundary feature names: codes normalized, checked against Kalsel's region table.
import { DESA, KABKOTA, KECAMATAN } from '../data/regions-data.js';

export type BoundaryLevel = 'kabkota' | 'kecamatan' | 'desa';

/** Property names (compared in lower case) that hold a code of one level, or of any level (`kode`). */
const CODE_KEYS: readonly (readonly [string, BoundaryLevel | 'any'])[] = [
  ...['desa', 'kode_desa', 'kd_desa', 'kode_kel', 'kode_kelurahan', 'kdepum'].map(
    (k) => [k, 'desa'] as const,
  ),
  ...['kecamatan', 'kode_kec', 'kode_kecamatan', 'kd_kec', 'kd_kecamatan', 'kdcpum'].map(
    (k) => [k, 'kecamatan'] as const,
  ),
  ...[
    'kabkota',
    'kab_kota',
    'kode_kab',
    'kode_kabkota',
    'kode_kabupaten',
    'kode_kota',
    'kd_kab',
    'kd_kabkota',
    'kd_kabupaten',
    'kdpkab',
  ].map((k) => [k, 'kabkota'] as const),
  ...['kode', 'code', 'kode_wilayah', 'kd_wilayah'].map((k) => [k, 'any'] as const),
];
const LEVELS = ['provinsi', 'kabkota', 'kecamatan', 'desa'] as const;
const WIDTHS = [2, 2, 2, 4];
export const LEVEL_WORDS: Record<BoundaryLevel, string> = {
  kabkota: 'kab/kota',
  kecamatan: 'kecamatan',
  desa: 'desa',
};
export const KNOWN: Record<BoundaryLevel, ReadonlySet<string>> = {
  kabkota: new Set(KABKOTA.map((k) => k.code)),
  kecamatan: new Set(KECAMATAN.map((k) => k.code)),
  desa: new Set(DESA.map((d) => d.code)),
};

export type Region = { level: BoundaryLevel; kabkotaCode: string; kecamatanCode?: string; desaCode?: string };
type Code = { level: (typeof LEVELS)[number]; code: string };

/** "63.71.02", "637102", 637102, "63.71.2" → 63.71.02 at level kecamatan; a problem in plain words otherwise. */
export function normalizeCode(raw: unknown): Code | string {
  const text =
    typeof raw === 'number' && Number.isSafeInteger(raw)
      ? String(raw)
      : typeof raw === 'string'
        ? raw.trim()
        : '';
  let parts: string[];
  if (/^\d+$/.test(text)) {
    const cuts = { 2: [2], 4: [2, 4], 6: [2, 4, 6], 10: [2, 4, 6, 10] }[text.length];
    if (!cuts) {
      return text.length === 7 || text.length === 3
        ? `"${text}" looks like a BPS code; use the Kemendagri code such as 63.71.02`
        : `"${text}" is not a region code such as 63.71.02`;
    }
    parts = cuts.map((end, i) => text.slice(cuts[i - 1] ?? 0, end));
  } else if (/^\d{1,2}(\.\d{1,4}){1,3}$/.test(text)) {
    parts = text.split('.');
    if (parts.some((p, i) => p.length > (WIDTHS[i] ?? 0))) {
      return `"${text}" has a part too long for a Kemendagri code such as 63.71.02 (a BPS code?)`;
    }
  } else {
    return `${JSON.stringify(raw)} is not a region code such as 63.71.02`;
  }
  const level = LEVELS[parts.length - 1];
  if (!level) return `"${text}" is not a region code such as 63.71.02`;
  return { level, code: parts.map((p, i) => p.padStart(WIDTHS[i] ?? 0, '0')).join('.') };
}

/** The region a feature's properties name, or the problems with them. */
export function regionOf(properties: Readonly<Record<string, unknown>>): Region | string[] {
  const problems: string[] = [];
  const codes: Code[] = [];
  /** Words where a code could be ("kecamatan": "Banjarmasin Tengah"): skipped, named if no code is found. */
  const names: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const expected = CODE_KEYS.find(([k]) => k === key.trim().toLowerCase())?.[1];
    if (!expected || value === null || value === '') continue;
    if (typeof value === 'string' && /\p{L}/u.test(value)) {
      names.push(`${key} is "${value}"`);
      continue;
    }
    const code = normalizeCode(value);
    if (typeof code === 'string') problems.push(`${key}: ${code}`);
    else if (expected !== 'any' && code.level !== expected) {
      problems.push(`${key}: "${code.code}" is a ${code.level} code, not a ${LEVEL_WORDS[expected]} code`);
    } else codes.push(code);
  }
  if (problems.length > 0) return problems;
  const ranked = codes.sort((a, b) => b.code.length - a.code.length);
  const [top] = ranked;
  if (!top) {
    const read = names.length > 0 ? `; ${names.join(', ')}, a name, not a code` : '';
    return [
      `no region code: give it a property such as "kode": "63.71.02" (also read: kecamatan, kabkota, kode_kec, kode_kab, kd_kecamatan, KDCPUM, KDPKAB, …)${read}`,
    ];
  }
  const clash = ranked.find((c) => !top.code.startsWith(c.code));
  if (clash) return [`its codes disagree: ${top.code} is not inside ${clash.code}`];
  if (top.level === 'provinsi')
    return [`it names the whole province (${top.code}), not a kab/kota or kecamatan`];
  if (!top.code.startsWith('63.')) return [`${top.code} is not in Kalimantan Selatan (codes start with 63)`];
  if (!KNOWN[top.level].has(top.code)) {
    return [`${top.code} is not a ${LEVEL_WORDS[top.level]} of Kalimantan Selatan in Aduan's region table`];
  }
  return {
    level: top.level,
    kabkotaCode: top.code.slice(0, 5),
    ...(top.level === 'kabkota' ? {} : { kecamatanCode: top.code.slice(0, 8) }),
    ...(top.level === 'desa' ? { desaCode: top.code } : {}),
  };
}
