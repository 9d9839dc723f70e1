// The story told in the citizen's own words, then the facts guessed from it (routed at once when it says enough).
import { and, assign } from 'xstate';
import { USUAL_AGENCY } from '../../src/domain/categories.js';
import type { IntakeContext } from '../intake-context.js';
import { body, keepExtras, mediaOnlyReply } from '../intake-message.js';
import { storyPrompt, withNotices } from '../intake-questions.js';
import { routeEffect } from '../intake-route.js';
import { intake } from '../intake-setup.js';
import { guessFromStory } from '../intake-story-guess.js';
import { STORY_NUDGE_MS } from '../intake-timers.js';

/** After two messages without words at the story: how to tell it, and the help line. */
function storyHelp(ctx: IntakeContext): { more?: { key: string }[] } {
  return ctx.fails >= 2 ? { more: [{ key: 'ask.story.example' }, { key: 'help.short' }] } : {};
}

export const story = intake.createStateConfig({
  entry: [
    assign({ at: 'story', fails: 0 }),
    { type: 'reply', params: ({ context }) => withNotices(context, storyPrompt(context.draft)) },
    'clearNotices',
  ],
  on: {
    message: [
      { guard: 'storyDone', target: 'analyze', actions: 'appendStory' },
      {
        // A third message that tells nothing (emoji, a voice note, "halo") after some story: go on with that story.
        // With no story at all there is nothing to file: the question stays, with help (never an empty complaint).
        guard: and(['failedTwice', 'notStory', 'hasStory']),
        target: 'analyze',
        actions: assign(({ context, event }) => ({ draft: keepExtras(context.draft, body(event)) })),
      },
      {
        guard: 'filesOnly',
        actions: [
          assign(({ context, event }) => ({
            fails: context.fails + 1,
            draft: keepExtras(context.draft, body(event)),
          })),
          {
            type: 'reply',
            params: ({ context, event }) => ({
              type: 'reply',
              key: mediaOnlyReply(body(event)) ?? 'ack.media',
              ...storyHelp(context),
              expecting: 'story',
            }),
          },
        ],
      },
      {
        guard: 'noLetters',
        actions: [
          assign(({ context, event }) => ({
            fails: context.fails + 1,
            draft: keepExtras(context.draft, body(event)),
          })),
          {
            type: 'reply',
            params: ({ context }) => ({
              type: 'reply',
              key: 'error.need_text',
              ...storyHelp(context),
              expecting: 'story',
            }),
          },
        ],
      },
      {
        // "pak", "halo?" while telling: the prompt again, so the citizen is never left in silence.
        guard: 'smallTalk',
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          { type: 'reply', params: ({ context }) => storyPrompt(context.draft) },
        ],
      },
      {
        // The story already says what the problem is: the guess comes at once (it invites more story too).
        guard: 'fragmentMakesReady',
        target: 'analyze',
        actions: 'appendStory',
      },
      {
        guard: 'storyEmpty',
        actions: ['appendStory', { type: 'reply', params: ({ context }) => storyPrompt(context.draft) }],
      },
      {
        // More story, kept without a word: once, a little later, a line says the bot waits for the rest.
        actions: [
          'appendStory',
          assign(({ context, event }) =>
            context.nudged ? {} : { timers: { ...context.timers, storyNudge: event.now + STORY_NUDGE_MS } },
          ),
        ],
      },
    ],
    timer: [
      { guard: 'quietDue', target: 'analyze' },
      {
        guard: 'nudgeDue',
        actions: [
          assign(({ context }) => ({
            nudged: true,
            timers: { ...context.timers, storyNudge: undefined },
          })),
          {
            type: 'reply',
            params: ({ context }) => ({
              type: 'reply',
              key: 'ack.story.waiting',
              choices: storyPrompt(context.draft).choices,
              expecting: 'story',
            }),
          },
        ],
      },
    ],
    command: [{ guard: { type: 'isCommand', params: 'resume' }, target: 'analyze' }],
  },
  always: {
    guard: 'storyFull',
    target: 'analyze',
    actions: assign({ notices: [{ key: 'notice.story_full' }] }),
  },
  exit: assign(({ context }) => ({
    timers: { ...context.timers, storyQuiet: undefined, storyNudge: undefined },
    nudged: undefined,
  })),
});

export const analyze = intake.createStateConfig({
  entry: assign(({ context, event }) => ({ draft: guessFromStory(context.draft, event.now) })),
  always: [
    { guard: and(['hasGuesses', 'canRoute']), target: 'routeGuess' },
    { guard: 'hasGuesses', target: 'guess' },
    { target: 'next' },
  ],
});

/** The guess names the agency the complaint would go to: the runtime's router answers at once. */
export const routeGuess = intake.createStateConfig({
  entry: { type: 'effect', params: ({ context }) => routeEffect(context) },
  on: {
    routed: {
      target: 'guess',
      actions: assign(({ context, event }) => {
        const d = context.draft;
        // A generic guess ("Disdukcapil") becomes the office itself; an agency the story named stays as written.
        const generic =
          d.guessed.includes('agency') &&
          d.category &&
          d.agency === USUAL_AGENCY[d.category] &&
          !event.route.fallback;
        return {
          draft: { ...d, route: event.route, agency: generic ? event.route.agencyName : d.agency },
        };
      }),
    },
  },
});
