// One interface for every way a ticket leaves Aduan; each method is a small adapter behind it (grammY-style).
import type { DeliveryMethodName, Destination } from '../domain/destination.js';
import type { TicketPayload } from './payload.js';

export type DeliveryJob = {
  deliveryId: number;
  /** Stable per ticket and destination: the same on every retry, so the receiver can drop repeats. */
  idempotencyKey: string;
  /** 1 on the first try. */
  attempt: number;
  agency: { id: string; name: string };
  destination: Destination;
  /** What the agency may see: already filtered by the identity mode. */
  payload: TicketPayload;
};

export type DeliveryOutcome =
  | { ok: true; remoteId: string | null }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

export interface DeliveryMethod {
  readonly method: DeliveryMethodName;
  deliver(job: DeliveryJob, signal: AbortSignal): Promise<DeliveryOutcome>;
}
