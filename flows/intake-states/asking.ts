// One question at a time for what the draft still lacks, until it is complete.
import { assign } from 'xstate';
import { askField, nextMissing } from '../intake-fields.js';
import { addAttachments, body, keepExtras, mediaOnlyReply, msg, withFragment } from '../intake-message.js';
import { withNotices } from '../intake-questions.js';
import { intake } from '../intake-setup.js';
import { CANCEL_WITH_WORDS } from './cancelling.js';

/** Decides what to ask next. */
export const next = intake.createStateConfig({
  always: [{ guard: 'complete', target: 'routeSummary' }, { target: 'asking' }],
});

export const asking = intake.createStateConfig({
  entry: [
    assign(({ context }) => ({
      at: 'asking' as const,
      field: context.editing ? context.field : nextMissing(context),
      fails: 0,
      editing: false,
    })),
    {
      type: 'reply',
      params: ({ context }) => withNotices(context, askField(context, context.field ?? 'story')),
    },
    'clearNotices',
  ],
  on: {
    message: [
      CANCEL_WITH_WORDS,
      {
        // A forwarded message or someone else's card is kept with the story, never taken as the citizen's own.
        guard: 'foreignAtOwnField',
        actions: [
          assign(({ context, event }) => ({
            draft: withFragment(context.draft, body(event).text, body(event)),
          })),
          {
            type: 'reply',
            params: ({ context }) =>
              withNotices(context, askField(context, context.field ?? 'story'), [
                { key: 'notice.foreign_kept' },
              ]),
          },
          'clearNotices',
        ],
      },
      {
        guard: 'mediaOnly',
        actions: [
          assign(({ context, event }) => ({
            fails: context.fails + 1,
            draft: keepExtras(context.draft, body(event)),
          })),
          {
            type: 'reply',
            params: ({ context, event }) =>
              withNotices(context, askField(context, context.field ?? 'story'), [
                { key: mediaOnlyReply(body(event)) ?? 'ack.media' },
              ]),
          },
        ],
      },
      {
        guard: 'answerOk',
        target: 'next',
        actions: assign(({ context, event }) => {
          const m = msg(event);
          const a = m && context.field ? event.reading.answer(context, context.field) : null;
          if (!m || !a?.ok) return {};
          const draft =
            context.field === 'evidence' || context.field === 'location'
              ? addAttachments(a.draft, m.attachments)
              : keepExtras(a.draft, m);
          return { draft, notices: [...context.notices, ...a.notices] };
        }),
      },
      {
        actions: [
          assign(({ context, event }) => ({
            fails: context.fails + 1,
            draft: keepExtras(context.draft, body(event)),
          })),
          {
            type: 'reply',
            params: ({ context, event }) => {
              const a = context.field
                ? event.reading.answer(context, context.field, context.fails - 1)
                : null;
              const error = a && !a.ok ? a.error : 'error.generic';
              return withNotices(context, askField(context, context.field ?? 'story'), [{ key: error }]);
            },
          },
          'clearNotices',
        ],
      },
    ],
  },
});
