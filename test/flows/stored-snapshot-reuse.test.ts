// A chat's next message starts from the snapshot object its last step returned (flows/index.ts, and the
// conversations' parse cache), without the schema: that must step exactly as the same snapshot read back from its
// JSON, which is what a restart, another process or a cache miss reads.
import { describe, expect, it } from 'vitest';
import { type StoredSnapshot, readStored, step } from '../../flows/index.js';
import { IntakeContext } from '../../flows/intake-context.js';
import { DIALOGUES } from '../transcripts/dialogues.js';
import { transcript } from '../transcripts/pure-transcript.js';

describe('a stored snapshot reused as an object', () => {
  for (const d of DIALOGUES) {
    it(`steps as its JSON read back: ${d.name}`, () => {
      const steps: StoredSnapshot[] = [];
      const kept = transcript(d.turns, { onStep: (s) => steps.push(s) });
      expect(transcript(d.turns, { readBack: true })).toBe(kept);
      for (const s of steps) {
        // The schema reads the stored text back to the very context the step returned, but for the keys the flow
        // clears by setting them to undefined (xstate's assign keeps the key), which the JSON leaves out.
        expect(IntakeContext.parse(JSON.parse(JSON.stringify(s.context)))).toEqual(s.context);
        expect(Object.isFrozen(s) && Object.isFrozen(s.context)).toBe(true);
      }
    });
  }

  it('is returned as it is only when the step made it; anything else is validated', () => {
    const made = step(null, { type: 'timer', now: 0 }, { channel: 'web', now: 0 }).stored;
    expect(readStored(made)).toBe(made);
    const copy = JSON.parse(JSON.stringify(made));
    expect(readStored(copy)).not.toBe(copy);
    expect(readStored(copy)).toStrictEqual(copy);
    expect(readStored({ ...copy, version: 'x' })).toBeNull();
  });

  it('cannot be changed once returned', () => {
    const made = step(null, { type: 'timer', now: 0 }, { channel: 'web', now: 0 }).stored;
    expect(() => {
      (made.context as { lang: string }).lang = 'en';
    }).toThrow(TypeError);
  });
});
