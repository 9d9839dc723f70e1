// Consent is decided only by an answer to it as a whole: story fragments sent before reading (with a negation, an
// intensifier or a yes-word inside) are kept as story, never a refusal or a consent. Written from the classes.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/locales.js';
import { Harness } from '../helpers/harness.js';

/** Pieces of a story as citizens send them before reading anything. */
const SUBJECTS = [
  'sampah di gang kami',
  'jalan ke desa',
  'lampu jalan depan sekolah',
  'air PDAM di rumah',
  'anak sy',
  'KTP saya',
  'ulun',
  'bantuan PKH ibu saya',
  'lubangnya',
  'petugas puskesmas',
];
/** Words that say no or yes when alone, inside a sentence they decide nothing. */
const INSIDE = ['gak', 'gk', 'tidak', 'tdk', 'kada', 'ndak', 'nggak', 'enggak', 'belum', 'blm', 'no'];
const INTENSIFIERS = ['banar', 'banget', 'bgt', 'sekali', 'betul'];
const PREDICATES = [
  'diangkut',
  'dikasih rapor',
  'kawa mangurus',
  'response at all',
  'ada kabar',
  'jadi sampai sekarang',
  'mengalir sudah 4 hari',
  'bisa dilewati',
];
const TIMES = ['udh seminggu', 'sudah 2 bulan', 'dari kemarin', 'tiap hari', ''];

const negated = fc
  .tuple(
    fc.constantFrom(...SUBJECTS),
    fc.constantFrom(...TIMES),
    fc.constantFrom(...INSIDE),
    fc.constantFrom(...PREDICATES),
  )
  .map(([s, time, no, p]) => [s, time, no, p].filter(Boolean).join(' '));
const intensified = fc
  .tuple(
    fc.constantFrom(...SUBJECTS),
    fc.constantFrom('rusak', 'ganal', 'bau', 'lambat', 'mahal'),
    fc.constantFrom(...INTENSIFIERS),
  )
  .map(([s, adj, very]) => `${s} ${adj} ${very}`);
const fragment = fc.oneof(negated, intensified);

const chatState = (h: Harness, chat: string) => {
  const conv = h.core.store.conversations.find('simulate', chat);
  const ctx = (conv?.snapshot as { context?: { consent: unknown; draft: { story: string[] } } } | undefined)
    ?.context;
  return { state: conv?.state, consent: ctx?.consent ?? null, story: ctx?.draft.story ?? [] };
};

describe('consent and story fragments sent before reading', () => {
  let h: Harness | null = null;
  afterEach(() => h?.close());

  it('a fragment with a negation, an intensifier or "betul" inside is story: kept, consent still asked', () => {
    h = new Harness();
    const harness = h;
    let n = 0;
    fc.assert(
      fc.property(fc.array(fragment, { minLength: 1, maxLength: 4 }), (pieces) => {
        const chat = `burst-${++n}`;
        expect(harness.say(chat, 'halo').map((r) => r.expecting)).toEqual(['consent']);
        const replies = pieces.flatMap((p) => harness.say(chat, p));
        // At most one short line for the whole burst, and it is the consent question saying the story was kept.
        expect(replies.length).toBeLessThanOrEqual(1);
        for (const r of replies) {
          expect(r.expecting).toBe('consent');
          expect(r.text).toContain(t('id', 'ask.consent.kept').slice(0, 30));
        }
        const after = chatState(harness, chat);
        expect(after.state).toBe('consent');
        expect(after.consent).toBeNull();
        expect(after.story).toEqual(pieces);
        // Consent then goes on with the story kept: never asked to tell it again.
        const next = harness.say(chat, 'iya boleh');
        expect(next.at(-1)?.text).not.toContain(t('id', 'ask.story'));
        expect(chatState(harness, chat).story.slice(0, pieces.length)).toEqual(pieces);
        expect(chatState(harness, chat).consent).not.toBeNull();
      }),
      { numRuns: 60, seed: 20261206 },
    );
  });

  it('whole yes answers consent, in every form a citizen uses', () => {
    h = new Harness();
    const yes = [
      'ya',
      'iya',
      'iya boleh',
      'setuju',
      'Setuju',
      'SETUJU!',
      'ok lanjut',
      'y',
      'inggih',
      'boleh pak',
      '1',
      'yes',
      'lanjut',
      'saya bersedia',
      'I agree',
      'setuju 👍',
    ];
    for (const [i, answer] of yes.entries()) {
      const chat = `yes-${i}`;
      h.say(chat, 'halo');
      const replies = h.say(chat, answer);
      expect(replies.at(-1)?.expecting, answer).toBe('story');
      expect(chatState(h, chat).consent, answer).not.toBeNull();
    }
  });

  it('whole no answers refuse and forget, in every form a citizen uses; then any message asks again', () => {
    h = new Harness();
    const no = [
      'tidak setuju',
      'Tidak setuju',
      'gak mau',
      'jangan',
      'kada handak',
      'tidak',
      '2',
      'no',
      "I don't agree",
      'ndak mau',
    ];
    for (const [i, answer] of no.entries()) {
      const chat = `no-${i}`;
      h.say(chat, 'halo');
      h.say(chat, 'sampah di gang kami udh seminggu gak diangkut');
      const replies = h.say(chat, answer);
      expect(
        replies.map((r) => r.expecting),
        answer,
      ).toEqual(['none']);
      expect(replies[0]?.text).toContain(t('id', 'consent.refused').slice(0, 40));
      expect(chatState(h, chat).story, answer).toEqual([]);
      // After a refusal: "lanjut", "mau lapor" or a new story start again at the consent question.
      const again = h.say(chat, ['lanjut', 'mau lapor', 'jalan rusak di depan rumah'][i % 3] ?? 'lanjut');
      expect(
        again.map((r) => r.expecting),
        answer,
      ).toEqual(['consent']);
      expect(again[0]?.text).toContain(t('id', 'ask.consent'));
    }
  });

  it('a yes that goes on telling is consent plus a piece of story', () => {
    h = new Harness();
    const cases = [
      'ya pak, sampahnya numpuk di gang',
      'iya boleh, jalan di depan rumah saya rusak parah',
      'Ya. Lampu jalan di kampung kami mati semua',
    ];
    for (const [i, text] of cases.entries()) {
      const chat = `lead-${i}`;
      h.say(chat, 'halo');
      h.say(chat, text);
      const s = chatState(h, chat);
      expect(s.consent, text).not.toBeNull();
      expect(s.story.join(' '), text).toContain(text.replace(/^\S+\s+\S*[,.]?\s*/, '').slice(0, 10));
    }
  });

  it('greetings and "mau lapor" before reading are not story, and are not answered one by one', () => {
    h = new Harness();
    h.say('g', 'assalamualaikum');
    expect(h.say('g', 'pak')).toEqual([]);
    expect(chatState(h, 'g').story).toEqual([]);
    // Asked again once the citizen keeps writing without answering, then kept asking with the help line.
    const second = h.say('g', 'halo?');
    expect(second.map((r) => r.expecting)).toEqual(['consent']);
    expect(h.say('g', 'halo??')).toEqual([]);
    const fourth = h.say('g', 'p');
    expect(fourth[0]?.text).toContain(t('id', 'help.short'));
  });
});
