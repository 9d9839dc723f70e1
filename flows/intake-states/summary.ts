// The finished draft routed and shown whole: sent as it stands, corrected, or one part picked to edit.
import { assign } from 'xstate';
import type { ReplyEffect } from '../../src/domain/reply.js';
import type { Effect } from '../effects.js';
import { fieldToEdit } from '../intake-answers.js';
import type { Field, IntakeContext } from '../intake-context.js';
import { body, keepExtras, mediaOnlyReply, msg, withFragment } from '../intake-message.js';
import { buildComplaint, editPickQuestion, summaryMessage, withNotices } from '../intake-questions.js';
import { reAsk } from '../intake-replies.js';
import { routeEffect, withRoute } from '../intake-route.js';
import { intake } from '../intake-setup.js';
import { CANCEL_WITH_WORDS } from './cancelling.js';

/** File the complaint (the runtime answers with `ticket.created` or `ticket.duplicate`). */
function submitEffect(ctx: IntakeContext): Effect {
  const complaint = buildComplaint(ctx);
  return complaint ? { type: 'submit', complaint, allowDuplicate: false } : { type: 'forget' };
}

/** The summary's own question (its choices included), asked again after a reply that is neither a yes nor a fix. */
function confirmQuestion(ctx: IntakeContext): ReplyEffect {
  return { ...summaryMessage(ctx), key: 'ask.confirm', rows: [], more: [] };
}

/** Ask one field again, then come back to the summary. */
function startEditing(ctx: IntakeContext, field: Field): Partial<IntakeContext> {
  const d = ctx.draft;
  const draft =
    field === 'region' ? { ...d, kabkotaCode: null, kecamatanCode: null, regionCandidates: [] } : d;
  return { field, editing: true, draft };
}

/** Routes the finished draft; an earlier report that got nowhere brings the offer to involve Ombudsman. */
export const routeSummary = intake.createStateConfig({
  entry: { type: 'effect', params: ({ context }) => routeEffect(context) },
  on: {
    routed: [
      {
        guard: 'sendWhenDone',
        target: 'submitting',
        actions: [
          assign(({ context, event }) => ({
            draft: withRoute(context.draft, event.route),
            sendWhenDone: false,
          })),
          { type: 'effect', params: ({ context }) => submitEffect(context) },
        ],
      },
      {
        target: 'summary',
        actions: assign(({ context, event }) => ({ draft: withRoute(context.draft, event.route) })),
      },
    ],
  },
});

/** Only a confirmation as a whole sends; a named field or a new value is a correction, shown again. */
export const summary = intake.createStateConfig({
  entry: [
    assign({ at: 'summary', fails: 0 }),
    { type: 'reply', params: ({ context }) => withNotices(context, summaryMessage(context)) },
    'clearNotices',
  ],
  on: {
    message: [
      CANCEL_WITH_WORDS,
      {
        // A voice note or a photo at the summary: kept as evidence, and the summary shown again with it.
        guard: 'filesOnly',
        target: 'summary',
        reenter: true,
        actions: assign(({ context, event }) => ({
          draft: keepExtras(context.draft, body(event)),
          notices: [...context.notices, { key: mediaOnlyReply(body(event)) ?? 'ack.media' }],
        })),
      },
      {
        // Forwarded text corrects nothing: it joins the story and the summary is shown again.
        guard: ({ event }) => msg(event)?.foreign === true,
        target: 'summary',
        reenter: true,
        actions: assign(({ context, event }) => ({
          draft: withFragment(context.draft, body(event).text, body(event)),
          notices: [...context.notices, { key: 'notice.foreign_kept' }],
        })),
      },
      {
        // A pin sent at the summary is a new location: placed, and the summary shown again.
        guard: 'pinAccepted',
        target: 'next',
        actions: assign(({ context, event }) => {
          const a = event.reading.answer(context, 'location', 0);
          return a?.ok ? { draft: a.draft, notices: [...a.notices, { key: 'notice.corrected' }] } : {};
        }),
      },
      {
        guard: { type: 'summaryIs', params: 'edit' },
        target: 'asking',
        actions: assign(({ context, event }) => {
          const read = event.reading.summary(context);
          return read?.kind === 'edit' ? startEditing(context, read.field) : {};
        }),
      },
      {
        guard: { type: 'summaryIs', params: 'corrected' },
        target: 'next',
        actions: assign(({ context, event }) => {
          const read = event.reading.summary(context);
          return read?.kind === 'corrected'
            ? { draft: read.draft, notices: [{ key: 'notice.corrected', vars: { field: read.field } }] }
            : {};
        }),
      },
      { guard: { type: 'summaryIs', params: 'edit_menu' }, target: 'editPick' },
      {
        guard: { type: 'summaryIs', params: 'cancel' },
        target: 'cancelConfirm',
        actions: assign({ resume: 'summary' as const }),
      },
      {
        guard: { type: 'summaryIs', params: 'send' },
        target: 'submitting',
        actions: { type: 'effect', params: ({ context }) => submitEffect(context) },
      },
      {
        // Also to Ombudsman: with the NIK it needs, filed at once; without, the NIK is asked first.
        guard: 'escalatedWithNik',
        target: 'submitting',
        actions: [
          assign(({ context }) => ({ draft: { ...context.draft, escalate: true } })),
          { type: 'effect', params: ({ context }) => submitEffect(context) },
        ],
      },
      {
        guard: { type: 'summaryIs', params: 'send_escalated' },
        target: 'asking',
        actions: assign(({ context }) => ({
          draft: { ...context.draft, escalate: true },
          field: 'nik' as const,
          editing: true,
          sendWhenDone: true,
        })),
      },
      {
        actions: [
          assign(({ context, event }) => ({
            fails: context.fails + 1,
            draft: keepExtras(context.draft, body(event)),
          })),
          {
            type: 'reply',
            params: ({ context }) => reAsk(context, confirmQuestion(context), 'error.confirm'),
          },
        ],
      },
    ],
  },
});

export const editPick = intake.createStateConfig({
  entry: [assign({ at: 'editPick', fails: 0 }), { type: 'reply', params: () => editPickQuestion() }],
  on: {
    message: [
      {
        guard: 'editPicked',
        target: 'asking',
        actions: assign(({ context, event }) =>
          startEditing(context, fieldToEdit(msg(event)?.text ?? '') ?? 'story'),
        ),
      },
      { guard: 'failedTwice', target: 'summary' },
      {
        actions: [
          assign(({ context }) => ({ fails: context.fails + 1 })),
          {
            type: 'reply',
            params: ({ context }) => reAsk(context, editPickQuestion(), 'error.choice'),
          },
        ],
      },
    ],
  },
});
