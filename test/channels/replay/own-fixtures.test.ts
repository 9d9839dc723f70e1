// The same table over the project's own webhook bodies (test/fixtures/payloads): every kind, plus the sequences
// (an album answered once then a late part; a number change then the new number writing). Needs nothing outside.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  OWN_SEQUENCES,
  OWN_TELEGRAM,
  OWN_WACLOUD,
  type Platform,
  TELEGRAM_KINDS,
  WACLOUD_KINDS,
} from './expectations.js';
import { type ReplayRig, ReplayRig as Rig, loadPayload, replayFile, replaySteps } from './replay-rig.js';

const DIR = fileURLToPath(new URL('../../fixtures/payloads', import.meta.url));

const SETS: { platform: Platform; kinds: Record<string, string>; table: readonly { kind: string }[] }[] = [
  { platform: 'telegram', kinds: OWN_TELEGRAM, table: TELEGRAM_KINDS },
  { platform: 'wacloud', kinds: OWN_WACLOUD, table: WACLOUD_KINDS },
];

describe('replay of the own fixtures through the webhook routes', () => {
  let rig: ReplayRig;
  beforeAll(async () => {
    rig = await Rig.start();
  });
  afterAll(async () => {
    await rig?.close();
  });

  for (const set of SETS) {
    describe(set.platform, () => {
      const files = readdirSync(join(DIR, set.platform))
        .filter((f) => f.endsWith('.json'))
        .sort();

      it('every fixture has a kind, and every kind of the table has a fixture or a sequence', () => {
        expect(files.filter((f) => !(f in set.kinds))).toEqual([]);
        expect(Object.keys(set.kinds).filter((f) => !files.includes(f))).toEqual([]);
        const covered = new Set([
          ...Object.values(set.kinds),
          ...OWN_SEQUENCES.filter((s) => s.platform === set.platform).flatMap((s) =>
            s.steps.map((x) => x.kind),
          ),
        ]);
        expect(set.table.map((r) => r.kind).filter((k) => !covered.has(k))).toEqual([]);
      });

      for (const file of files) {
        const kind = set.kinds[file];
        if (!kind) continue;
        it(`${file}: ${kind}`, async () => {
          const payload = loadPayload(join(DIR, set.platform, file), set.platform);
          const { problems, account, logs } = await replayFile(rig, payload, kind);
          expect(problems, `${account}\nlogs: ${logs.slice(0, 5).join('\n')}`).toEqual([]);
        });
      }
    });
  }

  describe('sequences on one service', () => {
    for (const seq of OWN_SEQUENCES) {
      it(`${seq.platform}: ${seq.name}`, async () => {
        const steps = seq.steps.map((s) => ({
          kind: s.kind,
          payloads: s.files.map((f) => loadPayload(join(DIR, seq.platform, f), seq.platform)),
        }));
        const { problems, account, logs } = await replaySteps(rig, steps);
        expect(problems, `${account}\nlogs: ${logs.slice(0, 5).join('\n')}`).toEqual([]);
      });
    }
  });
});
