// The intake machine's setup: its types, actions and guards; its states are built with `intake.createStateConfig`.
import { assign, setup } from 'xstate';
import type { ReplyEffect } from '../src/domain/reply.js';
import { storyDone } from '../src/understand/story-done.js';
import type { Effect } from './effects.js';
import { type IntakeContext, type IntakeInput, emptyDraft } from './intake-context.js';
import { draftGuards } from './intake-draft-guards.js';
import { identityGuards } from './intake-identity.js';
import { body, msg, withFragment } from './intake-message.js';
import { CONSENT_VERSION, storyPrompt } from './intake-questions.js';
import type { StepEvent } from './intake-reading.js';
import { pickShown } from './intake-shown.js';
import { ticketGuards } from './intake-ticket-guards.js';
import { STORY_QUIET_MS } from './intake-timers.js';

export const intake = setup({
  types: {
    context: {} as IntakeContext,
    events: {} as StepEvent,
    input: {} as IntakeInput,
  },
  actions: {
    /** Send a message to the citizen (rendered from locales by the runtime). */
    reply: (_, _params: ReplyEffect) => {},
    /** Any other effect: file, append, withdraw, status, forget. */
    effect: (_, _params: Effect) => {},
    clearNotices: assign({ notices: [] }),
    appendStory: assign(({ context, event }) => {
      const m = msg(event);
      // "Selesai" (or its number) tapped or typed back ends the story and adds nothing to it.
      const tapped = m !== null && pickShown(storyPrompt(context.draft), m.text) === 'done';
      const rest = tapped ? '' : storyDone(m?.text ?? '').rest;
      return {
        draft: withFragment(context.draft, rest, body(event)),
        fails: 0,
        timers: { ...context.timers, storyQuiet: (m?.now ?? 0) + STORY_QUIET_MS },
      };
    }),
    forgetDraft: assign({ draft: () => emptyDraft(), timers: {}, field: null }),
    /** Where "batal" was said, to come back there when it is taken back. */
    rememberWhere: assign(({ context }) => ({ resume: context.at })),
    giveConsent: assign({
      consent: ({ event }) => ({ at: new Date(event.now).toISOString(), version: CONSENT_VERSION }),
    }),
  },
  guards: { ...draftGuards, ...ticketGuards, ...identityGuards },
});
