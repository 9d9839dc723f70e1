// The drills' checks on the final database and on what the fake Bot API saw. Each returns figures for the report
// and a list of violations (plain sentences); an empty list means the promise held.
import { plainText } from './citizen.js';
import type { FinalState, OutboxRow } from './db-check.js';
import type { CitizenRun, UpdateRecord } from './driver.js';
import type { FakeBotApi } from './fake-bot-api.js';
import { latencySummary } from './stats.js';

export type Checked<T> = { figures: T; violations: string[] };

const sample = (items: string[], n = 5) => items.slice(0, n).join(', ');

/** Every update the driver sent and got 200 for is recorded exactly once, and nothing else is. */
export function exactlyOnce(
  records: UpdateRecord[],
  state: FinalState,
  /** Crash drill: an update that never got 200 is a violation. Load test: a load error, reported elsewhere. */
  requireAllAcked = true,
) {
  const violations: string[] = [];
  const sent = new Set(records.map((r) => r.key));
  const acked = new Set(records.filter((r) => r.status === 'ok').map((r) => r.key));
  const found = new Set(state.inboundKeys);
  const missing = [...acked].filter((k) => !found.has(k));
  const unknown = [...found].filter((k) => !sent.has(k));
  const notAcked = records.filter((r) => r.status !== 'ok');
  if (state.inboundKeys.length !== found.size) violations.push('inbound_messages holds a key twice');
  if (missing.length > 0)
    violations.push(
      `${missing.length} acknowledged updates are not in inbound_messages (${sample(missing)})`,
    );
  if (unknown.length > 0)
    violations.push(`${unknown.length} inbound rows match no update sent (${sample(unknown)})`);
  if (requireAllAcked && notAcked.length > 0)
    violations.push(
      `${notAcked.length} updates never got 200 (${sample(notAcked.map((r) => `${r.key}: ${r.lastError}`))})`,
    );
  return {
    figures: {
      distinctUpdatesSent: sent.size,
      acknowledged: acked.size,
      inboundRows: state.inboundKeys.length,
      missing: missing.length,
      unknown: unknown.length,
      neverAcknowledged: notAcked.length,
    },
    violations,
  };
}

/** POST (its scheduled moment) → arrival at the fake of the first reply it caused, matched via platform_message_id. */
export function replyLatency(records: UpdateRecord[], state: FinalState, fake: FakeBotApi) {
  const firstRow = new Map<string, OutboxRow>();
  for (const row of state.outbox) {
    if (row.inboundKey !== null && !firstRow.has(row.inboundKey)) firstRow.set(row.inboundKey, row);
  }
  const latencies: number[] = [];
  let delivered = 0;
  let pending = 0;
  for (const r of records) {
    if (r.status !== 'ok') continue;
    const row = firstRow.get(r.key);
    if (!row) continue;
    const sent = row.platformMessageId === null ? undefined : fake.byMessageId.get(row.platformMessageId);
    if (row.status === 'sent' && sent) {
      delivered++;
      latencies.push(sent.at - r.slotAt);
    } else {
      pending++;
      latencies.push(Number.POSITIVE_INFINITY);
    }
  }
  return {
    updatesWithReply: delivered + pending,
    delivered,
    notDeliveredAtEnd: pending,
    /** Percentiles over all updates with a reply; a figure that falls on an undelivered one is null. */
    postToReplyMs: latencySummary(latencies),
  };
}

/** A reply that a crash cut off after the platform accepted it (read right after a kill). */
export type CutOff = { outboxId: number; chatId: string; text: string; reachedFake: boolean };

/**
 * Every outbox row is 'sent' and the fake saw it (its platform_message_id); a send the fake saw that no row claims is
 * a repeat, allowed only as the second copy of a reply cut off mid-flight by a kill.
 */
