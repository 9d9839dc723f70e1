// A draft left idle until it expired: resumed where it stood, or set aside for a new complaint.
import { assign } from 'xstate';
import { emptyDraft } from '../intake-context.js';
import { pausedQuestion } from '../intake-questions.js';
import { reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';

/** Expired after 72 idle hours: the draft is kept until the citizen resumes or starts anew. */
export const paused = intake.createStateConfig({
  entry: assign({ at: null, fails: 0 }),
  on: {
    message: [
      {
        guard: { type: 'pausedPick', params: 'new' },
        target: 'start',
        actions: assign({ draft: () => emptyDraft() }),
      },
      { guard: { type: 'pausedPick', params: 'resume' }, target: 'resuming' },
      // Asked twice already: the draft is resumed (nothing is lost; "batal" still discards it).
      { guard: 'failedTwice', target: 'resuming' },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) =>
              context.fails <= 1 ? pausedQuestion() : reAsk(context, pausedQuestion(), 'error.choice'),
          },
        ],
      },
    ],
    command: [
      { guard: { type: 'isCommand', params: 'resume' }, target: 'resuming' },
      { guard: { type: 'isCommand', params: 'start' }, target: 'resuming' },
    ],
    // Retention: left for DRAFT_RETENTION_DAYS after it expired, the draft goes; nothing is said.
    'draft.expired': { target: 'idle', actions: ['forgetDraft', assign({ resume: null })] },
  },
});

export const resuming = intake.createStateConfig({
  always: [
    { guard: { type: 'resumeIs', params: 'consent' }, target: 'consent' },
    { guard: { type: 'resumeIs', params: 'story' }, target: 'story' },
    { guard: { type: 'resumeIs', params: 'guess' }, target: 'guess' },
    { guard: { type: 'resumeIs', params: 'summary' }, target: 'next' },
    { guard: { type: 'resumeIs', params: 'editPick' }, target: 'next' },
    { target: 'next' },
  ],
});
