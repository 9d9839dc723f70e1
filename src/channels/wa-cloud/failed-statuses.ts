// WhatsApp Cloud "failed" statuses acted on: the outbox message a wamid names goes behind the template (window
// closed), is retried later (rate limits) or dies with Meta's code and title, once however often Meta reports it.
import type { Clock } from '../../clock.js';
import type { RenderedMessage } from '../../domain/reply.js';
import { type RetryPolicy, backoffMs } from '../../outbox/outbox-sender.js';
import type { OnStatus, WaStatusError, WaStatusKind, WaStatusRecord } from '../../ports/wa-message-status.js';
import type { Outbox } from '../../storage/outbox.js';
import { GRAPH_CODES, PAIR_RATE_DELAY_MS, RATE_DELAY_MS } from './graph-errors.js';

/** 131048, "spam rate limit hit": Meta's throttling errors list it with the other rate limits. */
export const SPAM_RATE_LIMIT = 131048;

/**
 * The throttling errors of Meta's Cloud API error reference: 4 (app call limit), 80007 (WhatsApp Business Account
 * limit), 130429 (throughput), 131048 (spam rate limit), 131056 (pair rate limit).
 */
export const RATE_LIMIT_CODES: readonly number[] = [
  ...GRAPH_CODES.appRateLimits,
  GRAPH_CODES.rateLimit,
  SPAM_RATE_LIMIT,
  GRAPH_CODES.pairRateLimit,
];

export type FailedAction = 'window_closed' | 'retry' | 'dead';

/** What to do about a failed delivery with this error code (none: Meta gave no reason). */
export function actionFor(code: number | null): FailedAction {
  if (code === GRAPH_CODES.windowClosed) return 'window_closed';
  if (code !== null && RATE_LIMIT_CODES.includes(code)) return 'retry';
  return 'dead';
}

/** The parts of the WhatsApp Cloud store a failed status touches (sqliteWaCloudStore has them). */
export type WaFailureStore = {
  status(wamid: string): WaStatusRecord | null;
  recordStatus(wamid: string, status: WaStatusKind, at: number, error?: WaStatusError): void;
  closeWindow(chatId: string, sentAt: number): void;
  forgetTemplate(chatId: string): void;
  unhold(chatId: string, message: RenderedMessage, heldBy: number): boolean;
};

export type FailedStatusDeps = {
  outbox: Outbox;
  wa: WaFailureStore;
  /** One transaction around the status and what it changes (store.tx). */
  tx<T>(fn: () => T): T;
  clock: Clock;
  policy: Pick<RetryPolicy, 'maxAttempts' | 'baseDelayMs' | 'maxDelayMs'>;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Each failed delivery Meta reports, once, with its error code ('error' without one): the metric. */
  onFailed?: (channel: string, code: string) => void;
};

const CHANNEL = 'wacloud';

/** "131026 Receiver is incapable of receiving this message": what operators read as the last error. */
export function failureReason(error: WaStatusError | undefined): string {
  if (!error) return 'failed: WhatsApp gave no reason';
  return error.title ? `${error.code} ${error.title}` : String(error.code);
}

/**
 * The `onStatus` of the WhatsApp Cloud channel: every status is recorded (moving forward only); a failed one is
 * acted on when it names a message the outbox still records as sent under that wamid, so a status delivered
 * twice, or after the message was sent again, changes nothing more. A wamid the outbox does not know, or a
 * message WhatsApp already reported delivered or read, is only recorded.
 *
 * A message sent while the window was closed went out as the template and was held: its failure takes the held
 * copy back, so that it is never sent twice.
 */
export function failedStatusHandler(deps: FailedStatusDeps): OnStatus {
  const { outbox, wa, clock, log } = deps;
  return (wamid, status, at, error) =>
    deps.tx(() => {
      const before = wa.status(wamid);
      wa.recordStatus(wamid, status, at, error);
      if (status !== 'failed' || before?.status === 'failed') return;
      deps.onFailed?.(CHANNEL, error ? String(error.code) : 'error');
      if (before?.status === 'delivered' || before?.status === 'read') return;
      const entry = outbox.byWamid(wamid);
      if (!entry || entry.status !== 'sent') return;
      const action = actionFor(error?.code ?? null);
      const reason = failureReason(error);
      const sentAt = entry.sentAt ?? at;
      const held = wa.unhold(entry.chatId, entry.message, sentAt);
      const now = clock.now();
      if (action === 'dead' || (action === 'retry' && entry.attempts >= deps.policy.maxAttempts)) {
        if (outbox.deadSent(entry.id, wamid, reason)) {
          log.error(
            { outboxId: entry.id, channel: CHANNEL, code: error?.code ?? null, attempts: entry.attempts },
            'message dead-lettered: WhatsApp could not deliver it',
          );
        }
        return;
      }
      // The template announcing it did not arrive: the next try sends the template again.
      if (held) wa.forgetTemplate(entry.chatId);
      if (action === 'window_closed') {
        wa.closeWindow(entry.chatId, sentAt);
        outbox.requeueSent(entry.id, wamid, { at: now, error: reason, giveBack: true });
        log.warn(
          { outboxId: entry.id, channel: CHANNEL },
          'window closed: the message goes behind the template',
        );
        return;
      }
      const pause = error?.code === GRAPH_CODES.pairRateLimit ? PAIR_RATE_DELAY_MS : RATE_DELAY_MS;
      const delay = Math.max(pause, backoffMs(deps.policy, entry.attempts));
      outbox.requeueSent(entry.id, wamid, { at: now + delay, error: reason, giveBack: false });
      log.warn(
        { outboxId: entry.id, channel: CHANNEL, code: error?.code ?? null, delayMs: delay },
        'WhatsApp rate limit: the message is sent again later',
      );
    });
}
