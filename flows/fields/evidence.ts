// The evidence field: a photo or file of a problem at a place (sent with the answer or before it).
import { isNone, isSkip } from '../../src/understand/skip-answers.js';
import { ok, withAnswered } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { PHOTO_CATEGORIES } from './photo-categories.js';
import { clip } from './text.js';

export const evidenceField: FieldRecord = {
  missing: ({ draft: d }) =>
    !d.answered.includes('evidence') &&
    d.attachments.length === 0 &&
    !!d.category &&
    PHOTO_CATEGORIES.has(d.category),
  ask: (_ctx, base) => ({
    type: 'reply',
    key: 'ask.evidence',
    ...base,
    choices: [{ id: 'skip', label: { key: 'choice.skip' } }],
  }),
  understand: (ctx, body) => {
    const d = ctx.draft;
    const text = clip(body.text);
    if (body.attachments.length > 0 || d.attachments.length > 0 || isSkip(text) || isNone(text))
      return ok(withAnswered(d, 'evidence', {}));
    return { ok: false, error: 'error.evidence' };
  },
  fallback: (ctx) => ok(withAnswered(ctx.draft, 'evidence', {})),
  summary: {
    value: ({ draft: d }) =>
      d.attachments.length > 0
        ? { key: 'value.files', vars: { n: d.attachments.length } }
        : { key: 'value.none' },
    editWords: ['bukti', 'foto', 'lampiran', 'dokumen', 'evidence', 'photo'],
  },
};
