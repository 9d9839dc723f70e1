// `npm run outbox`: the messages to citizens that wait, are held or died (never their text), and sending them again.
import type { OutboxChannelStats, OutboxItem, OutboxReview } from '../storage/outbox-review.js';
import type { CommandResult } from './block-list.js';

const USAGE = 'usage: npm run outbox -- list [--dead] [--channel C] | redeliver ID | redeliver --all-dead';

/** The channels the outbox sends through. */
export const OUTBOX_CHANNELS = ['telegram', 'wacloud', 'whatsapp', 'web', 'terminal'] as const;

const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const tries = (n: number) => `${n} ${n === 1 ? 'try' : 'tries'}`;

/** How long ago, in the largest unit that fits ("45 s", "12 min", "5 h", "3 d"). */
export function age(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 48 * 3600) return `${Math.floor(s / 3600)} h`;
  return `${Math.floor(s / 86_400)} d`;
}

/** The end of a chat id, enough to tell chats apart and never a whole phone number ("…4567"). */
export function maskChat(chatId: string): string {
  const bare = chatId.replace(/@.*$/, '');
  return bare.length > 4 ? `…${bare.slice(-4)}` : '…';
}

/** Long digit runs in a platform's error (a phone number, should one ever be quoted) keep only their end. */
const maskDigits = (text: string) => text.replace(/\d{8,}/g, (digits) => `…${digits.slice(-4)}`);

/** One message in plain words: where it goes, where it stands, what went wrong last, how old it is. */
export function describeMessage(m: OutboxItem, now: number): string {
  const head = `#${m.id} ${m.channel} ${maskChat(m.chatId)}`;
  const state =
    m.status === 'dead'
      ? `dead after ${tries(m.attempts)}`
      : m.status === 'sent'
        ? 'sent'
        : m.status === 'sending'
          ? `being sent (try ${m.attempts})`
          : m.blockedAt !== null
            ? `held: the citizen blocked the bot ${when(m.blockedAt)} (${tries(m.attempts)} so far)`
            : `waiting, next try ${when(m.nextAttemptAt)} (${tries(m.attempts)} so far)`;
  const error = m.lastError && m.status !== 'sent' ? `; last error: ${maskDigits(m.lastError)}` : '';
  return `${head}: ${state}${error}; queued ${age(now - m.createdAt)} ago`;
}

function summary(stats: OutboxChannelStats[]): string | null {
  if (stats.every((s) => s.waiting === 0 && s.dead === 0)) return null;
  const total = (k: 'waiting' | 'held' | 'dead') => stats.reduce((n, s) => n + s[k], 0);
  const parts = stats.map((s) => `${s.channel}: ${s.waiting} waiting, ${s.held} held, ${s.dead} dead`);
  return `${total('waiting')} waiting (${total('held')} held for citizens who blocked the bot), ${total('dead')} dead (${parts.join('; ')})`;
}

const UNBLOCKED =
  'the chat is no longer taken as blocking the bot: if it still does, the message is held again';

/**
 * The `npm run outbox` command over the outbox. `list` shows what waits (held messages of citizens who blocked the
 * bot among them) and what is dead (`--dead`: only the dead; `--channel`: one channel); `redeliver` puts a dead or
 * held message, or every dead one, back in line with its attempts reset: the running service sends it.
 */
export function outboxCommand(
  args: { command?: string; id?: string; dead?: boolean; allDead?: boolean; channel?: string },
  review: OutboxReview,
  now: number,
): CommandResult {
  const channel = args.channel;
  if (channel !== undefined && !(OUTBOX_CHANNELS as readonly string[]).includes(channel)) {
    return { code: 2, lines: [`unknown channel "${channel}" (${OUTBOX_CHANNELS.join(', ')})`, USAGE] };
  }
  const describe = (m: OutboxItem) => describeMessage(m, now);
  switch (args.command) {
    case 'list': {
      const dead = review.dead(channel);
      if (args.dead) {
        if (dead.length === 0) return { code: 0, lines: ['no dead messages / tidak ada pesan yang gagal'] };
        return { code: 0, lines: dead.map(describe) };
      }
      const head = summary(review.stats().filter((s) => channel === undefined || s.channel === channel));
      if (head === null) {
        return {
          code: 0,
          lines: ['nothing waits and nothing is dead: every message was sent / semua terkirim'],
        };
      }
      return { code: 0, lines: [head, ...review.waiting(channel).map(describe), ...dead.map(describe)] };
    }
    case 'redeliver': {
      if (args.allDead && args.id === undefined) {
        const { queued, unblocked } = review.redeliverAllDead(now);
        if (queued === 0)
          return { code: 0, lines: ['no dead messages to send again / tidak ada pesan yang gagal'] };
        return {
          code: 0,
          lines: [
            `${queued} dead ${queued === 1 ? 'message' : 'messages'} queued again: the running service sends them on its next pass / dikirim ulang`,
            ...(unblocked > 0
              ? [
                  `${unblocked} ${unblocked === 1 ? 'chat is' : 'chats are'} no longer taken as blocking the bot`,
                ]
              : []),
          ],
        };
      }
      if (args.allDead || args.id === undefined)
        return { code: 2, lines: ['redeliver needs an ID or --all-dead', USAGE] };
      if (!/^\d{1,15}$/.test(args.id))
        return { code: 2, lines: [`"${args.id}" is not a message id (a number, see list)`] };
      const id = Number(args.id);
      const before = review.get(id);
      if (!before) return { code: 1, lines: [`there is no message #${id} / tidak ditemukan`] };
      const { queued, unblocked } = review.redeliver(id, now);
      if (!queued) {
        return {
          code: 1,
          lines: [`message #${id} is ${before.status}, not dead or held: only those are sent again`],
        };
      }
      return {
        code: 0,
        lines: [
          describe(review.get(id) ?? before),
          'queued again: the running service sends it on its next pass / dikirim ulang',
          ...(unblocked ? [UNBLOCKED] : []),
        ],
      };
    }
    default:
      return { code: 2, lines: [USAGE] };
  }
}
