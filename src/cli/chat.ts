// `npm run chat`: the same conversation in the terminal, with the real clock and a database file under ./data.
import { mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfigFromEnv } from '../app/config.js';
import { buildCore } from '../app/core.js';
import { upgradeStep } from '../app/upgrade-step.js';
import type { Outgoing } from '../conversation/runtime.js';
import type { RenderedMessage } from '../domain/reply.js';
import { upgradeFirst } from './upgrade-first.js';

const { values } = parseArgs({
  options: { db: { type: 'string' }, user: { type: 'string', default: 'local' } },
});
const env = loadConfigFromEnv();
const config = { ...env, dbPath: values.db ?? env.dbPath };
mkdirSync(config.dataDir, { recursive: true });
await upgradeFirst(() => upgradeStep(config));
const core = buildCore({
  dbPath: config.dbPath,
  upgradeCleared: true,
  dataDir: config.dataDir,
  answerDays: config.ANSWER_DAYS,
  verifyDays: config.VERIFY_DAYS,
  holidaysFile: config.HOLIDAYS_FILE,
});
const chatId = values.user ?? 'local';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text already lists every choice with its number (the identity question): printing them again repeats it. */
function numberedInText(m: RenderedMessage): boolean {
  return m.choices.every((c, i) => new RegExp(`(^|\\n)${i + 1}\\. \\*?${escapeRe(c.label)}\\b`).test(m.text));
}

function show(m: RenderedMessage): void {
  const bold = (s: string) => (process.stdout.isTTY ? s.replace(/\*([^*\n]+)\*/g, '\x1b[1m$1\x1b[0m') : s);
  process.stdout.write(`\n🤖 ${bold(m.text).replace(/\n/g, '\n   ')}\n`);
  if (m.choices.length > 0 && !numberedInText(m)) {
    const list = m.wordChoices
      ? m.choices.map((c) => `[${c.label}]`).join('  ')
      : m.choices.map((c, i) => `${i + 1}. ${c.label}`).join('\n   ');
    process.stdout.write(`   ${list}\n`);
  }
}

const emit = (out: Outgoing[]) => {
  for (const o of out.filter((x) => x.chatId === chatId)) {
    show(o.message);
    core.store.outbox.markSent(o.id, Date.now(), null);
  }
};

const rl = createInterface({ input: process.stdin, output: process.stdout, prompt: '\n🙂 ' });
const sweep = setInterval(() => emit(core.runtime.fireDue()), 1000);
process.stdout.write('Aduan (terminal). Ketik pesan; Ctrl+D untuk keluar. /lang en for English.\n');
rl.prompt();
let n = 0;
// Lines are read as they come (typed or piped); each is handled before the next.
for await (const text of rl) {
  n++;
  emit(
    core.runtime.handle({ channel: 'terminal', chatId, messageId: `${chatId}:${Date.now()}:${n}`, text })
      .outgoing,
  );
  rl.prompt();
}
clearInterval(sweep);
core.close();
