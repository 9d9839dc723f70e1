// The admins' changes to agencies of the directory file (migration 029): destinations and opening hours per agency.
import { z } from 'zod';
import { AgencyOverride } from '../domain/agency-override.js';
import type { Db } from './db.js';

const Row = z.object({
  agency_id: z.string(),
  destinations: z.string().nullable(),
  hours: z.string().nullable(),
});

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

export class AgencyOverrides {
  private readonly upsert;
  private readonly drop;
  private readonly rows;

  constructor(db: Db) {
    this.upsert = db.prepare(
      `INSERT INTO agency_overrides (agency_id, destinations, hours, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (agency_id) DO UPDATE SET destinations = excluded.destinations, hours = excluded.hours,
         updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    );
    this.drop = db.prepare('DELETE FROM agency_overrides WHERE agency_id = ?');
    this.rows = db.prepare('SELECT agency_id, destinations, hours FROM agency_overrides ORDER BY agency_id');
  }

  /** Every agency's override, validated again as it is read (a row that no longer parses is an error). */
  all(): Map<string, AgencyOverride> {
    return new Map(
      this.rows.all().map((raw) => {
        const row = Row.parse(raw);
        const value = AgencyOverride.parse({
          destinations: parseJson(row.destinations),
          hours: parseJson(row.hours),
        });
        return [row.agency_id, value];
      }),
    );
  }

  /** Stores the agency's override whole; with both parts null the row is removed (the file's value again). */
  save(agencyId: string, value: AgencyOverride, by: number, now: number): void {
    const checked = AgencyOverride.parse(value);
    if (checked.destinations === null && checked.hours === null) {
      this.drop.run(agencyId);
      return;
    }
    this.upsert.run(
      agencyId,
      checked.destinations === null ? null : JSON.stringify(checked.destinations),
      checked.hours === null ? null : JSON.stringify(checked.hours),
      now,
      by,
    );
  }

  /** Back to the file's value. */
  clear(agencyId: string): boolean {
    return this.drop.run(agencyId).changes > 0;
  }
}
