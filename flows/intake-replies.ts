// Replies several states send: a question asked again after a reply not understood, the ack of an addition to a ticket.
import type { ReplyEffect } from '../src/domain/reply.js';
import type { IntakeContext } from './intake-context.js';

/** The reply to a question not understood: the question again, after two misses with the help line too. */
export function reAsk(ctx: IntakeContext, question: ReplyEffect, error: string): ReplyEffect {
  const help = ctx.fails >= 2 ? [{ key: 'help.short' }] : [];
  return { ...question, before: [{ key: error }, ...help, ...(question.before ?? [])] };
}

/** "Added to ticket X": itself about that ticket, so a reply to it goes there too. */
export function appendedAck(ticket: string): ReplyEffect {
  return { type: 'reply', key: 'ack.appended', vars: { ticket }, expecting: 'none', ticket };
}
