// The statistics' rollup: a ticket's keys counted per month, per week and per WITA day, its old keys taken out first,
// summed per batch before they are written; read back within an account's scope (decided in the SQL, as the inbox
// does) over a range's whole months, whole weeks and the days left over.
import { z } from 'zod';
import type { TicketScope } from '../domain/officer.js';
import {
  type Cover,
  STAT_DIMS,
  type StatDim,
  type StatKey,
  type StatRow,
  daysOf,
  mondayOf,
} from '../domain/statistics.js';
import type { Db } from './db.js';

/** What one ticket counts for: its filing day (WITA), agency, kab/kota and category, and keys. */
export type CountedTicket = {
  day: string;
  agencyId: string | null;
  kabkotaCode: string;
  category: string;
  keys: readonly StatKey[];
};

/** The counts to read: the range's periods and the page's filters. */
export type RollupQuery = { cover: Cover; kabkota?: string; agency?: string; category?: string };

/** The columns a dimension is summed by (the others read as ''). */
export type GroupColumn = 'value' | 'agency_id' | 'kabkota_code' | 'category';

const Dim = z.enum(STAT_DIMS);
const Old = z.object({
  day: z.string(),
  agency_id: z.string(),
  kabkota_code: z.string(),
  category: z.string(),
  keys: z.string(),
});
const Summed = z.object({
  value: z.string().optional(),
  agency_id: z.string().optional(),
  kabkota_code: z.string().optional(),
  category: z.string().optional(),
  n: z.number().nullable(),
});
const PeriodRaw = z.object({ period: z.string(), n: z.number() });

/** Keys as stored: `dim=value`, `@agency` when not the ticket's own, `;` between them. */
function encode(keys: readonly StatKey[], agencyId: string): string {
  return keys
    .map(
      (k) =>
        `${k.dim}=${k.value}${k.agencyId !== undefined && k.agencyId !== agencyId ? `@${k.agencyId}` : ''}`,
    )
    .join(';');
}

function decode(text: string): StatKey[] {
  if (text === '') return [];
  return text.split(';').flatMap((part) => {
    const eq = part.indexOf('=');
    const dim = Dim.safeParse(part.slice(0, eq));
    if (eq < 0 || !dim.success) return [];
    const [value = '', agencyId] = part.slice(eq + 1).split('@');
    return [{ dim: dim.data, value, ...(agencyId === undefined ? {} : { agencyId }) }];
  });
}

/** The scope as SQL over rollup rows: an officer's agencies (a stage counts for its own agency), a kab/kota. */
function scopeSql(scope: TicketScope): { sql: string; params: string[] } {
  if (scope.kind === 'all') return { sql: '1 = 1', params: [] };
  const list = scope.kind === 'agencies' ? scope.agencyIds : scope.codes;
  if (list.length === 0) return { sql: '0 = 1', params: [] };
  const column = scope.kind === 'agencies' ? 'agency_id' : 'kabkota_code';
  return { sql: `${column} IN (${list.map(() => '?').join(', ')})`, params: [...list] };
}

/** The filters as SQL over rollup rows. */
function filterSql(q: RollupQuery): { sql: string[]; params: string[] } {
  const sql: string[] = [];
  const params: string[] = [];
  for (const [column, value] of [
    ['kabkota_code', q.kabkota],
    ['agency_id', q.agency],
    ['category', q.category],
  ] as const) {
    if (value === undefined) continue;
    sql.push(`${column} = ?`);
    params.push(value);
  }
  return { sql, params };
}

export class StatisticsRollup {
  private readonly oldStmt;
  private readonly saveStmt;
  private readonly addStmt;
  private readonly sweepStmt;
  /** Counts to add, per rollup row (its key columns joined by tabs), until `flush`. */
  private readonly pending = new Map<string, number>();

  constructor(private readonly db: Db) {
    this.oldStmt = db.prepare(
      'SELECT day, agency_id, kabkota_code, category, keys FROM stat_tickets WHERE ticket_id = ?',
    );
    this.saveStmt = db.prepare(
      `INSERT INTO stat_tickets (ticket_id, day, agency_id, kabkota_code, category, keys) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (ticket_id) DO UPDATE SET day = excluded.day, agency_id = excluded.agency_id,
         kabkota_code = excluded.kabkota_code, category = excluded.category, keys = excluded.keys`,
    );
    this.addStmt = db.prepare(
      `INSERT INTO stat_rollup (dim, period, agency_id, kabkota_code, category, value, n) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (dim, period, agency_id, kabkota_code, category, value) DO UPDATE SET n = n + excluded.n`,
    );
    this.sweepStmt = db.prepare('DELETE FROM stat_rollup WHERE n = 0');
  }

