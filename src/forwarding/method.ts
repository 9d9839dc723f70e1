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

/**
 * An update of a ticket already delivered to a destination (its Telegram buttons after a change): the job without
 * the payload (the agency may no longer be the ticket's), the ticket's number and the key of the delivery it updates.
 */
export type UpdateJob = Omit<DeliveryJob, 'payload'> & { ticketNumber: string; post: string };

export type DeliveryOutcome =
  | { ok: true; remoteId: string | null }
  | { ok: false; retryable: boolean; error: string; retryAfterMs?: number };

export interface DeliveryMethod {
  readonly method: DeliveryMethodName;
  deliver(job: DeliveryJob, signal: AbortSignal): Promise<DeliveryOutcome>;
  /** Brings a delivered ticket up to date at the destination; a method without it has nothing to update. */
  update?(job: UpdateJob, signal: AbortSignal): Promise<DeliveryOutcome>;
}
