// Measures where a first message says it happened (test/eval/first-places.jsonl): the kab/kota found from names
// and landmarks, or from typed coordinates; never a wrong one.
import { z } from 'zod';
import { findCoordinates } from './coordinates.js';
import { type PinResult, locatePin } from './geo.js';
import { findRegion } from './regions.js';

export const PlaceCase = z.object({
  id: z.string(),
  text: z.string(),
  kabkota: z.string().nullable(),
  place: z.string(),
  kind: z.string(),
  held_out: z.boolean(),
  note: z.string().optional(),
});
export type PlaceCase = z.infer<typeof PlaceCase>;

/** The kab/kota a first message settles on (null: not named, or named ambiguously: then it is asked). */
export function placeOf(
  text: string,
  locate: (lat: number, lon: number) => PinResult = locatePin,
): string | null {
  const point = findCoordinates(text);
  if (point) {
    const pin = locate(point.lat, point.lon);
    if (pin.kind === 'found') return pin.kabkotaCode;
  }
  const region = findRegion(text);
  return region.kind === 'found' ? region.match.kabkotaCode : null;
}

export type PlaceReport = {
  cases: number;
  /** Labelled with a kab/kota: found it, asked (null), or named another one (the number that must stay 0). */
  labelled: number;
  right: number;
  unresolved: number;
  wrong: number;
  /** Labelled ambiguous (null): how many were still given a kab/kota. */
  ambiguous: number;
  guessedAmbiguous: number;
  misses: { id: string; text: string; expected: string | null; got: string | null }[];
};

export function evaluatePlaces(cases: readonly PlaceCase[]): PlaceReport {
  const r: PlaceReport = {
    cases: cases.length,
    labelled: 0,
    right: 0,
    unresolved: 0,
    wrong: 0,
    ambiguous: 0,
    guessedAmbiguous: 0,
    misses: [],
  };
  for (const c of cases) {
    const got = placeOf(c.text);
    if (c.kabkota === null) {
      r.ambiguous++;
      if (got !== null) r.guessedAmbiguous++;
    } else {
      r.labelled++;
      if (got === c.kabkota) r.right++;
      else if (got === null) r.unresolved++;
      else r.wrong++;
    }
    if (got !== c.kabkota) r.misses.push({ id: c.id, text: c.text, expected: c.kabkota, got });
  }
  return r;
}

export function parsePlaceCases(jsonl: string): PlaceCase[] {
  return jsonl
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => PlaceCase.parse(JSON.parse(l)));
}
