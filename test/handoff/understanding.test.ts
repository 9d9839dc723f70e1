// Asking for a person in the words citizens use (Indonesian, Banjar, chat English), and story text that only names one.
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/understand/commands.js';
import { HANDOFF_MESSAGES } from '../fixtures/handoff/asking-for-a-person.js';

describe('asking for a person', () => {
  it.each(HANDOFF_MESSAGES)('%s → %s', (text, wanted) => {
    expect(parseCommand(text)?.type === 'handoff').toBe(wanted);
  });

  it.each(['kembali ke bot', 'balik ke bot aja', 'back to bot', '/bot'])(
    '%s asks for the bot back',
    (text) => {
      expect(parseCommand(text)).toEqual({ type: 'bot' });
    },
  );

  it('keeps a story that mentions the bot a story', () => {
    expect(parseCommand('bot ini tidak bisa membaca alamat saya')).toBeNull();
  });
});
