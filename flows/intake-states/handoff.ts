// A chat handed to a person and back, in any state: the flow's state is never changed by it, so the conversation
// resumes where it was. The runtime holds the chat's messages meanwhile; the flow only says what happens.
import type { Paragraph, ReplyEffect } from '../../src/domain/reply.js';
import type { IntakeContext } from '../intake-context.js';
import { currentQuestion, withNotices } from '../intake-questions.js';
import type { StepEvent } from '../intake-reading.js';
import { intake } from '../intake-setup.js';

/** "Baik, pesan Anda kami teruskan ke petugas", and when someone will answer. */
function handedOff(event: StepEvent): ReplyEffect {
  const opens = event.type === 'handoff.opened' ? event.opens : null;
  const when: Paragraph = opens
    ? { key: 'handoff.asked.later', vars: { day: { key: `handoff.day.${opens.day}` }, time: opens.time } }
    : { key: 'handoff.asked.soon' };
  return {
    type: 'reply',
    key: 'handoff.asked',
    more: [when, { key: 'handoff.asked.back' }],
    expecting: 'none',
  };
}

/** The chat is the bot's again: why, then the open question asked again (or the notice alone at rest). */
function returned(context: IntakeContext, event: StepEvent): ReplyEffect {
  const why = event.type === 'handoff.returned' ? event.why : 'officer';
  const notice: Paragraph = { key: `handoff.returned.${why}` };
  const q = currentQuestion(context);
  return q
    ? withNotices({ ...context, notices: [] }, q, [notice])
    : { type: 'reply', key: `handoff.returned.${why}`, expecting: 'none' };
}

export const handoff = intake.createStateConfig({
  on: {
    'handoff.opened': { actions: { type: 'reply', params: ({ event }) => handedOff(event) } },
    'handoff.returned': {
      actions: { type: 'reply', params: ({ context, event }) => returned(context, event) },
    },
  },
}).on;
