// Replays third-party Telegram and WhatsApp Cloud webhook bodies (../shared/data/real-payloads, see SOURCES.md
// there) through the real service's webhook routes, each on a fresh service, each POSTed twice, against the table.
// WhatsApp: a file's numeric phone_number_id is configured as it is; a placeholder one (PHONE_NUMBER_ID, REDACTED)
// is rewritten in the bytes to the configured number before signing (replay-rig.ts, loadPayload).
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Platform, REAL_TELEGRAM, REAL_WACLOUD } from './expectations.js';
import { type ReplayRig, ReplayRig as Rig, loadPayload, replayFile } from './replay-rig.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIR = resolve(ROOT, '../shared/data/real-payloads');

const SETS: { platform: Platform; folder: string; kinds: Record<string, string> }[] = [
  { platform: 'telegram', folder: 'telegram', kinds: REAL_TELEGRAM },
  { platform: 'wacloud', folder: 'wacloud', kinds: REAL_WACLOUD },
];

const listed = (folder: string) =>
  existsSync(join(DIR, folder))
    ? readdirSync(join(DIR, folder))
        .filter((f) => f.endsWith('.json'))
        .sort()
    : [];

if (!existsSync(DIR)) {
  describe.skip(`real payloads: ${DIR} does not exist, replay skipped`, () => {
    it('needs ../shared/data/real-payloads next to the project', () => {});
  });
} else {
  describe('replay of real platform payloads through the webhook routes', () => {
    let rig: ReplayRig;
    beforeAll(async () => {
      rig = await Rig.start();
    });
    afterAll(async () => {
      await rig?.close();
    });

    for (const set of SETS) {
      describe(set.platform, () => {
        const files = listed(set.folder);

        it('every file has a kind in the table, and every kind listed has its file', () => {
          expect(files.filter((f) => !(f in set.kinds))).toEqual([]);
          expect(Object.keys(set.kinds).filter((f) => !files.includes(f))).toEqual([]);
        });

        for (const file of files) {
          const kind = set.kinds[file];
          if (!kind) continue;
          it(`${file}: ${kind}`, async () => {
            const payload = loadPayload(join(DIR, set.folder, file), set.platform);
            const { problems, account, logs } = await replayFile(rig, payload, kind);
            expect(problems, `${account}\nlogs: ${logs.slice(0, 5).join('\n')}`).toEqual([]);
          });
        }
      });
    }
  });
}
