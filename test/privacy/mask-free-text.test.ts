// maskFreeText on what citizens really write: NIKs, phone numbers, e-mail addresses and names spaced, dotted, dashed,
// with invisible characters, full-width digits or in words, in Banjar, abbreviated, glued, among emoji; and the
// numbers a complaint is about (dates, amounts, RT/RW, km, ticket numbers, an official's NIP) left as they are.
import { describe, expect, it } from 'vitest';
import { maskScopeFor } from '../../src/privacy/complaint-masking.js';
import { maskFreeText, maskText } from '../../src/privacy/mask-free-text.js';

const NIK = '6371045708900001';
const PHONE = '+6281234567890';
const KNOWN = { name: 'Siti Rahmah', nik: NIK, phone: PHONE };
const M = {
  nik: '[NIK disamarkan]',
  phone: '[nomor disamarkan]',
  email: '[e-mail disamarkan]',
  name: '[nama disamarkan]',
};

/** The digits left in a text, whatever their script. */
const digits = (s: string) => s.normalize('NFKC').replace(/\D/g, '');

describe('maskFreeText: NIKs', () => {
  const written: [string, string][] = [
    ['plain, after "nik sy"', `nik sy ${NIK} pak`],
    ['in groups of four', 'NIK: 6371 0457 0890 0001'],
    ['dotted', 'nik 6371.0457.0890.0001 mohon dicek'],
    ['dashed', 'NIK 6371-0457-0890-0001'],
    ['as on the card, 6-6-4', 'nik ulun 637104 570890 0001 kada tahu kenapa'],
    ['dotted by code', '63.71.04.570890.0001 itu nik ulun'],
    ['zero-width spaces between groups', 'nik 6371\u200b0457\u200b0890\u200b0001'],
    ['zero-width joiner, NBSP and soft hyphen', 'nik 6371\u200d0457\u00a00890\u00ad0001'],
    ['full-width digits', 'ＮＩＫ ６３７１０４５７０８９０００１'],
    ['digit by digit', 'nik 6 3 7 1 0 4 5 7 0 8 9 0 0 0 0 1'],
    [
      'in words',
      'nik saya enam tiga tujuh satu nol empat lima tujuh nol delapan sembilan nol nol nol nol satu',
    ],
    ['in Banjar words', 'anam talu pitu asa nol ampat lima pitu nol walu sanga nol nol nol nol asa'],
    ['digits and words mixed', 'nik 6371 nol empat lima tujuh 0890 0001'],
    ['glued to words', 'nik6371045708900001pak'],
    ['among emoji', '🙏🙏6371045708900001🙏 tolong'],
    ['a KK number', 'no KK 6371041203150007 blm bisa'],
    ['a NIK typed one digit short after "nik"', 'nik 637104570890001'],
    ['someone else’s NIK (a child’s) in the story', 'nik anak sy 3171234506780002 ditolak'],
  ];
  it.each(written)('%s', (_, text) => {
    const out = maskFreeText(text, KNOWN);
    expect(out).toContain(M.nik);
    expect(digits(out)).toBe('');
    expect(out).not.toMatch(/empat|walu|sanga/);
  });

  it('keeps the words around it as they were', () => {
    expect(maskFreeText('KTP-el belum jadi, NIK: 6371 0457 0890 0001, sudah 3 bulan', {})).toBe(
      `KTP-el belum jadi, NIK: ${M.nik}, sudah 3 bulan`,
    );
  });
});

