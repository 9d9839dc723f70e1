// Wake-ups in one place: whoever commits rows for the citizens' outbox or the agencies' forwarding says so here, and
// the senders that drain them listen. Built first, so no part needs a reference to one built after it.
import type { Outgoing, Queued } from '../conversation/runtime.js';

export class WakeHub {
  private readonly outgoing: ((rows: readonly Outgoing[]) => void)[] = [];
  private readonly deliveries: (() => void)[] = [];
  private claimer: ((channel: string, chatId: string) => number | null) | null = null;

  /** Who may take messages written already claimed (the outbox sender): see `Runtime`'s `claimUntil`. */
  onClaim(claimer: (channel: string, chatId: string) => number | null): void {
    this.claimer = claimer;
  }

  /** The lease to write a message to this chat already claimed with, or null: it is written pending. */
  claimUntil(channel: string, chatId: string): number | null {
    return this.claimer ? this.claimer(channel, chatId) : null;
  }

  /** Called with the citizens' messages a commit queued. */
  onOutgoing(listener: (rows: readonly Outgoing[]) => void): void {
    this.outgoing.push(listener);
  }

  /** Called when a commit queued ticket deliveries to agencies. */
  onDeliveries(listener: () => void): void {
    this.deliveries.push(listener);
  }

  queued(q: Queued): void {
    if (q.outgoing.length > 0) for (const l of this.outgoing) l(q.outgoing);
    if (q.deliveries) for (const l of this.deliveries) l();
  }
}
