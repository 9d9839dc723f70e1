// `npm run user -- import FILE.csv` as the operator runs it: stdout is the links' CSV alone (the remarks go to
// stderr), --dry-run and a file with problems create nothing, and the exit code tells which happened.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.js';

type Ran = { code: number | null; out: string; err: string };

describe('npm run user -- import', () => {
  let h: Harness;
  // The harness only makes the data folder and migrates its database; the command opens it on its own.
  beforeEach(() => {
    h = new Harness();
    h.close();
  });

  const run = (args: string[], env: Record<string, string> = {}) =>
    new Promise<Ran>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/user.ts', ...args], {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATA_DIR: h.dir,
          PORT: '0',
          ...env,
        },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += String(d);
      });
      child.stderr.on('data', (d) => {
        err += String(d);
      });
      child.on('close', (code) => resolve({ code, out, err }));
      child.stdin.end();
    });

  it('prints only the CSV of links on stdout, after a dry run and a refused file created nothing', async () => {
    const file = join(h.dir, 'akun.csv');
    writeFileSync(file, 'username;name;role;agencies\r\nbudi;Budi;officer;6371-pupr\r\nx;;admin;\r\n');
    const refused = await run(['import', file]);
    expect(refused).toEqual({
      code: 1,
      out: '',
      err: '✗ line 3: username "x": 3–40 letters, digits, dots, dashes or underscores\n✗ nothing was created\n',
    });
    writeFileSync(file, 'username;name;role;agencies\r\nbudi;Budi;officer;6371-pupr\r\n');
    const dry = await run(['import', file, '--dry-run']);
    expect(dry).toEqual({ code: 0, out: '✓ 1 account(s) valid; nothing created (--dry-run)\n', err: '' });
    const made = await run(['import', file], { PUBLIC_BASE_URL: 'https://aduan.example.go.id/' });
    expect(made.code).toBe(0);
    expect(made.out).toMatch(
      /^username,link,expires\nbudi,https:\/\/aduan\.example\.go\.id\/petugas\/sandi\/[\w-]{22},[\dT:.-]+Z\n$/,
    );
    expect(made.err).toMatch(/^✓ 1 account\(s\) created without a password/);
    const again = await run(['import', file]);
    expect(again.err).toContain('✗ line 2: username budi already exists');
    expect((await run(['import', join(h.dir, 'hilang.csv')])).err).toContain('✗ cannot read');
  });
});
