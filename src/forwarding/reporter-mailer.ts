// E-mails Open311 reporters who gave an address: every status change, officer's message and field check of their
// ticket, read from its events after they were committed (so a change made anywhere, page, API, Telegram, a sweep,
// reaches them, and a crash loses nothing: the events stay until the cursor passes them). One mail per pass holds
// what is new; a failure is retried with the forwarder's backoff and given up after its 48 hours. The address is
// forgotten once a closing status was mailed. Logs name the ticket, never the address.
import type { Clock } from '../clock.js';
import { CLOSING_STATUSES } from '../domain/ticket-event.js';
import { patientTimeout } from '../platforms/patient-timeout.js';
import type { Store } from '../storage/store.js';
import { openStage } from '../tickets/stage-words.js';
import { statusLine } from '../tickets/status-lookup.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, afterFailure } from './backoff.js';
import type { DeliveryOutcome } from './method.js';
import type { NoticeSender } from './officer-notifier.js';
import { reporterMail } from './reporter-mail-text.js';
import { SharedPass } from './shared-pass.js';

/** An SMTP error may quote the recipient ("550 <x@y>: no such user"): addresses never reach the logs or the row. */
const withoutAddresses = (error: string): string => error.replace(/[^\s<>"'@]+@[^\s<>"'@]+/g, '<e-mail>');

export type ReporterMailerOptions = {
  store: Store;
  /** The SMTP sender (the officers' notices' own). */
  send: NoticeSender;
  clock: Clock;
  random: (n: number) => number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  backoff?: BackoffPolicy;
  timeoutMs?: number;
  batch?: number;
};

export class ReporterMailer extends SharedPass<number> {
  constructor(private readonly opts: ReporterMailerOptions) {
    super();
  }

  protected async pass(): Promise<number> {
    if (this.stopped) return 0;
    const { store, clock } = this.opts;
    const requests = store.open311Requests;
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    let sent = 0;
    for (const due of requests.mailDue(clock.now(), this.opts.batch ?? 100)) {
      if (this.stopped) break;
      if (!requests.claim(due.ticketId, clock.now() + 2 * timeoutMs, clock.now())) continue;
      const events = store.ticketEvents.forTicket(due.ticketId).filter((e) => (e.id ?? 0) > due.mailedEvent);
      const through = Math.max(due.mailedEvent, ...events.map((e) => e.id ?? 0));
      const lines = events.flatMap((e) => statusLine(e) ?? []).filter((l) => l.kind !== 'filed');
      const closed = CLOSING_STATUSES.has(due.status);
      const first = lines[0];
      if (!first) {
        requests.mailed(due.ticketId, through, closed);
        continue;
      }
      const deadline = openStage(store.ticketDeadlines.current(due.ticketId));
      const mail = reporterMail(due.lang, due, lines, deadline);
      let outcome: DeliveryOutcome;
      try {
        outcome = await this.opts.send(due.email, mail, patientTimeout(timeoutMs));
      } catch (err) {
        outcome = { ok: false, retryable: true, error: err instanceof Error ? err.message : String(err) };
      }
      if (outcome.ok) {
        requests.mailed(due.ticketId, through, closed);
        sent++;
        continue;
      }
      const now = clock.now();
      const step = afterFailure(
        outcome,
        { attempt: due.attempts + 1, createdAt: first.at, now },
        this.opts.random,
        this.opts.backoff ?? DEFAULT_BACKOFF,
      );
      if (step.kind === 'dead') {
        const reason = withoutAddresses(step.reason);
        requests.mailed(due.ticketId, through, closed, reason);
        this.opts.log.error({ ticket: due.number, reason }, 'reporter e-mail given up');
      } else {
        const reason = withoutAddresses(outcome.error);
        requests.retry(due.ticketId, step.at, reason);
        this.opts.log.warn({ ticket: due.number, reason }, 'reporter e-mail failed, will retry');
      }
    }
    return sent;
  }
}
