// The form of maladministration read from a story: bribes, undue delay, refusal, rudeness and the rest.
import { describe, expect, it } from 'vitest';
import { findMaladministration } from '../../src/understand/maladministration.js';

describe('findMaladministration', () => {
  it.each([
    ['petugas minta uang 100rb biar ktp cepat jadi', 'permintaan_imbalan'],
    ['ada pungli di kantor kelurahan waktu urus surat', 'permintaan_imbalan'],
    ['diminta uang pelicin supaya berkas diproses', 'permintaan_imbalan'],
    ['urang capil minta duit saratus ribu', 'permintaan_imbalan'],
    ['petugas pbb minta uang rokok tiap datang', 'permintaan_imbalan'],
    ['ditilang lalu diajak damai, bayar di tempat', 'permintaan_imbalan'],
    ['biaya di luar tarif resmi dan tanpa kuitansi', 'permintaan_imbalan'],
    ['sertifikat saya sudah berbulan-bulan belum jadi', 'penundaan_berlarut'],
    ['prosesnya lama sekali, tidak ada kabar sampai sekarang', 'penundaan_berlarut'],
    ['laporan saya tidak ditindaklanjuti', 'penundaan_berlarut'],
    ['KK ulun kada tuntung jua', 'penundaan_berlarut'],
    ['izin saya sudah 5 bulan belum keluar', 'penundaan_berlarut'],
    ['berkas saya ditolak tanpa alasan yang jelas', 'tidak_memberikan_pelayanan'],
    ['datang jam 10 kantor tutup, petugas tidak ada', 'tidak_memberikan_pelayanan'],
    ['kami tidak dilayani karena datang sore', 'tidak_memberikan_pelayanan'],
    ['puskesmas pembantu tidak pernah buka', 'tidak_memberikan_pelayanan'],
    ['petugasnya kasar dan membentak warga', 'tidak_patut'],
    ['dokternya judes, anak saya dimarahin', 'tidak_patut'],
    ['petugas main hp terus waktu melayani', 'tidak_patut'],
    ['syarat berubah-ubah tiap kali datang, disuruh bolak balik', 'penyimpangan_prosedur'],
    ['yang kenal petugas didahulukan, kami antre dari subuh', 'diskriminasi'],
    ['bantuan cuma untuk kulaan pambakal', 'diskriminasi'],
    ['kartu pkh ibu saya ditahan pendamping', 'penyalahgunaan_wewenang'],
    ['jawabannya beda-beda tiap petugas, saling lempar', 'tidak_kompeten'],
    ['kades merangkap kontraktor proyek desa, konflik kepentingan', 'konflik_kepentingan'],
    ['polisi memihak pelaku karena kenal', 'keberpihakan'],
  ] as const)('%s → %s', (text, form) => {
    expect(findMaladministration(text)?.form).toBe(form);
  });

  it('returns the phrases that decided it', () => {
    expect(findMaladministration('dimintain uang pelicin biar cepet')).toEqual({
      form: 'permintaan_imbalan',
      reasons: ['dimintain', 'uang pelicin', 'biar cepet'],
    });
    expect(findMaladministration('KTP saya sudah 4 bulan belum jadi')?.reasons).toEqual([
      'belum jadi',
      'sudah 4 bulan',
    ]);
  });

  it('prefers the bribe to the delay that comes with it', () => {
    expect(findMaladministration('sudah lama belum selesai, petugas minta uang supaya cepat')?.form).toBe(
      'permintaan_imbalan',
    );
  });

  it('finds nothing in a plain story or a greeting', () => {
    expect(findMaladministration('jalan di depan rumah berlubang')).toBeNull();
    expect(findMaladministration('selamat pagi pak')).toBeNull();
    expect(findMaladministration('')).toBeNull();
  });
});
