// The expectation field: what the citizen wants done.
import { ok, withAnswered, written } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { PHOTO_CATEGORIES } from './photo-categories.js';
import { clip } from './text.js';

export const expectationField: FieldRecord = {
  missing: (ctx) => !ctx.draft.expectation,
  ask: ({ draft: d }, base) => {
    // Where the photo question is not asked, the citizen hears that files are welcome.
    const files =
      d.attachments.length === 0 && !(d.category && PHOTO_CATEGORIES.has(d.category))
        ? [{ key: 'ask.expectation.files' }]
        : [];
    const more = [...(base.more ?? []), ...files];
    return {
      type: 'reply',
      key: 'ask.expectation',
      expecting: base.expecting,
      ...(more.length ? { more } : {}),
    };
  },
  understand: (ctx, body) => {
    const text = clip(body.text);
    return written(ctx.draft, 'expectation', text, { expectation: text });
  },
  fallback: (ctx, body) =>
    ok(withAnswered(ctx.draft, 'expectation', { expectation: clip(body.text) || '-' })),
  summary: {
    value: (ctx) => ctx.draft.expectation ?? { key: 'value.none' },
    editWords: ['harapan', 'keinginan', 'permintaan', 'tuntutan', 'expectation'],
  },
};
