// The backup key file: owner-only and 32 bytes or refused, made with mode 600 and never overwritten; the doctor's word.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { checkBackups } from '../../src/app/doctor-backups.js';
import { keyPlacementProblem, makeBackupKey, readBackupKey } from '../../src/ops/backup-key.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'aduan-key-'));

function keyFile(text: string, mode = 0o600): string {
  const path = join(tmp(), 'backup.key');
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

const HEX = 'a1'.repeat(32);

describe('backup key', () => {
  it('reads 64 hex digits or 44 base64 characters; the same key has the same id either way', () => {
    const fromHex = readBackupKey(keyFile(`${HEX}\n`));
    const fromBase64 = readBackupKey(keyFile(Buffer.from(HEX, 'hex').toString('base64')));
    expect(fromHex.id).toMatch(/^[0-9a-f]{16}$/);
    expect(fromBase64.id).toBe(fromHex.id);
    expect(fromHex.fileKey.equals(fromHex.macKey)).toBe(false);
    expect(fromHex.fileKey.equals(Buffer.from(HEX, 'hex'))).toBe(false);
    expect(readBackupKey(keyFile('b2'.repeat(32))).id).not.toBe(fromHex.id);
  });

  it('refuses a key file others may read or write, a wrong length, a missing file and a folder', () => {
    for (const mode of [0o644, 0o640, 0o604, 0o620]) {
      const path = keyFile(HEX, mode);
      expect(() => readBackupKey(path)).toThrow(
        `BACKUP_KEY_FILE ${path} may be read by other users (mode ${mode.toString(8)}): run chmod 600 ${path}`,
      );
    }
    expect(() => readBackupKey(keyFile(HEX, 0o400))).not.toThrow();
    for (const text of [
      'a1'.repeat(16),
      'a1'.repeat(33),
      Buffer.alloc(16).toString('base64'),
      'not a key',
      '',
    ]) {
      expect(() => readBackupKey(keyFile(text))).toThrow(/does not hold a 32-byte key/);
    }
    expect(() => readBackupKey(join(tmp(), 'none.key'))).toThrow(/none\.key cannot be read/);
    const dir = join(tmp(), 'a-folder');
    mkdirSync(dir, { mode: 0o700 });
    expect(() => readBackupKey(dir)).toThrow(/is not a file/);
  });

  it('--make-key writes a new random key with mode 600 and never overwrites one', () => {
    const path = join(tmp(), 'backup.key');
    const { file, key } = makeBackupKey(path);
    expect(file).toBe(path);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path, 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(readBackupKey(path).id).toBe(key.id);
    const before = readFileSync(path);
    expect(() => makeBackupKey(path)).toThrow(/exists already: a key is never overwritten/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(makeBackupKey(join(tmp(), 'other.key')).key.id).not.toBe(key.id);
  });

  it('names a key kept inside the data folder or a backup folder', () => {
    const data = tmp();
    const folders = [{ name: 'DATA_DIR', dir: data }];
    expect(keyPlacementProblem(join(data, 'keys', 'backup.key'), folders)).toMatch(/is inside DATA_DIR/);
    expect(keyPlacementProblem(join(tmp(), 'backup.key'), folders)).toBeNull();
    expect(keyPlacementProblem(`${data}-elsewhere/backup.key`, folders)).toBeNull();
  });
});

describe("doctor's backups check", () => {
  const data = tmp();
  const check = (env: Record<string, string>) => checkBackups(loadConfig({ DATA_DIR: data, ...env }));

  it('ok without scheduled backups, a warning for scheduled ones without a key', () => {
    expect(check({})).toEqual({
      mark: 'ok',
      name: 'backups',
      detail: 'no scheduled backups (BACKUP_DIR unset); npm run backup writes unencrypted backups',
    });
    const plain = check({ BACKUP_DIR: '/srv/backups' });
    expect(plain.mark).toBe('warn');
    expect(plain.detail).toBe(
      'every 24 h into /srv/backups, 7 kept, NOT encrypted: whoever copies them can read every complaint',
    );
    expect(plain.fix).toMatch(/npm run backup -- --make-key PATH/);
  });

  it('says the backups are encrypted with a sound key kept apart; warns or fails otherwise', () => {
    const good = keyFile(HEX);
    const id = readBackupKey(good).id;
    expect(check({ BACKUP_DIR: '/srv/backups', BACKUP_KEY_FILE: good })).toEqual({
      mark: 'ok',
      name: 'backups',
      detail: `every 24 h into /srv/backups, 7 kept; encrypted (AES-256-GCM, key id ${id})`,
    });
    const inside = join(data, 'backup.key');
    writeFileSync(inside, HEX, { mode: 0o600 });
    const misplaced = check({ BACKUP_KEY_FILE: inside });
    expect(misplaced.mark).toBe('warn');
    expect(misplaced.detail).toMatch(/encrypted .* but the key file .* is inside DATA_DIR/);
    const open = check({ BACKUP_DIR: '/srv/backups', BACKUP_KEY_FILE: keyFile(HEX, 0o644) });
    expect(open.mark).toBe('fail');
    expect(open.detail).toMatch(/may be read by other users \(mode 644\)/);
  });
});
