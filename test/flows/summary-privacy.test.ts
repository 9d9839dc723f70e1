// The summary before sending shows the citizen's story as the agency will read it: for rahasia and anonim every NIK,
// phone number, e-mail address and name in it masked, for biasa the NIK alone; one line says what was hidden and why,
// and none when nothing was. What is filed is the story as written (the masking happens on the way to the agency).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../../src/domain/reply.js';
import { Harness } from '../helpers/harness.js';

const ANSWERS: Record<string, string> = {
  consent: 'ya',
  confirm_guess: 'ya',
  incident_date: 'minggu lalu',
  prior_report: 'belum',
  expectation: 'KTP segera dicetak',
  evidence: 'lewati',
  name: 'Siti Rahmah',
  nik: '6371045708900001',
  phone: '081234567890',
};

const STORY =
  'KTP-el saya belum jadi di Disdukcapil Kota Banjarmasin. Nama saya Siti Rahmah, NIK 6371 0457 0890 0001, ' +
  'wa 0812.3456.7890, email siti.r@gmail.com 🙏';

describe('the summary shows the story as the agency will read it', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
  });
  afterEach(() => h.close());

  /** Tells `story`, answers every question (identity `mode`), and returns the summary's text. */
  const summaryFor = (
    chat: string,
    story: string,
    mode: '1' | '2' | '3',
    opts: { first?: string; answers?: Record<string, string> } = {},
  ): string => {
    const answers: Record<string, string> = { ...ANSWERS, identity_mode: mode, ...opts.answers };
    let last: RenderedMessage[] = [
      ...h.say(chat, opts.first ?? 'halo'),
      ...h.say(chat, 'ya'),
      ...h.say(chat, story),
    ];
    for (let i = 0; i < 20; i++) {
      const expecting = last.at(-1)?.expecting ?? 'none';
      if (expecting === 'confirm') return last.at(-1)?.text ?? '';
      last = h.say(chat, answers[expecting] ?? 'lewati');
    }
    throw new Error('no summary');
  };
  const storyRow = (summary: string) => /1\. (?:Cerita|Story): (.*)/.exec(summary)?.[1] ?? '';
  const expectationRow = (summary: string) =>
    /\d+\. (?:Harapan|What you want): (.*)/.exec(summary)?.[1] ?? '';

  it('rahasia: NIK, phone, e-mail and name masked in the story, with the line that says why', () => {
    const summary = summaryFor('rahasia', STORY, '2', {
      answers: { expectation: 'KTP segera dicetak, hubungi 0812-3456-7890' },
    });
    expect(storyRow(summary)).toBe(
      'KTP-el saya belum jadi di Disdukcapil Kota Banjarmasin. Nama saya [nama disamarkan], NIK [NIK disamarkan], ' +
        'wa [nomor disamarkan], email [e-mail disamarkan] 🙏',
    );
    expect(expectationRow(summary)).toBe('KTP segera dicetak, hubungi [nomor disamarkan]');
    expect(summary).toContain('karena Anda memilih *Rahasia*');
    // The citizen's own identity rows stay as they were given (the agency does not get them at all).
    expect(summary).toContain('Nama: Siti Rahmah');
    // What is filed is what was written: the agency's copy is masked on its way out.
    h.say('rahasia', 'kirim');
    expect(JSON.stringify(h.complaints().at(-1)?.complaint)).toContain('NIK 6371 0457 0890 0001');
  });

  it('anonim: a name introduced in the story is masked though none was asked', () => {
    const summary = summaryFor(
      'anonim',
      'Ulun Aluh, warga Kelayan, KTP-el ulun belum jadi di Disdukcapil Kota Banjarmasin',
      '3',
    );
    expect(storyRow(summary)).toBe(
      'Ulun [nama disamarkan], warga Kelayan, KTP-el ulun belum jadi di Disdukcapil Kota Banjarmasin',
    );
    expect(summary).toContain('karena Anda memilih *Anonim*');
  });

  it('biasa: only the NIK is masked, and the line says a NIK never goes inside the story', () => {
    const summary = summaryFor('biasa', STORY, '1');
    expect(storyRow(summary)).toBe(
      'KTP-el saya belum jadi di Disdukcapil Kota Banjarmasin. Nama saya Siti Rahmah, NIK [NIK disamarkan], ' +
        'wa 0812.3456.7890, email siti.r@gmail.com 🙏',
    );
    expect(summary).toContain('NIK tidak pernah dikirim di dalam cerita');
    expect(summary).not.toContain('memilih *Rahasia*');
  });

  it('says nothing when nothing was hidden', () => {
    const summary = summaryFor(
      'polos',
      'KTP-el saya belum jadi sejak Agustus di Disdukcapil Kota Banjarmasin, antrean no 45, bayar Rp 50.000',
      '2',
    );
    expect(storyRow(summary)).toContain('antrean no 45, bayar Rp 50.000');
    expect(summary).not.toContain('🔒 Begitulah');
  });

  it('in English, with the markers in English', () => {
    h.say('english', 'hello');
    const summary = summaryFor('english', STORY, '2', { first: '/lang en' });
    expect(storyRow(summary)).toContain('Nama saya [name hidden], NIK [NIK hidden], wa [number hidden]');
    expect(summary).toContain('because you chose *Confidential*');
  });
});
