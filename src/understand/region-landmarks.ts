// Well-known Kalsel places that are not in the Kemendagri lists (markets, roads, hospitals, ports, town areas) and Jl. A. Yani kilometres.

/**
 * strong: unique in Kalsel, decides alone like a kab/kota name.
 * fallback: names a kab/kota only when nothing else in the message does (street names other towns share too).
 */
export type LandmarkStrength = 'strong' | 'fallback';

export type Landmark = {
  readonly text: string;
  readonly kabkotaCode: string;
  readonly kecamatanCode?: string;
  readonly strength: LandmarkStrength;
  /** A street: matched only after "Jalan", "Jl" or "Jln". */
  readonly street?: true;
  /** Ordinary words unless written in title case ("Pasar Lama", not "pasar lama" or "PASAR LAMA"). */
  readonly titled?: true;
};

const BANJARMASIN = '63.71';
const BANJARBARU = '63.72';
const BANJAR = '63.03';

export const LANDMARKS: readonly Landmark[] = [
  // Kota Banjarmasin: town areas, markets, streets, campuses, hospitals, the PDAM and the bus terminal.
  { text: 'Kelayan', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Kuin', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Kayu Tangi', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Pekapuran', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Sudimampir', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Pasar Antasari', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Sentra Antasari', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Pasar Lama', kabkotaCode: BANJARMASIN, strength: 'fallback', titled: true },
  { text: 'Bandarmasih', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Terminal Km 6', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Terminal Induk Km 6', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Terminal Pal 6', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Poliban', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'RS Sari Mulia', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'RS Suaka Insan', kabkotaCode: BANJARMASIN, strength: 'strong' },
  { text: 'Sultan Adam', kabkotaCode: BANJARMASIN, strength: 'fallback', street: true },
  { text: 'Pramuka', kabkotaCode: BANJARMASIN, strength: 'fallback', street: true },
  { text: 'Lambung Mangkurat', kabkotaCode: BANJARMASIN, strength: 'fallback', street: true },
  { text: 'Belitung', kabkotaCode: BANJARMASIN, strength: 'fallback', street: true },
  // Kota Banjarbaru.
  { text: 'Syamsudin Noor', kabkotaCode: BANJARBARU, kecamatanCode: '63.72.02', strength: 'strong' },
  { text: 'Syamsuddin Noor', kabkotaCode: BANJARBARU, kecamatanCode: '63.72.02', strength: 'strong' },
  { text: 'Mingguraya', kabkotaCode: BANJARBARU, strength: 'strong' },
  { text: 'Panglima Batur', kabkotaCode: BANJARBARU, strength: 'fallback', street: true },
  // Kabupaten Banjar.
  { text: 'RSJ Sambang Lihum', kabkotaCode: BANJAR, strength: 'strong' },
  { text: 'Sambang Lihum', kabkotaCode: BANJAR, strength: 'strong' },
  { text: 'RS Pelita Insani', kabkotaCode: BANJAR, strength: 'strong' },
  { text: 'Riam Kanan', kabkotaCode: BANJAR, strength: 'strong' },
  { text: 'Tahura Sultan Adam', kabkotaCode: BANJAR, strength: 'strong' },
  { text: 'Mandiangin', kabkotaCode: BANJAR, kecamatanCode: '63.03.06', strength: 'strong' },
  // Other kabupaten.
  { text: 'Tanjung Dewa', kabkotaCode: '63.01', kecamatanCode: '63.01.06', strength: 'strong' },
  { text: 'PLTU Asam Asam', kabkotaCode: '63.01', strength: 'strong' },
  { text: 'Tanjung Serdang', kabkotaCode: '63.02', strength: 'strong' },
  { text: 'Pelabuhan Stagen', kabkotaCode: '63.02', strength: 'strong' },
  { text: 'Handil Bakti', kabkotaCode: '63.04', kecamatanCode: '63.04.05', strength: 'strong' },
  { text: 'Margasari', kabkotaCode: '63.05', strength: 'strong' },
  { text: 'Daha', kabkotaCode: '63.06', strength: 'strong' },
  { text: 'Amandit', kabkotaCode: '63.06', strength: 'strong' },
  { text: 'Candi Agung', kabkotaCode: '63.08', strength: 'strong' },
  { text: 'Mabuun', kabkotaCode: '63.09', strength: 'strong' },
  { text: 'Bandara Warukin', kabkotaCode: '63.09', strength: 'strong' },
  { text: 'Pagatan', kabkotaCode: '63.10', kecamatanCode: '63.10.02', strength: 'strong' },
];

/**
 * Jl. A. Yani runs from Banjarmasin (km 0) through Kertak Hanyar and Gambut (Kab. Banjar), Banjarbaru, to
 * Martapura. Kilometres near a boundary (about 16–22 and 37–38) name no kab/kota; beyond 45 the road is
 * out of this reckoning. Other towns have a Jl. A. Yani too, so these readings are fallbacks.
 */
const A_YANI_KM: readonly { readonly from: number; readonly to: number; readonly kabkotaCode: string }[] = [
  { from: 0, to: 6, kabkotaCode: BANJARMASIN },
  { from: 7, to: 15, kabkotaCode: BANJAR },
  { from: 23, to: 36, kabkotaCode: BANJARBARU },
  { from: 39, to: 45, kabkotaCode: BANJAR },
];

/** The kab/kota of a Jl. A. Yani kilometre (whole part), if it is clear. */
export function aYaniKabkota(km: number): string | undefined {
  return A_YANI_KM.find((r) => km >= r.from && km <= r.to)?.kabkotaCode;
}

/** The kab/kota codes the kilometre table can name, for building the index. */
export const A_YANI_KABKOTA: readonly string[] = [...new Set(A_YANI_KM.map((r) => r.kabkotaCode))];
