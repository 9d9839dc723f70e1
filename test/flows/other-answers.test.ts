// Answers as people give them: a phone number inside a sentence, where an earlier complaint went.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findReportedTo } from '../../src/understand/reported-to.js';
import { Harness } from '../helpers/harness.js';
import { textOf } from '../helpers/replies.js';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.close());

describe('other answers', () => {
  it('keeps where an earlier complaint went, asks what came of it, and takes a phone number inside a sentence', () => {
    h.say('o', 'halo');
    h.say('o', 'ya');
    h.say('o', 'KTP-el saya belum selesai dicetak di Disdukcapil Kota Banjarmasin sejak 2 bulan lalu');
    h.say('o', 'benar');
    expect(h.say('o', 'sudah lapor ke kelurahan').at(-1)?.expecting).toBe('prior_result');
    h.say('o', 'disuruh menunggu saja');
    h.say('o', 'KTP segera dicetak');
    h.say('o', '1');
    h.say('o', 'Siti Rahmah');
    h.say('o', '6371045708900001');
    const summary = h.say('o', 'wa aja ke 0812 5555 1234 ya pak');
    expect(summary.at(-1)?.expecting).toBe('confirm');
    expect(textOf(summary)).toContain('sudah, ke kelurahan (disuruh menunggu saja)');
    h.say('o', 'kirim');
    expect(h.complaints()[0]?.complaint).toMatchObject({
      phone: '+6281255551234',
      priorReport: { done: true, result: 'disuruh menunggu saja', to: 'kelurahan' },
    });
  });

  it('reads where it was reported in the ways people say it', () => {
    expect(findReportedTo('sudah lapor ke kelurahan')).toBe('kelurahan');
    expect(findReportedTo('udh ngadu sm pak RT tp gk ada tindakan')).toBe('pak RT');
    expect(findReportedTo('sudah kami laporkan kepada Dinas PUPR, namun belum ada perbaikan')).toBe(
      'Dinas PUPR',
    );
    expect(findReportedTo('sudah bilang ka pambakal, kada ditanggapi')).toBe('pambakal');
    expect(findReportedTo('sudah')).toBeNull();
    expect(findReportedTo('belum pernah lapor')).toBeNull();
  });
});
