// The agency directory and routing rules as data: validated at start-up, replaceable by an operator's file (AGENCIES_FILE).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CATEGORY_IDS, type CategoryId, isCategoryId } from '../domain/categories.js';
import { Destination } from '../domain/destination.js';
import { KABKOTA } from '../domain/regions-data.js';
import { kabkotaByCode, kecamatanByCode } from '../understand/regions.js';
import defaultAgencies from './agencies.json' with { type: 'json' };
import { DETAIL_KEYS, type DetailKey } from './details.js';
import { type NameIndex, buildNameIndex } from './names.js';
import defaultRules from './rules.json' with { type: 'json' };

export const LEVELS = ['kabkota', 'provinsi', 'vertikal', 'bumn', 'bumd', 'ombudsman'] as const;
export type Level = (typeof LEVELS)[number];

/** Opening hours of one day in WITA, "08:00-16:00", or null when closed. */
const DayHours = z
  .string()
  .regex(
    /^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/,
    'expected hours like "08:00-16:00"',
  )
  .refine((s) => s.slice(0, 5) < s.slice(6), 'opening time must be before closing time')
  .nullable();
const WeeklyHours = z.object({
  mon: DayHours,
  tue: DayHours,
  wed: DayHours,
  thu: DayHours,
  fri: DayHours,
  sat: DayHours,
  sun: DayHours,
});
export type WeeklyHours = z.infer<typeof WeeklyHours>;

/** Monday–Thursday 08:00–16:00, Friday 08:00–11:00 WITA: used when a file gives no default hours. */
const DEFAULT_HOURS: WeeklyHours = {
  mon: '08:00-16:00',
  tue: '08:00-16:00',
  wed: '08:00-16:00',
  thu: '08:00-16:00',
  fri: '08:00-11:00',
  sat: null,
  sun: null,
};

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]{1,63}$/, 'expected lowercase letters, digits and dashes');

const AgencyInput = z.object({
  id: Id,
  name: z.string().trim().min(3).max(200),
  shortName: z.string().trim().min(2).max(80),
  level: z.enum(LEVELS),
  /** The kind of office ("disdukcapil", "polres"): what "{kab}-<kind>" in a rule and "<kind> <place>" in a story find. */
  kind: z.string().min(2).max(40).optional(),
  /** The kab/kota the office belongs to; null for one serving the whole province. */
  region: z.string().nullable(),
  /** Kab/kota or kecamatan codes it serves; by default its region, or the whole province when region is null. */
  serves: z.array(z.string()).min(1).optional(),
  categories: z.array(z.string()).min(1),
  /** The pemda's complaint coordinator (SP4N-LAPOR! admin): gets what no rule routes. */
  coordinator: z.boolean().default(false),
  status: z.enum(['confirmed', 'unconfirmed']),
  statusNote: z.string().max(300).optional(),
  source: z.string().max(400),
  /** Names that identify this one office in a story ("ratu zalecha", "rsud ulin"). */
  aliases: z.array(z.string().min(2).max(100)).default([]),
  hours: WeeklyHours.optional(),
  destinations: z.array(Destination).default([]),
  /** Working days the agency has to answer, where it differs from the service default. */
  answerDays: z.number().int().min(1).max(60).optional(),
});

const RuleInput = z.object({
  id: Id,
  categories: z.array(z.string()).min(1).optional(),
  regions: z.array(z.string()).min(1).optional(),
  detail: z.enum(DETAIL_KEYS).optional(),
  /** An agency id, "{kab}-<kind>" or "{named}". */
  agency: z.string().min(2),
  note: z.string().optional(),
});

const RulesFile = z.object({ about: z.string().optional(), rules: z.array(RuleInput) });

const DirectoryFile = z.object({
  about: z.string().optional(),
  defaults: z.object({ hours: WeeklyHours.optional() }).optional(),
  kinds: z.record(z.string(), z.array(z.string().min(2))).default({}),
  agencies: z.array(AgencyInput).min(1),
  /** Replaces the built-in routing rules when present. */
  rules: z.array(RuleInput).optional(),
});

export type Agency = {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly level: Level;
  readonly kind: string | null;
  readonly region: string | null;
  readonly serves: readonly string[];
  readonly categories: readonly CategoryId[];
  readonly coordinator: boolean;
  readonly status: 'confirmed' | 'unconfirmed';
  readonly statusNote: string | null;
  readonly source: string;
  readonly aliases: readonly string[];
  readonly hours: WeeklyHours;
  readonly destinations: readonly Destination[];
  readonly answerDays: number | null;
};

/** Where a rule sends a complaint. */
export type RuleTarget = { type: 'id'; id: string } | { type: 'kind'; kind: string } | { type: 'named' };

export type Rule = {
  readonly id: string;
  readonly categories: readonly CategoryId[] | null;
  readonly regions: readonly string[] | null;
  readonly detail: DetailKey | null;
  readonly target: RuleTarget;
  readonly note: string | null;
};

/** Rule ids the router uses for its fallbacks; a rules file may not take them. */
export const FALLBACK_RULES = {
  coordinator: 'cadangan-koordinator',
  ombudsman: 'cadangan-ombudsman',
} as const;

