// Validates a parsed directory file: every agency's categories, regions, kinds and secrets, and every rule's target.
import type { z } from 'zod';
import { KABKOTA } from '../data/regions-data.js';
import { CATEGORY_IDS, isCategoryId } from '../domain/categories.js';
import { kabkotaByCode, kecamatanByCode } from '../understand/region-lookup.js';
import {
  type Agency,
  DEFAULT_HOURS,
  type DirectoryFile,
  FALLBACK_RULES,
  type Rule,
  type RuleInput,
  type RuleTarget,
} from './directory-schema.js';

const KABKOTA_CODES = KABKOTA.map((k) => k.code);
export const isKabkota = (code: string) => kabkotaByCode(code) !== undefined;
const isRegion = (code: string) => isKabkota(code) || kecamatanByCode(code) !== undefined;
const regionName = (code: string) => kabkotaByCode(code)?.name ?? kecamatanByCode(code)?.name ?? code;

function parseTarget(agency: string): RuleTarget {
  if (agency === '{named}') return { type: 'named' };
  const kind = /^\{kab\}-(.+)$/.exec(agency)?.[1];
  return kind === undefined ? { type: 'id', id: agency } : { type: 'kind', kind };
}

export function checkAgencies(
  file: z.infer<typeof DirectoryFile>,
  secrets: Readonly<Record<string, string>>,
  problems: string[],
  warnings: string[],
): Agency[] {
  const defaultHours = file.defaults?.hours ?? DEFAULT_HOURS;
  const counts = new Map<string, number>();
  for (const a of file.agencies) counts.set(a.id, (counts.get(a.id) ?? 0) + 1);
  for (const [id, n] of counts)
    if (n > 1) problems.push(`Agency id "${id}" is used ${n} times; ids must be unique.`);

  for (const [kind, words] of Object.entries(file.kinds)) {
    if (words.length === 0) problems.push(`Kind "${kind}" has no words.`);
  }

  const agencies = file.agencies.map((a): Agency => {
    const label = `Agency "${a.id}"`;
    for (const c of a.categories) {
      if (!isCategoryId(c))
        problems.push(`${label}: unknown category "${c}" (known: ${CATEGORY_IDS.join(', ')}).`);
    }
    if (a.region !== null && !isKabkota(a.region)) {
      problems.push(`${label}: unknown region "${a.region}"; use a kab/kota code such as 63.71, or null.`);
    }
    for (const code of a.serves ?? []) {
      if (!isRegion(code)) {
        problems.push(
          `${label}: serves unknown region "${code}"; use kab/kota (63.71) or kecamatan (63.71.01) codes.`,
        );
      }
    }
    if (a.kind !== undefined && !(a.kind in file.kinds)) {
      problems.push(`${label}: kind "${a.kind}" is not listed under "kinds".`);
    }
    for (const c of Object.keys(a.deadlines))
      if (!isCategoryId(c)) problems.push(`${label}: deadlines for unknown category "${c}".`);
    const destinationIds = new Set<string>();
    for (const d of a.destinations) {
      if (destinationIds.has(d.id)) problems.push(`${label}: destination id "${d.id}" is used twice.`);
      destinationIds.add(d.id);
      const refs = d.method === 'webhook' ? [d.secret] : d.method === 'open311' && d.apiKey ? [d.apiKey] : [];
      for (const ref of refs) {
        if (typeof ref !== 'string' && !secrets[ref.env]) {
          warnings.push(
            `${label}, destination "${d.id}": the secret ${ref.env} is not set, so this destination cannot deliver.`,
          );
        }
      }
    }
    return {
      id: a.id,
      name: a.name,
      shortName: a.shortName,
      level: a.level,
      kind: a.kind ?? null,
      region: a.region,
      serves: a.serves ?? (a.region === null ? KABKOTA_CODES : [a.region]),
      categories: a.categories.filter(isCategoryId),
      coordinator: a.coordinator,
      status: a.status,
      statusNote: a.statusNote ?? null,
      source: a.source,
      aliases: a.aliases,
      hours: a.hours ?? defaultHours,
      destinations: a.destinations,
      answerDays: a.answerDays ?? null,
      verifyDays: a.verifyDays ?? null,
      deadlines: Object.fromEntries(Object.entries(a.deadlines).filter(([c]) => isCategoryId(c))),
    };
  });

  const owners = new Map<string, string>();
  for (const a of agencies) {
    for (const code of a.serves) {
      if (a.kind === null) continue;
      const key = `${a.kind}|${code}`;
      const other = owners.get(key);
      if (other !== undefined) {
        problems.push(
          `Agencies "${other}" and "${a.id}" are both of kind "${a.kind}" for ${regionName(code)}.`,
        );
      }
      owners.set(key, a.id);
    }
    if (a.coordinator && a.region === null)
      problems.push(`Agency "${a.id}": a coordinator needs a kab/kota region.`);
  }
  if (!agencies.some((a) => a.level === 'ombudsman' && a.region === null)) {
    problems.push('No agency of level "ombudsman" with region null: complaints without a kab/kota need one.');
  }
  for (const code of KABKOTA_CODES) {
    if (!agencies.some((a) => a.coordinator && a.serves.includes(code))) {
      warnings.push(
        `${regionName(code)} has no complaint coordinator: what no rule routes there goes to the Ombudsman.`,
      );
    }
  }
  return agencies;
}

export function checkRules(
  inputs: readonly z.infer<typeof RuleInput>[],
  agencies: readonly Agency[],
  problems: string[],
  warnings: string[],
): Rule[] {
  const ids = new Set(agencies.map((a) => a.id));
  const seen = new Set<string>();
  return inputs.map((r): Rule => {
    const label = `Rule "${r.id}"`;
    if (seen.has(r.id)) problems.push(`Rule id "${r.id}" is used twice.`);
    seen.add(r.id);
    if (r.id === FALLBACK_RULES.coordinator || r.id === FALLBACK_RULES.ombudsman) {
      problems.push(`${label}: this id is reserved for the router's fallback.`);
    }
    for (const c of r.categories ?? [])
      if (!isCategoryId(c)) problems.push(`${label}: unknown category "${c}".`);
    for (const code of r.regions ?? []) {
      if (!isKabkota(code)) problems.push(`${label}: unknown kab/kota code "${code}".`);
    }
    const target = parseTarget(r.agency);
    if ((target.type === 'named') !== (r.detail === 'instansi-disebut')) {
      problems.push(`${label}: "{named}" and the detail "instansi-disebut" go together.`);
    }
    if (target.type === 'id' && !ids.has(target.id)) {
      problems.push(`${label} points at agency "${target.id}", which is not in the directory.`);
    }
    if (target.type === 'kind') {
      const ofKind = agencies.filter((a) => a.kind === target.kind);
      if (ofKind.length === 0) {
        problems.push(`${label} points at "${r.agency}", but no agency is of kind "${target.kind}".`);
      } else {
        const gaps = (r.regions ?? KABKOTA_CODES).filter(
          (code) => isKabkota(code) && !ofKind.some((a) => a.serves.includes(code)),
        );
        if (gaps.length > 0) {
          warnings.push(
            `${label}: no agency of kind "${target.kind}" serves ${gaps.map(regionName).join(', ')}; ` +
              'complaints there go on to the next rule.',
          );
        }
      }
    }
    return {
      id: r.id,
      categories: r.categories?.filter(isCategoryId) ?? null,
      regions: r.regions ?? null,
      detail: r.detail ?? null,
      target,
      note: r.note ?? null,
    };
  });
}
