// A ticket the agency called done: solved or not (reopened), then a score and a comment.
import { assign, or } from 'xstate';
import { scoreOf, skipsComment } from '../intake-answers.js';
import { body } from '../intake-message.js';
import { ratingCommentQuestion, ratingQuestion, resolvedQuestion } from '../intake-questions.js';
import { reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';

/** Three replies it could not read: no rating, and the citizen is told so. */
const GIVE_UP = {
  guard: 'failedTwice',
  target: 'submitted',
  actions: [
    intake.assign({ rating: null }),
    { type: 'reply', params: { type: 'reply', key: 'rating.skipped', expecting: 'none' } },
  ],
} as const;

/** The agency called a ticket done: is it solved? "Belum" sends it back to the agency. */
export const rateResolved = intake.createStateConfig({
  entry: assign({ at: null }),
  on: {
    message: [
      {
        guard: { type: 'resolvedAnswer', params: 'no' },
        target: 'submitted',
        actions: [
          {
            type: 'effect',
            params: ({ context }) => ({ type: 'reopen', ticket: context.rating?.ticket ?? '' }),
          },
          {
            type: 'reply',
            params: ({ context }) => ({
              type: 'reply',
              key: 'rating.reopened',
              vars: { ticket: context.rating?.ticket ?? '' },
              expecting: 'none',
            }),
          },
          assign({ rating: null }),
        ],
      },
      { guard: { type: 'resolvedAnswer', params: 'yes' }, target: 'rateScore' },
      GIVE_UP,
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) =>
              reAsk(context, resolvedQuestion(context.rating?.ticket ?? ''), 'error.choice'),
          },
        ],
      },
    ],
  },
});

export const rateScore = intake.createStateConfig({
  entry: [assign({ fails: 0 }), { type: 'reply', params: () => ratingQuestion() }],
  on: {
    message: [
      {
        guard: 'scoreGiven',
        target: 'rateComment',
        actions: assign(({ context, event }) => ({
          rating: context.rating ? { ...context.rating, score: scoreOf(body(event).text) } : null,
        })),
      },
      GIVE_UP,
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          { type: 'reply', params: ({ context }) => reAsk(context, ratingQuestion(), 'error.choice') },
        ],
      },
    ],
  },
});

export const rateComment = intake.createStateConfig({
  entry: [assign({ fails: 0 }), { type: 'reply', params: () => ratingCommentQuestion() }],
  on: {
    message: [
      {
        // A comment, "lewati", or (after three tries with nothing to read) no comment: the score is recorded.
        guard: or(['skipComment', 'hasText', 'failedTwice']),
        target: 'submitted',
        actions: [
          {
            type: 'effect',
            params: ({ context, event }) => {
              const text = body(event).text;
              return {
                type: 'rate',
                ticket: context.rating?.ticket ?? '',
                score: context.rating?.score ?? 3,
                comment: skipsComment(text) ? null : text.trim().slice(0, 1000) || null,
              };
            },
          },
          {
            type: 'reply',
            params: ({ context }) => ({
              type: 'reply',
              key: 'rating.thanks',
              vars: { ticket: context.rating?.ticket ?? '' },
              expecting: 'none',
            }),
          },
          assign({ rating: null }),
        ],
      },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) => reAsk(context, ratingCommentQuestion(), 'error.choice'),
          },
        ],
      },
    ],
  },
});
