// Well-known Kalsel places that are not in the Kemendagri lists (markets, roads, hospitals, ports, town areas) and Jl. A. Yani kilometres.
import { z } from 'zod';
import landmarkData from './landmarks.json' with { type: 'json' };

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

/** The gazetteer is data, with its sources: src/understand/landmarks.json. */
const LandmarkData = z.object({
  landmarks: z.array(
    z.object({
      text: z.string().min(2),
      kabkotaCode: z.string().regex(/^63\.\d{2}$/),
      kecamatanCode: z
        .string()
        .regex(/^63\.\d{2}\.\d{2}$/)
        .optional(),
      strength: z.enum(['strong', 'fallback']),
      street: z.literal(true).optional(),
      titled: z.literal(true).optional(),
    }),
  ),
});

export const LANDMARKS: readonly Landmark[] = LandmarkData.parse(landmarkData).landmarks;

/**
 * Jl. A. Yani runs from Banjarmasin (km 0) through Kertak Hanyar and Gambut (Kab. Banjar), Banjarbaru, to
 * Martapura. Kilometres near a boundary (about 21–22 and 37–38) name no kab/kota; beyond 45 the road is
 * out of this reckoning. Other towns have a Jl. A. Yani too, so these readings are fallbacks.
 */
const A_YANI_KM: readonly { readonly from: number; readonly to: number; readonly kabkotaCode: string }[] = [
  { from: 0, to: 6, kabkotaCode: BANJARMASIN },
  { from: 7, to: 20, kabkotaCode: BANJAR },
  { from: 23, to: 36, kabkotaCode: BANJARBARU },
  { from: 39, to: 45, kabkotaCode: BANJAR },
];

/** The kab/kota of a Jl. A. Yani kilometre (whole part), if it is clear. */
export function aYaniKabkota(km: number): string | undefined {
  return A_YANI_KM.find((r) => km >= r.from && km <= r.to)?.kabkotaCode;
}

/** The kab/kota codes the kilometre table can name, for building the index. */
export const A_YANI_KABKOTA: readonly string[] = [...new Set(A_YANI_KM.map((r) => r.kabkotaCode))];
