// What the citizen can do in any state: an emergency, the reminder and expiry timers, commands, edited messages.
import { and, assign, raise } from 'xstate';
import type { ReplyEffect } from '../../src/domain/reply.js';
import { type IntakeContext, type Notice, emptyDraft } from '../intake-context.js';
import { emergencyReply } from '../intake-emergency.js';
import { body } from '../intake-message.js';
import { currentQuestion, withNotices } from '../intake-questions.js';
import { type StepEvent, withReading } from '../intake-reading.js';
import { intake } from '../intake-setup.js';
import { EXPIRY_MS } from '../intake-timers.js';
import { dataCommands } from './erasing.js';

/** A one-line reply kept as a notice, shown before the next question or the summary. */
function asNotice(reply: ReplyEffect): Notice {
  const vars: NonNullable<Notice['vars']> = {};
  for (const [k, v] of Object.entries(reply.vars ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') vars[k] = v;
    else if ('key' in v) vars[k] = { key: v.key };
  }
  return { key: reply.key, vars };
}

/** The one line an edit gets: what became of it. */
const EDIT_REPLY = {
  type: 'reply',
  params: ({ context, event }: { context: IntakeContext; event: StepEvent }): ReplyEffect =>
    event.reading.edit(context)?.reply ?? { type: 'reply', key: 'edit.ignored', expecting: 'none' },
} as const;

export const anywhere = intake.createStateConfig({
  on: {
    emergency: {
      actions: [
        {
          type: 'reply',
          params: ({ event }) => emergencyReply(event.type === 'emergency' ? event.kind : 'fire'),
        },
        raise(({ event }) => withReading({ ...body(event), type: 'message', now: event.now })),
      ],
    },
    timer: [
      {
        guard: 'expiryDue',
        target: '.paused',
        actions: [
          assign(({ context }) => ({ resume: context.at, timers: {} })),
          { type: 'reply', params: { type: 'reply', key: 'expired', expecting: 'none' } },
        ],
      },
      {
        guard: 'reminderDue',
        actions: [
          assign(({ context }) => ({
            timers: { ...context.timers, reminder: undefined, expiry: context.lastActivity + EXPIRY_MS },
          })),
          {
            type: 'reply',
            params: ({ context }) =>
              withNotices(
                { ...context, notices: [] },
                currentQuestion(context) ?? { type: 'reply', key: 'reminder', expecting: 'none' },
                [{ key: 'reminder' }],
              ),
          },
        ],
      },
    ],
    command: [
      {
        guard: { type: 'isCommand', params: 'help' },
        actions: {
          type: 'reply',
          params: ({ context }) => {
            const q = currentQuestion(context);
            return q
              ? { ...q, before: [{ key: 'help' }] }
              : { type: 'reply', key: 'help', expecting: 'none' };
          },
        },
      },
      {
        guard: { type: 'isCommand', params: 'lang' },
        actions: [
          assign({
            lang: ({ event }) =>
              event.type === 'command' && event.command.type === 'lang' ? event.command.lang : 'id',
          }),
          {
            type: 'reply',
            params: ({ context }) => {
              const q = currentQuestion(context);
              return q
                ? { ...q, before: [{ key: 'lang.changed' }] }
                : { type: 'reply', key: 'lang.changed', expecting: 'none' };
            },
          },
        ],
      },
      {
        guard: { type: 'isCommand', params: 'status' },
        actions: {
          type: 'effect',
          params: ({ context, event }) => ({
            type: 'status',
            ticket:
              event.type === 'command' && event.command.type === 'status'
                ? (event.command.ticket ?? null)
                : null,
            lang: context.lang,
          }),
        },
      },
      // A person, please: the runtime opens a hand-off and answers when someone will reply; the state stays.
      {
        guard: { type: 'isCommand', params: 'handoff' },
        actions: { type: 'effect', params: { type: 'handoff' } },
      },
      ...dataCommands,
      {
        guard: and([{ type: 'isCommand', params: 'cancel' }, 'isActive']),
        target: '.cancelConfirm',
        actions: 'rememberWhere',
      },
      {
        guard: { type: 'isCommand', params: 'cancel' },
        actions: { type: 'reply', params: { type: 'reply', key: 'cancel.nothing', expecting: 'none' } },
      },
      {
        guard: { type: 'isCommand', params: 'restart' },
        target: '.start',
        actions: assign({ draft: () => emptyDraft() }),
      },
      {
        actions: {
          type: 'reply',
          params: ({ context }) =>
            currentQuestion(context) ?? { type: 'reply', key: 'help', expecting: 'none' },
        },
      },
    ],
    edit: [
      {
        guard: 'editMovesOn',
        target: '.next',
        actions: assign(({ context, event }) => {
          const o = event.reading.edit(context);
          return o
            ? { draft: o.draft, editing: false, notices: [...context.notices, asNotice(o.reply)] }
            : {};
        }),
      },
      {
        guard: 'editAppends',
        actions: [
          {
            type: 'effect',
            params: ({ context, event }) => {
              const append = event.reading.edit(context)?.effects[0];
              return append ?? { type: 'status', ticket: null, lang: context.lang };
            },
          },
          EDIT_REPLY,
        ],
      },
      {
        actions: [
          assign(({ context, event }) => {
            const o = event.reading.edit(context);
            return o ? { draft: o.draft } : {};
          }),
          EDIT_REPLY,
        ],
      },
    ],
  },
}).on;
