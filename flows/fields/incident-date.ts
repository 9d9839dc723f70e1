// The incident date field: when it happened, a day or roughly, or not known.
import { parseIncidentDate } from '../../src/understand/dates.js';
import { isUnknown } from '../../src/understand/skip-answers.js';
import { ok, withAnswered } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { dateValue } from './shown-values.js';
import { clip } from './text.js';

/** What the date choices (shown after two misunderstood answers) stand for. */
const DATE_CHOICES: Record<string, string> = {
  today: 'hari ini',
  this_week: 'minggu ini',
  this_month: 'awal bulan ini',
  last_month: 'bulan lalu',
};

export const incidentDateField: FieldRecord = {
  missing: ({ draft: d }) => !d.answered.includes('incident_date') && !d.incidentDate,
  ask: (ctx, base) => ({
    type: 'reply',
    key: 'ask.incident_date',
    ...base,
    choices:
      ctx.fails >= 2
        ? (['today', 'this_week', 'this_month', 'last_month', 'unknown'] as const).map((id) => ({
            id,
            label: { key: `choice.date.${id}` },
          }))
        : undefined,
  }),
  fromChoice: (ctx, id, now) => {
    const d = ctx.draft;
    if (id === 'unknown') return ok(withAnswered(d, 'incident_date', { incidentDate: null }));
    const phrase = DATE_CHOICES[id];
    const parsed = phrase ? parseIncidentDate(phrase, new Date(now)) : null;
    return parsed?.ok
      ? ok(withAnswered(d, 'incident_date', { incidentDate: { ...parsed.value, tooOld: parsed.tooOld } }))
      : null;
  },
  understand: (ctx, body, now) => {
    const d = ctx.draft;
    const text = clip(body.text);
    if (isUnknown(text)) return ok(withAnswered(d, 'incident_date', { incidentDate: null }));
    const parsed = parseIncidentDate(text, new Date(now));
    // "lupa", "sudah lama": asked once more for a rough idea; never a date the citizen did not give.
    if (!parsed.ok && parsed.reason === 'unknown')
      return ctx.fails > 0
        ? ok(withAnswered(d, 'incident_date', { incidentDate: null }))
        : { ok: false, error: 'error.date_unknown' };
    if (!parsed.ok)
      return {
        ok: false,
        error:
          parsed.reason === 'future'
            ? 'error.date_future'
            : parsed.reason === 'ambiguous'
              ? 'error.date_ambiguous'
              : 'error.date',
      };
    return ok(
      withAnswered(d, 'incident_date', { incidentDate: { ...parsed.value, tooOld: parsed.tooOld } }),
      parsed.tooOld ? [{ key: 'notice.too_old' }] : [],
    );
  },
  fallback: (ctx) =>
    ok(withAnswered(ctx.draft, 'incident_date', { incidentDate: null }), [{ key: 'notice.skipped_date' }]),
  summary: {
    value: ({ draft: d }) => (d.incidentDate ? dateValue(d.incidentDate) : { key: 'value.unknown' }),
    editWords: ['tanggal', 'waktu', 'kapan', 'tgl', 'hari', 'date', 'time'],
  },
};
