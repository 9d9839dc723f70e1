// Queues officers' notifications inside the transaction of what causes them: a ticket routed to an agency (its
// accounts), a citizen's reply (the assignee, else the agency's accounts), a due date coming (the same), and the
// ladder's steps on a missed stage (the reminder: the same and the agency's Telegram group; the coordinator's watch: its
// supervisors). Each account's settings decide by which ways; a way it cannot be reached by (no e-mail address, no
// linked Telegram) is not queued.
import { type NoticeKind, type NoticeVia, channelsOf } from '../domain/officer-notice.js';
import { witaDate } from '../domain/wita.js';
import type { WorkingDays } from '../domain/working-days.js';
import type { RoutingPort } from '../ports/routing.js';
import type { NoticeRecipient } from '../storage/officer-notices.js';
import type { Store } from '../storage/store.js';

/** The recipient name of an account's notices. */
export const officerRecipient = (officerId: number) => `officer:${officerId}`;
/** The recipient name of an agency's Telegram group destination. */
export const groupRecipient = (agencyId: string, destinationId: string) =>
  `group:${agencyId}/${destinationId}`;

function queueFor(
  store: Store,
  r: NoticeRecipient,
  via: NoticeVia,
  n: { kind: NoticeKind; ticketId: number; key: string },
  now: number,
): number {
  let queued = 0;
  for (const channel of channelsOf(via)) {
    if (channel === 'email' && !r.settings.email) continue;
    if (channel === 'telegram' && !r.linked) continue;
    if (store.officerNotices.enqueue({ ...n, recipient: officerRecipient(r.officerId), channel }, now))
      queued++;
  }
  return queued;
}

/** Whoever works a ticket: its enabled assignee, else the accounts of its agency. */
function workers(store: Store, agencyId: string | null, assigneeId: number | null): NoticeRecipient[] {
  const assignee = assigneeId === null ? null : store.officerNotices.recipient(assigneeId);
  if (assignee) return [assignee];
  return agencyId ? store.officerNotices.ofAgencyMembers(agencyId) : [];
}

/** A ticket reached an agency (filed, or dialihkan to it): each of its accounts, as it chose. */
export function noticeNewTicket(store: Store, ticketId: number, agencyId: string, now: number): number {
  let queued = 0;
  for (const r of store.officerNotices.ofAgencyMembers(agencyId))
    queued += queueFor(store, r, r.settings.newTicket, { kind: 'new_ticket', ticketId, key: agencyId }, now);
  return queued;
}

/** The citizen added to a ticket: its assignee, or when nobody has it the agency's accounts. `key`: this reply. */
export function noticeReply(store: Store, ticketId: number, key: string, now: number): number {
  const facts = store.officerNotices.factsOf(ticketId);
  if (!facts) return 0;
  const assignee = store.ticketAssignments.assignee(ticketId);
  let queued = 0;
  for (const r of workers(store, facts.agencyId, assignee?.id ?? null))
    queued += queueFor(store, r, r.settings.reply, { kind: 'reply', ticketId, key }, now);
  return queued;
}

/**
 * The deadline sweep: a ticket awaiting its agency whose due date is the next working day is `due_soon`, once per due
 * date, for whoever works it. (A missed stage is the ladder's: `noticeReminder`.) Returns the notices queued.
 */
export function noticeDeadlines(
  { store, calendar }: { store: Store; calendar: WorkingDays },
  now: number,
  limit = 100,
): number {
  const today = witaDate(now);
  const by = calendar.addWorkingDays(new Date(now), 1);
  const notices = store.officerNotices;
  let queued = 0;
  for (const t of notices.dueSoonTickets(today, by, limit)) {
    if (!notices.markDeadline(t.id, 'due_soon', t.dueDate)) continue;
    const n = { kind: 'due_soon', ticketId: t.id, key: t.dueDate } as const;
    for (const r of workers(store, t.agencyId, t.assigneeId))
      queued += queueFor(store, r, r.settings.deadline, n, now);
  }
  return queued;
}

/**
 * The ladder's reminder of a missed stage (`key`: that stage): whoever works the ticket, by their deadline setting,
 * and one line in each of the agency's Telegram groups. Returns the notices queued.
 */
export function noticeReminder(
  { store, routing }: { store: Store; routing: RoutingPort },
  t: { ticketId: number; agencyId: string | null; key: string },
  now: number,
): number {
  const n = { kind: 'overdue', ticketId: t.ticketId, key: t.key } as const;
  const assignee = store.ticketAssignments.assignee(t.ticketId);
  let queued = 0;
  for (const r of workers(store, t.agencyId, assignee?.id ?? null))
    queued += queueFor(store, r, r.settings.deadline, n, now);
  if (!t.agencyId) return queued;
  for (const dest of routing.destinations(t.agencyId)) {
    if (dest.method !== 'telegram') continue;
    const group = { ...n, recipient: groupRecipient(t.agencyId, dest.id), channel: 'telegram' } as const;
    if (store.officerNotices.enqueue(group, now)) queued++;
  }
  return queued;
}

/** The coordinator became a watcher of a ticket whose stage (`key`) was missed: its supervisors, by their setting. */
export function noticeWatching(
  store: Store,
  t: { ticketId: number; coordinatorId: string; key: string },
  now: number,
): number {
  const n = { kind: 'overdue', ticketId: t.ticketId, key: t.key } as const;
  let queued = 0;
  for (const r of store.officerNotices.ofAgencyMembers(t.coordinatorId))
    if (r.role === 'supervisor') queued += queueFor(store, r, r.settings.deadline, n, now);
  return queued;
}
