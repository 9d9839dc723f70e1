// Filing the complaint: the receipt when the ticket is created, or "the same complaint as before?" first.
import { assign } from 'xstate';
import type { ReplyEffect, Vars } from '../../src/domain/reply.js';
import { emptyDraft } from '../intake-context.js';
import { buildComplaint, duplicateQuestion, withNotices } from '../intake-questions.js';
import { reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';

export const submitting = intake.createStateConfig({
  entry: assign({ at: null, timers: {} }),
  on: {
    'ticket.duplicate': {
      target: 'duplicateConfirm',
      actions: assign(({ event }) => ({ duplicateOf: event.ticket })),
    },
    'ticket.created': {
      target: 'submitted',
      actions: [
        {
          type: 'reply',
          params: ({ context, event }): ReplyEffect => {
            const vars: Vars =
              event.type === 'ticket.created'
                ? {
                    ticket: event.ticket,
                    verify: { date: event.verifyDue, precision: 'day' as const },
                    due: { date: event.due, precision: 'day' as const },
                    days: event.days,
                    agency: event.agency ?? '',
                  }
                : {};
            const routed = event.type === 'ticket.created' && event.agency;
            const held = event.type === 'ticket.created' ? event.heldBy : null;
            // The receipt says truthfully where the complaint is: forwarded, or held until the agency is reachable.
            const where = !routed
              ? []
              : held
                ? [
                    held.name
                      ? { key: 'submitted.agency_held', vars: { ...vars, holder: held.name } }
                      : { key: 'submitted.agency_held_admin', vars },
                  ]
                : [{ key: 'submitted.agency', vars }];
            // The status page's PIN, with the page's address when the server has a public one.
            const status =
              event.type !== 'ticket.created'
                ? []
                : event.statusUrl
                  ? [{ key: 'submitted.status_web', vars: { url: event.statusUrl, pin: event.pin } }]
                  : [{ key: 'submitted.status_pin', vars: { pin: event.pin } }];
            return withNotices(context, {
              type: 'reply',
              key: 'submitted',
              vars,
              more: [...where, { key: 'submitted.next', vars }, ...status],
              expecting: 'none',
              ...(event.type === 'ticket.created' ? { ticket: event.ticket } : {}),
            });
          },
        },
        assign(({ context, event }) => ({
          lastTicket: event.type === 'ticket.created' ? event.ticket : context.lastTicket,
          draft: emptyDraft(),
          field: null,
          notices: [],
        })),
      ],
    },
  },
});

/** A similar complaint from this chat within a day: the same one (add to it) or a new one? */
export const duplicateConfirm = intake.createStateConfig({
  entry: [
    assign({ fails: 0 }),
    { type: 'reply', params: ({ context }) => duplicateQuestion(context.duplicateOf ?? '') },
  ],
  on: {
    message: [
      {
        guard: { type: 'duplicatePick', params: 'same' },
        target: 'submitted',
        actions: [
          {
            type: 'effect',
            params: ({ context }) => ({
              type: 'append',
              ticket: context.duplicateOf ?? '',
              text: context.draft.story.join('\n'),
              attachments: context.draft.attachments,
            }),
          },
          {
            type: 'reply',
            params: ({ context }) => ({
              type: 'reply',
              key: 'ack.duplicate_appended',
              vars: { ticket: context.duplicateOf ?? '' },
              expecting: 'none',
              ...(context.duplicateOf ? { ticket: context.duplicateOf } : {}),
            }),
          },
          assign(({ context }) => ({
            lastTicket: context.duplicateOf,
            duplicateOf: null,
            draft: emptyDraft(),
            field: null,
          })),
        ],
      },
      {
        guard: { type: 'duplicatePick', params: 'new' },
        target: 'submitting',
        actions: [
          {
            type: 'effect',
            params: ({ context }) => {
              const complaint = buildComplaint(context);
              return complaint ? { type: 'submit', complaint, allowDuplicate: true } : { type: 'forget' };
            },
          },
          assign({ duplicateOf: null }),
        ],
      },
      {
        // Filing or not is the citizen's decision: asked again, with the help line after two misses.
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) =>
              reAsk(context, duplicateQuestion(context.duplicateOf ?? ''), 'error.choice'),
          },
        ],
      },
    ],
  },
});
