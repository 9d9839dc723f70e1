// After filing: a message at rest goes to its ticket, or the citizen chooses to add it, file anew, or withdraw.
import { assign } from 'xstate';
import { type IntakeContext, LIMITS, emptyDraft } from '../intake-context.js';
import type { IntakeEvent } from '../intake-events.js';
import { body, msg, pending } from '../intake-message.js';
import { afterSubmitQuestion, withdrawQuestion } from '../intake-questions.js';
import { appendedAck, reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';
import { targetOf } from '../intake-tickets.js';

/** The ticket a message after filing is for, when it is known without asking. */
function ticketOf(ctx: IntakeContext, event: IntakeEvent): string | null {
  const m = msg(event);
  if (!m) return null;
  const target = targetOf(ctx, m);
  return target.kind === 'ask' ? null : target.ticket || null;
}

export const submitted = intake.createStateConfig({
  entry: assign({ at: null }),
  on: {
    message: [
      {
        // "cabut" as a reply to a ticket's message: that ticket, after the usual "sure?".
        guard: 'repliedWithdraw',
        target: 'withdrawConfirm',
        actions: assign(({ context, event }) => ({
          lastTicket: ticketOf(context, event) ?? context.lastTicket,
        })),
      },
      {
        // A reply to a message about an open ticket (the platform's reply context): it belongs to that ticket.
        guard: { type: 'targets', params: 'replied' },
        actions: [
          {
            type: 'effect',
            params: ({ context, event }) => ({
              type: 'append',
              ticket: ticketOf(context, event) ?? '',
              text: body(event).text.trim().slice(0, LIMITS.storyChars) || null,
              attachments: body(event).attachments.filter((a) => a.kind !== 'sticker'),
            }),
          },
          {
            type: 'reply',
            params: ({ context, event }) => appendedAck(ticketOf(context, event) ?? ''),
          },
          assign(({ context, event }) => ({
            lastTicket: ticketOf(context, event) ?? context.lastTicket,
          })),
        ],
      },
      {
        // Several open tickets and nothing saying which: the citizen picks one (one tap), or a new complaint.
        guard: { type: 'targets', params: 'ask' },
        target: 'whichTicket',
        actions: assign(({ context, event }) => {
          const target = targetOf(context, body(event));
          return {
            ticketChoices: target.kind === 'ask' ? target.choices : null,
            whichFor: 'add' as const,
            pendingAfterSubmit: pending(event),
          };
        }),
      },
      {
        guard: 'filesWithoutText',
        actions: [
          {
            type: 'effect',
            params: ({ context, event }) => ({
              type: 'append',
              ticket: ticketOf(context, event) ?? '',
              text: null,
              attachments: body(event).attachments.filter((a) => a.kind !== 'sticker'),
            }),
          },
          {
            type: 'reply',
            params: ({ context, event }) => appendedAck(ticketOf(context, event) ?? ''),
          },
          assign(({ context, event }) => ({
            lastTicket: ticketOf(context, event) ?? context.lastTicket,
          })),
        ],
      },
      {
        target: 'afterSubmit',
        actions: assign(({ context, event }) => ({
          lastTicket: ticketOf(context, event) ?? context.lastTicket,
          pendingAfterSubmit: pending(event),
        })),
      },
    ],
    command: [
      {
        guard: { type: 'isCommand', params: 'start' },
        target: 'start',
        actions: assign({ draft: () => emptyDraft() }),
      },
    ],
  },
});

export const afterSubmit = intake.createStateConfig({
  entry: [
    assign({ at: 'afterSubmit', fails: 0 }),
    { type: 'reply', params: ({ context }) => afterSubmitQuestion(context.lastTicket ?? '') },
  ],
  on: {
    message: [
      {
        guard: { type: 'afterSubmitPick', params: 'add' },
        target: 'submitted',
        actions: [
          {
            type: 'effect',
            params: ({ context }) => ({
              type: 'append',
              ticket: context.lastTicket ?? '',
              text: context.pendingAfterSubmit?.text ?? null,
              attachments: context.pendingAfterSubmit?.attachments ?? [],
            }),
          },
          { type: 'reply', params: ({ context }) => appendedAck(context.lastTicket ?? '') },
          assign({ pendingAfterSubmit: null }),
        ],
      },
      {
        guard: { type: 'afterSubmitPick', params: 'new' },
        target: 'start',
        actions: assign(({ context }) => ({
          draft: {
            ...emptyDraft(),
            story: context.pendingAfterSubmit?.text ? [context.pendingAfterSubmit.text] : [],
          },
          pendingAfterSubmit: null,
        })),
      },
      {
        guard: { type: 'afterSubmitPick', params: 'withdraw' },
        target: 'withdrawConfirm',
      },
      {
        // Three misses: the message is neither added nor filed, and the citizen is told how to go on.
        guard: 'failedTwice',
        target: 'submitted',
        actions: [
          assign({ pendingAfterSubmit: null }),
          {
            type: 'reply',
            params: ({ context }) => ({
              type: 'reply',
              key: 'after_submit.dropped',
              vars: { ticket: context.lastTicket ?? '' },
              expecting: 'none',
            }),
          },
        ],
      },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) =>
              reAsk(context, afterSubmitQuestion(context.lastTicket ?? ''), 'error.choice'),
          },
        ],
      },
    ],
  },
});

export const withdrawConfirm = intake.createStateConfig({
  entry: [
    assign({ fails: 0 }),
    { type: 'reply', params: ({ context }) => withdrawQuestion(context.lastTicket ?? '') },
  ],
  on: {
    message: [
      {
        guard: { type: 'sure', params: { answer: 'yes', of: 'withdraw' } },
        target: 'submitted',
        actions: [
          {
            type: 'effect',
            params: ({ context }) => ({ type: 'withdraw', ticket: context.lastTicket ?? '' }),
          },
          {
            type: 'reply',
            params: ({ context }) => ({
              type: 'reply',
              key: 'withdrawn',
              vars: { ticket: context.lastTicket ?? '' },
              expecting: 'none',
            }),
          },
          assign({ pendingAfterSubmit: null }),
        ],
      },
      {
        guard: { type: 'sure', params: { answer: 'no', of: 'withdraw' } },
        target: 'submitted',
        actions: [
          assign({ pendingAfterSubmit: null }),
          { type: 'reply', params: { type: 'reply', key: 'withdraw.kept', expecting: 'none' } },
        ],
      },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) =>
              reAsk(context, withdrawQuestion(context.lastTicket ?? ''), 'error.choice'),
          },
        ],
      },
    ],
    command: [
      {
        guard: 'commandTakesBack',
        target: 'submitted',
        actions: [
          assign({ pendingAfterSubmit: null }),
          { type: 'reply', params: { type: 'reply', key: 'withdraw.kept', expecting: 'none' } },
        ],
      },
    ],
  },
});
