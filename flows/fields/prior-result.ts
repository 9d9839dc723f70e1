// The prior result field: what came of the earlier complaint (shown in the summary's prior report row).
import { ok, withAnswered, written } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { clip } from './text.js';

export const priorResultField: FieldRecord = {
  missing: ({ draft: d }) => !!d.priorReport && !d.answered.includes('prior_result'),
  ask: (_ctx, base) => ({ type: 'reply', key: 'ask.prior_result', ...base }),
  understand: (ctx, body) => {
    const text = clip(body.text);
    return written(ctx.draft, 'prior_result', text, { priorResult: text });
  },
  fallback: (ctx, body) =>
    ok(withAnswered(ctx.draft, 'prior_result', { priorResult: clip(body.text) || null })),
};
