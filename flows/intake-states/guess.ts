// The guess from the story, confirmed or corrected in one question, and which part of it is wrong.
import { assign } from 'xstate';
import type { ReplyEffect } from '../../src/domain/reply.js';
import { isStoryFragment } from '../../src/understand/small-talk.js';
import type { IntakeContext } from '../intake-context.js';
import { namedCorrection } from '../intake-corrections.js';
import { confirmGuess, dropGuessedPart } from '../intake-guess.js';
import { body, keepExtras, mediaOnlyReply, msg, withFragment } from '../intake-message.js';
import { guessFixQuestion, guessQuestion, withNotices } from '../intake-questions.js';
import { reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';
import { pickShown } from '../intake-shown.js';
import { guessFromStory } from '../intake-story-guess.js';
import { STORY_QUIET_MS } from '../intake-timers.js';
import { CANCEL_WITH_WORDS } from './cancelling.js';

/** After more story: the guess again if the story changed it, else a short pointer to the guess above. */
function guessBack(ctx: IntakeContext): ReplyEffect {
  const q = guessQuestion(ctx.draft);
  return ctx.guessChanged ? q : { ...q, key: 'ask.guess.short', rows: [], more: [] };
}

/**
 * "Benar begitu?": a yes or a restated fact confirms; another value for one fact corrects it alone; a date
 * goes to the date; a bare "bukan" asks which part is wrong.
 */
export const guess = intake.createStateConfig({
  entry: [
    assign({ at: 'guess', fails: 0, guessChanged: false }),
    { type: 'reply', params: ({ context }) => withNotices(context, guessQuestion(context.draft)) },
    'clearNotices',
  ],
  on: {
    timer: {
      guard: 'quietDue',
      actions: [
        {
          type: 'reply',
          params: ({ context }) => guessBack(context),
        },
        assign(({ context }) => ({
          guessChanged: false,
          timers: { ...context.timers, storyQuiet: undefined },
        })),
      ],
    },
    message: [
      {
        // A voice note or a photo at the guess: kept as evidence; the guess is asked again with a word on it.
        guard: 'filesOnly',
        actions: [
          assign(({ context, event }) => ({ draft: keepExtras(context.draft, body(event)) })),
          {
            type: 'reply',
            params: ({ context, event }) =>
              withNotices(context, guessQuestion(context.draft), [
                { key: mediaOnlyReply(body(event)) ?? 'ack.media' },
              ]),
          },
        ],
      },
      CANCEL_WITH_WORDS,
      {
        // "ya, tp lokasinya di desa Anjir …", "bukan, tanggalnya 3 Mei": that field is fixed, the rest stands.
        guard: 'guessFieldFixed',
        target: 'next',
        actions: assign(({ context, event }) => {
          const m = msg(event);
          const fix = m ? namedCorrection(context.draft, m.text, m.now) : null;
          if (!fix) return {};
          const d = confirmGuess(fix.draft);
          return { draft: { ...d, answered: [...new Set([...d.answered, fix.field])] } };
        }),
      },
      {
        guard: { type: 'guessIs', params: 'confirmed' },
        target: 'next',
        actions: assign(({ context, event }) => {
          const read = event.reading.guess(context);
          return read?.kind === 'confirmed' ? { draft: read.draft } : {};
        }),
      },
      { guard: { type: 'guessIs', params: 'which' }, target: 'guessFix' },
      {
        guard: 'storyGoesOn',
        actions: assign(({ context, event }) => {
          const draft = guessFromStory(
            withFragment(context.draft, msg(event)?.text ?? '', body(event)),
            event.now,
          );
          const changed =
            JSON.stringify(guessQuestion(draft).rows) !== JSON.stringify(guessQuestion(context.draft).rows);
          return {
            draft,
            guessChanged: context.guessChanged === true || changed,
            // Quiet for a while after more story: the guess (or a pointer to it) comes back by itself.
            timers: { ...context.timers, storyQuiet: event.now + STORY_QUIET_MS },
          };
        }),
      },
      {
        // "selesai" after telling more: the guess again if the new story changed it, else a pointer to it.
        guard: 'storyEnds',
        actions: [
          {
            type: 'reply',
            params: ({ context }) => guessBack(context),
          },
          assign({ guessChanged: false }),
        ],
      },
      {
        // Three answers not understood: the guess stands, and the summary shows it all for correction.
        guard: 'guessGivesUp',
        target: 'next',
        actions: assign(({ context }) => ({
          draft: confirmGuess(context.draft),
          notices: [{ key: 'notice.guess_kept' }],
        })),
      },
      {
        actions: [
          assign(({ context, event }) => {
            // More story sent before the guess was read is kept as story, not lost.
            const text = msg(event)?.text ?? '';
            const d = isStoryFragment(text) ? withFragment(context.draft, text, body(event)) : context.draft;
            return { fails: context.fails + 1, draft: keepExtras(d, body(event)) };
          }),
          {
            type: 'reply',
            params: ({ context }) => {
              const q = guessQuestion(context.draft);
              return {
                ...reAsk(context, q, 'error.guess'),
                more: [...(q.more ?? []), { key: 'ask.guess.example' }],
              };
            },
          },
        ],
      },
    ],
  },
  exit: assign(({ context }) => ({ timers: { ...context.timers, storyQuiet: undefined } })),
});

/** Which part of the guess is wrong: that part is asked again, the rest stands. */
export const guessFix = intake.createStateConfig({
  entry: [assign({ fails: 0 }), { type: 'reply', params: ({ context }) => guessFixQuestion(context.draft) }],
  on: {
    message: [
      {
        guard: 'guessFixPicked',
        target: 'next',
        actions: assign(({ context, event }) => ({
          draft: dropGuessedPart(
            context.draft,
            pickShown(guessFixQuestion(context.draft), msg(event)?.text ?? '') ?? 'all',
          ),
        })),
      },
      {
        guard: { type: 'guessIs', params: 'confirmed' },
        target: 'next',
        actions: assign(({ context, event }) => {
          const read = event.reading.guess(context);
          return read?.kind === 'confirmed' ? { draft: read.draft } : {};
        }),
      },
      {
        // "kembali", "sudah benar", "tidak ada": nothing is wrong after all.
        guard: 'nothingWrong',
        target: 'next',
        actions: assign(({ context }) => ({ draft: confirmGuess(context.draft) })),
      },
      {
        guard: 'failedTwice',
        target: 'next',
        actions: assign(({ context }) => ({ draft: dropGuessedPart(context.draft, 'all') })),
      },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) => reAsk(context, guessFixQuestion(context.draft), 'error.choice'),
          },
        ],
      },
    ],
  },
});
