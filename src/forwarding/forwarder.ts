// Drains the ticket deliveries: claims due rows with a lease, hands each to its method (a ticket to deliver, or an
// update of one delivered), retries or dead-letters.
import type { Clock } from '../clock.js';
import type { DeliveryMethodName, Destination } from '../domain/destination.js';
import { patientTimeout } from '../platforms/patient-timeout.js';
import type { Deliveries, Delivery } from '../storage/deliveries.js';
import { buttonsUpdateOf } from '../storage/group-buttons.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, type DeliveryFailure, afterFailure } from './backoff.js';
import type { DeliveryMethod, DeliveryOutcome } from './method.js';
import type { TicketPayload } from './payload.js';
import { SharedPass } from './shared-pass.js';

export type ForwardTarget = { agency: { id: string; name: string }; destination: Destination };

export type ForwardResult = 'delivered' | 'retry' | 'dead';

/**
 * Why a try failed: timeout (no answer in time), transient (network, 5xx, 429: retried), rejected (the receiver
 * refused it for good), no_destination (the agency or destination left the directory, or changed method),
 * no_payload (the ticket could not be read).
 */
export type FailureKind = 'timeout' | 'transient' | 'rejected' | 'no_destination' | 'no_payload';

export type ForwarderLog = {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
};

export type ForwardPolicy = {
  backoff: BackoffPolicy;
  /** Sends in flight at once, per method. */
  concurrency: number;
  /** Deliveries read per pass at most. */
  batch: number;
  /** The timeout of methods whose destinations set none (e-mail, Telegram). */
  timeoutMs: number;
  /** A lease is the send's timeout plus this: a row still `sending` after it was cut off by a crash. */
  leaseMarginMs: number;
};

export const DEFAULT_FORWARD_POLICY: ForwardPolicy = {
  backoff: DEFAULT_BACKOFF,
  concurrency: 4,
  batch: 200,
  timeoutMs: 30_000,
  leaseMarginMs: 60_000,
};

export type ForwarderOptions = {
  deliveries: Deliveries;
  /** The configured methods, each under its own name; a method missing here keeps its deliveries pending. */
  methods: Partial<Record<DeliveryMethodName, DeliveryMethod>>;
  /** The agency directory: null when the agency or the destination is gone. */
  destinationFor(agencyId: string, destinationId: string): ForwardTarget | null;
  /** The ticket as the agency may see it (buildTicketPayload); null when the ticket cannot be read. */
  payloadFor(ticketId: number, agencyId: string): TicketPayload | null;
  clock: Clock;
  /** Ids.random: the backoff's jitter. */
  random: (n: number) => number;
  log: ForwarderLog;
  policy?: Partial<ForwardPolicy>;
  /** Crash tests: a kill after a receiver acknowledged a delivery, before it is recorded. */
  fault?: (point: 'mid_delivery') => void;
  /** Each try's outcome (metrics); `kind` is null for a delivery. */
  onResult?: (method: DeliveryMethodName, result: ForwardResult, kind: FailureKind | null) => void;
};

export type DrainReport = {
  delivered: number;
  retried: number;
  dead: number;
  /** Methods with due deliveries but no method configured (e.g. no SMTP): those wait, spending no attempts. */
  unconfigured: DeliveryMethodName[];
};