export class DirectoryError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`The agency directory (${file}) has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'DirectoryError';
  }
}

const KABKOTA_CODES = KABKOTA.map((k) => k.code);
const isKabkota = (code: string) => kabkotaByCode(code) !== undefined;
const isRegion = (code: string) => isKabkota(code) || kecamatanByCode(code) !== undefined;
const regionName = (code: string) => kabkotaByCode(code)?.name ?? kecamatanByCode(code)?.name ?? code;

function parseTarget(agency: string): RuleTarget {
  if (agency === '{named}') return { type: 'named' };
  const kind = /^\{kab\}-(.+)$/.exec(agency)?.[1];
  return kind === undefined ? { type: 'id', id: agency } : { type: 'kind', kind };
}

export class Directory {
  readonly rules: readonly Rule[];
  readonly names: NameIndex;
  private readonly agencies: readonly Agency[];
  private readonly byId: ReadonlyMap<string, Agency>;
  /** `${kind}|${code}` → the agency of that kind serving that kab/kota or kecamatan. */
  private readonly byKind: ReadonlyMap<string, Agency>;
  private readonly coordinators: ReadonlyMap<string, Agency>;
  private readonly ombudsmen: readonly Agency[];
  private readonly provinceOmbudsman: Agency;

  constructor(
    readonly source: string,
    agencies: readonly Agency[],
    rules: readonly Rule[],
    kinds: Readonly<Record<string, readonly string[]>>,
    /** Problems that do not stop the service (a destination's secret not set, a rule with gaps). */
    readonly warnings: readonly string[],
  ) {
    this.agencies = agencies;
    this.rules = rules;
    this.byId = new Map(agencies.map((a) => [a.id, a]));
    const byKind = new Map<string, Agency>();
    const coordinators = new Map<string, Agency>();
    for (const a of agencies) {
      for (const code of a.serves) {
        if (a.kind !== null) byKind.set(`${a.kind}|${code}`, a);
        if (a.coordinator && isKabkota(code)) coordinators.set(code, a);
      }
    }
    this.byKind = byKind;
    this.coordinators = coordinators;
    this.ombudsmen = agencies.filter((a) => a.level === 'ombudsman');
    const province = this.ombudsmen.find((a) => a.region === null);
    if (!province)
      throw new DirectoryError(source, ['No Ombudsman agency serves the whole province (region null).']);
    this.provinceOmbudsman = province;
    this.names = buildNameIndex(agencies, kinds);
  }

  agency(id: string): Agency | undefined {
    return this.byId.get(id);
  }

  all(): readonly Agency[] {
    return this.agencies;
  }

  /** The pemda's complaint coordinator for a kab/kota. */
  coordinator(kabkotaCode: string): Agency | undefined {
    return this.coordinators.get(kabkotaCode);
  }

  /** The Ombudsman office for a kab/kota (or for the province when the region is unknown). */
  ombudsman(kabkotaCode: string | null): Agency {
    return (
      (kabkotaCode === null ? undefined : this.ombudsmen.find((a) => a.serves.includes(kabkotaCode))) ??
      this.provinceOmbudsman
    );
  }

  /** The agency of a kind serving a kecamatan (checked first) or a kab/kota. */
  ofKind(kind: string, kabkotaCode: string, kecamatanCode: string | null): Agency | undefined {
    return (
      (kecamatanCode === null ? undefined : this.byKind.get(`${kind}|${kecamatanCode}`)) ??
      this.byKind.get(`${kind}|${kabkotaCode}`)
    );
  }
}

// ------------------------------------------------------------------------------------------ loading

function describeIssues(
  error: z.ZodError,
  what: string,
  ids: (index: number) => string | undefined,
): string[] {
  return error.issues.map((issue) => {
    const [top, index, ...rest] = issue.path;
    const id = typeof index === 'number' ? ids(index) : undefined;
    const where =
      top === undefined
        ? what
        : typeof index === 'number'
          ? `${String(top)}[${index}]${id ? ` ("${id}")` : ''}${rest.length ? `.${rest.join('.')}` : ''}`
          : issue.path.join('.');
    return `${where}: ${issue.message}`;
  });
}

function checkAgencies(
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

function checkRules(
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

function readFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DirectoryError(path, [`Cannot read the file: ${e instanceof Error ? e.message : String(e)}.`]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DirectoryError(path, [
      `The file is not valid JSON: ${e instanceof Error ? e.message : String(e)}.`,
    ]);
  }
}

function build(source: string, data: unknown, secrets: Readonly<Record<string, string>>): Directory {
  const parsed = DirectoryFile.safeParse(data);
  if (!parsed.success) {
    const raw = z.object({ agencies: z.array(z.object({ id: z.string() }).loose()) }).safeParse(data);
    const ids = (i: number) => (raw.success ? raw.data.agencies[i]?.id : undefined);
    throw new DirectoryError(source, describeIssues(parsed.error, 'the file', ids));
  }
  const problems: string[] = [];
  const warnings: string[] = [];
  const agencies = checkAgencies(parsed.data, secrets, problems, warnings);
  const ruleInputs = parsed.data.rules ?? RulesFile.parse(defaultRules).rules;
  const rules = checkRules(ruleInputs, agencies, problems, warnings);
  if (problems.length > 0) throw new DirectoryError(source, problems);
  return new Directory(source, agencies, rules, parsed.data.kinds, warnings);
}

/**
 * The agency directory from an operator's file (AGENCIES_FILE) or the built-in one. Throws a DirectoryError
 * listing every problem; problems that do not stop the service come back as `warnings`.
 */
export function loadDirectory(opts: { file?: string; secrets: Readonly<Record<string, string>> }): Directory {
  return opts.file === undefined
    ? build('built-in agencies.json', defaultAgencies, opts.secrets)
    : build(opts.file, readFile(opts.file), opts.secrets);
}

let builtIn: Directory | undefined;

/** The built-in directory (no destinations, so no secrets needed), loaded once. */
export function defaultDirectory(): Directory {
  builtIn ??= loadDirectory({ secrets: {} });
  return builtIn;
}
