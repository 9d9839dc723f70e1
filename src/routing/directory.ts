// The agency directory as the router reads it: agencies by id, by kind and region, coordinators and Ombudsman offices.
import { isKabkota } from './directory-checks.js';
import { type Agency, DEFAULT_HOURS, type Rule, type WeeklyHours } from './directory-schema.js';
import { type NameIndex, buildNameIndex } from './names.js';

export class DirectoryError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`The agency directory (${file}) has ${problems.length} problem(s):\n- ${problems.join('\n- ')}`);
    this.name = 'DirectoryError';
  }
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
    /** The file's `defaults.hours`: when a chat with no agency yet may expect a person to answer. */
    readonly defaultHours: WeeklyHours = DEFAULT_HOURS,
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

  /** The agency's opening hours (WITA), or the directory's default hours when there is no agency yet. */
  hours(agencyId: string | null): WeeklyHours {
    return (agencyId === null ? undefined : this.byId.get(agencyId)?.hours) ?? this.defaultHours;
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
