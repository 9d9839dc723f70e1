// `npm run simulate`: a conversation over a pipe. JSON lines in (one citizen message each), JSON lines out.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfigFromEnv } from '../app/config.js';
import { buildCore } from '../app/core.js';
import { upgradeStep } from '../app/upgrade-step.js';
import { ManualClock } from '../clock.js';
import { MediaKind } from '../conversation/inbound.js';
import type { Outgoing } from '../conversation/runtime.js';
import { upgradeFirst } from './upgrade-first.js';

const Line = z.union([
  z.object({
    type: z.literal('advance'),
    seconds: z
      .number()
      .min(0)
      .max(3650 * 86400),
  }),
  z.object({
    type: z.literal('message').optional(),
    from: z.string().min(1).max(200),
    id: z.string().min(1).max(200).optional(),
    text: z.string().optional(),
    location: z.object({ lat: z.number(), lon: z.number() }).optional(),
    media: z
      .object({
        kind: MediaKind.default('photo'),
        mime: z.string(),
        filename: z.string().optional(),
        base64: z.string(),
      })
      .optional(),
  }),
]);

const { values } = parseArgs({ options: { db: { type: 'string' } } });
const dir = mkdtempSync(join(tmpdir(), 'aduan-sim-'));
const clock = new ManualClock(Date.now());
const dbPath = values.db ?? join(dir, 'simulate.db');
// An existing database given with --db goes through the service's own upgrade step first: the operator's
// UPGRADE_BACKUP, BACKUP_DIR and BACKUP_KEY_FILE decide where its backup goes and whether it is encrypted.
if (values.db !== undefined) await upgradeFirst(() => upgradeStep({ ...loadConfigFromEnv(), dbPath }));
const core = buildCore({ dbPath, dataDir: dir, clock, upgradeCleared: true });

const write = (obj: unknown) => process.stdout.write(`${JSON.stringify(obj)}\n`);
const emit = (out: Outgoing[]) => {
  for (const o of out) {
    write({
      to: o.chatId,
      text: o.message.text,
      choices: o.message.choices,
      ...(o.message.wordChoices ? { wordChoices: true } : {}),
      expecting: o.message.expecting,
    });
    core.store.outbox.markSent(o.id, clock.now(), null);
  }
};

let seq = 0;
const rl = createInterface({ input: process.stdin, terminal: false });
rl.on('line', (raw) => {
  seq++;
  if (!raw.trim()) return;
  try {
    const json: unknown = JSON.parse(raw);
    const line = Line.safeParse(json);
    if (!line.success) {
      write({
        type: 'error',
        seq,
        error: line.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
      });
    } else if ('seconds' in line.data) {
      clock.advance(line.data.seconds * 1000);
      emit(core.runtime.fireDue());
    } else {
      const m = line.data;
      const result = core.runtime.handle({
        channel: 'simulate',
        chatId: m.from,
        messageId: m.id ?? `${m.from}:${seq}:${clock.now()}`,
        text: m.text,
        location: m.location,
        media: m.media
          ? [
              {
                kind: m.media.kind,
                mime: m.media.mime,
                filename: m.media.filename,
                data: new Uint8Array(Buffer.from(m.media.base64, 'base64')),
              },
            ]
          : undefined,
      });
      emit(result.outgoing);
    }
  } catch (err) {
    write({ type: 'error', seq, error: err instanceof SyntaxError ? 'not JSON' : String(err) });
  }
  write({ type: 'done', seq });
});
rl.on('close', () => core.close());
