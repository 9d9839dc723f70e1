// Cancelling a complaint in progress: "are you sure?", and back to where "batal" was said when it is taken back.
import { assign } from 'xstate';
import { cancelQuestion } from '../intake-questions.js';
import { reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';

/** "batal aja lah pak, …" at a question: the cancel question, which comes back here when taken back. */
export const CANCEL_WITH_WORDS = {
  guard: 'wantsCancel',
  target: 'cancelConfirm',
  actions: 'rememberWhere',
} as const;

/** "Yakin?": only a strict, whole yes cancels; "lanjut", "tidak jadi", "kembali" take it back. */
export const cancelConfirm = intake.createStateConfig({
  entry: [assign({ fails: 0 }), { type: 'reply', params: () => cancelQuestion() }],
  on: {
    message: [
      {
        guard: { type: 'sure', params: { answer: 'yes', of: 'cancel' } },
        target: 'idle',
        actions: [
          'forgetDraft',
          { type: 'reply', params: { type: 'reply', key: 'cancel.done', expecting: 'none' } },
        ],
      },
      { guard: { type: 'sure', params: { answer: 'no', of: 'cancel' } }, target: 'resumeAfterCancel' },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          { type: 'reply', params: ({ context }) => reAsk(context, cancelQuestion(), 'error.choice') },
        ],
      },
    ],
    command: [
      { guard: 'commandTakesBack', target: 'resumeAfterCancel' },
      {
        guard: { type: 'isCommand', params: 'cancel' },
        target: 'idle',
        actions: [
          'forgetDraft',
          { type: 'reply', params: { type: 'reply', key: 'cancel.done', expecting: 'none' } },
        ],
      },
      {
        guard: { type: 'isCommand', params: 'help' },
        actions: { type: 'reply', params: () => ({ ...cancelQuestion(), before: [{ key: 'help' }] }) },
      },
    ],
  },
});

/** Back to where `batal` was said. */
export const resumeAfterCancel = intake.createStateConfig({
  always: [
    { guard: { type: 'resumeIs', params: 'consent' }, target: 'consent' },
    { guard: { type: 'resumeIs', params: 'story' }, target: 'story' },
    { guard: { type: 'resumeIs', params: 'guess' }, target: 'guess' },
    { guard: { type: 'resumeIs', params: 'summary' }, target: 'summary' },
    { guard: { type: 'resumeIs', params: 'editPick' }, target: 'editPick' },
    { target: 'asking', actions: assign({ editing: true }) },
  ],
});
