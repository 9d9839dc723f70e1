// Decides which agency a complaint goes to (category × region × story details → agency, by the directory's rules).
import type { RouteDecision, RouteQuery } from '../ports/routing.js';
import { kabkotaByCode, kecamatanByCode } from '../understand/region-lookup.js';
import { type DetailKey, detectDetails, storyText } from './details.js';
import { type Agency, FALLBACK_RULES, type Rule } from './directory-schema.js';
import type { Directory } from './directory.js';
import { findNamed } from './names.js';
import { priorReportSolved } from './prior-report.js';

type Place = { kabkota: string | null; kecamatan: string | null };

/** The kab/kota and kecamatan, each only when known; a kecamatan alone gives its kab/kota. */
function place(q: RouteQuery): Place {
  const kec = q.kecamatanCode === null ? undefined : kecamatanByCode(q.kecamatanCode);
  const kab = q.kabkotaCode === null ? undefined : kabkotaByCode(q.kabkotaCode);
  if (kab) return { kabkota: kab.code, kecamatan: kec?.kabkotaCode === kab.code ? kec.code : null };
  return kec ? { kabkota: kec.kabkotaCode, kecamatan: kec.code } : { kabkota: null, kecamatan: null };
}

type Match = { agency: Agency; words: string | null };

function apply(
  dir: Directory,
  rule: Rule,
  q: RouteQuery,
  at: Place,
  text: string,
  details: Map<DetailKey, string>,
): Match | null {
  if (rule.categories && !rule.categories.includes(q.category)) return null;
  if (rule.regions && (at.kabkota === null || !rule.regions.includes(at.kabkota))) return null;
  const target = rule.target;
  if (target.type === 'named') {
    const resolve = (kind: string, kab: string, kec: string | null) => dir.ofKind(kind, kab, kec)?.id;
    for (const named of findNamed(dir.names, text, resolve, at.kabkota)) {
      const agency = dir.agency(named.agencyId);
      if (agency?.categories.includes(q.category)) return { agency, words: named.words };
    }
    return null;
  }
  const words = rule.detail === null ? null : details.get(rule.detail);
  if (words === undefined) return null;
  const agency =
    target.type === 'id'
      ? dir.agency(target.id)
      : at.kabkota === null
        ? undefined
        : dir.ofKind(target.kind, at.kabkota, at.kecamatan);
  return agency ? { agency, words } : null;
}

function decide(dir: Directory, q: RouteQuery, at: Place): Omit<RouteDecision, 'also' | 'offerEscalation'> {
  const text = storyText(q.story);
  const details = detectDetails(text);
  for (const rule of dir.rules) {
    const match = apply(dir, rule, q, at, text, details);
    if (!match) continue;
    return {
      agencyId: match.agency.id,
      agencyName: match.agency.name,
      rule: rule.id,
      why: {
        kind: 'rule',
        rule: rule.id,
        category: q.category,
        kabkota: at.kabkota,
        detail: rule.detail,
        words: match.words,
        agency: match.agency.shortName,
      },
      details: match.words === null ? [] : [match.words],
      fallback: false,
    };
  }
  const coordinator = at.kabkota === null ? undefined : dir.coordinator(at.kabkota);
  if (coordinator) {
    return {
      agencyId: coordinator.id,
      agencyName: coordinator.name,
      rule: FALLBACK_RULES.coordinator,
      why: {
        kind: 'coordinator',
        rule: FALLBACK_RULES.coordinator,
        category: q.category,
        kabkota: at.kabkota,
        agency: coordinator.shortName,
      },
      details: [],
      fallback: true,
    };
  }
  const ombudsman = dir.ombudsman(at.kabkota);
  return {
    agencyId: ombudsman.id,
    agencyName: ombudsman.name,
    rule: FALLBACK_RULES.ombudsman,
    why: {
      kind: 'ombudsman',
      rule: FALLBACK_RULES.ombudsman,
      category: q.category,
      kabkota: at.kabkota,
      agency: ombudsman.shortName,
    },
    details: [],
    fallback: true,
  };
}

/** The agency responsible for a complaint, why, and whether the Ombudsman is copied or should be offered. */
export function route(dir: Directory, q: RouteQuery): RouteDecision {
  const at = place(q);
  const decision = decide(dir, q, at);
  const ombudsman = dir.ombudsman(at.kabkota);
  const also =
    q.escalate && ombudsman.id !== decision.agencyId
      ? [
          {
            agencyId: ombudsman.id,
            agencyName: ombudsman.name,
            why: { kind: 'escalation' as const, agency: ombudsman.shortName },
          },
        ]
      : [];
  const offerEscalation = q.priorReport.done && !q.escalate && !priorReportSolved(q.priorReport.result);
  return { ...decision, also, offerEscalation };
}
