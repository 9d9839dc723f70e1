// The encrypted-backup commands as an operator runs them: make a key, back up, verify, restore; exit codes and words.
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.js';
import { fileComplaint } from './fixtures.js';
import { cli } from './run-cli.js';

const NOTHING_CHANGED = 'Nothing was changed unless a line above says so.';
/** Each command is a fresh Node process with tsx: several seconds apiece on a busy 2-core machine. */
const SLOW = 180_000;

describe('encrypted backups from the command line', () => {
  it(
    'make a key, back up encrypted, verify, refuse a missing or wrong key, restore with the key',
    async () => {
      const h = new Harness();
      fileComplaint(h, 'a');
      const tickets = h.complaints();
      const keys = mkdtempSync(join(tmpdir(), 'aduan-keys-'));
      const keyPath = join(keys, 'backup.key');
      const env = { DATA_DIR: h.dir, PORT: '0' };

      const made = await cli('backup', ['--make-key', keyPath], env);
      expect(made.stderr).toBe('');
      expect(made.code).toBe(0);
      expect(made.stdout).toMatch(
        /^✓ new backup key written to .*backup\.key \(mode 600, key id [0-9a-f]{16}\)/,
      );
      expect(made.stdout).toMatch(/Keep a second copy offline/);
      expect(statSync(keyPath).mode & 0o777).toBe(0o600);
      const again = await cli('backup', ['--make-key', keyPath], env);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/exists already: a key is never overwritten/);

      const withKey = { ...env, BACKUP_KEY_FILE: keyPath };
      const dest = join(mkdtempSync(join(tmpdir(), 'aduan-cli-')), 'backup-1');
      const b = await cli('backup', [dest], withKey);
      expect(b.stderr).toBe('');
      expect(b.code).toBe(0);
      expect(b.stdout).toMatch(/✓ database → .*aduan\.db\.enc/);
      expect(b.stdout).toMatch(
        /✓ encrypted \(AES-256-GCM, key id [0-9a-f]{16}\): the database and every attachment/,
      );
      expect(readdirSync(dest).sort()).toEqual(['aduan.db.enc', 'attachments', 'manifest.json']);

      const verified = await cli('restore', [dest, '--verify'], withKey);
      expect(verified.stderr).toBe('');
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/✓ encrypted \(key id [0-9a-f]{16}\), every tag verified/);
      expect(verified.stdout).toMatch(/nothing was restored/);

      h.close();
      const noKey = await cli('restore', [dest], env);
      expect(noKey.code).toBe(1);
      expect(noKey.stderr).toMatch(
        /✗ this backup is encrypted \(AES-256-GCM, key [0-9a-f]{16}\): set BACKUP_KEY_FILE/,
      );
      expect(noKey.stderr).toContain(NOTHING_CHANGED);
      const otherKey = join(keys, 'other.key');
      await cli('backup', ['--make-key', otherKey], env);
      const wrong = await cli('restore', [dest], { ...env, BACKUP_KEY_FILE: otherKey });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(
        /✗ wrong key: this backup was encrypted with key [0-9a-f]{16}, BACKUP_KEY_FILE holds key/,
      );

      rmSync(join(h.dir, 'aduan.db'));
      const restored = await cli('restore', [dest], withKey);
      expect(restored.stderr).toBe('');
      expect(restored.code).toBe(0);
      expect(restored.stdout).toMatch(/✓ decrypted with key [0-9a-f]{16}; every file's tag verified/);
      expect(restored.stdout).toMatch(/✓ restored/);
      const back = new Harness({ dir: h.dir });
      expect(back.complaints()).toEqual(tickets);
      back.close();
    },
    SLOW,
  );

  it(
    'refuses a key file others may read (exit 2) before writing anything; an unencrypted backup says so',
    async () => {
      const h = new Harness();
      fileComplaint(h, 'a', { photo: false });
      const keys = mkdtempSync(join(tmpdir(), 'aduan-keys-'));
      const keyPath = join(keys, 'backup.key');
      const env = { DATA_DIR: h.dir, PORT: '0' };
      await cli('backup', ['--make-key', keyPath], env);
      chmodSync(keyPath, 0o644);
      const dest = join(mkdtempSync(join(tmpdir(), 'aduan-cli-')), 'backup-1');
      const refused = await cli('backup', [dest], { ...env, BACKUP_KEY_FILE: keyPath });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(
        /✗ BACKUP_KEY_FILE .*backup\.key may be read by other users \(mode 644\): run chmod 600/,
      );
      expect(existsSync(dest)).toBe(false);

      const plain = await cli('backup', [dest], env);
      expect(plain.code).toBe(0);
      expect(plain.stdout).toMatch(/! not encrypted \(BACKUP_KEY_FILE is not set\)/);
      const verified = await cli('restore', [dest, '--verify'], env);
      expect(verified.code).toBe(0);
      expect(verified.stdout).toMatch(/✓ not encrypted; manifest, database \(integrity ok\)/);
      h.close();

      const doctor = await cli('doctor', [], { DATA_DIR: h.dir, BACKUP_DIR: join(keys, 'scheduled') });
      expect(doctor.stdout).toMatch(/! backups: every 24 h into .*scheduled, 7 kept, NOT encrypted/);
      chmodSync(keyPath, 0o600);
      const sound = await cli('doctor', [], { DATA_DIR: h.dir, BACKUP_KEY_FILE: keyPath });
      expect(sound.stdout).toMatch(
        /✓ backups: no scheduled backups \(BACKUP_DIR unset\); encrypted \(AES-256-GCM, key id/,
      );
    },
    SLOW,
  );
});
