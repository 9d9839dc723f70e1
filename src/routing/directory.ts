// The agency directory as the router reads it: agencies by id, by kind and region, coordinators and Ombudsman offices.
import type { AgencyOverride } from '../domain/agency-override.js';
import type { CategoryId } from '../domain/categories.js';
import type { StageDays } from '../domain/deadline.js';
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
  /** The agencies as the file gives them; `agencies` is them with the admins' overrides applied. */
  private readonly fileAgencies: readonly Agency[];
  private agencies: readonly Agency[];
  private byId: ReadonlyMap<string, Agency>;
  /** `${kind}|${code}` → the agency of that kind serving that kab/kota or kecamatan. */
  private byKind: ReadonlyMap<string, Agency>;
  private coordinators: ReadonlyMap<string, Agency>;
  private ombudsmen: readonly Agency[];
  /** The chat ids of the agencies' Telegram destinations (their officers' groups), worked out once per change. */
  private telegramChatIds: readonly string[] = [];
  private provinceOmbudsman: Agency;

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
    this.fileAgencies = agencies;
    this.rules = rules;
    this.agencies = agencies;
    this.byId = new Map();
    this.byKind = new Map();
    this.coordinators = new Map();
    this.ombudsmen = [];
    this.names = buildNameIndex(agencies, kinds);
    this.provinceOmbudsman = this.index(agencies);
  }

  /** Rebuilds the lookups over `agencies`; returns the Ombudsman office serving the whole province. */
  private index(agencies: readonly Agency[]): Agency {
    this.agencies = agencies;
    this.telegramChatIds = agencies.flatMap((a) =>
      a.destinations.flatMap((d) => (d.method === 'telegram' ? [d.chatId] : [])),
    );
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
      throw new DirectoryError(this.source, ['No Ombudsman agency serves the whole province (region null).']);
    return province;
  }

  /**
   * Applies the admins' overrides (destinations, opening hours) over the file's agencies, in place: routing,
   * forwarding and the officers' pages share this one directory and see the change at once. An override of an
   * agency the file no longer has is ignored.
   */
  applyOverrides(overrides: ReadonlyMap<string, AgencyOverride>): void {
    this.provinceOmbudsman = this.index(
      this.fileAgencies.map((a) => {
        const o = overrides.get(a.id);
        return o ? { ...a, destinations: o.destinations ?? a.destinations, hours: o.hours ?? a.hours } : a;
      }),
    );
  }

  /** The agency as the file gives it, before any override. */
  fromFile(id: string): Agency | undefined {
    return this.fileAgencies.find((a) => a.id === id);
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

  /**
   * The agencies' Telegram destinations' chat ids: their officers' groups. The same array until an override changes
   * the agencies (the Telegram channel asks on every update; building it each time was ~2.7% of the service's thread
   * in `npm run compare`).
   */
  telegramChats(): readonly string[] {
    return this.telegramChatIds;
  }

  /**
   * The agency's own stage days for a category: the category's entry under `deadlines` first, then the agency's
   * `verifyDays` and `answerDays`; what neither gives is left to the settings.
   */
  stageDays(agencyId: string, category: CategoryId): Partial<StageDays> {
    const a = this.byId.get(agencyId);
    if (!a) return {};
    const own = a.deadlines[category] ?? {};
    const verifyDays = own.verifyDays ?? a.verifyDays ?? undefined;
    const answerDays = own.answerDays ?? a.answerDays ?? undefined;
    return {
      ...(verifyDays === undefined ? {} : { verifyDays }),
      ...(answerDays === undefined ? {} : { answerDays }),
    };
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
