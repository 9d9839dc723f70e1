// The machine's answer in any state to an officer's change to a ticket, or an officer's message to the citizen.
import { and, assign, or, stateIn } from 'xstate';
import type { Paragraph, ReplyEffect } from '../../src/domain/reply.js';
import type { IntakeContext } from '../intake-context.js';
import type { IntakeEvent } from '../intake-events.js';
import { currentQuestion, resolvedQuestion, withNotices } from '../intake-questions.js';
import { intake } from '../intake-setup.js';

/**
 * What an officer's status change tells the citizen: the new status, the reason or message, what comes next; or, for
 * a field check, why and by when the answer comes.
 */
function updateNotice(event: IntakeEvent): Paragraph[] {
  if (event.type !== 'ticket.update') return [];
  const check = event.fieldCheck;
  if (check) {
    const due = { date: check.due, precision: 'day' as const };
    return [{ key: 'ticket.field_check', vars: { ticket: event.ticket, due, reason: check.reason } }];
  }
  return [
    {
      key: 'ticket.update',
      vars: { ticket: event.ticket, status: { key: `ticket.status.${event.status}` } },
    },
    ...(event.reason ? [{ key: 'ticket.update.reason', vars: { reason: event.reason } }] : []),
    ...(event.message ? [{ key: 'ticket.update.message', vars: { message: event.message } }] : []),
    { key: `ticket.update.next.${event.status}`, vars: { agency: event.agency ?? '' } },
  ];
}

/** What a followed ticket's change or message tells a chat whose own ticket was merged into it. */
function followedNotice(event: IntakeEvent): Paragraph[] {
  if (event.type !== 'ticket.followed') return [];
  const { ticket, status } = event;
  const news: Paragraph[] =
    status === null
      ? [{ key: 'ticket.reply', vars: { ticket, text: event.message ?? '' } }]
      : [
          { key: 'ticket.update', vars: { ticket, status: { key: `ticket.status.${status}` } } },
          ...(event.reason ? [{ key: 'ticket.update.reason', vars: { reason: event.reason } }] : []),
          ...(event.message ? [{ key: 'ticket.update.message', vars: { message: event.message } }] : []),
          // Not the lines that ask this chat for an answer (a question, "is it solved?"): they are for its citizen.
          ...(status === 'menunggu_pelapor' || status === 'selesai'
            ? []
            : [{ key: `ticket.update.next.${status}`, vars: { agency: event.agency ?? '' } }]),
        ];
  return [...news, { key: 'ticket.followed', vars: { own: event.own, ticket } }];
}

/** A merge as this chat's citizen hears it: theirs joined another ticket, or another report joined theirs. */
function mergedNotice(event: IntakeEvent): Paragraph[] {
  if (event.type !== 'ticket.merged') return [];
  return event.into === null
    ? [{ key: 'ticket.merged.joined', vars: { ticket: event.ticket } }]
    : [{ key: 'ticket.merged', vars: { ticket: event.ticket, into: event.into } }];
}

/** News, then the open question asked again, or the hint to type *status* (about `ticket`, when it is still open). */
export function newsThen(context: IntakeContext, news: Paragraph[], ticket: string | null): ReplyEffect {
  const q = currentQuestion(context);
  return q
    ? withNotices({ ...context, notices: [] }, q, news)
    : {
        type: 'reply',
        key: 'ticket.update.done',
        before: news,
        expecting: 'none',
        ...(ticket ? { ticket } : {}),
      };
}

export const officerNews = intake.createStateConfig({
  on: {
    // An officer changed one of this chat's tickets: told at once, and an open question is asked again after it.
    'ticket.update': [
      {
        // The agency called a ticket done while the chat is at rest: is it solved? then a score and a comment.
        guard: and([
          ({ event }) => event.type === 'ticket.update' && event.status === 'selesai',
          or([stateIn('idle'), stateIn('submitted')]),
        ]),
        target: '.rateResolved',
        actions: [
          assign(({ event }) => {
            const ticket = event.type === 'ticket.update' ? event.ticket : '';
            return { rating: { ticket, score: null }, lastTicket: ticket, fails: 0 };
          }),
          {
            type: 'reply',
            params: ({ event }) => ({
              ...resolvedQuestion(event.type === 'ticket.update' ? event.ticket : ''),
              before: updateNotice(event).slice(0, -1),
            }),
          },
        ],
      },
      {
        // A question from the officer: the citizen's next "add" goes to that ticket.
        guard: ({ event }) => event.type === 'ticket.update' && event.status === 'menunggu_pelapor',
        actions: [
          assign(({ context, event }) => ({
            lastTicket: event.type === 'ticket.update' ? event.ticket : context.lastTicket,
          })),
          {
            type: 'reply',
            params: ({ context, event }) => {
              const q = currentQuestion(context);
              return q
                ? withNotices({ ...context, notices: [] }, q, updateNotice(event))
                : {
                    type: 'reply',
                    key: 'ticket.update.answer',
                    before: updateNotice(event),
                    expecting: 'none',
                    ...(event.type === 'ticket.update' ? { ticket: event.ticket } : {}),
                  };
            },
          },
        ],
      },
      {
        actions: {
          type: 'reply',
          params: ({ context, event }) => {
            const update = updateNotice(event);
            const q = currentQuestion(context);
            return q
              ? withNotices({ ...context, notices: [] }, q, update)
              : {
                  type: 'reply',
                  key: 'ticket.update.done',
                  before: update,
                  expecting: 'none',
                  ...(event.type === 'ticket.update' ? { ticket: event.ticket } : {}),
                };
          },
        },
      },
    ],
    // An officer wrote to the citizen: shown at once, and an open question is asked again after it. The citizen's
    // answer goes to that ticket when they choose to add it.
    'ticket.reply': {
      actions: [
        assign({
          lastTicket: ({ context, event }) =>
            event.type === 'ticket.reply' ? event.ticket : context.lastTicket,
        }),
        {
          type: 'reply',
          params: ({ context, event }) => {
            if (event.type !== 'ticket.reply') return { type: 'reply', key: 'help', expecting: 'none' };
            const said: Paragraph[] = [
              { key: 'ticket.reply', vars: { ticket: event.ticket, text: event.text } },
              { key: 'ticket.reply.answer', vars: { ticket: event.ticket } },
            ];
            const q = currentQuestion(context);
            return q
              ? withNotices({ ...context, notices: [] }, q, said)
              : {
                  type: 'reply',
                  key: 'ticket.update.done',
                  before: said,
                  expecting: 'none',
                  ticket: event.ticket,
                };
          },
        },
      ],
    },
    // A merge: the merged ticket is closed (its chat follows the other one from now on), the other goes on.
    'ticket.merged': {
      actions: {
        type: 'reply',
        params: ({ context, event }) =>
          newsThen(
            context,
            mergedNotice(event),
            event.type === 'ticket.merged' && event.into === null ? event.ticket : null,
          ),
      },
    },
    // A change on the ticket this chat's own was merged into: news only (the chat's answers go to its own tickets).
    'ticket.followed': {
      actions: {
        type: 'reply',
        params: ({ context, event }) => newsThen(context, followedNotice(event), null),
      },
    },
  },
}).on;
