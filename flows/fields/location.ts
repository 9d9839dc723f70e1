// The location field: the exact spot, as words (an address, a landmark) or a pin.
import { isNone, isSkip } from '../../src/understand/skip-answers.js';
import { parseYesNo } from '../../src/understand/yes-no.js';
import { ok, withAnswered } from './answers.js';
import { applyPlace } from './apply-place.js';
import type { FieldRecord } from './field-record.js';
import { PHOTO_CATEGORIES } from './photo-categories.js';
import { clip } from './text.js';

export const locationField: FieldRecord = {
  // The exact spot where a place matters (a road, a pipe, rubbish), or to learn the region; an office's service needs none.
  missing: ({ draft: d }) =>
    !d.answered.includes('location') &&
    !d.location &&
    !d.address &&
    (!d.category || PHOTO_CATEGORIES.has(d.category)),
  ask: (ctx, base) => ({
    type: 'reply',
    key: 'ask.location',
    ...base,
    choices: ctx.fails >= 2 ? [{ id: 'skip', label: { key: 'choice.skip' } }] : undefined,
  }),
  understand: (ctx, body) => {
    const d = ctx.draft;
    const text = clip(body.text);
    if (!text && !body.location) return { ok: false, error: 'error.location' };
    if (text && (isSkip(text) || isNone(text))) return ok(withAnswered(d, 'location', {}));
    if (text && (!/\p{L}{3,}/u.test(text) || parseYesNo(text) !== null) && !body.location)
      return { ok: false, error: 'error.location' };
    const place = applyPlace(d, text, body);
    if (place.outside) return { ok: false, error: 'notice.outside_kalsel' };
    const address = text ? text : d.address;
    return ok(withAnswered(place.draft, 'location', { address }), place.notices);
  },
  fallback: (ctx) => ok(withAnswered(ctx.draft, 'location', {}), [{ key: 'notice.skipped_location' }]),
  summary: {
    value: ({ draft: d }) => {
      const pin = d.location ? `📍 ${d.location.lat.toFixed(5)}, ${d.location.lon.toFixed(5)}` : '';
      return [d.address ?? '', pin].filter(Boolean).join(' ') || { key: 'value.none' };
    },
    editWords: ['lokasi', 'alamat', 'tempat', 'patokan', 'lokasinya', 'alamatnya', 'location', 'address'],
  },
};
