// Several open tickets and a message for one of them: which (one tap), a new complaint, or withdrawing one.
import { and, assign, raise } from 'xstate';
import { emptyDraft } from '../intake-context.js';
import { pickText } from '../intake-message.js';
import { withReading } from '../intake-reading.js';
import { appendedAck, reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';
import { whichTicketPick, whichTicketQuestion } from '../intake-tickets.js';

/** Several open tickets: which one is the message for (one tap), a new complaint, or withdrawing one? */
export const whichTicket = intake.createStateConfig({
  entry: [
    assign({ at: 'whichTicket', fails: 0 }),
    { type: 'reply', params: ({ context }) => whichTicketQuestion(context) },
  ],
  on: {
    message: [
      {
        guard: and([
          { type: 'whichPick', params: 'ticket' as const },
          ({ context }) => context.whichFor === 'withdraw',
        ]),
        target: 'withdrawConfirm',
        actions: assign(({ context, event }) => ({
          lastTicket: whichTicketPick(context, pickText(event)),
          ticketChoices: null,
          whichFor: null,
        })),
      },
      {
        guard: { type: 'whichPick', params: 'ticket' },
        target: 'submitted',
        actions: [
          {
            type: 'effect',
            params: ({ context, event }) => ({
              type: 'append',
              ticket: whichTicketPick(context, pickText(event)) ?? '',
              text: context.pendingAfterSubmit?.text ?? null,
              attachments: context.pendingAfterSubmit?.attachments ?? [],
            }),
          },
          {
            type: 'reply',
            params: ({ context, event }) => appendedAck(whichTicketPick(context, pickText(event)) ?? ''),
          },
          assign(({ context, event }) => ({
            lastTicket: whichTicketPick(context, pickText(event)),
            ticketChoices: null,
            whichFor: null,
            pendingAfterSubmit: null,
          })),
        ],
      },
      {
        guard: { type: 'whichPick', params: 'new' },
        target: 'start',
        actions: assign(({ context }) => ({
          draft: {
            ...emptyDraft(),
            story: context.pendingAfterSubmit?.text ? [context.pendingAfterSubmit.text] : [],
          },
          ticketChoices: null,
          whichFor: null,
          pendingAfterSubmit: null,
        })),
      },
      {
        // "Cabut": which one? The same tickets are offered again.
        guard: { type: 'whichPick', params: 'withdraw' },
        target: 'whichTicket',
        reenter: true,
        actions: assign({ whichFor: 'withdraw', pendingAfterSubmit: null }),
      },
      {
        // Three misses: nothing is added or filed, and the citizen is told how to go on.
        guard: 'failedTwice',
        target: 'submitted',
        actions: [
          assign({ pendingAfterSubmit: null, ticketChoices: null, whichFor: null }),
          { type: 'reply', params: { type: 'reply', key: 'which_ticket.dropped', expecting: 'none' } },
        ],
      },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) => reAsk(context, whichTicketQuestion(context), 'error.choice'),
          },
        ],
      },
    ],
    // A ticket number typed alone reads as "status ADU-…": here it picks that ticket.
    command: {
      // Any other command (and "status" of another ticket) is the usual command, at the root.
      guard: ({ context, event }) => whichTicketPick(context, pickText(event)) !== null,
      actions: raise(({ event }) =>
        withReading({
          type: 'message',
          now: event.now,
          text: pickText(event),
          attachments: [],
          location: null,
          contactPhone: null,
          channelPhone: null,
        }),
      ),
    },
  },
});
