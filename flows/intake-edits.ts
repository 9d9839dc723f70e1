// An edited message (Telegram edited_message, WhatsApp `edit`): a correction of the answer the original gave, or a
// note on the draft or the ticket when it answered no question. Pure.
import type { ReplyEffect } from '../src/domain/reply.js';
import type { Effect } from './effects.js';
import { type Draft, type Field, type IntakeContext, LIMITS, SUBMITTED_STATES } from './intake-context.js';
import type { IntakeEvent, MessageBody } from './intake-events.js';
import { answerField } from './intake-fields.js';

export type EditEvent = Extract<IntakeEvent, { type: 'edit' }>;

export type EditOutcome = {
  draft: Draft;
  reply: ReplyEffect;
  effects: Effect[];
  /** The edit answered the question now asked: move on as after an answer. */
  advance: boolean;
};

/** After "kirim" an edit only adds a note to the ticket. */
const SUBMITTED: ReadonlySet<string> = new Set(SUBMITTED_STATES);
/** Answers kept as they are typed: an edit takes their place as the citizen wrote it. */
const MEDIA_FIELDS = new Set<Field>(['evidence']);

const line = (key: string, vars?: ReplyEffect['vars']): ReplyEffect => ({
  type: 'reply',
  key,
  ...(vars ? { vars } : {}),
  expecting: 'none',
});

const shown = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

function withStory(d: Draft, text: string, original: string | null): Draft {
  const at = original === null ? -1 : d.story.indexOf(original.trim());
  if (at >= 0) return { ...d, story: d.story.map((s, i) => (i === at ? text : s)) };
  if (d.story.length >= LIMITS.storyFragments) return d;
  return { ...d, story: [...d.story, text] };
}

/** What an edit does to the draft or the ticket. Pure; a step reads it once, through the event's `reading`. */
export function applyEdit(ctx: IntakeContext, event: EditEvent): EditOutcome {
  const text = event.text.trim().slice(0, LIMITS.answerChars);
  const same = { draft: ctx.draft, effects: [], advance: false };
  if (SUBMITTED.has(event.state) || event.target === 'ticket') {
    if (!ctx.lastTicket || !text) return { ...same, reply: line('edit.ignored') };
    return {
      ...same,
      effects: [{ type: 'append', ticket: ctx.lastTicket, text, attachments: [] }],
      reply: line('edit.ticket_note', { ticket: ctx.lastTicket }),
    };
  }
  if (!text) return { ...same, reply: line('edit.ignored') };
  const target = event.target;
  if (target === 'note' || MEDIA_FIELDS.has(target)) {
    return { ...same, draft: withStory(ctx.draft, text, event.original), reply: line('edit.draft_note') };
  }
  if (target === 'story') {
    return { ...same, draft: withStory(ctx.draft, text, event.original), reply: line('edit.story') };
  }
  const body: MessageBody = {
    text,
    attachments: [],
    location: null,
    contactPhone: null,
    channelPhone: ctx.channelPhone,
  };
  const answer = answerField({ ...ctx, field: target, fails: 0 }, target, body, event.now);
  if (!answer.ok) {
    return {
      ...same,
      reply: {
        ...line('edit.field_invalid', { field: { key: `field.${target}` } }),
        more: [{ key: answer.error, ...(answer.vars ? { vars: answer.vars } : {}) }],
      },
    };
  }
  return {
    draft: answer.draft,
    effects: [],
    reply: line('edit.field', { field: { key: `field.${target}` }, value: shown(text) }),
    advance: event.state === 'asking' && ctx.field === target,
  };
}
