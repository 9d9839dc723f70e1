// The NIK field: asked only where the agency finds the citizen's record by it, or Ombudsman requires it.
import type { CategoryId } from '../../src/domain/categories.js';
import { maskNik, parseNik } from '../../src/understand/nik.js';
import { isNone, isSkip } from '../../src/understand/skip-answers.js';
import type { Draft, Notice } from '../intake-context.js';
import { ok, withAnswered } from './answers.js';
import type { Answer, FieldRecord } from './field-record.js';
import { phoneField } from './phone.js';
import { clip } from './text.js';

/** Categories whose agency looks the citizen up by NIK (population records, social aid, BPJS membership). */
const NIK_CATEGORIES: ReadonlySet<CategoryId> = new Set(['adminduk', 'bansos', 'jaminan_sosial']);

/** No NIK: an escalation to Ombudsman (which requires one) is dropped, and the citizen told so. */
function withoutNik(d: Draft, skipped: Notice[]): Answer {
  return d.escalate
    ? ok(withAnswered(d, 'nik', { nik: null, escalate: false }), [{ key: 'notice.escalate_without_nik' }])
    : ok(withAnswered(d, 'nik', { nik: null }), skipped);
}

export const nikField: FieldRecord = {
  // Before the phone where the category needs it; when escalating without one, once the phone is settled.
  missing: (ctx) => {
    const d = ctx.draft;
    return (
      d.identityMode !== 'anonim' &&
      ((!d.answered.includes('nik') && !!d.category && NIK_CATEGORIES.has(d.category)) ||
        (!!d.escalate && !d.nik && !phoneField.missing(ctx)))
    );
  },
  ask: (ctx, base) => ({
    type: 'reply',
    key: ctx.draft.escalate ? 'ask.nik.ombudsman' : 'ask.nik',
    ...base,
    choices: [{ id: 'skip', label: { key: 'choice.skip' } }],
  }),
  understand: (ctx, body, now) => {
    const text = clip(body.text);
    if (isSkip(text) || isNone(text)) return withoutNik(ctx.draft, []);
    const nik = parseNik(text, new Date(now));
    if (nik.ok) return ok(withAnswered(ctx.draft, 'nik', { nik: nik.nik }));
    return { ok: false, error: `error.nik.${nik.reason}` };
  },
  fallback: (ctx) => withoutNik(ctx.draft, [{ key: 'notice.skipped_nik' }]),
  summary: {
    value: (ctx) => (ctx.draft.nik ? maskNik(ctx.draft.nik) : { key: 'value.none' }),
    editWords: ['nik', 'ktp'],
  },
};
