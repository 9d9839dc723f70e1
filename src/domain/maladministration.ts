// The forms of maladministration Ombudsman RI records besides the category (DOMAIN.md), as stable ids.
export const MALADMINISTRATION_FORMS = [
  'penundaan_berlarut',
  'tidak_memberikan_pelayanan',
  'penyimpangan_prosedur',
  'permintaan_imbalan',
  'penyalahgunaan_wewenang',
  'diskriminasi',
  'tidak_kompeten',
  'tidak_patut',
  'konflik_kepentingan',
  'keberpihakan',
] as const;

export type MaladministrationForm = (typeof MALADMINISTRATION_FORMS)[number];
