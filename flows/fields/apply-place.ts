// Region facts from a place description or a pin, merged into the draft (the location and region fields).
import { locatePin } from '../../src/understand/geo.js';
import { findRegion } from '../../src/understand/regions.js';
import type { Draft, Notice } from '../intake-context.js';
import type { MessageBody } from '../intake-events.js';

/** Region facts from a place description or a pin, merged into the draft. */
export function applyPlace(
  d: Draft,
  text: string,
  body: MessageBody,
): { draft: Draft; notices: Notice[]; outside: boolean } {
  const notices: Notice[] = [];
  let draft = d;
  if (body.location) {
    const pin = body.pin ?? locatePin(body.location.lat, body.location.lon);
    if (pin.kind === 'outside') return { draft, notices: [{ key: 'notice.outside_kalsel' }], outside: true };
    draft = { ...draft, location: body.location };
    if (pin.kind === 'found') {
      draft = {
        ...draft,
        kabkotaCode: pin.kabkotaCode,
        kecamatanCode: pin.kecamatanCode,
        regionCandidates: [],
      };
    } else {
      const codes = [...new Set(pin.candidates.map((c) => c.kabkotaCode))];
      draft = { ...draft, kabkotaCode: null, kecamatanCode: null, regionCandidates: codes };
    }
  }
  if (text) {
    const region = findRegion(text);
    if (region.kind === 'found') {
      draft = {
        ...draft,
        kabkotaCode: region.match.kabkotaCode,
        kecamatanCode: region.match.kecamatanCode ?? null,
        regionCandidates: [],
      };
    } else if (region.kind === 'ambiguous') {
      const codes = [...new Set(region.candidates.map((c) => c.kabkotaCode))];
      const known = draft.kabkotaCode;
      const fits = known ? region.candidates.find((c) => c.kabkotaCode === known) : undefined;
      if (fits) draft = { ...draft, kecamatanCode: fits.kecamatanCode ?? draft.kecamatanCode };
      else if (codes.length > 1)
        draft = { ...draft, kabkotaCode: null, kecamatanCode: null, regionCandidates: codes };
    }
  }
  return { draft, notices, outside: false };
}
