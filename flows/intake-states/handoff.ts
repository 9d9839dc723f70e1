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

/** Why the chat is the bot's again; an idle officer's chat is told its ticket is still answered. */
function returnNotice(event: StepEvent): Paragraph {
  if (event.type !== 'handoff.returned') return { key: 'handoff.returned.officer' };
  if (event.why !== 'idle') return { key: `handoff.returned.${event.why}` };
  return event.ticket
    ? { key: 'handoff.idle', vars: { ticket: event.ticket } }
    : { key: 'handoff.idle.no_ticket' };
}

/** The chat is the bot's again: why, then the open question asked again (or the notice alone at rest). */
function returned(context: IntakeContext, event: StepEvent): ReplyEffect {
  const notice = returnNotice(event);
  const q = currentQuestion(context);
  return q
    ? withNotices({ ...context, notices: [] }, q, [notice])
    : { type: 'reply', key: notice.key, ...(notice.vars ? { vars: notice.vars } : {}), expecting: 'none' };
}

export const handoff = intake.createStateConfig({
  on: {
    'handoff.opened': { actions: { type: 'reply', params: ({ event }) => handedOff(event) } },
    'handoff.returned': {
      actions: { type: 'reply', params: ({ context, event }) => returned(context, event) },
    },
  },
}).on;
