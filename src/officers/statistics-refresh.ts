// Keeps the statistics' rollup up to date: first every ticket in id order, then the tickets with a new event, deadline
// row or ladder step since the last pass (and the tickets linked to them), a batch per transaction, from the tick.
import type { Clock } from '../clock.js';
import type { WorkingDays } from '../domain/working-days.js';
import type { Store } from '../storage/store.js';
import { countedTicket } from './statistics-facts.js';

/** Rows read from each source per transaction. */
const BATCH = 2000;

export class StatisticsRefresher {
  constructor(private readonly deps: { store: Store; calendar: WorkingDays; clock: Clock }) {}

  /**
   * Counts what changed since the last pass, a batch per transaction, until caught up or `budgetMs` of real time has
   * gone; true when caught up (the page then reads "per" this pass's time).
   */
  refresh(budgetMs = 250, batch = BATCH): boolean {
    const { store, calendar, clock } = this.deps;
    const started = performance.now();
    for (;;) {
      const done = store.tx(() => {
        const sources = store.statisticsSources;
        const marks = sources.marks();
        const first = marks.backfill >= 0;
        const changed = first ? sources.backfill(marks, batch) : sources.changedSince(marks, batch);
        const caughtUp = changed.done && !first;
        const ids = new Set(changed.ticketIds);
        // A new link changes the older ticket's cluster too (the first pass reads every ticket's own links anyway).
        if (!first)
          for (const id of changed.ticketIds) for (const linked of sources.linkedTo(id)) ids.add(linked);
        for (const id of ids) {
          const ticket = sources.ticket(id);
          if (ticket) store.statisticsRollup.count(id, countedTicket(ticket, calendar));
        }
        store.statisticsRollup.flush();
        sources.setMarks({ ...changed.marks, ...(caughtUp ? { refreshedAt: clock.now() } : {}) });
        return caughtUp;
      });
      if (done || performance.now() - started > budgetMs) return done;
    }
  }
}
