// How draft values are shown to the citizen, the same in the summary's rows and the guess's.
import type { IncidentDate } from '../../src/domain/complaint.js';
import type { VarValue } from '../../src/domain/reply.js';
import { kabkotaByCode, kecamatanByCode } from '../../src/understand/region-lookup.js';
import type { Draft } from '../intake-context.js';

export function regionValue(d: Draft): VarValue {
  const kab = d.kabkotaCode ? kabkotaByCode(d.kabkotaCode) : undefined;
  if (!kab) return { key: 'value.unknown' };
  const kec = d.kecamatanCode ? kecamatanByCode(d.kecamatanCode) : undefined;
  return kec ? `${kec.name}, ${kab.name}` : kab.name;
}

/** The routed office by its name, never the word the citizen typed ("pdam") beside it; else the agency as written. */
export function agencyValue(d: Draft): VarValue {
  return d.route && !d.route.fallback ? d.route.agencyName : (d.agency ?? { key: 'value.unknown' });
}

export function dateValue(date: IncidentDate): VarValue {
  return { date: date.date, precision: date.precision, ...(date.ongoing ? { ongoing: true } : {}) };
}
