// Migrations are forward only: numbered 1, 2, 3… without a gap, one file each, exporting its `sql` and no `down`.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';

const DIR = resolve('src/storage/migrations');
const FILE = /^(\d{3})-([a-z0-9-]+)\.ts$/;

describe('the migration list', () => {
  it('is strictly increasing and contiguous from 1', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('names one file per migration, each exporting only its sql: no down, nothing that undoes it', async () => {
    const files = readdirSync(DIR).filter((f) => f !== 'index.ts');
    expect(files.every((f) => FILE.test(f))).toBe(true);
    expect(files.sort()).toEqual(
      MIGRATIONS.map((m) => `${String(m.version).padStart(3, '0')}-${m.name}.ts`).sort(),
    );
    for (const file of files) {
      const module: Record<string, unknown> = await import(pathToFileURL(join(DIR, file)).href);
      expect(Object.keys(module), file).toEqual(['sql']);
      expect(readFileSync(join(DIR, file), 'utf8'), file).not.toMatch(/\bdown\b\s*[:=(]/);
    }
  });
});
