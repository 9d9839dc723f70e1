// The phone field: a number to reach the citizen, when the channel does not give one.
import { PHONE_IN_TEXT, parsePhone } from '../../src/understand/phone.js';
import { isNone, isSkip } from '../../src/understand/skip-answers.js';
import { ok, withAnswered } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { clip } from './text.js';

export const phoneField: FieldRecord = {
  missing: ({ draft: d, channelPhone }) =>
    d.identityMode !== 'anonim' && !d.phone && !channelPhone && !d.answered.includes('phone'),
  ask: (_ctx, base) => ({
    type: 'reply',
    key: 'ask.phone',
    ...base,
    choices: [{ id: 'skip', label: { key: 'choice.skip' } }],
  }),
  understand: (ctx, body) => {
    const d = ctx.draft;
    const text = clip(body.text);
    if (isSkip(text) || isNone(text)) return ok(withAnswered(d, 'phone', { phone: null }));
    // "wa aja 0813…", "0813… (wa)": the number inside the words.
    const phone = parsePhone(body.contactPhone ?? PHONE_IN_TEXT.exec(text)?.[0] ?? text);
    if (phone.ok) return ok(withAnswered(d, 'phone', { phone: phone.e164 }));
    return { ok: false, error: 'error.phone' };
  },
  fallback: (ctx) => ok(withAnswered(ctx.draft, 'phone', { phone: null }), [{ key: 'notice.skipped_phone' }]),
  summary: {
    value: (ctx) => ctx.draft.phone ?? ctx.channelPhone ?? { key: 'value.none' },
    editWords: ['telepon', 'hp', 'nomor hp', 'no hp', 'telp', 'wa', 'nomor', 'phone'],
  },
};
