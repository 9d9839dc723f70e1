// Emergencies detected in a message (fire, crime, medical…) and look-alikes that are not.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Emergency, emergencyNumbers } from '../../src/understand/emergency-kinds.js';
import { detectEmergency } from '../../src/understand/emergency.js';

/** Any code points, lone surrogates included. */
const anyText = fc
  .array(fc.integer({ min: 0, max: 0x10ffff }), { maxLength: 80 })
  .map((codePoints) => String.fromCodePoint(...codePoints));

describe('detectEmergency: ongoing emergencies', () => {
  it.each<[string, Emergency]>([
    ['tolong ada kebakaran', 'fire'],
    ['TOLONGGG ADA KEBAKARAN!!!', 'fire'],
    ['rumah terbakar', 'fire'],
    ['rumah tetangga terbakar tolong', 'fire'],
    ['kebakaran di pasar lama banjarmasin', 'fire'],
    ['kebakaran di jl. kelayan b, api besar', 'fire'],
    ['ada api di gudang sebelah', 'fire'],
    ['trafo meledak depan rumah', 'fire'],
    ['lahan gambut terbakar dekat rumah warga', 'fire'],
    ['rumah ulun tabakar', 'fire'],
    ['🔥🔥 tolong', 'fire'],
    ['tolong pemadam kebakaran belum datang, rumah saya terbakar', 'fire'],
    ['banjir besar air masuk rumah', 'flood'],
    ['banjir bandang di desa kami', 'flood'],
    ['air sudah masuk rumah setinggi pinggang', 'flood'],
    ['air sudah sepinggang, kami terjebak banjir', 'flood'],
    ['tanggul jebol air masuk rumah', 'flood'],
    ['banyu ganal masuk rumah', 'flood'],
    ['rawan banjir, sekarang air masuk rumah', 'flood'],
    ['dari kemarin hujan, sekarang air sudah masuk rumah sepinggang', 'flood'],
    ['kebakaran sejak semalam masih menyala', 'fire'],
    ['kecelakaan', 'accident'],
    ['ada kecelakaan di jalan A Yani km 10', 'accident'],
    ['tabrakan motor dan truk di depan pasar', 'accident'],
    ['anak saya ditabrak motor', 'accident'],
    ['ada anak tenggelam di sungai', 'accident'],
    ['klotok terbalik di sungai martapura', 'accident'],
    ['ada orang tersengat listrik', 'accident'],
    ['pohon tumbang menimpa rumah', 'accident'],
    ['ada yang pingsan', 'medical'],
    ['ibu saya pingsan tidak sadarkan diri', 'medical'],
    ['bapak saya sesak napas', 'medical'],
    ['anak saya kejang-kejang', 'medical'],
    ['suami saya kena serangan jantung', 'medical'],
    ['istri saya mau melahirkan, pecah ketuban', 'medical'],
    ['digigit ular', 'medical'],
    ['tetangga keracunan', 'medical'],
    ['dipukuli', 'violence'],
    ['saya dipukuli suami', 'violence'],
    ['KDRT', 'violence'],
    ['tolong ada kdrt di rumah sebelah', 'violence'],
    ['suami saya memukul saya', 'violence'],
    ['suami ulun memukul ulun', 'violence'],
    ['ulun dipalu laki ulun', 'violence'],
    ['ada tawuran di depan sekolah', 'violence'],
    ['saya diancam dibunuh', 'violence'],
    ['anak saya dilecehkan tetangga', 'violence'],
    ['ada orang ditusuk', 'violence'],
    ['ada maling', 'crime'],
    ['ada maling di rumah saya sekarang', 'crime'],
    ['ada perampokan', 'crime'],
    ['perampokan di toko emas', 'crime'],
    ['ada begal sekarang', 'crime'],
    ['saya dibegal di jalan', 'crime'],
    ['tas saya dijambret', 'crime'],
    ['anak saya diculik', 'crime'],
    ['ada orang mencurigakan di depan rumah', 'crime'],
    ['saya ingin bunuh diri', 'self_harm'],
    ['mau mati saja', 'self_harm'],
    ['aku mau mati aja', 'self_harm'],
    ['pengen mengakhiri hidup', 'self_harm'],
    ['pgn mengakhiri hidup', 'self_harm'],
    ['saya tidak ingin hidup lagi', 'self_harm'],
    ['lebih baik mati', 'self_harm'],
    ['saya mau gantung diri', 'self_harm'],
    ['capek hidup, pengen bunuh diri', 'self_harm'],
    ['bulan lalu saya hampir bunuh diri karena bansos tidak cair', 'self_harm'],
    ['lampu mati dan saya ingin bunuh diri', 'self_harm'],
  ])('%j → %s', (text, kind) => {
    expect(detectEmergency(text)).toBe(kind);
  });
});

