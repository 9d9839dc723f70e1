// `npm run deliveries`: the ticket deliveries to agencies that wait or were given up on, and sending dead ones again.
import type { Deliveries, Delivery } from '../storage/deliveries.js';
import type { CommandResult } from './block-list.js';

const USAGE = 'usage: npm run deliveries -- list [--dead] | redeliver ID | redeliver --all-dead';

const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

const tries = (n: number) => `${n} ${n === 1 ? 'try' : 'tries'}`;

/** One delivery in plain words: where it goes, where it stands, what went wrong last. */
export function describeDelivery(d: Delivery): string {
  const head = `#${d.id} ticket ${d.ticketNumber} → ${d.agencyId} / ${d.destinationId} (${d.method})`;
  const state =
    d.status === 'dead'
      ? `dead after ${tries(d.attempts)}`
      : d.status === 'sending'
        ? `being sent (try ${d.attempts})`
        : d.status === 'delivered'
          ? `delivered${d.deliveredAt === null ? '' : ` ${when(d.deliveredAt)}`}${d.remoteId ? ` as ${d.remoteId}` : ''}`
          : `waiting, next try ${when(d.nextAttemptAt)} (${tries(d.attempts)} so far)`;
  const error = d.lastError && d.status !== 'delivered' ? `; last error: ${d.lastError}` : '';
  return `${head}: ${state}${error}; queued ${when(d.createdAt)}`;
}

/** Open tickets no one at their agency receives: the operator adds an officer account or a destination. */
function unreceivedLines(list: readonly { agencyId: string; tickets: number }[]): string[] {
  if (list.length === 0) return [];
  const total = list.reduce((n, a) => n + a.tickets, 0);
  return [
    `${total} open ${total === 1 ? 'ticket reaches' : 'tickets reach'} no one at their agency (no destination, no officer account); their coordinators or the admins hold them / belum ada penerima:`,
    ...list.map((a) => `  ${a.agencyId}: ${a.tickets}`),
    'fix: npm run user -- add --role officer --agency ID …, or a destination in AGENCIES_FILE',
  ];
}

/** Waiting and dead counts per method, one line. */
function summary(deliveries: Deliveries): string | null {
  const stats = deliveries.stats();
  if (stats.every((s) => s.depth === 0 && s.dead === 0)) return null;
  const waiting = stats.reduce((n, s) => n + s.depth, 0);
  const dead = stats.reduce((n, s) => n + s.dead, 0);
  const parts = stats.map((s) => `${s.method}: ${s.depth} waiting, ${s.dead} dead`);
  return `${waiting} waiting, ${dead} dead (${parts.join('; ')})`;
}

/**
 * The `npm run deliveries` command over the deliveries table. `list` shows what waits and what is dead (`--dead`:
 * only the dead); `redeliver` queues a dead delivery again, or every dead one, with the same idempotency key: the
 * running service sends them on its next pass.
 */
export function deliveriesCommand(
  args: { command?: string; id?: string; dead?: boolean; allDead?: boolean },
  deliveries: Deliveries,
  now: number,
  unreceived: readonly { agencyId: string; tickets: number }[] = [],
): CommandResult {
  switch (args.command) {
    case 'list': {
      const nobody = unreceivedLines(unreceived);
      const dead = deliveries.listDead();
      if (args.dead) {
        if (dead.length === 0)
          return { code: 0, lines: ['no dead deliveries / tidak ada pengiriman yang gagal'] };
        return { code: 0, lines: dead.map(describeDelivery) };
      }
      const head = summary(deliveries);
      if (head === null) {
        return {
          code: 0,
          lines: [
            nobody.length === 0
              ? 'nothing waits and nothing is dead: every ticket was delivered / semua terkirim'
              : 'nothing waits and nothing is dead among the deliveries that exist',
            ...nobody,
          ],
        };
      }
      return {
        code: 0,
        lines: [
          head,
          ...deliveries.listWaiting().map(describeDelivery),
          ...dead.map(describeDelivery),
          ...nobody,
        ],
      };
    }
    case 'redeliver': {
      if (args.allDead && args.id === undefined) {
        const n = deliveries.redeliver('all-dead', now);
        return {
          code: 0,
          lines: [
            n === 0
              ? 'no dead deliveries to send again / tidak ada pengiriman yang gagal'
              : `${n} dead ${n === 1 ? 'delivery' : 'deliveries'} queued again: the running service sends them on its next pass / dikirim ulang`,
          ],
        };
      }
      if (args.allDead || args.id === undefined)
        return { code: 2, lines: ['redeliver needs an ID or --all-dead', USAGE] };
      if (!/^\d{1,15}$/.test(args.id))
        return { code: 2, lines: [`"${args.id}" is not a delivery id (a number, see list)`] };
      const id = Number(args.id);
      const d = deliveries.get(id);
      if (!d) return { code: 1, lines: [`there is no delivery #${id} / tidak ditemukan`] };
      if (deliveries.redeliver(id, now) === 0) {
        return {
          code: 1,
          lines: [`delivery #${id} is ${d.status}, not dead: only dead deliveries are sent again`],
        };
      }
      const again = deliveries.get(id);
      return {
        code: 0,
        lines: [
          describeDelivery(again ?? d),
          'queued again: the running service sends it on its next pass / dikirim ulang',
        ],
      };
    }
    default:
      return { code: 2, lines: [USAGE] };
  }
}
