// Golden transcripts of the pure step: each dialogue of dialogues.ts run through the flow alone (no database), every
// reply rendered and every effect written, compared with test/transcripts/golden/<name>.txt. A change in what the bot
// says or does shows as a diff of those files; `npx vitest run test/transcripts/golden.test.ts -u` rewrites them, to
// be reviewed like code (goflow's -write runner).
import { describe, expect, it } from 'vitest';
import { DIALOGUES } from './dialogues.js';
import { transcript } from './pure-transcript.js';

const slug = (name: string) =>
  name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);

describe('golden transcripts of the pure step', () => {
  for (const d of DIALOGUES) {
    it(d.name, async () => {
      await expect(transcript(d.turns)).toMatchFileSnapshot(`./golden/${slug(d.name)}.txt`);
    });
  }
});
