// The story field: what happened, in the citizen's words.
import { LIMITS } from '../intake-context.js';
import { ok, withAnswered, written } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { clip } from './text.js';

export const storyField: FieldRecord = {
  missing: (ctx) => ctx.draft.story.length === 0,
  ask: (_ctx, base) => ({ type: 'reply', key: 'ask.story', ...base }),
  understand: (ctx, body) => {
    const text = clip(body.text);
    return written(ctx.draft, 'story', text, { story: [clip(text, LIMITS.storyChars)] });
  },
  fallback: (ctx, body) => ok(withAnswered(ctx.draft, 'story', { story: [clip(body.text) || '-'] })),
  summary: {
    value: (ctx) => ctx.draft.story.join(' '),
    editWords: ['cerita', 'kronologi', 'kejadian', 'isi', 'laporan', 'story'],
  },
};
