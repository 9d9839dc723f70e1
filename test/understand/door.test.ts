// The small readers behind "the door": small talk, the end of a story, places, earlier reports and requests in a
// story, a yes or no at the start of a longer reply. Examples written for each class, not taken from the personas.
import { describe, expect, it } from 'vitest';
import { findAddress } from '../../src/understand/address.js';
import { findEarlierReport } from '../../src/understand/earlier-report.js';
import { findExpectation } from '../../src/understand/expectation.js';
import { isSmallTalk, isStoryFragment } from '../../src/understand/small-talk.js';
import { storyDone } from '../../src/understand/story-done.js';
import { leadingYesNo } from '../../src/understand/yes-no.js';

describe('small talk', () => {
  it('greetings, address terms and "I want to report" are not story', () => {
    for (const t of [
      'p',
      'halo min',
      'Assalamualaikum wr wb',
      'selamat siang bu',
      'mau lapor',
      'saya ingin mengadu',
      'permisi pak, mau tanya',
      'pian',
      '🙏',
      'halo lagi',
    ])
      expect(isSmallTalk(t), t).toBe(true);
  });
  it('anything that tells the problem is story', () => {
    for (const t of [
      'mau lapor jalan rusak',
      'KTP saya belum jadi',
      'banyu kada mengalir',
      'lampu PJU mati',
      'no response at all',
    ])
      expect(isStoryFragment(t), t).toBe(true);
  });
});

describe('the end of a story', () => {
  it('closings alone end it', () => {
    for (const t of [
      'selesai',
      'Sudah itu saja pak',
      'udah itu aja',
      'itu haja pian',
      'cukup segitu dulu',
      'Demikian, terima kasih.',
      'done',
    ])
      expect(storyDone(t), t).toEqual({ done: true, rest: '' });
  });
  it('a closing after the last sentence ends it and keeps the story before it', () => {
    expect(storyDone('Petugasnya tidak ada di tempat. Demikian, terima kasih.')).toEqual({
      done: true,
      rest: 'Petugasnya tidak ada di tempat.',
    });
  });
  it('"sudah" telling a duration, or thanks alone, is not a closing', () => {
    for (const t of ['sudah 3 bulan belum jadi', 'udh seminggu gak diangkut', 'terima kasih', 'pak'])
      expect(storyDone(t).done, t).toBe(false);
  });
});

describe('places in a story', () => {
  it('a street, an alley, a village or a public place named in the story', () => {
    expect(findAddress('got di gg. Mawar 3 rt 05 mampet sudah lama')).toBe('gg. Mawar 3 rt 05');
    expect(findAddress('Pohon tumbang di Jl. A. Yani km 12 belum dipotong')).toBe('Jl. A. Yani km 12');
    expect(findAddress('antrean di Puskesmas Sungai Jingah panjang sekali')).toBe('Puskesmas Sungai Jingah');
  });
  it("a road that is only described, or a place that is someone's own, is not an address", () => {
    for (const t of [
      'jalan rusak parah dan berlubang',
      'jalan di depan rumah saya banjir',
      'desa kami gelap',
      'gang kami kotor',
    ])
      expect(findAddress(t), t).toBeNull();
  });
});

describe('an earlier report in the story', () => {
  it('already reported, with what came of it', () => {
    expect(findEarlierReport('Saya sudah lapor ke kelurahan tapi belum ada tanggapan.')).toEqual({
      done: true,
      result: 'belum ada tanggapan.',
    });
    expect(findEarlierReport('sdh 3x ke kantor camat, disuruh nunggu')).toMatchObject({ done: true });
  });
  it('not reported yet', () => {
    expect(findEarlierReport('saya belum pernah lapor ke mana-mana')).toEqual({ done: false, result: null });
  });
  it('"sudah" telling how long says nothing of a report', () => {
    expect(findEarlierReport('sudah dua minggu air tidak mengalir')).toBeNull();
  });
});

describe('a request in the story', () => {
  it('what the citizen asks for', () => {
    expect(findExpectation('Got mampet. Mohon segera dikeruk sebelum hujan.')).toBe(
      'segera dikeruk sebelum hujan',
    );
    expect(findExpectation('kami berharap sertifikat segera diterbitkan')).toBe(
      'sertifikat segera diterbitkan',
    );
  });
  it('"mohon izin", "mau lapor" or someone else asking for money is not a request', () => {
    for (const t of [
      'Mohon izin, saya mau menyampaikan keluhan.',
      'saya mau lapor',
      'oknum minta uang 100 ribu',
    ])
      expect(findExpectation(t), t).toBeNull();
  });
});

describe('a yes or no at the start of a longer reply', () => {
  it('the first clause as a whole, or a yes/no word first', () => {
    expect(leadingYesNo('iya betul, di Banjarbaru')).toBe('yes');
    expect(leadingYesNo('bukan, di Tapin')).toBe('no');
    expect(leadingYesNo('Ya. Lampunya mati semua')).toBe('yes');
  });
  it('a sentence that starts with "tidak" or "sudah" is not a no or a yes', () => {
    expect(leadingYesNo('tidak ada pemberitahuan sama sekali')).toBeNull();
    expect(leadingYesNo('sudah dua minggu mati')).toBeNull();
  });
});
