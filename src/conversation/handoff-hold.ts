// A chat handed to a person, as the runtime keeps it: opening a hand-off (when someone will answer, from the office's
// hours), what a citizen's message does meanwhile (held for the officer; an emergency still answered; "kembali ke
// bot" ends it) and what the deadline sweep does (an untaken one returns to the bot, and so does a taken one whose
// officer has not written for the idle time: the citizen is told that officers still answer on the ticket).
import { emergencyReply } from '../../flows/intake-emergency.js';
import type { IntakeEvent } from '../../flows/intake-events.js';
import { type WeeklyHours, nextOpening } from '../domain/opening-hours.js';
import type { ReplyEffect } from '../domain/reply.js';
import type { Store } from '../storage/store.js';
import { isOpen } from '../tickets/transitions.js';

export type HandoffSettings = {
  /** How long an untaken hand-off waits (counted from the office's next opening outside its hours). */
  timeoutMs: number;
  /** The agency's opening hours, or the directory's default hours for a chat with no ticket. */
  hours: (agencyId: string | null) => WeeklyHours;
};

/** Opens the chat's hand-off (about its newest open ticket, if any) and answers the flow when someone will reply. */
export function openHandoff(
  store: Store,
  settings: HandoffSettings,
  conversationId: number,
  now: number,
): IntakeEvent {
  const open = store.tickets.listForChat(conversationId).find((t) => isOpen(t.status)) ?? null;
  const agencyId = open
    ? (store.ticketInbox.forOfficer(open.number, { kind: 'all' })?.agencyId ?? null)
    : null;
  const opening = nextOpening(settings.hours(agencyId), now);
  const from = opening === null || opening.open ? now : opening.at;
  const live = store.handoffs.live(conversationId);
  if (!live) {
    store.handoffs.open(conversationId, open?.id ?? null, now, from + settings.timeoutMs);
    store.audit.record({
      at: now,
      actor: 'citizen',
      type: 'handoff.asked',
      conversationId,
      ticketId: open?.id,
    });
  }
  const opens = opening && !opening.open ? { day: opening.day, time: opening.time.replace(':', '.') } : null;
  return { type: 'handoff.opened', now, opens };
}

/** What a citizen's event does: the flow steps with `event` (none live, or the citizen ended it), or only `replies` go. */
export type HandoffTurn = { kind: 'flow'; event: IntakeEvent } | { kind: 'held'; replies: ReplyEffect[] };

export function handoffTurn(store: Store, conversationId: number, event: IntakeEvent): HandoffTurn {
  const live = store.handoffs.live(conversationId);
  if (!live) return { kind: 'flow', event };
  if (event.type === 'emergency') return { kind: 'held', replies: [emergencyReply(event.kind)] };
  const back = event.type === 'command' && ['bot', 'cancel', 'resume'].includes(event.command.type);
  if (!back) return { kind: 'held', replies: [] };
  store.handoffs.end(live.id, 'returned', event.now);
  store.audit.record({ at: event.now, actor: 'citizen', type: 'handoff.ended', conversationId });
  return { kind: 'flow', event: { type: 'handoff.returned', now: event.now, why: 'citizen' } };
}

/**
 * What a due deadline does while a hand-off is live: one past its time returns to the bot (the event to step: for a
 * taken one, `idle`, whose words say the officers still answer on the ticket); anything else waits (the flow's own
 * timers resume when the chat is the bot's again). Ending it is idempotent: a second sweep finds no live hand-off.
 */
export function handoffTimer(
  store: Store,
  conversationId: number,
  now: number,
): { kind: 'free' } | { kind: 'held' } | { kind: 'flow'; event: IntakeEvent } {
  const live = store.handoffs.live(conversationId);
  if (!live) return { kind: 'free' };
  if (live.expiresAt !== null && live.expiresAt <= now && store.handoffs.end(live.id, 'expired', now)) {
    if (live.state === 'open') {
      store.audit.record({ at: now, actor: 'system', type: 'handoff.expired', conversationId });
      return { kind: 'flow', event: { type: 'handoff.returned', now, why: 'expired' } };
    }
    store.audit.record({
      at: now,
      actor: 'system',
      type: 'handoff.idle_expired',
      conversationId,
      ticketId: live.ticketId,
      data: { handoff: live.id, officer: live.takenBy?.id ?? null },
    });
    const event: IntakeEvent = { type: 'handoff.returned', now, why: 'idle', ticket: live.ticket };
    return { kind: 'flow', event };
  }
  store.handoffs.holdDeadline(conversationId, live.expiresAt);
  return { kind: 'held' };
}
