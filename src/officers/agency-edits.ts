// What admins change of an agency from the workspace: its destinations and opening hours (kept as overrides of the
// directory file, audited, applied to the running directory at once) and back to the file's value.
import type { Clock } from '../clock.js';
import { AgencyOverride, StoredDestination } from '../domain/agency-override.js';
import type { Destination } from '../domain/destination.js';
import type { WeeklyHours } from '../domain/opening-hours.js';
import type { Directory } from '../routing/directory.js';
import type { Store } from '../storage/store.js';
import { type AgencyFormProblem, type DestinationForm, destinationOf } from './agency-forms.js';

export type AgencyEditResult =
  | { ok: true }
  | { ok: false; problem: AgencyFormProblem | 'duplicate_id' | 'unknown_destination' | 'secret_in_file' };

/** A destination as the audit log tells it: where it goes, never a secret (a webhook by its origin only). */
function audited(d: Destination): Record<string, unknown> {
  if (d.method === 'webhook')
    return {
      id: d.id,
      method: d.method,
      url: new URL(d.url).origin,
      secretEnv: typeof d.secret === 'string' ? null : d.secret.env,
    };
  if (d.method === 'email') return { id: d.id, method: d.method, to: d.to };
  if (d.method === 'telegram') return { id: d.id, method: d.method, chatId: d.chatId };
  return { id: d.id, method: d.method, endpoint: new URL(d.endpoint).origin };
}

export class AgencyEdits {
  constructor(private readonly deps: { store: Store; directory: Directory; clock: Clock }) {}

  /** Whether the agency's current value comes from an admin's override (per part) rather than the file. */
  overridden(agencyId: string): { destinations: boolean; hours: boolean } {
    const o = this.deps.store.agencyOverrides.all().get(agencyId);
    return { destinations: (o?.destinations ?? null) !== null, hours: (o?.hours ?? null) !== null };
  }

  /** Adds a destination, or replaces the one `form.original` names. */
  saveDestination(officerId: number, agencyId: string, form: DestinationForm): AgencyEditResult {
    const current = this.deps.directory.agency(agencyId)?.destinations ?? [];
    const editing = form.original === '' ? null : form.original;
    if (editing !== null && !current.some((d) => d.id === editing))
      return { ok: false, problem: 'unknown_destination' };
    const id = editing ?? (form.id === '' ? this.freshId(form.method, current) : form.id);
    if (editing === null && current.some((d) => d.id === id)) return { ok: false, problem: 'duplicate_id' };
    const made = destinationOf(form, id);
    if (!made.ok) return made;
    const next =
      editing === null
        ? [...current, made.destination]
        : current.map((d) => (d.id === editing ? made.destination : d));
    return this.storeDestinations(officerId, agencyId, next);
  }

  removeDestination(officerId: number, agencyId: string, destinationId: string): AgencyEditResult {
    const current = this.deps.directory.agency(agencyId)?.destinations ?? [];
    if (!current.some((d) => d.id === destinationId)) return { ok: false, problem: 'unknown_destination' };
    return this.storeDestinations(
      officerId,
      agencyId,
      current.filter((d) => d.id !== destinationId),
    );
  }

  saveHours(officerId: number, agencyId: string, hours: WeeklyHours): AgencyEditResult {
    const { store, clock } = this.deps;
    const now = clock.now();
    store.tx(() => {
      const before = store.agencyOverrides.all().get(agencyId);
      store.agencyOverrides.save(
        agencyId,
        AgencyOverride.parse({ destinations: before?.destinations ?? null, hours }),
        officerId,
        now,
      );
      store.audit.record({
        at: now,
        actor: `officer:${officerId}`,
        type: 'agency.updated',
        data: { agency: agencyId, changed: 'hours', hours },
      });
    });
    this.apply();
    return { ok: true };
  }

  /** Back to the file's destinations and hours. */
  reset(officerId: number, agencyId: string): AgencyEditResult {
    const { store, clock } = this.deps;
    store.tx(() => {
      if (store.agencyOverrides.clear(agencyId))
        store.audit.record({
          at: clock.now(),
          actor: `officer:${officerId}`,
          type: 'agency.reset',
          data: { agency: agencyId },
        });
    });
    this.apply();
    return { ok: true };
  }

  private storeDestinations(
    officerId: number,
    agencyId: string,
    destinations: readonly Destination[],
  ): AgencyEditResult {
    const { store, clock } = this.deps;
    // A secret written in the file is never copied into the database: the admin moves it to ADUAN_SECRET_* first.
    if (!destinations.every((d) => StoredDestination.safeParse(d).success))
      return { ok: false, problem: 'secret_in_file' };
    const now = clock.now();
    store.tx(() => {
      const before = store.agencyOverrides.all().get(agencyId);
      store.agencyOverrides.save(
        agencyId,
        { destinations: [...destinations], hours: before?.hours ?? null },
        officerId,
        now,
      );
      store.audit.record({
        at: now,
        actor: `officer:${officerId}`,
        type: 'agency.updated',
        data: { agency: agencyId, changed: 'destinations', destinations: destinations.map(audited) },
      });
    });
    this.apply();
    return { ok: true };
  }

  private freshId(method: Destination['method'], current: readonly Destination[]): string {
    for (let n = 1; ; n++) {
      const id = n === 1 ? method : `${method}-${n}`;
      if (!current.some((d) => d.id === id)) return id;
    }
  }

  /** The running directory follows the database at once. */
  private apply(): void {
    this.deps.directory.applyOverrides(this.deps.store.agencyOverrides.all());
  }
}

/** The admins' webhooks whose ADUAN_SECRET_* variable is not set: they cannot deliver (logged at start). */
export function overrideWarnings(store: Store, secrets: Readonly<Record<string, string>>): string[] {
  return [...store.agencyOverrides.all()].flatMap(([agencyId, o]) =>
    (o.destinations ?? []).flatMap((d) =>
      d.method === 'webhook' && typeof d.secret !== 'string' && !secrets[d.secret.env]
        ? [
            `Agency "${agencyId}", destination "${d.id}" (set at /petugas/instansi): the secret ${d.secret.env} is not set, so it cannot deliver.`,
          ]
        : [],
    ),
  );
}
