// Drains the officers' notifications after their commit: claims due notices with a lease, sends each by e-mail or
// Telegram (the linked user's private chat, or an agency's group), retries with backoff, gives up when it cannot.
// A notice is marked sent as soon as it was accepted, so a crash repeats at most one cut off in its send window.
import type { Clock } from '../clock.js';
import { patientTimeout } from '../platforms/patient-timeout.js';
import type { Store } from '../storage/store.js';
import { type BackoffPolicy, DEFAULT_BACKOFF, afterFailure } from './backoff.js';
import type { DeliveryOutcome } from './method.js';
import { noticeText } from './officer-notice-text.js';
import { SharedPass } from './shared-pass.js';

/** One way of sending: resolves with the outcome (never throws for a refused send). */
export type NoticeSender = (
  to: string,
  m: { subject: string; text: string },
  signal: AbortSignal,
) => Promise<DeliveryOutcome>;

export type NotifierOptions = {
  store: Store;
  /** Null: not configured (no SMTP_URL, no bot token); such notices are skipped. */
  email: NoticeSender | null;
  telegram: NoticeSender | null;
  /** The chat id of an agency's Telegram group destination, or null when it is gone. */
  groupChat(agencyId: string, destinationId: string): string | null;
  agencyName(agencyId: string): string | null;
  baseUrl: string | null;
  clock: Clock;
  random: (n: number) => number;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  backoff?: BackoffPolicy;
  timeoutMs?: number;
  batch?: number;
};

const OFFICER = /^officer:(\d+)$/;
const GROUP = /^group:([^/]+)\/(.+)$/;

export class OfficerNotifier extends SharedPass<number> {
  constructor(private readonly opts: NotifierOptions) {
    super();
  }

  protected async pass(): Promise<number> {
    if (this.stopped) return 0;
    const { store, clock } = this.opts;
    const notices = store.officerNotices;
    const timeoutMs = this.opts.timeoutMs ?? 30_000;
    notices.recoverExpiredLeases(clock.now());
    let sent = 0;
    for (const n of notices.due(clock.now(), this.opts.batch ?? 100)) {
      if (this.stopped) break;
      if (!notices.claim(n.id, clock.now() + 2 * timeoutMs)) continue;
      const target = this.target(n.recipient, n.channel);
      if ('skip' in target) {
        notices.skipped(n.id, target.skip);
        continue;
      }
      const facts = notices.factsOf(n.ticketId);
      if (!facts) {
        notices.skipped(n.id, 'ticket not found');
        continue;
      }
      const agencyName = facts.agencyId ? this.opts.agencyName(facts.agencyId) : null;
      const message = noticeText(n.kind, facts, {
        baseUrl: this.opts.baseUrl,
        agencyName,
        group: target.group,
      });
      const signal = patientTimeout(timeoutMs);
      let outcome: DeliveryOutcome;
      try {
        outcome = await target.send(target.to, message, signal);
      } catch (err) {
        outcome = { ok: false, retryable: true, error: err instanceof Error ? err.message : String(err) };
      }
      if (outcome.ok) {
        notices.sent(n.id, clock.now());
        sent++;
        continue;
      }
      const now = clock.now();
      const step = afterFailure(
        outcome,
        { attempt: n.attempts + 1, createdAt: n.createdAt, now },
        this.opts.random,
        this.opts.backoff ?? DEFAULT_BACKOFF,
      );
      const about = { notice: n.id, channel: n.channel, kind: n.kind, ticket: facts.number };
      if (step.kind === 'dead') {
        notices.dead(n.id, step.reason);
        this.opts.log.error({ ...about, reason: step.reason }, 'officer notification given up');
      } else {
        notices.retry(n.id, step.at, outcome.error);
        this.opts.log.warn({ ...about, reason: outcome.error }, 'officer notification failed, will retry');
      }
    }
    return sent;
  }

  /** Where a notice goes now (the address is read at send time), or why it cannot go. */
  private target(
    recipient: string,
    channel: 'email' | 'telegram',
  ): { send: NoticeSender; to: string; group: boolean } | { skip: string } {
    const send = channel === 'email' ? this.opts.email : this.opts.telegram;
    if (!send) return { skip: `${channel} is not configured` };
    const group = GROUP.exec(recipient);
    if (group?.[1] && group[2]) {
      const chat = this.opts.groupChat(group[1], group[2]);
      return chat ? { send, to: chat, group: true } : { skip: 'the group destination is gone' };
    }
    const officerId = Number(OFFICER.exec(recipient)?.[1]);
    const account = Number.isInteger(officerId) ? this.opts.store.officers.get(officerId) : null;
    if (!account || account.disabled) return { skip: 'the account is disabled or gone' };
    if (channel === 'email') {
      const email = this.opts.store.officerNotices.settings(officerId).email;
      return email ? { send, to: email, group: false } : { skip: 'no e-mail address' };
    }
    const link = this.opts.store.telegramOfficers.linkOf(officerId);
    return link ? { send, to: link.telegramUserId, group: false } : { skip: 'no linked Telegram user' };
  }
}
