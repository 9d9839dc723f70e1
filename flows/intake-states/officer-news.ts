// The machine's answer in any state to an officer's change to a ticket, or an officer's message to the citizen.
import { and, assign, or, stateIn } from 'xstate';
import type { Paragraph } from '../../src/domain/reply.js';
import type { IntakeEvent } from '../intake-events.js';
import { currentQuestion, resolvedQuestion, withNotices } from '../intake-questions.js';
import { intake } from '../intake-setup.js';

/** What an officer's status change tells the citizen: the new status, the reason or message, what comes next. */
function updateNotice(event: IntakeEvent): Paragraph[] {
  if (event.type !== 'ticket.update') return [];
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
  },
}).on;
