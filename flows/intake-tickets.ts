// Which of a chat's tickets a message after filing is about: the platform's reply context, else the only open
// ticket, else the citizen picks one with one tap.
import type { ReplyEffect } from '../src/domain/reply.js';
import { canonicalTicketNumber } from '../src/domain/ticket-number.js';
import { parseChoice } from '../src/understand/choice.js';
import type { ChatTicket, IntakeContext } from './intake-context.js';
import type { MessageBody } from './intake-events.js';
import { pickShown } from './intake-shown.js';

/** At most this many tickets are offered as choices; a number typed in full picks any of the shown ones. */
export const SHOWN_TICKETS = 5;

/** The words for "a new complaint" and "withdraw" at the questions after filing. */
export const AFTER_SUBMIT_WORDS = {
  add: ['tambah', 'tambahkan', 'tambahan', 'tambah ke tiket'],
  new: ['baru', 'pengaduan baru', 'aduan baru', 'lapor baru'],
  withdraw: ['cabut', 'tarik', 'cabut pengaduan', 'batalkan pengaduan'],
} as const;

export type TicketTarget =
  /** The citizen replied to a message about this open ticket: what they wrote belongs to it. */
  | { kind: 'replied'; ticket: string }
  /** The chat's only open ticket (or, with none open or nothing known, the last one filed). */
  | { kind: 'only'; ticket: string }
  /** Several open tickets: the citizen is asked which one, these offered. */
  | { kind: 'ask'; choices: ChatTicket[] };

/** Where a message at rest goes. Without the runtime's list (a flow run on its own) it is the last ticket filed. */
export function targetOf(ctx: IntakeContext, body: MessageBody): TicketTarget {
  const tickets = body.tickets;
  if (!tickets) return { kind: 'only', ticket: ctx.lastTicket ?? '' };
  const { replied, open } = tickets;
  if (replied && open.some((t) => t.number === replied)) return { kind: 'replied', ticket: replied };
  if (open.length > 1) return { kind: 'ask', choices: offered(open, ctx.lastTicket) };
  return { kind: 'only', ticket: open[0]?.number ?? ctx.lastTicket ?? '' };
}

/** A ticket waiting for the citizen's answer first, then the one last spoken of, then the newest. */
function offered(open: readonly ChatTicket[], last: string | null): ChatTicket[] {
  const rank = (t: ChatTicket) => (t.status === 'menunggu_pelapor' ? 0 : t.number === last ? 1 : 2);
  return [...open]
    .map((t, i) => ({ t, i }))
    .sort((a, b) => rank(a.t) - rank(b.t) || a.i - b.i)
    .slice(0, SHOWN_TICKETS)
    .map(({ t }) => t);
}

/** "Which complaint is this for?" (or, after "cabut", "which one to withdraw?"), one choice per offered ticket. */
export function whichTicketQuestion(ctx: IntakeContext): ReplyEffect {
  const withdraw = ctx.whichFor === 'withdraw';
  const tickets = (ctx.ticketChoices ?? []).map((t) => ({
    id: t.number,
    label: {
      key: t.status === 'menunggu_pelapor' ? 'choice.ticket.awaiting' : 'choice.ticket',
      vars: { ticket: t.number, category: { key: `category.${t.category}` } },
    },
  }));
  return {
    type: 'reply',
    key: withdraw ? 'ask.which_ticket.withdraw' : 'ask.which_ticket',
    choices: withdraw
      ? tickets
      : [
          ...tickets,
          { id: 'new', label: { key: 'choice.new_complaint' } },
          { id: 'withdraw', label: { key: 'choice.withdraw' } },
        ],
    expecting: 'which_ticket',
  };
}

/** The answer to the which-ticket question: an offered ticket's number, `new`, `withdraw`, or null (not understood). */
export function whichTicketPick(ctx: IntakeContext, text: string): string | null {
  // A number typed in full, or its last four symbols alone ("yang 4K7Q"), before the labels: they all look alike.
  const offeredNumbers = new Set((ctx.ticketChoices ?? []).map((t) => t.number));
  const typed = ticketNumberIn(text);
  if (typed) return offeredNumbers.has(typed) ? typed : null;
  const tails = [...offeredNumbers].filter((n) => new RegExp(`\\b${n.slice(-4)}\\b`, 'i').test(text));
  if (tails.length === 1) return tails[0] ?? null;
  const shown = pickShown(whichTicketQuestion(ctx), text);
  if (shown) return shown;
  if (ctx.whichFor === 'withdraw') return null;
  return parseChoice(text, [
    { id: 'new', words: [...AFTER_SUBMIT_WORDS.new] },
    { id: 'withdraw', words: [...AFTER_SUBMIT_WORDS.withdraw] },
  ]);
}

/** A ticket number written anywhere in a message ("yang ADU-2611-4K7Q pak"). */
function ticketNumberIn(text: string): string | null {
  const m = /adu[\s\-_.]*\d{4}[\s\-_.]*[a-z0-9]{4}/i.exec(text);
  return m ? canonicalTicketNumber(m[0]) : null;
}
