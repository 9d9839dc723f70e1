// Every field the flow can name to a citizen ("Jawaban {field} diperbarui") has its label in both languages.
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../flows/intake-context.js';
import { LANGS, localeKeys } from '../../src/i18n/locales.js';

describe('field labels', () => {
  it.each(LANGS)('%s has field.<name> for every field', (lang) => {
    const keys = new Set(localeKeys(lang));
    expect(FIELDS.filter((f) => !keys.has(`field.${f}`))).toEqual([]);
  });
});
