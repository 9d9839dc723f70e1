// Ticket numbers: readable aloud, month-stamped in WITA, random (not a counter), and typed back in any form.
import { describe, expect, it } from 'vitest';
import { seededIds } from '../../src/clock.js';
import { TICKET_PATTERN, canonicalTicketNumber, newTicketNumber } from '../../src/domain/ticket-number.js';

describe('ticket numbers', () => {
  it('look like ADU-YYMM-XXXX in WITA, without look-alike letters', () => {
    const ids = seededIds(3);
    const n = newTicketNumber(new Date('2026-11-30T17:00:00Z'), ids.random); // 1 December 01:00 WITA
    expect(n).toMatch(/^ADU-2612-[2-9A-HJKMNP-TV-Z]{4}$/);
    expect(n).toMatch(TICKET_PATTERN);
  });

  it('are not sequential: consecutive numbers share no counting pattern', () => {
    const ids = seededIds(9);
    const numbers = Array.from({ length: 200 }, () =>
      newTicketNumber(new Date('2026-11-23T02:00:00Z'), ids.random),
    );
    expect(new Set(numbers).size).toBeGreaterThan(195);
    const sorted = [...numbers].sort();
    expect(sorted).not.toEqual(numbers);
  });

  it.each([
    ['ADU-2611-4K7Q', 'ADU-2611-4K7Q'],
    ['adu 2611 4k7q', 'ADU-2611-4K7Q'],
    ['ADU26114K7Q', 'ADU-2611-4K7Q'],
    [' adu-2611-4k7q ', 'ADU-2611-4K7Q'],
    ['ADU-2611-4K7O', null], // O is not in the alphabet
    ['ADU-261-4K7Q', null],
    ['tiket saya ADU-2611-4K7Q', null],
  ])('%j → %j', (typed, canonical) => {
    expect(canonicalTicketNumber(typed)).toBe(canonical);
  });
});
