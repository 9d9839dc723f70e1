// Whole-message commands (batal, bantuan, status, /lang …) and what is not one.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Command, parseCommand } from '../../src/understand/commands.js';

/** Any code points, lone surrogates included. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 80 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

describe('parseCommand: slash commands', () => {
  it.each<[string, Command]>([
    ['/start', { type: 'start' }],
    ['/START', { type: 'start' }],
    ['/start@AduanBot', { type: 'start' }],
    ['/start@Aduan_Kalsel_bot', { type: 'start' }],
    ['/start ref-qr-poster', { type: 'start' }],
    ['  /start  ', { type: 'start' }],
    ['/batal', { type: 'cancel' }],
    ['/batal@AduanBot', { type: 'cancel' }],
    ['/cancel', { type: 'cancel' }],
    ['/stop', { type: 'cancel' }],
    ['/bantuan', { type: 'help' }],
    ['/help', { type: 'help' }],
    ['/help@AduanBot', { type: 'help' }],
    ['/ulang', { type: 'restart' }],
    ['/restart', { type: 'restart' }],
    ['/lanjut', { type: 'resume' }],
    ['/resume', { type: 'resume' }],
    ['/status', { type: 'status' }],
    ['/status@AduanBot', { type: 'status' }],
    ['/status ADU-2611-4K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['/status adu 2611 4k7q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['/status@AduanBot ADU26114K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['/lang en', { type: 'lang', lang: 'en' }],
    ['/lang EN', { type: 'lang', lang: 'en' }],
    ['/lang id', { type: 'lang', lang: 'id' }],
    ['/lang@AduanBot id', { type: 'lang', lang: 'id' }],
    ['/lang english', { type: 'lang', lang: 'en' }],
    ['/bahasa indonesia', { type: 'lang', lang: 'id' }],
    ['/en', { type: 'lang', lang: 'en' }],
    ['/id', { type: 'lang', lang: 'id' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });

  it.each([
    '/',
    '/foo',
    '/lang',
    '/lang fr',
    '/lang@AduanBot',
    '/start!',
    '//start',
    '/ start',
    '/status nanti saja ya',
  ])('%j → null', (text) => {
    expect(parseCommand(text)).toBeNull();
  });
});

describe('parseCommand: words', () => {
  it.each<[string, Command]>([
    ['bantuan', { type: 'help' }],
    ['Bantuan', { type: 'help' }],
    ['help', { type: 'help' }],
    ['HELP!', { type: 'help' }],
    ['minta bantuan', { type: 'help' }],
    ['bantuan pak', { type: 'help' }],
    ['batal', { type: 'cancel' }],
    ['Batal.', { type: 'cancel' }],
    ['batalll', { type: 'cancel' }],
    ['batal aja', { type: 'cancel' }],
    ['batal saja pak', { type: 'cancel' }],
    ['batalkan', { type: 'cancel' }],
    ['tolong batalkan', { type: 'cancel' }],
    ['cancel', { type: 'cancel' }],
    ['stop', { type: 'cancel' }],
    ['STOP!!!', { type: 'cancel' }],
    ['berhenti', { type: 'cancel' }],
    ['gak jadi', { type: 'cancel' }],
    ['ga jadi lapor', { type: 'cancel' }],
    ['ulang', { type: 'restart' }],
    ['ulangi', { type: 'restart' }],
    ['restart', { type: 'restart' }],
    ['mulai ulang', { type: 'restart' }],
    ['mulai dari awal', { type: 'restart' }],
    ['ulang dari awal ya', { type: 'restart' }],
    ['lanjut', { type: 'resume' }],
    ['lanjutkan', { type: 'resume' }],
    ['resume', { type: 'resume' }],
    ['mulai', { type: 'start' }],
    ['start', { type: 'start' }],
    ['status', { type: 'status' }],
    ['Status', { type: 'status' }],
    ['cek status', { type: 'status' }],
    ['status laporan saya', { type: 'status' }],
    ['status laporan saya bagaimana?', { type: 'status' }],
    ['status ADU-2611-4K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['Status: ADU-2611-4K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['status adu 2611 4k7q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['status adu-2611-4k7q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['status ADU26114K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['status tiket ADU-2611-4K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['cek ADU-2611-4K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['cek status #ADU-2611-4K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['status ADU-2611-4K7Q.', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['ADU-2611-4K7Q', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['  adu 2611 4k7q  ', { type: 'status', ticket: 'ADU-2611-4K7Q' }],
    ['status ADU-2611-4K70', { type: 'status' }],
    ['english', { type: 'lang', lang: 'en' }],
    ['English please', { type: 'lang', lang: 'en' }],
    ['bahasa inggris', { type: 'lang', lang: 'en' }],
    ['in english', { type: 'lang', lang: 'en' }],
    ['bahasa indonesia', { type: 'lang', lang: 'id' }],
    ['Bahasa Indonesia saja', { type: 'lang', lang: 'id' }],
  ])('%j', (text, expected) => {
    expect(parseCommand(text)).toEqual(expected);
  });
});

describe('parseCommand: not commands', () => {
  it.each([
    '',
    '   ',
    'tolong',
    'tolong pak',
    'saya mau batal bikin KTP karena petugas minta uang',
    'pengajuan saya dibatalkan sepihak',
    'batal kok tidak dikabari',
    'status kepegawaian saya tidak jelas',
    'status saya sebagai honorer',
    'bantuan sosial saya belum cair',
    'bantuan PKH belum masuk',
    'mulai kapan pelayanan buka?',
    'lanjut cerita ya pak, jadi kemarin saya ke kantor',
    'stop pungli di sekolah',
    'help me please my house is flooded',
    'ya',
    'tidak',
    '12',
    'ADU-2611',
    'indonesia',
    '👍',
    '<script>batal</script> now',
    "batal'; DROP TABLE tickets; --",
    'batal '.repeat(2_000),
  ])('%j → null', (text) => {
    expect(parseCommand(text)).toBeNull();
  });
});

describe('parseCommand robustness', () => {
  it('handles 10,000-character input quickly', () => {
    const started = performance.now();
    for (const text of [
      '/'.repeat(10_000),
      `/start@${'a'.repeat(10_000)}`,
      `/status ${'tiket '.repeat(2_000)}`,
      `status ${' '.repeat(10_000)}x`,
      `status tiket${' '.repeat(10_000)}x`,
      `adu${'-'.repeat(10_000)}2611`,
      'x'.repeat(10_000),
    ]) {
      parseCommand(text);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('never throws; statuses carry only canonical tickets (property)', () => {
    const parts = fc.constantFrom(
      '/',
      'status',
      'batal',
      'adu',
      '2611',
      '4k7q',
      '@Bot',
      ' ',
      '-',
      'lang',
      'en',
      'pak',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.array(parts).map((a) => a.join('')),
        ),
        (s) => {
          const command = parseCommand(s);
          if (command?.type === 'status' && command.ticket !== undefined) {
            expect(command.ticket).toMatch(/^ADU-\d{4}-[2-9A-HJKMNP-TV-Z]{4}$/);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