/** Settles with the work, or rejects with the signal's reason: a method that ignores its signal cannot hang a pass. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

export class Forwarder extends SharedPass<DrainReport> {
  private readonly methods = new Map<DeliveryMethodName, DeliveryMethod>();
  private readonly policy: ForwardPolicy;
  private readonly reportedUnconfigured = new Set<DeliveryMethodName>();

  constructor(private readonly opts: ForwarderOptions) {
    super();
    for (const m of Object.values(opts.methods)) if (m) this.methods.set(m.method, m);
    this.policy = { ...DEFAULT_FORWARD_POLICY, ...opts.policy };
  }

  protected async pass(): Promise<DrainReport> {
    const report: DrainReport = { delivered: 0, retried: 0, dead: 0, unconfigured: [] };
    if (this.stopped) return report;
    const { deliveries, clock, log } = this.opts;
    const now = clock.now();
    deliveries.recoverExpiredLeases(now);
    for (const method of deliveries.dueMethods(now)) {
      if (this.methods.has(method)) continue;
      report.unconfigured.push(method);
      if (!this.reportedUnconfigured.has(method)) {
        this.reportedUnconfigured.add(method);
        log.warn({ method }, `tickets wait for ${method} delivery, which is not configured`);
      }
    }
    const byMethod = new Map<DeliveryMethod, Delivery[]>();
    for (const row of deliveries.due(now, this.policy.batch, [...this.methods.keys()])) {
      const method = this.methods.get(row.method);
      if (!method) continue;
      const rows = byMethod.get(method) ?? [];
      rows.push(row);
      byMethod.set(method, rows);
    }
    // A destination that failed a try is left alone for the rest of the pass: its other rows stay pending, unspent.
    const failing = new Set<string>();
    const workers: Promise<void>[] = [];
    for (const [method, rows] of byMethod) {
      const worker = async () => {
        for (let row = rows.shift(); row && !this.stopped; row = rows.shift()) {
          const destination = `${row.agencyId}\u0000${row.destinationId}`;
          if (failing.has(destination)) continue;
          const result = await this.forward(row, method);
          if (result === 'delivered') report.delivered++;
          if (result === 'dead') report.dead++;
          if (result === 'retry') {
            report.retried++;
            failing.add(destination);
          }
        }
      };
      for (let i = 0; i < Math.min(this.policy.concurrency, rows.length); i++) workers.push(worker());
    }
    const settled = await Promise.allSettled(workers);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return report;
  }

  /** One try of one delivery; null when another pass had claimed it. */
  private async forward(row: Delivery, method: DeliveryMethod): Promise<ForwardResult | null> {
    const { deliveries, clock } = this.opts;
    const target = this.opts.destinationFor(row.agencyId, row.destinationId);
    const timeoutMs =
      target && 'timeoutMs' in target.destination ? target.destination.timeoutMs : this.policy.timeoutMs;
    if (!deliveries.claim(row.id, clock.now() + timeoutMs + this.policy.leaseMarginMs)) return null;
    const attempt = row.attempts + 1;
    if (!target) {
      const error = `agency "${row.agencyId}" has no destination "${row.destinationId}" any more (removed from the directory)`;
      return this.failed(row, attempt, { ok: false, retryable: false, error }, 'no_destination');
    }
    if (target.destination.method !== row.method) {
      const error = `destination "${row.destinationId}" of agency "${row.agencyId}" is now ${target.destination.method}; this delivery was queued for ${row.method} (give the new endpoint a new id)`;
      return this.failed(row, attempt, { ok: false, retryable: false, error }, 'no_destination');
    }
    // An update of a delivered ticket (its Telegram buttons) needs no payload: the agency may no longer be the ticket's.
    const post = buttonsUpdateOf(row.idempotencyKey);
    const payload = post === null ? this.payloadOf(row) : null;
    if (typeof payload === 'string')
      return this.failed(row, attempt, { ok: false, retryable: false, error: payload }, 'no_payload');
    const signal = patientTimeout(timeoutMs);
    const job = {
      deliveryId: row.id,
      idempotencyKey: row.idempotencyKey,
      attempt,
      agency: target.agency,
      destination: target.destination,
    };
    const send = (): Promise<DeliveryOutcome> => {
      if (payload !== null) return method.deliver({ ...job, payload }, signal);
      if (post !== null && method.update)
        return method.update({ ...job, ticketNumber: row.ticketNumber, post }, signal);
      return Promise.resolve({ ok: true, remoteId: null });
    };
    let outcome: DeliveryOutcome;
    try {
      outcome = await untilAborted(send(), signal);
    } catch (err) {
      const error = signal.aborted
        ? `no answer within ${timeoutMs} ms`
        : `${method.method} failed: ${err instanceof Error ? err.message : String(err)}`;
      outcome = { ok: false, retryable: true, error };
    }
    if (!outcome.ok) {
      const kind = !outcome.retryable ? 'rejected' : signal.aborted ? 'timeout' : 'transient';
      return this.failed(row, attempt, outcome, kind);
    }
    this.opts.fault?.('mid_delivery');
    deliveries.delivered(row.id, outcome.remoteId, clock.now());
    this.opts.onResult?.(row.method, 'delivered', null);
    this.opts.log.info(
      { ...this.about(row), attempt, remoteId: outcome.remoteId },
      `ticket ${row.ticketNumber} delivered`,
    );
    return 'delivered';
  }

  /** The payload a ticket's delivery sends, or why there is none (the try then fails for good). */
  private payloadOf(row: Delivery): TicketPayload | string {
    try {
      return (
        this.opts.payloadFor(row.ticketId, row.agencyId) ??
        `ticket ${row.ticketNumber} has no payload for agency "${row.agencyId}" (ticket or agency missing)`
      );
    } catch (err) {
      return `ticket ${row.ticketNumber} could not be read: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  private failed(row: Delivery, attempt: number, failure: DeliveryFailure, kind: FailureKind): ForwardResult {
    const { deliveries, clock, log } = this.opts;
    const now = clock.now();
    const step = afterFailure(
      failure,
      { attempt, createdAt: row.createdAt, now },
      this.opts.random,
      this.policy.backoff,
    );
    if (step.kind === 'dead') {
      deliveries.dead(row.id, step.reason);
      this.opts.onResult?.(row.method, 'dead', kind);
      log.error(
        { ...this.about(row), attempt, kind, reason: step.reason },
        'ticket delivery dead-lettered: an operator can redeliver it',
      );
      return 'dead';
    }
    deliveries.retry(row.id, step.at, failure.error);
    this.opts.onResult?.(row.method, 'retry', kind);
    log.warn(
      { ...this.about(row), attempt, kind, delayMs: step.at - now, reason: failure.error },
      'ticket delivery failed, will retry',
    );
    return 'retry';
  }

  private about(row: Delivery) {
    return {
      deliveryId: row.id,
      ticket: row.ticketNumber,
      agency: row.agencyId,
      destination: row.destinationId,
      method: row.method,
    };
  }
}
