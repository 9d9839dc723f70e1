// What a merged ticket's followers read of an officer's words to the surviving ticket's reporter: never that reporter's
// name, NIK or phone number.
import { describe, expect, it } from 'vitest';
import type { DispatchEvent } from '../../flows/intake-events.js';
import { scrub, tellFollowers } from '../../src/officers/ticket-news.js';

describe('followers of a merged ticket', () => {
  it('scrub hides the reporter’s name in any case, NIKs and phone numbers, and keeps the rest', () => {
    const text =
      'Bapak Budi Santoso (NIK 6371045708900001, HP 0812-3456-7890): budi santoso, jalan diperbaiki Kamis.';
    expect(scrub(text, 'Budi Santoso')).toBe('Bapak … (NIK …, HP …): …, jalan diperbaiki Kamis.');
    expect(scrub('Hubungi +62 812 3456 7890.', null)).toBe('Hubungi ….');
    expect(scrub('Perbaikan dijadwalkan 12 Desember.', 'Budi')).toBe('Perbaikan dijadwalkan 12 Desember.');
  });

  it('tells each follower once, scrubbed, and not the ticket’s own chat', () => {
    const told: [number, DispatchEvent][] = [];
    const followers = [
      { conversationId: 7, number: 'ADU-2612-AAAA' },
      { conversationId: 7, number: 'ADU-2612-AAAA' },
      { conversationId: 3, number: 'ADU-2612-BBBB' },
    ];
    const news = {
      type: 'ticket.reply',
      now: 1,
      ticket: 'ADU-2612-CCCC',
      text: 'Pak Budi, kami ke lokasi besok.',
    } as const;
    tellFollowers((id, e) => told.push([id, e]), followers, 3, news, 'Budi');
    expect(told).toHaveLength(1);
    const [id, event] = told[0] ?? [];
    expect(id).toBe(7);
    expect(event).toMatchObject({
      type: 'ticket.followed',
      own: 'ADU-2612-AAAA',
      message: 'Pak …, kami ke lokasi besok.',
    });
  });
});
