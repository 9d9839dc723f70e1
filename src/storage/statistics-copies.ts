// The statistics of the tickets an officer's agencies read through a copy they received (Ombudsman's tembusan): the
// rollup counts a ticket for its own agencies only, so each copied ticket's counted keys are read here, ticket by
// ticket (copies are few, found by the copy agency's index), leaving out the keys the rollup already counts for the
// scope.
import { z } from 'zod';
import type { TicketScope } from '../domain/officer.js';
import { STAT_DIMS, type StatRow } from '../domain/statistics.js';
import type { Db } from './db.js';

/** Filed on WITA days `from`–`to` (both included), with the page's filters. */
export type CopyQuery = { from: string; to: string; kabkota?: string; agency?: string; category?: string };

/** One key of one copied ticket (`n` 1), with the WITA day it was filed. */
export type CopiedRow = StatRow & { day: string };

const Counted = z.object({
  day: z.string(),
  agency_id: z.string(),
  kabkota_code: z.string(),
  category: z.string(),
  keys: z.string(),
});
const Dim = z.enum(STAT_DIMS);

export class StatisticsCopies {
  constructor(private readonly db: Db) {}

  /** The keys of the tickets copied to the scope's agencies (none for a scope that is not an officer's agencies). */
  rows(scope: TicketScope, q: CopyQuery): CopiedRow[] {
    if (scope.kind !== 'agencies' || scope.agencyIds.length === 0) return [];
    const own = new Set(scope.agencyIds);
    const where = ['s.day BETWEEN ? AND ?'];
    const params: string[] = [...scope.agencyIds, q.from, q.to];
    if (q.kabkota !== undefined) {
      where.push('s.kabkota_code = ?');
      params.push(q.kabkota);
    }
    if (q.category !== undefined) {
      where.push('s.category = ?');
      params.push(q.category);
    }
    const raws = this.db
      .prepare(
        `SELECT s.day, s.agency_id, s.kabkota_code, s.category, s.keys FROM stat_tickets s
         WHERE s.ticket_id IN (SELECT k.ticket_id FROM ticket_copies k
           WHERE k.agency_id IN (${scope.agencyIds.map(() => '?').join(', ')}))
         AND ${where.join(' AND ')}`,
      )
      .all(...params);
    return raws.flatMap((raw) => {
      const t = Counted.parse(raw);
      return t.keys.split(';').flatMap((part): CopiedRow[] => {
        const eq = part.indexOf('=');
        const dim = Dim.safeParse(part.slice(0, eq));
        if (eq < 0 || !dim.success) return [];
        const [value = '', of] = part.slice(eq + 1).split('@');
        const agencyId = of ?? t.agency_id;
        // Counted by the rollup already (a stage of the scope's own agency), or not the agency asked for.
        if (own.has(agencyId) || (q.agency !== undefined && agencyId !== q.agency)) return [];
        const { day, kabkota_code: kabkotaCode, category } = t;
        return [{ dim: dim.data, value, agencyId, kabkotaCode, category, n: 1, day }];
      });
    });
  }
}
