// The region field: the kab/kota, picked from a list with the likely ones first, or read from a name or a pin.
import type { Choice } from '../../src/domain/reply.js';
import { parseChoice } from '../../src/understand/choice.js';
import { kabkotaByCode, regionChoiceList } from '../../src/understand/region-lookup.js';
import { isUnknown } from '../../src/understand/skip-answers.js';
import type { Draft } from '../intake-context.js';
import { ok, withAnswered } from './answers.js';
import { applyPlace } from './apply-place.js';
import type { Answer, FieldRecord } from './field-record.js';
import { regionValue } from './shown-values.js';
import { clip } from './text.js';

/** kab/kota "tidak tahu": Kalsel as a whole, so the complaint is routed to Ombudsman Kalsel for triage. */
const KABKOTA_UNKNOWN = '63.00';

/** The likely kab/kota first (an ambiguous name or pin), then every other one, so that all stay reachable. */
function regionChoices(d: Draft): Choice[] {
  const all = regionChoiceList().map((r) => r.code);
  const codes = [...d.regionCandidates, ...all.filter((c) => !d.regionCandidates.includes(c))];
  return [
    ...codes.map((code) => ({ id: code, label: { literal: kabkotaByCode(code)?.name ?? code } })),
    { id: 'unknown', label: { key: 'choice.unknown' } },
  ];
}

function regionUnknown(d: Draft): Answer {
  return ok(
    withAnswered(d, 'region', { kabkotaCode: KABKOTA_UNKNOWN, kecamatanCode: null, regionCandidates: [] }),
    [{ key: 'notice.region_unknown' }],
  );
}

export const regionField: FieldRecord = {
  missing: (ctx) => !ctx.draft.kabkotaCode,
  ask: (ctx, base) => ({
    type: 'reply',
    key: ctx.draft.regionCandidates.length > 0 ? 'ask.region.which' : 'ask.region',
    ...base,
    choices: regionChoices(ctx.draft),
  }),
  fromChoice: (ctx, id) => {
    const d = ctx.draft;
    if (id === 'unknown') return regionUnknown(d);
    return kabkotaByCode(id)
      ? ok(withAnswered(d, 'region', { kabkotaCode: id, kecamatanCode: null, regionCandidates: [] }))
      : null;
  },
  understand: (ctx, body) => {
    const d = ctx.draft;
    const text = clip(body.text);
    const choices = regionChoices(d).filter((c) => c.id !== 'unknown');
    const picked = parseChoice(
      text,
      choices.map((c) => {
        const k = kabkotaByCode(c.id);
        return {
          id: c.id,
          words: k ? [k.name, ...k.aliases.filter((a) => a.strength === 'strong').map((a) => a.text)] : [],
        };
      }),
    );
    if (picked) return ok(withAnswered(d, 'region', { kabkotaCode: picked, regionCandidates: [] }));
    if (isUnknown(text)) return regionUnknown(d);
    const place = applyPlace(d, text, body);
    if (place.outside) return { ok: false, error: 'notice.outside_kalsel' };
    if (place.draft.kabkotaCode) return ok(withAnswered(place.draft, 'region', {}));
    if (
      place.draft.regionCandidates.length > 0 &&
      place.draft.regionCandidates.join() !== d.regionCandidates.join()
    ) {
      return ok(place.draft);
    }
    return { ok: false, error: 'error.region' };
  },
  fallback: (ctx) => regionUnknown(ctx.draft),
  summary: {
    value: (ctx) => regionValue(ctx.draft),
    editWords: ['wilayah', 'kabupaten', 'kota', 'kab', 'daerah', 'kabkota', 'region'],
  },
};
