// The "data saya" / "hapus data saya" commands, read as a chat reads a whole message (slash commands too), against the
// eval set written by someone who had not read the code: the dev half (p01–p60) must be read right; the held-out
// half (p61–p90) is measured, never tuned to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseCommand } from '../../src/understand/commands.js';

const Row = z.object({ id: z.string(), text: z.string(), expect: z.enum(['show', 'erase', 'none']) });
const rows = readFileSync(new URL('../eval/privacy-commands.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => Row.parse(JSON.parse(line)));
function read(text: string): 'show' | 'erase' | 'none' {
  const command = parseCommand(text)?.type;
  return command === 'my_data' ? 'show' : command === 'erase' ? 'erase' : 'none';
}
const heldOut = (id: string) => Number(id.slice(1)) > 60;

describe('privacy commands eval', () => {
  it.each(rows.filter((r) => !heldOut(r.id)).map((r) => [r.id, r.text, r.expect] as const))(
    '%s %j is %s',
    (_id, text, expected) => {
      expect(read(text)).toBe(expected);
    },
  );

  it('held out: no complaint taken for a command, and at least 14 of the 20 requests understood (measured: 14)', () => {
    const held = rows.filter((r) => heldOut(r.id));
    expect(held).toHaveLength(30);
    const falseCommands = held.filter((r) => r.expect === 'none' && read(r.text) !== 'none');
    const understood = held.filter((r) => r.expect !== 'none' && read(r.text) === r.expect);
    expect(falseCommands.map((r) => r.id)).toEqual([]);
    expect(understood.length).toBeGreaterThanOrEqual(14);
  });
});
