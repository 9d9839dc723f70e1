// Aduan's number of messages per step of the compare dialogue, from a dry run of every variant through its runtime
// in this process (a temporary database, no HTTP). Each step must end with the question the dialogue expects, and
// every variant must give the same counts: otherwise the dialogue no longer matches Aduan's intake and the run stops.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCore } from '../../src/app/core.js';
import { VARIANTS, asksExpected, dialogue } from './dialogue.js';

export function aduanReplyCounts(): number[] {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-compare-dry-'));
  const core = buildCore({ dbPath: join(dir, 'dry.db'), dataDir: dir });
  try {
    let counts: number[] | null = null;
    for (const [v, variant] of VARIANTS.entries()) {
      const chatId = `dry-${v}`;
      const these = dialogue(variant).map((step, n) => {
        const out = core.runtime.handle({
          channel: 'telegram',
          chatId,
          messageId: `${chatId}:${n + 1}`,
          text: step.say.aduan,
        }).outgoing;
        for (const o of out) core.store.outbox.markSent(o.id, Date.now(), null);
        const last = out.at(-1);
        if (!last || !asksExpected('aduan', step, last.message.text)) {
          throw new Error(
            `variant ${v}, step ${n} (${JSON.stringify(step.say.aduan)}): Aduan did not ask ${step.asks.aduan}`,
          );
        }
        return out.length;
      });
      if (counts !== null && counts.join() !== these.join()) {
        throw new Error(`variant ${v} gives other reply counts (${these}) than variant 0 (${counts})`);
      }
      counts = these;
    }
    if (counts === null) throw new Error('no dialogue variant');
    return counts;
  } finally {
    core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