  /**
   * Counts a ticket: its earlier keys (if counted before) come out, the new ones go in. The ticket's row is written
   * at once; the rollup's counts when `flush` is called, in the same transaction.
   */
  count(ticketId: number, t: CountedTicket): void {
    const agencyId = t.agencyId ?? '';
    const keys = encode(t.keys, agencyId);
    const raw = this.oldStmt.get(ticketId);
    if (raw !== undefined) {
      const old = Old.parse(raw);
      const same =
        old.keys === keys &&
        old.day === t.day &&
        old.agency_id === agencyId &&
        old.kabkota_code === t.kabkotaCode &&
        old.category === t.category;
      if (same) return;
      this.add(old.day, old.agency_id, old.kabkota_code, old.category, decode(old.keys), -1);
    }
    this.add(t.day, agencyId, t.kabkotaCode, t.category, t.keys, 1);
    this.saveStmt.run(ticketId, t.day, agencyId, t.kabkotaCode, t.category, keys);
  }

  private add(
    day: string,
    agencyId: string,
    kabkota: string,
    category: string,
    keys: readonly StatKey[],
    n: number,
  ): void {
    const periods = [`M${day.slice(0, 7)}`, `W${mondayOf(day)}`, `D${day}`];
    for (const k of keys) {
      for (const period of periods) {
        const key = [k.dim, period, k.agencyId ?? agencyId, kabkota, category, k.value].join('\t');
        this.pending.set(key, (this.pending.get(key) ?? 0) + n);
      }
    }
  }

  /** Writes the counts gathered since the last flush, and drops those that came back to zero. */
  flush(): void {
    for (const [key, n] of this.pending) {
      if (n !== 0) this.addStmt.run(...key.split('\t'), n);
    }
    this.pending.clear();
    this.sweepStmt.run();
  }

  /** The counts of `dim` over the query's whole months, whole weeks and single days, summed by `group`. */
  rows(scope: TicketScope, q: RollupQuery, dim: StatDim, group: readonly GroupColumn[]): StatRow[] {
    const periods = [
      ...q.cover.months.map((m) => `M${m}`),
      ...q.cover.weeks.map((w) => `W${w}`),
      ...q.cover.days.flatMap((run) => daysOf(run.from, run.to).map((d) => `D${d}`)),
    ];
    if (periods.length === 0) return [];
    const where = scopeSql(scope);
    const filters = filterSql(q);
    const columns = group.length > 0 ? `${group.join(', ')}, ` : '';
    const sql = `SELECT ${columns}sum(n) AS n FROM stat_rollup
      WHERE ${['dim = ?', `period IN (${periods.map(() => '?').join(', ')})`, where.sql, ...filters.sql].join(' AND ')}
      ${group.length > 0 ? `GROUP BY ${group.join(', ')}` : ''}`;
    return this.db
      .prepare(sql)
      .all(dim, ...periods, ...where.params, ...filters.params)
      .flatMap((raw) => {
        const r = Summed.parse(raw);
        return r.n === null || r.n === 0
          ? []
          : [
              {
                dim,
                value: r.value ?? '',
                agencyId: r.agency_id ?? '',
                kabkotaCode: r.kabkota_code ?? '',
                category: r.category ?? '',
                n: r.n,
              },
            ];
      });
  }

  /** Tickets filed per period: whole months ('M2026-11') and each day of the runs ('D2026-11-23'). */
  filedPerPeriod(
    scope: TicketScope,
    q: Omit<RollupQuery, 'cover'> & { months: string[]; days: { from: string; to: string }[] },
  ): { period: string; n: number }[] {
    const where = scopeSql(scope);
    const filters = filterSql({ ...q, cover: { months: [], weeks: [], days: [] } });
    const parts: { sql: string; params: string[] }[] = [];
    if (q.months.length > 0)
      parts.push({
        sql: `period IN (${q.months.map(() => '?').join(', ')})`,
        params: q.months.map((m) => `M${m}`),
      });
    for (const run of q.days)
      parts.push({ sql: 'period BETWEEN ? AND ?', params: [`D${run.from}`, `D${run.to}`] });
    return parts.flatMap((part) =>
      this.db
        .prepare(
          `SELECT period, sum(n) AS n FROM stat_rollup
           WHERE ${["dim = 'filed'", part.sql, where.sql, ...filters.sql].join(' AND ')} GROUP BY period`,
        )
        .all(...part.params, ...where.params, ...filters.params)
        .map((raw) => PeriodRaw.parse(raw)),
    );
  }
}
