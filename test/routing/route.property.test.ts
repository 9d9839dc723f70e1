// Property: route never throws and always names an agency of the directory, for any category, region and story.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KABKOTA, KECAMATAN } from '../../src/data/regions-data.js';
import { CATEGORY_IDS } from '../../src/domain/categories.js';
import type { RouteDecision } from '../../src/ports/routing.js';
import { defaultDirectory } from '../../src/routing/load-directory.js';
import { routeReason } from '../../src/routing/route-reason.js';
import { route } from '../../src/routing/route.js';

const dir = defaultDirectory();
/** The decision's reason as officers read it (Indonesian). */
const reason = (d: RouteDecision) => routeReason('id', d.why);

/** Words that steer routing, so generated stories hit the rules, named offices and polsek as well as noise. */
const VOCAB = [
  ...new Set([
    ...dir.all().flatMap((a) => a.aliases),
    ...KABKOTA.flatMap((k) => [k.shortName, k.capital, k.name]),
    ...KECAMATAN.slice(0, 40).map((k) => k.name),
    ...['polsek', 'dukcapil', 'rsud', 'pdam', 'bpn', 'polres', 'sma', 'sdn 2', 'puskesmas', 'jalan nasional'],
    ...[
      'a yani km 12',
      'jalan provinsi',
      'samsat',
      'pbb',
      'bpjs tk',
      'kis',
      'kota',
      'kabupaten',
      'di',
      'belum',
    ],
  ]),
];

const story = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc
    .array(fc.oneof(fc.constantFrom(...VOCAB), fc.string({ maxLength: 8 })), { maxLength: 12 })
    .map((w) => w.join(' ')),
);
const code = (codes: string[]) => fc.option(fc.oneof(fc.constantFrom(...codes), fc.string({ maxLength: 9 })));

describe('route (property)', () => {
  it('never throws and always returns an agency of the directory that fits the decision', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CATEGORY_IDS),
        code(KABKOTA.map((k) => k.code)),
        code(KECAMATAN.map((k) => k.code)),
        story,
        fc.record({ done: fc.boolean(), result: fc.option(fc.string({ maxLength: 40 })) }),
        fc.boolean(),
        (category, kabkotaCode, kecamatanCode, text, priorReport, escalate) => {
          const d = route(dir, { category, kabkotaCode, kecamatanCode, story: text, priorReport, escalate });
          const agency = dir.agency(d.agencyId);
          expect(agency).toBeDefined();
          expect(d.agencyName).toBe(agency?.name);
          expect(d.fallback || agency?.categories.includes(category)).toBe(true);
          for (const a of d.also) expect(dir.agency(a.agencyId)?.level).toBe('ombudsman');
          expect(d.also.length > 0).toBe(escalate && agency?.level !== 'ombudsman');
          expect(d.offerEscalation && escalate).toBe(false);
          expect(reason(d).length).toBeGreaterThan(20);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
