// The agency question's suggestion per category is the directory's data and agrees with its rules.
import { describe, expect, it } from 'vitest';
import rules from '../../src/data/rules.json' with { type: 'json' };
import { CATEGORY_IDS, USUAL_AGENCY } from '../../src/domain/categories.js';
import { RulesFile } from '../../src/routing/directory-schema.js';

describe('USUAL_AGENCY', () => {
  const file = RulesFile.parse(rules);

  it('names an office for every category but lainnya, from rules.json', () => {
    for (const id of CATEGORY_IDS) {
      if (id === 'lainnya') expect(USUAL_AGENCY[id]).toBeNull();
      else expect(USUAL_AGENCY[id]).toBe(file.usual?.[id]);
    }
    expect(USUAL_AGENCY.adminduk).toBe('Disdukcapil');
  });

  it('suggests only categories the rules route, and only known categories', () => {
    const routed = new Set(file.rules.flatMap((r) => r.categories ?? []));
    for (const id of Object.keys(file.usual ?? {})) {
      expect(CATEGORY_IDS).toContain(id);
      expect(routed.has(id), id).toBe(true);
    }
  });
});
