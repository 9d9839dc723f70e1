// Validates an Indonesian NIK (16 digits: region, birth date with +40 for women, sequence), finds one in text, masks it.
import { witaWallClock } from '../domain/wita.js';

export type NikResult =
  | {
      ok: true;
      nik: string;
      /** Kemendagri codes: "63", "63.71", "63.71.01". */
      provinceCode: string;
      regencyCode: string;
      districtCode: string;
      /** YYYY-MM-DD. */
      birthDate: string;
      sex: 'L' | 'P';
      inKalsel: boolean;
    }
  | { ok: false; reason: 'length' | 'not_digits' | 'region' | 'birth_date' | 'sequence' };

/** Province codes in use (Kemendagri), including the 2022 Papua provinces (93–96). */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '51',
  '52',
  '53',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
  '81',
  '82',
  '91',
  '92',
  '93',
  '94',
  '95',
  '96',
]);

const KALSEL = '63';

/** What people type between digit groups: spaces (incl. NBSP), dots, dashes, invisible characters. */
const SEPARATORS = /[\s.\-\u2010-\u2015\u2212\p{Cf}]/gu;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Parses a NIK typed with any spacing ("6371 0123 4567 0001", "6371.012345.670001"), also inside a short
 * answer ("NIK saya 6371…"). The birth year's century is the latest one that does not put the birth
 * after `now` (WITA). A non-Kalsel NIK is valid (people move); `inKalsel` says where it was issued.
 */
export function parseNik(text: string, now: Date): NikResult {
  const compact = text.normalize('NFKC').replace(SEPARATORS, '');
  const nik = /^[0-9]*$/.test(compact) ? compact : findNik(text);
  if (nik === null) return { ok: false, reason: 'not_digits' };
  if (nik.length !== 16) return { ok: false, reason: 'length' };

  const province = nik.slice(0, 2);
  const regency = nik.slice(2, 4);
  const district = nik.slice(4, 6);
  if (!PROVINCES.has(province) || regency === '00' || district === '00')
    return { ok: false, reason: 'region' };

  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const female = rawDay > 40;
  const day = female ? rawDay - 40 : rawDay;
  const today = witaWallClock(now);
  const todayKey = today.getUTCFullYear() * 10_000 + (today.getUTCMonth() + 1) * 100 + today.getUTCDate();
  const year = (2000 + yy) * 10_000 + month * 100 + day <= todayKey ? 2000 + yy : 1900 + yy;
  if (!validDate(year, month, day)) return { ok: false, reason: 'birth_date' };

  if (nik.slice(12) === '0000') return { ok: false, reason: 'sequence' };

  return {
    ok: true,
    nik,
    provinceCode: province,
    regencyCode: `${province}.${regency}`,
    districtCode: `${province}.${regency}.${district}`,
    birthDate: `${year}-${pad2(month)}-${pad2(day)}`,
    sex: female ? 'P' : 'L',
    inKalsel: province === KALSEL,
  };
}

/**
 * Masks a NIK for display: the first 4 digits (province and kab/kota, needed to recognize one's own
 * region) and the last 2 stay, the birth date and the rest become "*": "6371**********01".
 * Anything shorter than 8 digits is fully masked.
 */
export function maskNik(nik: string): string {
  const digits = nik.replace(SEPARATORS, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 6)}${digits.slice(-2)}`;
}

/**
 * The first 16-digit run in a longer text ("nik saya 6371 0123 4567 0001 pak"), digits only, or null.
 * Groups may be separated by one space, dot or dash; a run that is part of a longer number is ignored.
 */
export function findNik(text: string): string | null {
  const normalized = text.normalize('NFKC').replace(/\p{Cf}/gu, '');
  const groups = [...normalized.matchAll(/[0-9]+/g)].map((m) => ({
    digits: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
  /** joined[i]: group i follows group i-1 after exactly one separator, so they may belong to one number. */
  const joined = groups.map((g, i) => {
    const prev = groups[i - 1];
    return prev !== undefined && /^[ .\-\u00A0]$/.test(normalized.slice(prev.end, g.start));
  });
  for (let start = 0; start < groups.length; start++) {
    let total = 0;
    for (let end = start; end < groups.length && (end === start || joined[end]); end++) {
      total += groups[end]?.digits.length ?? 0;
      if (total === 16) {
        return groups
          .slice(start, end + 1)
          .map((g) => g.digits)
          .join('');
      }
      if (total > 16) break;
    }
  }
  return null;
}
