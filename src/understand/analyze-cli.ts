// The logic of `npm run analyze`: JSON lines {"id","text"} in, one analysis per line out; bad lines reported on stderr.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { z } from 'zod';
import { type AgencyResolver, analyzeStory, mentionedAgency } from './analyze.js';

const InputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
});

export type OutputLine = {
  id: string | number;
  category: string | null;
  candidates: { category: string; score: number }[];
  kabkota: string | null;
  kecamatan: string | null;
  agency: string | null;
  reasons: string[];
};

/** One input line → the output object, or the reason it was refused. */
export function analyzeLine(
  raw: string,
  resolveAgency: AgencyResolver = mentionedAgency,
  now: Date = new Date(),
): { ok: true; value: OutputLine } | { ok: false; error: string } {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'not valid JSON' };
  }
  const line = InputLine.safeParse(json);
  if (!line.success) {
    const issue = line.error.issues[0];
    return { ok: false, error: `${issue?.path.join('.') || 'line'}: ${issue?.message ?? 'invalid'}` };
  }
  const a = analyzeStory(line.data.text, now);
  return {
    ok: true,
    value: {
      id: line.data.id,
      category: a.category,
      candidates: a.candidates,
      kabkota: a.kabkotaCode,
      kecamatan: a.kecamatanCode,
      agency: resolveAgency(a, line.data.text),
      reasons: a.reasons,
    },
  };
}

export type AnalyzeIo = { stdin: Readable; stdout: Writable; stderr: Writable };

/** Analyzes every non-blank line of `input`; returns how many lines were written and how many refused. */
export async function analyzeStream(
  input: Readable,
  io: Pick<AnalyzeIo, 'stdout' | 'stderr'>,
  resolveAgency: AgencyResolver = mentionedAgency,
  now: Date = new Date(),
): Promise<{ written: number; failed: number }> {
  let lineNo = 0;
  let written = 0;
  let failed = 0;
  for await (const raw of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNo++;
    if (raw.trim() === '') continue;
    const result = analyzeLine(raw, resolveAgency, now);
    if (result.ok) {
      io.stdout.write(`${JSON.stringify(result.value)}\n`);
      written++;
    } else {
      io.stderr.write(`line ${lineNo}: ${result.error}\n`);
      failed++;
    }
  }
  return { written, failed };
}

/** `analyze [FILE]`: reads FILE, or stdin without one. Exit code 0, 1 when some lines were refused, 2 on misuse. */
export async function analyzeMain(
  argv: readonly string[],
  io: AnalyzeIo,
  resolveAgency: AgencyResolver = mentionedAgency,
): Promise<number> {
  if (argv.length > 1 || argv[0]?.startsWith('-')) {
    io.stderr.write(
      'usage: npm run analyze -- [FILE.jsonl]   (JSON lines {"id","text"}; stdin without FILE)\n',
    );
    return 2;
  }
  const file = argv[0];
  let input = io.stdin;
  if (file !== undefined) {
    const stream = createReadStream(file, 'utf8');
    try {
      await new Promise<void>((resolve, reject) =>
        stream.once('open', () => resolve()).once('error', reject),
      );
    } catch (err) {
      io.stderr.write(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    input = stream;
  }
  const { failed } = await analyzeStream(input, io, resolveAgency);
  return failed > 0 ? 1 : 0;
}
