// The layer rules themselves: they pass on the project, and they fail on a storage module that imports its user and
// on an import cycle (so `npm run deps` in `npm test` can fail).
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const rules = require('../.dependency-cruiser.cjs');

async function violations(baseDir: string): Promise<string[]> {
  // The project's options without its tsconfig and excludes, which name files of the project, not of the fixture.
  const { exclude, tsConfig, ...options } = rules.options;
  const result = await cruise(
    ['src'],
    { ...options, ruleSet: { forbidden: rules.forbidden }, validate: true, baseDir },
    {},
  );
  if (typeof result.output === 'string') throw new Error('expected a JSON result');
  return result.output.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
}

describe('layer rules', () => {
  it('catch storage importing the conversation layer, and the cycle it makes', async () => {
    const found = await violations(join(import.meta.dirname, 'fixtures', 'layers'));
    expect(found).toContain('storage: src/storage/repo.ts → src/conversation/runtime.ts');
    expect(found.some((v) => v.startsWith('no-cycles:'))).toBe(true);
  });
});
