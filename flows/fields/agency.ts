// The agency field: the office complained of, the category's usual one or as the citizen names it.
import { USUAL_AGENCY } from '../../src/domain/categories.js';
import type { Choice } from '../../src/domain/reply.js';
import { parseChoice } from '../../src/understand/choice.js';
import { UNKNOWN_WORDS, isSkip, isUnknown } from '../../src/understand/skip-answers.js';
import type { Draft } from '../intake-context.js';
import { ok, withAnswered } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { agencyValue } from './shown-values.js';
import { clip, hasLetters } from './text.js';

const usualOf = (d: Draft) => (d.category ? USUAL_AGENCY[d.category] : null);

export const agencyField: FieldRecord = {
  missing: (ctx) => !ctx.draft.answered.includes('agency') && !ctx.draft.agency,
  ask: (ctx, base) => {
    const usual = usualOf(ctx.draft);
    const choices: Choice[] = usual ? [{ id: 'usual', label: { literal: usual } }] : [];
    choices.push({ id: 'unknown', label: { key: 'choice.unknown' } });
    return { type: 'reply', key: 'ask.agency', ...base, choices };
  },
  fromChoice: (ctx, id) => {
    const d = ctx.draft;
    if (id === 'unknown') return ok(withAnswered(d, 'agency', { agency: null }));
    return id === 'usual' && d.category
      ? ok(withAnswered(d, 'agency', { agency: USUAL_AGENCY[d.category] }))
      : null;
  },
  understand: (ctx, body) => {
    const d = ctx.draft;
    const text = clip(body.text);
    const usual = usualOf(d);
    const picked = parseChoice(text, [
      ...(usual ? [{ id: 'usual', words: [usual] }] : []),
      { id: 'unknown', words: UNKNOWN_WORDS },
    ]);
    if (picked === 'unknown' || isSkip(text) || isUnknown(text))
      return ok(withAnswered(d, 'agency', { agency: null }));
    if (picked === 'usual' && usual) return ok(withAnswered(d, 'agency', { agency: usual }));
    if (!hasLetters(text)) return { ok: false, error: 'error.agency' };
    return ok(withAnswered(d, 'agency', { agency: clip(text, 200) }));
  },
  fallback: (ctx) => ok(withAnswered(ctx.draft, 'agency', { agency: null })),
  summary: {
    value: (ctx) => agencyValue(ctx.draft),
    editWords: ['instansi', 'terlapor', 'kantor', 'dinas', 'lembaga', 'agency', 'office'],
  },
};