describe('maskFreeText: phone numbers', () => {
  const written: [string, string][] = [
    ['dashed', 'hp 0812-3456-7890'],
    ['spaced', 'wa aja ke 0812 3456 7890 ya pak'],
    ['dotted', 'telp 0812.3456.7890'],
    ['with +62', 'hubungi +62 812 3456 7890'],
    ['with 62 and no plus', 'wa 62812-3456-7890'],
    ['with +62 and the trunk 0', '+62 (0) 812 3456 7890'],
    ['in parentheses', '(0812) 3456 7890'],
    ['glued to "hp:"', 'hp:081234567890'],
    ['after "WA/telp", with a name', 'WA/telp 0812 3456 7890 (a.n. Budi)'],
    ['in words', 'wa ke nol delapan satu dua tiga empat lima enam tujuh delapan sembilan nol'],
    ['with invisible characters', 'no hp 0812\u200b3456\u200b7890'],
    ['in full-width digits', 'hp ０８１２３４５６７８９０'],
    ['without the 0, after "wa"', 'wa 812-3456-7890'],
    ['a landline in parentheses', 'kantor (0511) 3252000 tdk diangkat'],
    ['a landline after "telp"', 'telp 0511-3252000'],
    ['another number than the reporter’s', 'hubungi pak RT 0813 5555 1234'],
    ['among emoji', '📞0812 3456 7890📞'],
  ];
  it.each(written)('%s', (_, text) => {
    const out = maskFreeText(text, KNOWN);
    expect(out).toContain(M.phone);
    expect(digits(out)).toBe('');
  });
});

describe('maskFreeText: e-mail addresses', () => {
  it.each([
    'email budi.santoso@gmail.com',
    'kirim ke BUDI_S@Yahoo.CO.ID aja',
    'surel: budi @ gmail.com',
    'budi(at)yahoo.co.id',
    'budi at gmail dot com',
    'email ulun aluh99 et yahoo titik co titik id',
  ])('%s', (text) => {
    const out = maskFreeText(text, KNOWN);
    expect(out).toContain(M.email);
    expect(out.toLowerCase()).not.toMatch(/budi|aluh|gmail|yahoo/);
  });

  it('finds the reporter’s own address whatever its case', () => {
    expect(
      maskFreeText('tolong balas ke Rina.K@Kantor.Example.ID', { email: 'rina.k@kantor.example.id' }),
    ).toBe(`tolong balas ke ${M.email}`);
  });
});

describe('maskFreeText: names', () => {
  const known: [string, string, string][] = [
    ['after "nama saya"', 'nama saya Siti Rahmah, warga Kelayan', `nama saya ${M.name}, warga Kelayan`],
    ['in capitals', 'SAYA SITI RAHMAH MOHON DIBANTU', `SAYA ${M.name} MOHON DIBANTU`],
    ['in lower case among emoji', 'siti rahmah 🙏🙏', `${M.name} 🙏🙏`],
    ['with diacritics', 'Sití Ráhmah sdh 3x ke kantor', `${M.name} sdh 3x ke kantor`],
    ['the first name alone', 'bu siti sudah bolak balik', `bu ${M.name} sudah bolak balik`],
    ['the last name alone', 'keluarga Rahmah di RT 3', `keluarga ${M.name} di RT 3`],
  ];
  it.each(known)('the known name %s', (_, text, masked) => {
    expect(maskFreeText(text, KNOWN)).toBe(masked);
  });

  const introduced: [string, string, string][] = [
    ['"namaku", then again', 'namaku rina, rumahku di gang mawar. rina kecewa', 'rina'],
    ['Banjar "ulun"', 'Ulun Aluh, warga Martapura handak melapor', 'aluh'],
    ['Banjar "ngaran ulun"', 'ngaran ulun Galuh Sari, urang Banjarbaru', 'galuh'],
    ['"a.n."', 'surat sudah dikirim a.n. Ahmad Fauzi bin Salim', 'fauzi'],
    ['"atas nama:"', 'atas nama: Budi Santoso', 'santoso'],
    ['"perkenalkan, saya"', 'Perkenalkan, saya Dedi dari Kelayan', 'dedi'],
    ['a greeting, then "saya"', 'Assalamualaikum, saya Rudi, warga RT 05', 'rudi'],
    ['"nama sy:" abbreviated, no space', 'nama sy:joko. jalan depan rumah rusak', 'joko'],
  ];
  it.each(introduced)('a name introduced by %s', (_, text, name) => {
    const out = maskFreeText(text, {});
    expect(out).toContain(M.name);
    expect(out.toLowerCase()).not.toContain(name);
  });

  it.each([
    'Saya Mau Melapor Jalan Rusak Di Gang Mawar',
    'saya sudah lapor ke kelurahan tapi tidak ada tanggapan',
    'Saya sangat kecewa, Pak Lurah Ahmad minta uang 2 juta',
    'nama saya tidak mau disebut',
    'atas nama warga RT 03 kami mohon',
    'Bu Kepala Puskesmas Hj. Noor tidak pernah datang',
  ])('leaves a sentence without the reporter’s name as it is: %s', (text) => {
    expect(maskFreeText(text, KNOWN)).toBe(text);
  });
});

