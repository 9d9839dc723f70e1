// Property: whatever a chat sends, the runtime never throws, always answers (at once or when the story's quiet
// time ends), keeps the stored conversation bounded and restorable, and a proper dialogue still files a ticket.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoredSnapshot } from '../../flows/index.js';
import { IntakeContext } from '../../flows/intake-context.js';
import type { RenderedMessage } from '../../src/domain/reply.js';
import { Harness, type Said } from '../helpers/harness.js';

const WORDS = [
  'ya',
  'tidak',
  'batal',
  'ulang',
  'lanjut',
  'status',
  'status ADU-2611-AAAA',
  '/lang en',
  '/lang id',
  '1',
  '2',
  '19',
  'selesai',
  'kirim',
  'ubah 3',
  'lewati',
  '👍',
  'bantuan',
  '/start',
];

const noise: fc.Arbitrary<Said | { advanceMinutes: number }> = fc.oneof(
  fc.string({ maxLength: 200 }).map((text) => ({ text })),
  fc.string({ unit: 'grapheme', maxLength: 60 }).map((text) => ({ text })),
  fc.constantFrom(...WORDS).map((text) => ({ text })),
  fc
    .constantFrom('😀😀😀', '🙏', '<script>alert(1)</script>', "' OR 1=1; --", '\u200b\u200b', ' ')
    .map((text) => ({ text })),
  fc.integer({ min: 2000, max: 10_000 }).map((n) => ({ text: 'a'.repeat(n) })),
  fc.record({ photo: fc.constant(true) }),
  fc.record({ voice: fc.constant(true) }),
  fc.record({ sticker: fc.constant(true) }),
  fc.record({
    location: fc.record({
      lat: fc.double({ min: -90, max: 90, noNaN: true }),
      lon: fc.double({ min: -180, max: 180, noNaN: true }),
    }),
  }),
  fc.record({
    location: fc.record({
      lat: fc.double({ min: -4, max: -2, noNaN: true }),
      lon: fc.double({ min: 114.5, max: 116.5, noNaN: true }),
    }),
  }),
  fc.integer({ min: 1, max: 5000 }).map((advanceMinutes) => ({ advanceMinutes })),
);

const ANSWERS: Record<string, string> = {
  consent: 'ya',
  story: 'Jalan rusak berlubang di depan rumah saya sudah sebulan',
  confirm_guess: 'ya',
  location: 'Jl. Pramuka dekat pasar, Banjarmasin Timur',
  region: '1',
  category: '5',
  agency: 'tidak tahu',
  incident_date: 'kemarin',
  prior_report: 'belum',
  prior_result: 'tidak ada kabar',
  expectation: 'segera diperbaiki',
  evidence: 'lewati',
  identity_mode: '1',
  name: 'Siti Rahmah',
  nik: 'lewati',
  phone: 'lewati',
  confirm: 'kirim',
  edit_field: 'cerita',
  cancel_confirm: 'tidak',
  after_submit: 'baru',
  none: 'halo',
};

function storedBounded(h: Harness, chat: string): void {
  const row = h.core.db.prepare('SELECT snapshot FROM conversations WHERE chat_id = ?').pluck().get(chat);
  expect(typeof row).toBe('string');
  const text = String(row);
  expect(text.length).toBeLessThan(48_000);
  const stored = StoredSnapshot.parse(JSON.parse(text));
  expect(IntakeContext.safeParse(stored.context).success).toBe(true);
}

describe('noise property', () => {
  it('never throws, always answers, stays bounded, and a proper dialogue still files a ticket', () => {
    fc.assert(
      fc.property(fc.array(noise, { minLength: 1, maxLength: 25 }), (events) => {
        const h = new Harness();
        const chat = 'noisy';
        try {
          for (const e of events) {
            if ('advanceMinutes' in e) {
              h.advance(e.advanceMinutes * 60_000, chat);
              continue;
            }
            let replies = h.say(chat, e);
            // Story fragments are answered when the citizen has been quiet for a moment.
            if (replies.length === 0) replies = h.advance(2 * 60_000, chat);
            expect(replies.length, `no answer to ${JSON.stringify(e).slice(0, 80)}`).toBeGreaterThan(0);
            storedBounded(h, chat);
          }
          const before = h.complaints().length;
          let last: RenderedMessage[] = h.say(chat, 'ulang');
          for (let i = 0; i < 40 && h.complaints().length === before; i++) {
            const expecting = last.at(-1)?.expecting ?? 'none';
            const answer =
              expecting === 'story' && last.at(-1)?.choices.length
                ? 'selesai'
                : (ANSWERS[expecting] ?? 'halo');
            last = h.say(chat, answer);
            if (last.length === 0) last = h.advance(2 * 60_000, chat);
          }
          expect(h.complaints().length).toBe(before + 1);
        } finally {
          h.close();
        }
      }),
      { numRuns: 40, seed: 20261123 },
    );
  }, 120_000);
});
