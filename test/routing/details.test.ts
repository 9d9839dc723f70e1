// Story details: school level, puskesmas/RSUD, road status, tax and BPJS kind, found in informal chat text.
import { describe, expect, it } from 'vitest';
import { type DetailKey, detectDetails, storyText } from '../../src/routing/details.js';

const details = (story: string) => Object.fromEntries(detectDetails(storyText(story)));

describe('detectDetails', () => {
  it.each<[string, DetailKey, string]>([
    ['anak sy di SMAN1 Banjarbaru', 'sekolah-menengah', 'sman1'],
    ['SMK-N 2 Martapura', 'sekolah-menengah', 'smk n 2'],
    ['sekolah luar biasa di kandangan', 'sekolah-menengah', 'sekolah luar biasa'],
    ['SDN 05 Pelaihari', 'sekolah-dasar', 'sdn 05'],
    ['smp negeri 3', 'sekolah-dasar', 'smp'],
    ['Puskesmas Sungai Jingah', 'puskesmas', 'puskesmas'],
    ['rumah sakit umum daerah', 'rsud', 'rumah sakit umum daerah'],
    ['Jl.A.Yani Km.7', 'jalan-nasional', 'jalan a yani km 7'],
    ['jalan trans kalimantan', 'jalan-nasional', 'jalan trans'],
    ['jln provinsi', 'jalan-provinsi', 'jalan provinsi'],
    ['Samsat keliling', 'pajak-kendaraan', 'samsat'],
    ['PBB-P2', 'pajak-pbb', 'pbb p2'],
    ['JKN-KIS', 'bpjs-kesehatan', 'jkn kis'],
    ['BPJamsostek', 'bpjs-ketenagakerjaan', 'bpjamsostek'],
    ['pencairan jaminan hari tua', 'bpjs-ketenagakerjaan', 'jaminan hari tua'],
    ['naik bus Trans Banjarbakula', 'angkutan-provinsi', 'trans banjarbakula'],
    ['bus antarkota', 'angkutan-provinsi', 'bus antarkota'],
  ])('%s → %s (%s)', (story, key, words) => {
    expect(details(story)[key]).toBe(words);
  });

  it.each([
    'Jalan A. Yani depan rumah',
    'madrasah tsanawiyah MTs',
    'smash bola voli',
    'kiss',
    'bpjs',
    'jalan di gang sempit',
    'rs swasta',
    'angkot kota',
  ])('%s shows nothing', (story) => {
    expect(details(story)).toEqual({});
  });

  it('finds several details at once', () => {
    expect(Object.keys(details('lulus SMP mau ke SMA, KIS ditolak puskesmas')).sort()).toEqual([
      'bpjs-kesehatan',
      'puskesmas',
      'sekolah-dasar',
      'sekolah-menengah',
    ]);
  });
});
