// Where a complaint opens: at rest (idle), the start, the consent question, and consent given or refused.
import { assign } from 'xstate';
import { isStoryFragment } from '../../src/understand/small-talk.js';
import { yesThenStory } from '../../src/understand/story-telling.js';
import { LIMITS, emptyDraft } from '../intake-context.js';
import { body, keepExtras, msg, withFragment } from '../intake-message.js';
import { consentKeptQuestion, consentQuestion } from '../intake-questions.js';
import { reAsk } from '../intake-replies.js';
import { intake } from '../intake-setup.js';
import { STORY_QUIET_MS } from '../intake-timers.js';

export const idle = intake.createStateConfig({
  entry: assign({ at: null }),
  on: {
    message: {
      target: 'start',
      actions: assign(({ context, event }) => {
        const m = msg(event);
        const text = m?.text.trim() ?? '';
        // "pak", "mau lapor" open a chat; anything more is the first piece of the story.
        const story = isStoryFragment(text) ? [text.slice(0, LIMITS.storyChars)] : [];
        return {
          draft: keepExtras({ ...emptyDraft(), story }, body(event)),
          channelPhone: m?.channelPhone ?? context.channelPhone,
        };
      }),
    },
    command: [
      { guard: { type: 'isCommand', params: 'start' }, target: 'start' },
      { guard: { type: 'isCommand', params: 'resume' }, target: 'start' },
    ],
  },
});

/** Where a new complaint begins: consent once per chat, then the story. */
export const start = intake.createStateConfig({
  always: [{ guard: 'hasConsent', target: 'story' }, { target: 'consent' }],
});

/**
 * Consent is decided only by an answer to it as a whole (or a yes that goes on telling). Anything else is
 * story, kept in the draft, and consent is asked again in one short line.
 */
export const consent = intake.createStateConfig({
  entry: [
    assign({ at: 'consent', fails: 0, quiet: 0, storyAcked: false }),
    { type: 'reply', params: () => consentQuestion(true) },
  ],
  on: {
    message: [
      { guard: 'consentYes', target: 'consented', actions: 'giveConsent' },
      {
        // Still telling: the story goes on, "selesai" or quiet time ends it.
        guard: 'consentWithStory',
        target: 'story',
        actions: [
          'giveConsent',
          assign(({ context, event }) => ({
            draft: withFragment(context.draft, yesThenStory(msg(event)?.text ?? '') ?? '', body(event)),
          })),
        ],
      },
      {
        guard: 'consentNo',
        target: 'declined',
        actions: [
          'forgetDraft',
          { type: 'effect', params: { type: 'forget' } },
          { type: 'reply', params: { type: 'reply', key: 'consent.refused', expecting: 'none' } },
        ],
      },
      {
        guard: 'keptQuietly',
        actions: assign(({ context, event }) => ({
          quiet: (context.quiet ?? 0) + 1,
          draft: withFragment(context.draft, msg(event)?.text ?? '', body(event)),
          timers: { ...context.timers, storyQuiet: event.now + STORY_QUIET_MS },
        })),
      },
      {
        guard: 'storyFragment',
        actions: [
          assign(({ context, event }) => ({
            fails: context.fails + 1,
            quiet: 0,
            storyAcked: true,
            draft: withFragment(context.draft, msg(event)?.text ?? '', body(event)),
            timers: { ...context.timers, storyQuiet: event.now + STORY_QUIET_MS },
          })),
          { type: 'reply', params: () => consentKeptQuestion() },
        ],
      },
      {
        guard: 'smallTalkQuietly',
        actions: assign(({ context, event }) => ({
          quiet: (context.quiet ?? 0) + 1,
          timers: { ...context.timers, storyQuiet: event.now + STORY_QUIET_MS },
        })),
      },
      {
        actions: [
          assign(({ context, event }) => ({
            fails: context.fails + 1,
            quiet: 0,
            draft: keepExtras(context.draft, body(event)),
          })),
          {
            type: 'reply',
            params: ({ context }) => reAsk(context, consentQuestion(false), 'error.consent'),
          },
        ],
      },
    ],
    timer: {
      // Messages kept quietly, then nothing: consent is asked again (saying the story was kept, if there is one).
      guard: 'quietDue',
      actions: [
        assign(({ context }) => ({ timers: { ...context.timers, storyQuiet: undefined }, quiet: 0 })),
        {
          type: 'reply',
          params: ({ context }) =>
            context.draft.story.length > 0 ? consentKeptQuestion() : consentQuestion(false),
        },
      ],
    },
    command: [
      {
        guard: { type: 'isCommand', params: 'cancel' },
        target: 'declined',
        actions: [
          'forgetDraft',
          { type: 'effect', params: { type: 'forget' } },
          { type: 'reply', params: { type: 'reply', key: 'consent.refused', expecting: 'none' } },
        ],
      },
      // "lanjut" to "do you agree?" is a yes.
      { guard: { type: 'isCommand', params: 'resume' }, target: 'consented', actions: 'giveConsent' },
      {
        guard: { type: 'isCommand', params: 'start' },
        actions: { type: 'reply', params: () => consentQuestion(false) },
      },
    ],
  },
  exit: assign(({ context }) => ({
    timers: { ...context.timers, storyQuiet: undefined },
    quiet: undefined,
    storyAcked: undefined,
  })),
});

/** After consent: a story already told goes straight to the guess; otherwise it is asked for. */
export const consented = intake.createStateConfig({
  always: [{ guard: 'storyReady', target: 'analyze' }, { target: 'story' }],
});

/** Consent refused: any new message, or "lanjut", starts again at the consent question. */
export const declined = intake.createStateConfig({
  entry: assign({ at: null }),
  on: {
    message: {
      target: 'consent',
      actions: assign(({ context, event }) => {
        const text = msg(event)?.text ?? '';
        return {
          draft: isStoryFragment(text) ? withFragment(context.draft, text, body(event)) : context.draft,
        };
      }),
    },
    command: [
      { guard: { type: 'isCommand', params: 'start' }, target: 'consent' },
      { guard: { type: 'isCommand', params: 'resume' }, target: 'consent' },
      { guard: { type: 'isCommand', params: 'restart' }, target: 'consent' },
    ],
  },
});
