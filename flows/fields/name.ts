// The name field: the citizen's name, or anonim instead.
import { ok, withAnswered } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { identityPatch } from './identity-patch.js';
import { clip, hasLetters } from './text.js';

export const nameField: FieldRecord = {
  missing: ({ draft: d }) => d.identityMode !== 'anonim' && !d.name,
  ask: (ctx, base) => ({
    type: 'reply',
    key: 'ask.name',
    ...base,
    choices: ctx.fails >= 2 ? [{ id: 'anonim', label: { key: 'choice.go_anonymous' } }] : undefined,
  }),
  fromChoice: (ctx, id) =>
    id === 'anonim' ? ok(withAnswered(ctx.draft, 'identity_mode', identityPatch('anonim'))) : null,
  understand: (ctx, body) => {
    const name = clip(body.text)
      .replace(/\s+/g, ' ')
      .replace(/^(nama saya|nama sy|saya|nama|namaku|ulun|aku)\s+/i, '');
    if (!/^[\p{L}][\p{L}\p{M}.,'’\- ]{1,119}$/u.test(name)) return { ok: false, error: 'error.name' };
    return ok(withAnswered(ctx.draft, 'name', { name }));
  },
  fallback: (ctx, body) => {
    const d = ctx.draft;
    const text = clip(body.text);
    return hasLetters(text)
      ? ok(withAnswered(d, 'name', { name: text.replace(/\s+/g, ' ').slice(0, 120) }))
      : ok(withAnswered(d, 'identity_mode', identityPatch('anonim')), [{ key: 'notice.name_anonim' }]);
  },
  summary: {
    value: (ctx) => ctx.draft.name ?? { key: 'value.none' },
    editWords: ['nama', 'name'],
  },
};