describe('maskFreeText: the numbers a complaint is about stay', () => {
  it.each([
    'diminta bayar Rp 150.000 padahal gratis',
    'pungli Rp. 1.500.000,- utk urus akta',
    'di RT 03 RW 05 kel. Kelayan',
    'rt03/rw05 no. 12A',
    'Jl. A. Yani km 14,5 depan toko',
    'sejak tahun 2024, tgl 12/03/2024 dan 12-03-2024',
    'tgl 1 Desember 2026 jam 08.30 WITA',
    'tiket ADU-2611-4K7Q belum ada kabar',
    'NIP 19850312 201001 1 003 pak lurah minta uang',
    'NIP. 198503122010011003',
    'guru itu NUPTK 1234 5678 9012 3456',
    'antrean no 45, sudah 3x, 2 jt, 10 hari',
    'kode pos 70123, id pelanggan PLN 521040123456',
    'no BPJS 0001234567890 ditolak',
    '📍 -3.32155, 114.59081',
  ])('%s', (text) => {
    expect(maskFreeText(text, KNOWN)).toBe(text);
  });
});

describe('maskText and its scopes', () => {
  const story = 'nama saya Siti Rahmah, NIK 6371 0457 0890 0001, wa 0812-3456-7890, siti@gmail.com';

  it('says which kinds it hid', () => {
    expect(maskText(story, KNOWN).hidden.sort()).toEqual(['email', 'name', 'nik', 'phone']);
    expect(maskText('jalan rusak', KNOWN)).toEqual({ text: 'jalan rusak', hidden: [] });
  });

  it('masks only NIKs for a reader who may see who reported', () => {
    expect(maskText(story, KNOWN, { scope: 'nik' }).text).toBe(
      `nama saya Siti Rahmah, NIK ${M.nik}, wa 0812-3456-7890, siti@gmail.com`,
    );
    expect(maskScopeFor('biasa', false)).toBe('nik');
    expect(maskScopeFor('rahasia', true)).toBe('nik');
    expect(maskScopeFor('rahasia', false)).toBe('all');
    expect(maskScopeFor('anonim', true)).toBe('all');
  });

  it('writes the markers in the reader’s language', () => {
    expect(maskText(story, KNOWN, { lang: 'en' }).text).toBe(
      'nama saya [name hidden], NIK [NIK hidden], wa [number hidden], [e-mail hidden]',
    );
  });

  it('takes numbers already shown half masked for what they were', () => {
    expect(maskFreeText('NIK: 6371**********01, Telepon: +62812****7890', {})).toBe(
      `NIK: ${M.nik}, Telepon: ${M.phone}`,
    );
  });

  it('leaves a masked text as it is when masked again', () => {
    const once = maskFreeText(story, KNOWN);
    expect(maskFreeText(once, KNOWN)).toBe(once);
    expect(maskFreeText(maskText(story, KNOWN, { lang: 'en' }).text, KNOWN)).toBe(
      maskText(story, KNOWN, { lang: 'en' }).text,
    );
  });
});
