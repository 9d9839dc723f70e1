// "Data saya" and "hapus data saya" as citizens type them (Indonesian, Banjar, English, slash commands), said in the
// middle of a complaint: the conversation keeps its place, the open question is asked again, and "tidak" erases nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../src/understand/commands.js';
import { dataCommand } from '../../src/understand/data-commands.js';
import { Harness } from '../helpers/harness.js';

describe('data commands', () => {
  it.each([
    ['data saya', 'my_data'],
    ['Data saya?', 'my_data'],
    ['lihat data saya pak', 'my_data'],
    ['data ulun', 'my_data'],
    ['dataku', 'my_data'],
    ['data pribadi aku', 'my_data'],
    ['my data', 'my_data'],
    ['show my personal data', 'my_data'],
    ['hapus data saya', 'erase'],
    ['HAPUS DATA SAYA!', 'erase'],
    ['tolong hapus semua data saya', 'erase'],
    ['hapusakan data ulun lah', 'erase'],
    ['hapusi data ulun', 'erase'],
    ['minta data saya dihapus', 'erase'],
    ['delete my data', 'erase'],
    ['erase my personal data please', 'erase'],
  ])('reads %j as %s', (text, command) => {
    expect(dataCommand(text)).toBe(command);
    expect(parseCommand(text)).toEqual({ type: command });
  });

  it.each([
    'data saya salah di KTP',
    'data',
    'hapus',
    'ya hapus',
    'saya mau hapus foto tadi',
    'data kependudukan saya belum diperbarui',
    'hapus hapus data saya',
    'saya mau tahu nama petugas yang melayani',
    'nama saya Budi Santoso',
    'nik saya 6371010101010001',
    'data saya di DTKS salah, mohon dihapus yang ganda',
  ])('leaves %j alone', (text) => {
    expect(dataCommand(text)).toBeNull();
  });

  it('knows the slash commands', () => {
    expect(parseCommand('/datasaya')).toEqual({ type: 'my_data' });
    expect(parseCommand('/hapus_data@AduanBot')).toEqual({ type: 'erase' });
  });
});

describe('data commands in a conversation', () => {
  let h: Harness;
  beforeEach(() => {
    h = new Harness();
    h.say('w', 'halo');
    h.say('w', 'ya');
    h.say('w', 'KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.');
    h.say('w', 'benar');
  });
  afterEach(() => h.close());

  it('answers "data saya" mid-question, then asks that question again', () => {
    const replies = h.say('w', 'data saya');
    expect(replies.map((r) => r.expecting)).toEqual(['none', 'prior_report']);
    expect(replies[0]?.text).toContain('Belum ada pengaduan dari chat ini.');
    expect(replies[0]?.text).toContain('sedang diisi');
    expect(h.say('w', 'belum').at(-1)?.expecting).toBe('expectation');
  });

  it('asks before erasing, and "tidak" goes back to the open question with nothing erased', () => {
    const [question] = h.say('w', 'hapus data ulun');
    expect(question?.expecting).toBe('cancel_confirm');
    expect(question?.text).toContain('Penghapusan tidak bisa dibatalkan.');
    const back = h.say('w', 'tidak');
    expect(back.map((r) => r.text).join('\n')).toContain('Baik, data Anda tidak dihapus.');
    expect(back.at(-1)?.expecting).toBe('prior_report');
    expect(
      h.core.db.prepare("SELECT count(*) FROM audit_events WHERE type = 'data.erased'").pluck().get(),
    ).toBe(0);
    expect(h.say('w', 'belum').at(-1)?.expecting).toBe('expectation');
  });

  it('reads three unclear answers to "yakin?" as no', () => {
    h.say('w', 'hapus data saya');
    expect(h.say('w', 'hmm gimana ya')[0]?.expecting).toBe('cancel_confirm');
    expect(h.say('w', 'apa maksudnya')[0]?.expecting).toBe('cancel_confirm');
    expect(h.say('w', 'entahlah').at(-1)?.expecting).toBe('prior_report');
  });

  it('erases a draft when confirmed (the button, or "hapus data saya" again), in English too', () => {
    h.say('w', '/lang en');
    const [question] = h.say('w', 'delete my data');
    expect(question?.choices.map((c) => c.label)).toEqual(['Yes, erase', 'No, keep it']);
    const [done] = h.say('w', '1');
    expect(done?.text).toContain('Your data was erased');
    expect(done?.text).toContain('Law 43/2009');
    expect(h.conversationState('w')).toBeNull();
    expect(h.say('w', 'halo')[0]?.expecting).toBe('consent');
  });
});
