// "Data saya" and "hapus data saya", said anywhere: what is kept is shown and the open question asked again; erasing
// asks "yakin?" first and, unless confirmed, goes back to where it was said, asking that question again.
import { and, stateIn } from 'xstate';
import type { ReplyEffect } from '../../src/domain/reply.js';
import type { Effect } from '../effects.js';
import { commandTakesBack, sureOf } from '../intake-answers.js';
import { ERASE_RETURNS, type IntakeContext, initialContext } from '../intake-context.js';
import { msg } from '../intake-message.js';
import { currentQuestion, pausedQuestion, resolvedQuestion } from '../intake-questions.js';
import type { StepEvent } from '../intake-reading.js';
import { reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';

type Args = { context: IntakeContext; event: StepEvent };

/** "Yakin?": what goes and what stays is said in the question; only a whole, strict yes erases. */
export function eraseQuestion(): ReplyEffect {
  return {
    type: 'reply',
    key: 'ask.erase_confirm',
    choices: [
      { id: 'yes', label: { key: 'choice.yes_erase' } },
      { id: 'no', label: { key: 'choice.no_keep_data' } },
    ],
    expecting: 'cancel_confirm',
  };
}

/** No question is open: the step drops a reply without a key. */
const NO_QUESTION: ReplyEffect = { type: 'reply', key: '', expecting: 'none' };

const MY_DATA = {
  type: 'effect',
  params: ({ context }: Args): Effect => {
    const d = context.draft;
    return { type: 'my_data', draft: d.story.length > 0 || d.name !== null || d.attachments.length > 0 };
  },
} as const;

/** The names, NIKs and phones this chat gave that no ticket holds yet (the draft's, an answer for Ombudsman). */
const ERASE = {
  type: 'effect',
  params: ({ context }: Args): Effect => {
    const present = (values: (string | null | undefined)[]) => values.filter((v): v is string => !!v);
    return {
      type: 'erase',
      known: {
        names: present([context.draft.name, context.identityAsk?.name]),
        niks: present([context.draft.nik, context.identityAsk?.nik]),
        phones: present([context.draft.phone, context.channelPhone]),
      },
    };
  },
} as const;

/** Erased: the conversation starts over with nothing of the person, in its language. */
const FORGET_ALL = intake.assign(({ context, event }) => ({
  ...initialContext({ channel: context.channel, now: event.now, lang: context.lang }),
}));

const KEPT = { type: 'reply', params: { type: 'reply', key: 'erase.kept', expecting: 'none' } } as const;

/** At the root, before the commands' fallback: "data saya" here, "hapus data saya" to its confirmation. */
export const dataCommands = [
  {
    guard: { type: 'isCommand', params: 'my_data' },
    actions: [
      MY_DATA,
      { type: 'reply', params: ({ context }: Args): ReplyEffect => currentQuestion(context) ?? NO_QUESTION },
    ],
  },
  ...ERASE_RETURNS.map((from) => ({
    guard: and([{ type: 'isCommand', params: 'erase' }, stateIn(from)]),
    target: '.eraseConfirm',
    actions: intake.assign({ eraseFrom: from }),
  })),
  {
    guard: { type: 'isCommand', params: 'erase' },
    target: '.eraseConfirm',
    actions: intake.assign({ eraseFrom: null }),
  },
] as const;

export const eraseConfirm = intake.createStateConfig({
  entry: [intake.assign({ fails: 0 }), { type: 'reply', params: () => eraseQuestion() }],
  on: {
    message: [
      {
        guard: ({ event }) => {
          const m = msg(event);
          return !!m && sureOf(eraseQuestion(), m.text) === 'yes';
        },
        target: 'idle',
        actions: [ERASE, FORGET_ALL],
      },
      {
        // "Tidak", a take-back, or a third answer that is not a yes: nothing is erased.
        guard: ({ context, event }) => {
          const m = msg(event);
          return !!m && (sureOf(eraseQuestion(), m.text) === 'no' || context.fails >= 2);
        },
        target: 'resumeAfterErase',
        actions: KEPT,
      },
      {
        actions: [
          intake.assign(({ context }) => ({ fails: context.fails + 1 })),
          { type: 'reply', params: ({ context }) => reAsk(context, eraseQuestion(), 'error.choice') },
        ],
      },
    ],
    command: [
      // "hapus data saya" said again is the confirmation.
      { guard: { type: 'isCommand', params: 'erase' }, target: 'idle', actions: [ERASE, FORGET_ALL] },
      {
        guard: ({ event }) =>
          commandTakesBack(event) || (event.type === 'command' && event.command.type === 'cancel'),
        target: 'resumeAfterErase',
        actions: KEPT,
      },
      {
        guard: { type: 'isCommand', params: 'help' },
        actions: { type: 'reply', params: () => ({ ...eraseQuestion(), before: [{ key: 'help' }] }) },
      },
      {
        guard: { type: 'isCommand', params: 'my_data' },
        actions: [MY_DATA, { type: 'reply', params: () => eraseQuestion() }],
      },
    ],
  },
});

/** Back to where "hapus data saya" was said; its question is asked again by entering it (or here, for two of them). */
export const resumeAfterErase = intake.createStateConfig({
  always: [
    {
      guard: ({ context }) => context.eraseFrom === 'rateResolved',
      target: 'rateResolved',
      actions: [
        intake.assign({ eraseFrom: null }),
        { type: 'reply', params: ({ context }) => resolvedQuestion(context.rating?.ticket ?? '') },
      ],
    },
    {
      guard: ({ context }) => context.eraseFrom === 'paused',
      target: 'paused',
      actions: [intake.assign({ eraseFrom: null }), { type: 'reply', params: () => pausedQuestion() }],
    },
    ...ERASE_RETURNS.map((to) => ({
      guard: ({ context }: Args) => context.eraseFrom === to,
      target: to,
      actions: intake.assign({ eraseFrom: null }),
    })),
    { guard: ({ context }) => context.lastTicket !== null, target: 'submitted' },
    { target: 'idle' },
  ],
});
