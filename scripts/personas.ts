// `npm run personas`: every persona of test/eval/personas talks to `npm run simulate` (one child process, a chat
// per persona); prints JSON: tickets, median citizen messages, the longest run of one question asked again,
// and whether the filed kab/kota and category match the persona's facts, for the dev and held-out sets apart.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { kabkotaByCode } from '../src/understand/region-lookup.js';
import { type Driven, Persona, drive, kabkotaWords } from './lib/persona.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: join(root, 'test/eval/personas') },
    only: { type: 'string' },
    transcripts: { type: 'string' },
    'max-messages': { type: 'string', default: '60' },
  },
});

function load(file: string, set: string): { set: string; persona: Persona }[] {
  return readFileSync(join(values.dir, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => ({ set, persona: Persona.parse(JSON.parse(l)) }));
}

const all = [...load('dev.jsonl', 'dev'), ...load('held-out.jsonl', 'held_out')].filter(
  (x) => !values.only || values.only.split(',').includes(x.persona.id),
);

const work = mkdtempSync(join(tmpdir(), 'aduan-personas-'));
const dbPath = join(work, 'personas.db');
const tsx = join(root, 'node_modules/.bin/tsx');
const child = spawn(tsx, [join(root, 'src/cli/simulate.ts'), '--db', dbPath], {
  stdio: ['pipe', 'pipe', 'inherit'],
});

/** One line `npm run simulate` prints: a message to a chat, or `done` for a line it finished. */
const Out = z.object({
  to: z.string().optional(),
  type: z.string().optional(),
  seq: z.number().optional(),
  error: z.string().optional(),
  text: z.string().default(''),
  expecting: z.string().default('none'),
  choices: z.array(z.object({ id: z.string(), label: z.string() })).optional(),
  wordChoices: z.boolean().optional(),
});
type Out = z.infer<typeof Out>;
let seq = 0;
const pending = new Map<number, (lines: Out[]) => void>();
let buffered: Out[] = [];
createInterface({ input: child.stdout }).on('line', (line) => {
  const out = Out.parse(JSON.parse(line));
  if (out.type === 'done' && out.seq !== undefined) {
    const resolve = pending.get(out.seq);
    pending.delete(out.seq);
    const lines = buffered;
    buffered = [];
    resolve?.(lines);
  } else buffered.push(out);
});

function send(from: string, text: string): Promise<Out[]> {
  seq++;
  const mine = seq;
  return new Promise((resolve) => {
    pending.set(mine, resolve);
    child.stdin.write(`${JSON.stringify({ from, text })}\n`);
  });
}

type Result = Driven & {
  id: string;
  set: string;
  kabkotaRight: boolean | null;
  categoryRight: boolean | null;
};

const maxMessages = Number(values['max-messages']);
const transcripts: string[] = [];

async function run(set: string, p: Persona): Promise<Result> {
  const chat = `persona-${p.id}`;
  const driven = await drive(
    p,
    async (text) => (await send(chat, text)).filter((r) => r.to === chat),
    maxMessages,
  );
  transcripts.push([`# ${p.id} (${set}): ${p.who}`, ...driven.log].join('\n'));
  const ticket = driven.ticket;
  const db = new Database(dbPath, { readonly: true });
  const row = ticket
    ? Filed.optional().parse(
        db
          .prepare(
            'SELECT c.category, c.kabkota_code FROM tickets t JOIN complaints c ON c.id = t.complaint_id WHERE t.number = ?',
          )
          .get(ticket),
      )
    : undefined;
  const kabName = row ? kabkotaNameOf(row.kabkota_code) : null;
  db.close();
  return {
    ...driven,
    id: p.id,
    set,
    kabkotaRight: row ? kabName === kabkotaWords(p.facts.kabkota) : null,
    categoryRight: row ? row.category === p.facts.category : null,
  };
}

const Filed = z.object({ category: z.string(), kabkota_code: z.string() });

function kabkotaNameOf(code: string): string | null {
  const k = kabkotaByCode(code);
  return k ? kabkotaWords(k.name) : null;
}

const median = (xs: number[]): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

function summarize(results: Result[]) {
  const filed = results.filter((r) => r.ticket);
  return {
    personas: results.length,
    tickets: filed.length,
    medianMessages: median(filed.map((r) => r.messages)),
    maxMessages: Math.max(0, ...filed.map((r) => r.messages)),
    longestRepeat: Math.max(0, ...results.map((r) => r.longestRepeat)),
    kabkotaRight: filed.filter((r) => r.kabkotaRight).length,
    categoryRight: filed.filter((r) => r.categoryRight).length,
  };
}

const results: Result[] = [];
for (const { set, persona } of all) results.push(await run(set, persona));
child.stdin.end();
if (values.transcripts) writeFileSync(values.transcripts, `${transcripts.join('\n\n')}\n`);
const dev = results.filter((r) => r.set === 'dev');
const heldOut = results.filter((r) => r.set === 'held_out');
const total = summarize(results);
const targets = {
  allTicketed: total.tickets === total.personas,
  medianAtMost14: (total.medianMessages ?? Number.POSITIVE_INFINITY) <= 14,
  noQuestionAskedMoreThan3Times: total.longestRepeat <= 3,
};
process.stdout.write(
  `${JSON.stringify(
    {
      all: total,
      dev: summarize(dev),
      held_out: summarize(heldOut),
      targets: { ...targets, met: Object.values(targets).every(Boolean) },
      personas: results.map((r) => ({
        id: r.id,
        ticket: !!r.ticket,
        messages: r.messages,
        longestRepeat: r.longestRepeat,
        ...(r.repeated ? { repeated: r.repeated } : {}),
        ...(r.stuck ? { stuck: r.stuck } : {}),
        kabkotaRight: r.kabkotaRight,
        categoryRight: r.categoryRight,
      })),
    },
    null,
    2,
  )}\n`,
);
process.exitCode =
  targets.allTicketed && targets.medianAtMost14 && targets.noQuestionAskedMoreThan3Times ? 0 : 1;