export function outboxDelivered(
  state: FinalState,
  fake: FakeBotApi,
  cutOffs: CutOff[],
  requireAllSent: boolean,
) {
  const violations: string[] = [];
  const byStatus: Record<string, number> = {};
  for (const r of state.outbox) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const notSent = state.outbox.filter((r) => r.status !== 'sent');
  const dead = state.outbox.filter((r) => r.status === 'dead');
  const claimed = new Set<number>();
  const missingAtFake: OutboxRow[] = [];
  for (const r of state.outbox) {
    if (r.status !== 'sent') continue;
    const m = r.platformMessageId === null ? undefined : fake.byMessageId.get(r.platformMessageId);
    if (!m || m.chatId !== r.chatId) missingAtFake.push(r);
    else claimed.add(m.messageId);
  }
  const repeats = fake.sent.filter((m) => !claimed.has(m.messageId));
  // Each cut-off send explains at most one repeat: same chat, same text.
  const pool = cutOffs.map((c) => ({ ...c, used: false }));
  const unexplained = repeats.filter((m) => {
    const c = pool.find(
      (p) => !p.used && p.chatId === m.chatId && plainText(m.text).startsWith(plainText(p.text)),
    );
    if (!c) return true;
    c.used = true;
    return false;
  });
  if (dead.length > 0) violations.push(`${dead.length} replies dead-lettered`);
  if (requireAllSent && notSent.length > 0) violations.push(`${notSent.length} replies not sent at the end`);
  if (missingAtFake.length > 0)
    violations.push(
      `${missingAtFake.length} rows marked sent that the fake never received (ids ${sample(missingAtFake.map((r) => String(r.id)))})`,
    );
  if (unexplained.length > 0)
    violations.push(
      `${unexplained.length} sendMessage calls match no outbox row and no send cut off by a kill (chats ${sample(unexplained.map((m) => m.chatId))})`,
    );
  return {
    figures: {
      rows: state.outbox.length,
      byStatus,
      sendMessageCalls: fake.sent.length,
      repeats: repeats.length,
      repeatsUnexplained: unexplained.length,
      cutOffByKills: cutOffs.length,
      cutOffAfterReachingFake: cutOffs.filter((c) => c.reachedFake).length,
    },
    violations,
  };
}

/** One ticket per chat whose citizen confirmed the summary (and was not re-asked), none for the others. */
export function ticketsMatch(citizens: CitizenRun[], state: FinalState) {
  const violations: string[] = [];
  const perChat = new Map<string, string[]>();
  for (const t of state.tickets) {
    const key = t.chatId ?? '(none)';
    perChat.set(key, [...(perChat.get(key) ?? []), t.number]);
  }
  const duplicates = [...perChat.entries()].filter(([, numbers]) => numbers.length > 1);
  const known = new Set(citizens.map((c) => c.chatId));
  const recorded = new Set(state.inboundKeys);
  const expected = citizens.filter((c) => c.confirmedEffectively(recorded));
  const missing = expected.filter((c) => (perChat.get(c.chatId) ?? []).length === 0);
  const unexpected = citizens.filter(
    (c) => !c.confirmedEffectively(recorded) && (perChat.get(c.chatId) ?? []).length > 0,
  );
  const strangers = [...perChat.keys()].filter((k) => !known.has(k));
  const wrongNumber = citizens.filter(
    (c) => c.ticket !== null && !(perChat.get(c.chatId) ?? []).includes(c.ticket),
  );
  if (duplicates.length > 0)
    violations.push(
      `${duplicates.length} chats have more than one ticket (${sample(duplicates.map(([k]) => k))})`,
    );
  if (missing.length > 0)
    violations.push(
      `${missing.length} confirmed complaints have no ticket (${sample(missing.map((c) => c.chatId))})`,
    );
  if (unexpected.length > 0)
    violations.push(
      `${unexpected.length} chats have a ticket without a confirmation (${sample(unexpected.map((c) => c.chatId))})`,
    );
  if (strangers.length > 0) violations.push(`${strangers.length} tickets belong to no citizen of this run`);
  if (wrongNumber.length > 0)
    violations.push(`${wrongNumber.length} citizens were told a ticket number the database does not have`);
  return {
    figures: {
      tickets: state.tickets.length,
      confirmedDialogues: expected.length,
      confirmsSwallowedByUpgrade: citizens.filter(
        (c) => c.swallowed.size > 0 && c.confirms.some((k) => c.swallowed.has(k)),
      ).length,
      citizensToldTheirTicket: citizens.filter((c) => c.ticket !== null).length,
      duplicateTicketChats: duplicates.length,
      missing: missing.length,
      unexpected: unexpected.length,
    },
    violations,
  };
}

export function integrity(state: FinalState) {
  return {
    figures: { integrityCheck: state.integrity },
    violations: state.integrity === 'ok' ? [] : [`PRAGMA integrity_check: ${state.integrity}`],
  };
}