describe('detectEmergency: complaints and everyday messages', () => {
  it.each([
    'laporan kecelakaan saya ke polres tidak ditindaklanjuti',
    'bantuan korban banjir bulan lalu belum cair',
    'pemadam kebakaran lambat datang bulan lalu',
    'pemadam kebakaran lambat sekali datangnya',
    'damkar tidak punya mobil tangki',
    'jalan rusak rawan kecelakaan',
    'jalan berlubang bisa menyebabkan kecelakaan',
    'jalan depan rumah sering banjir kalau hujan',
    'setiap hujan banjir besar di komplek kami, drainase tidak ada',
    'rumah saya kebakaran tahun lalu, sampai sekarang bantuan belum ada',
    'santunan jasa raharja untuk kecelakaan anak saya belum cair',
    'klaim jaminan kecelakaan kerja di bpjs ketenagakerjaan ditolak',
    'kasus penganiayaan anak saya tidak diusut polisi',
    'laporan kdrt saya tidak diproses',
    'motor saya dicuri minggu lalu, laporan tidak diproses',
    'surat keterangan kehilangan karena kebakaran tidak diterbitkan',
    'bekas kebakaran pasar belum dibersihkan',
    'rumah saya kebakaran, sekarang saya mau urus KK baru',
    'ktp saya ikut terbakar, bagaimana cara mengurus yang baru',
    'semalam ada tabrakan di perempatan, lampu lalu lintas mati',
    'saya kena tilang setelah tabrakan kecil',
    'kemarin ada kecelakaan, lampu jalan mati sudah lama',
    'saya pernah pingsan antri di disdukcapil',
    'lampu mau mati terus tiap malam',
    'listrik mau mati lagi',
    'hp saya mau mati, nanti saya sambung',
    'listriknya sering mati',
    'air PDAM mati 3 hari',
    'KTP saya belum jadi sudah 3 bulan',
    'ktp tidak jadi jadi',
    'mau lapor jalan rusak',
    'saya mau melapor pungli di sekolah',
    'pelayanan puskesmas sangat lambat',
    'tarif air naik terus',
    'nama saya terbalik di ktp',
    'jembatan ambruk belum diperbaiki',
    'sampah dibakar di dekat sekolah, asapnya mengganggu',
    'tidak sadar sudah 3 bulan menunggu',
    'mohon segera ditindaklanjuti laporan kecelakaan saya',
    'tolong laporan pencurian saya diproses',
    '',
    '   ',
    '👍',
    'ya',
    '<script>alert("kebakaran")</script> bulan lalu',
    "'; DROP TABLE complaints; -- laporan",
  ])('%j → null', (text) => {
    expect(detectEmergency(text)).toBeNull();
  });
});

describe('emergencyNumbers', () => {
  it.each<[Emergency, string[]]>([
    ['fire', ['113', '112']],
    ['flood', ['112']],
    ['accident', ['110', '119', '112']],
    ['medical', ['119', '112']],
    ['crime', ['110', '112']],
    ['violence', ['110', '129', '112']],
    ['self_harm', ['119', '112']],
  ])('%s → %j', (kind, numbers) => {
    expect(emergencyNumbers(kind)).toEqual(numbers);
  });

  it('always includes 112 and returns a fresh array', () => {
    const first = emergencyNumbers('fire');
    first.push('110');
    expect(emergencyNumbers('fire')).toEqual(['113', '112']);
  });
});

describe('emergency robustness', () => {
  it('handles 10,000-character input quickly', () => {
    const started = performance.now();
    for (const text of [
      'a'.repeat(10_000),
      'kebakaran '.repeat(1_000),
      ' '.repeat(10_000),
      'sampai '.repeat(1_400),
      `${'jalan rusak '.repeat(900)} tolong ada kebakaran sekarang`,
    ]) {
      detectEmergency(text);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('finds an emergency at the end of a long message', () => {
    expect(detectEmergency(`${'halo pak '.repeat(1_000)}tolong ada kebakaran`)).toBe('fire');
  });

  it('never throws; kinds have numbers (property)', () => {
    const words = fc.constantFrom(
      'kebakaran',
      'banjir',
      'besar',
      'tolong',
      'bulan',
      'lalu',
      'laporan',
      'mau',
      'mati',
      'lampu',
      'sekarang',
      'sampai',
      'dipukul',
      ' ',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          fc.array(words).map((a) => a.join(' ')),
        ),
        (s) => {
          const kind = detectEmergency(s);
          if (kind !== null) expect(emergencyNumbers(kind)).toContain('112');
        },
      ),
      { numRuns: 500 },
    );
  });
});
