// The identity mode field: biasa, rahasia (name kept from the agency) or anonim.
import { IdentityMode } from '../../src/domain/complaint.js';
import type { Choice } from '../../src/domain/reply.js';
import { parseChoice } from '../../src/understand/choice.js';
import { ok, withAnswered } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { identityPatch } from './identity-patch.js';
import { clip } from './text.js';

const IDENTITY_CHOICES: Choice[] = IdentityMode.options.map((id) => ({
  id,
  label: { key: `identity.${id}` },
}));

export const identityModeField: FieldRecord = {
  missing: (ctx) => !ctx.draft.identityMode,
  ask: (_ctx, base) => ({
    type: 'reply',
    key: 'ask.identity_mode',
    ...base,
    choices: IDENTITY_CHOICES,
  }),
  fromChoice: (ctx, id) => {
    const mode = IdentityMode.safeParse(id);
    return mode.success ? ok(withAnswered(ctx.draft, 'identity_mode', identityPatch(mode.data))) : null;
  },
  understand: (ctx, body) => {
    const mode = parseChoice(clip(body.text), [
      { id: 'biasa', words: ['biasa', 'normal', 'terbuka'] },
      {
        id: 'rahasia',
        words: [
          'rahasia',
          'dirahasiakan',
          'rahasiakan',
          'confidential',
          'jangan disebut',
          'jangan disebutkan',
          'tidak usah disebut',
          'disembunyikan',
          'sembunyikan',
        ],
      },
      { id: 'anonim', words: ['anonim', 'anonymous', 'tanpa nama', 'anon', 'tidak usah pakai nama'] },
    ]);
    if (!mode) return { ok: false, error: 'error.choice' };
    return ok(withAnswered(ctx.draft, 'identity_mode', identityPatch(mode)));
  },
  fallback: (ctx) =>
    ok(withAnswered(ctx.draft, 'identity_mode', identityPatch('rahasia')), [
      { key: 'notice.identity_rahasia' },
    ]),
  summary: {
    value: ({ draft: d }) => (d.identityMode ? { key: `identity.${d.identityMode}` } : { key: 'value.none' }),
    editWords: ['identitas', 'mode', 'rahasia', 'anonim', 'biasa', 'identity'],
  },
};
