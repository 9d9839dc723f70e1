// Kalsel's kab/kota, kecamatan and desa by their Kemendagri codes, and the kab/kota choice list.
import { DESA, type Desa, KABKOTA, KECAMATAN, type Kabkota, type Kecamatan } from '../data/regions-data.js';

const KABKOTA_BY_CODE: ReadonlyMap<string, Kabkota> = new Map(KABKOTA.map((k) => [k.code, k]));
const KECAMATAN_BY_CODE: ReadonlyMap<string, Kecamatan> = new Map(KECAMATAN.map((k) => [k.code, k]));
const DESA_BY_CODE: ReadonlyMap<string, Desa> = new Map(DESA.map((d) => [d.code, d]));

export function kabkotaByCode(code: string): Kabkota | undefined {
  return KABKOTA_BY_CODE.get(code);
}

export function kecamatanByCode(code: string): Kecamatan | undefined {
  return KECAMATAN_BY_CODE.get(code);
}

export function desaByCode(code: string): Desa | undefined {
  return DESA_BY_CODE.get(code);
}

/** The kecamatan of a kab/kota in code order (empty for an unknown code). */
export function kecamatanOf(kabkotaCode: string): Kecamatan[] {
  return KECAMATAN.filter((k) => k.kabkotaCode === kabkotaCode);
}

/** The 13 kab/kota for a choice list: the two cities first, then the kabupaten by name. */
export function regionChoiceList(): { code: string; label: string }[] {
  const cities = KABKOTA.filter((k) => k.type === 'kota');
  const regencies = KABKOTA.filter((k) => k.type === 'kabupaten').sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'id'),
  );
  return [...cities, ...regencies].map((k) => ({ code: k.code, label: k.name }));
}
