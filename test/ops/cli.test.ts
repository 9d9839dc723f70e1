// The operator commands as an operator runs them: backup, restore (refused while running), doctor's exit code.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.js';
import { fileComplaint } from './fixtures.js';
import { cli } from './run-cli.js';

describe('operator CLIs', () => {
  it('backup while running, restore refused while running, restore after stopping', async () => {
    const h = new Harness();
    fileComplaint(h, 'a');
    const tickets = h.complaints();
    const env = { DATA_DIR: h.dir, PORT: '0' };
    const dest = join(mkdtempSync(join(tmpdir(), 'aduan-cli-')), 'backup-1');
    const b = await cli('backup', [dest], env);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toMatch(/1 tickets, 1 conversations, 1 attachments/);
    expect(existsSync(join(dest, 'manifest.json'))).toBe(true);

    const refused = await cli('restore', [dest], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refusing to restore: the database .* is open in another process/);

    h.close();
    rmSync(join(h.dir, 'aduan.db'));
    const restored = await cli('restore', [dest], env);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/✓ restored/);
    const again = new Harness({ dir: h.dir });
    expect(again.complaints()).toEqual(tickets);
    again.close();

    const usage = await cli('backup', [], env);
    expect(usage.code).toBe(2);
  });

  it('doctor exits 0 when all is fine and 1 with a problem', async () => {
    const h = new Harness();
    h.close();
    const fine = await cli('doctor', [], { DATA_DIR: h.dir });
    // The temp disk may be small on a CI machine: a warning there is not a failure.
    expect(fine.stdout).toMatch(/✓ configuration: parsed/);
    expect(fine.code).toBe(0);
    const bad = await cli('doctor', [], { DATA_DIR: h.dir, TELEGRAM_BOT_TOKEN: 'not-a-token-but-secret' });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/✗ telegram: off, its settings are wrong/);
    expect(bad.stdout).not.toContain('not-a-token-but-secret');
  });
});
