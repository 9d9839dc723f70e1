// The summary before sending shows the citizen's own words as the agency will read them (src/privacy/): a NIK typed in
// them always masked, and for a rahasia or anonim complaint every phone number, e-mail address and name as well; one
// line under the summary says what was hidden and why.
import type { Paragraph, VarValue } from '../src/domain/reply.js';
import { maskScopeFor } from '../src/privacy/complaint-masking.js';
import { maskText } from '../src/privacy/mask-free-text.js';
import { FIELD_RECORDS } from './fields/index.js';
import type { Field, IntakeContext } from './intake-context.js';

/** The summary rows that show what the citizen wrote, which the agency receives masked. */
const AGENCY_TEXT: ReadonlySet<Field> = new Set(['story', 'location', 'prior_report', 'expectation']);

function masker(ctx: IntakeContext): (text: string) => string {
  const d = ctx.draft;
  const scope = maskScopeFor(d.identityMode ?? 'biasa', false);
  const known = { name: d.name, nik: d.nik, phone: d.phone ?? ctx.channelPhone };
  return (text) => maskText(text, known, { scope, lang: ctx.lang }).text;
}

/** A summary row's value as the agency will read it; rows that are not the citizen's own words stay as they are. */
export function asAgencyReads(ctx: IntakeContext, field: Field, value: VarValue): VarValue {
  if (!AGENCY_TEXT.has(field)) return value;
  const mask = masker(ctx);
  if (typeof value === 'string') return mask(value);
  if (typeof value === 'object' && 'key' in value && value.vars) {
    const vars = Object.fromEntries(
      Object.entries(value.vars).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v]),
    );
    return { ...value, vars };
  }
  return value;
}

/** The line that says what the agency will not read of the summary's rows, and why; none when nothing was hidden. */
export function maskedNotice(ctx: IntakeContext): Paragraph[] {
  const hidden = [...AGENCY_TEXT].some((field) => {
    const value = FIELD_RECORDS[field].summary?.value(ctx);
    return value !== undefined && JSON.stringify(asAgencyReads(ctx, field, value)) !== JSON.stringify(value);
  });
  if (!hidden) return [];
  const mode = ctx.draft.identityMode;
  return [{ key: mode === 'rahasia' || mode === 'anonim' ? `summary.masked.${mode}` : 'summary.masked.nik' }];
}
