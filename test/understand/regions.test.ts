// Finding the kab/kota (and kecamatan, desa) a message names: aliases, typos, ambiguous names, landmarks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DESA,
  KABKOTA,
  KABKOTA_OUTLINES,
  KALSEL_BBOX,
  KECAMATAN,
  PLACES,
} from '../../src/data/regions-data.js';
import { LANDMARKS, aYaniKabkota } from '../../src/understand/region-landmarks.js';
import {
  desaByCode,
  kabkotaByCode,
  kecamatanByCode,
  kecamatanOf,
  regionChoiceList,
} from '../../src/understand/region-lookup.js';
import { type RegionMatch, type RegionResult, findRegion } from '../../src/understand/regions.js';

function found(text: string): RegionMatch {
  const r = findRegion(text);
  if (r.kind !== 'found')
    throw new Error(`expected a region in ${JSON.stringify(text)}, got ${JSON.stringify(r)}`);
  return r.match;
}

function ambiguous(text: string): Extract<RegionResult, { kind: 'ambiguous' }> {
  const r = findRegion(text);
  if (r.kind !== 'ambiguous')
    throw new Error(`expected ambiguity in ${JSON.stringify(text)}, got ${JSON.stringify(r)}`);
  return r;
}

const kabs = (r: Extract<RegionResult, { kind: 'ambiguous' }>): string[] =>
  r.candidates.map((c) => c.kabkotaCode).sort();

describe('generated regions table', () => {
  it('has the 13 kab/kota with Kemendagri codes', () => {
    expect(KABKOTA).toHaveLength(13);
    expect(new Set(KABKOTA.map((k) => k.code)).size).toBe(13);
    for (const k of KABKOTA) {
      expect(k.code).toMatch(/^63\.(0[1-9]|1[01]|7[12])$/);
      expect(k.type).toBe(k.code.startsWith('63.7') ? 'kota' : 'kabupaten');
      expect(k.name.startsWith(k.type === 'kota' ? 'Kota ' : 'Kabupaten ')).toBe(true);
    }
  });

  it('lists every short name and capital among the aliases', () => {
    for (const k of KABKOTA) {
      const texts = k.aliases.map((a) => a.text.toLowerCase());
      expect(texts).toContain(k.shortName.toLowerCase());
      expect(texts).toContain(k.capital.toLowerCase());
    }
  });

  it('has the 156 kecamatan under known kab/kota', () => {
    expect(KECAMATAN).toHaveLength(156);
    const kabCodes = new Set(KABKOTA.map((k) => k.code));
    for (const k of KECAMATAN) {
      expect(k.code).toMatch(/^63\.\d{2}\.\d{2}$/);
      expect(k.code.startsWith(`${k.kabkotaCode}.`)).toBe(true);
      expect(kabCodes.has(k.kabkotaCode)).toBe(true);
    }
  });

  it('has the 2,016 desa/kelurahan under known kecamatan, nearly all with a centroid', () => {
    expect(DESA).toHaveLength(2016);
    const kecCodes = new Set(KECAMATAN.map((k) => k.code));
    for (const d of DESA) {
      expect(d.code).toMatch(/^63\.\d{2}\.\d{2}\.[12]\d{3}$/);
      expect(d.code.startsWith(`${d.kecamatanCode}.`)).toBe(true);
      expect(kecCodes.has(d.kecamatanCode)).toBe(true);
    }
    expect(DESA.filter((d) => d.centroid).length).toBeGreaterThanOrEqual(2000);
    for (const k of KECAMATAN) expect(DESA.some((d) => d.kecamatanCode === k.code && d.centroid)).toBe(true);
  });

  it('keeps every centroid inside the Kalsel bounding box', () => {
    const points = [...KABKOTA, ...KECAMATAN, ...DESA].flatMap((x) => (x.centroid ? [x.centroid] : []));
    for (const [lat, lon] of points) {
      expect(lat).toBeGreaterThanOrEqual(KALSEL_BBOX.minLat);
      expect(lat).toBeLessThanOrEqual(KALSEL_BBOX.maxLat);
      expect(lon).toBeGreaterThanOrEqual(KALSEL_BBOX.minLon);
      expect(lon).toBeLessThanOrEqual(KALSEL_BBOX.maxLon);
    }
  });

  it('has an outline per kab/kota and places that point to known codes', () => {
    expect(Object.keys(KABKOTA_OUTLINES).sort()).toEqual(KABKOTA.map((k) => k.code).sort());
    for (const rings of Object.values(KABKOTA_OUTLINES)) {
      for (const ring of rings) expect(ring.length % 2).toBe(0);
    }
    for (const p of PLACES) {
      expect(kabkotaByCode(p.kabkotaCode)).toBeDefined();
      if (p.kecamatanCode) expect(kecamatanByCode(p.kecamatanCode)?.kabkotaCode).toBe(p.kabkotaCode);
    }
  });
});

describe('findRegion: kab/kota', () => {
  it('finds every kab/kota by its official name', () => {
    for (const k of KABKOTA) expect(found(`mau lapor soal pelayanan di ${k.name}`).kabkotaCode).toBe(k.code);
  });

  it('finds every kab/kota by each strong alias inside a sentence', () => {
    for (const k of KABKOTA) {
      for (const a of k.aliases.filter((x) => x.strength === 'strong')) {
        expect(found(`jalan rusak parah di ${a.text} sudah 3 bulan pak`).kabkotaCode).toBe(k.code);
      }
    }
  });

  it.each([
    ['Pelaihari', '63.01'],
    ['Pleihari', '63.01'],
    ['Kotabaru', '63.02'],
    ['Kota Baru', '63.02'],
    ['Martapura', '63.03'],
    ['Marabahan', '63.04'],
    ['Kandangan', '63.06'],
    ['Barabai', '63.07'],
    ['Amuntai', '63.08'],
    ['Batulicin', '63.10'],
    ['Batu Licin', '63.10'],
    ['Paringin', '63.11'],
    ['Banjarmasin', '63.71'],
    ['Banjarbaru', '63.72'],
    ['Banjar Baru', '63.72'],
  ])('finds the capital %s', (capital, code) => {
    expect(found(`saya tinggal di ${capital}`).kabkotaCode).toBe(code);
  });

  it.each([
    ['Tala', '63.01'],
    ['Kab. Banjar', '63.03'],
    ['Kab Banjar', '63.03'],
    ['KABUPATEN BANJAR', '63.03'],
    ['Batola', '63.04'],
    ['Barito Kuala', '63.04'],
    ['pemkab tapin', '63.05'],
    ['HSS', '63.06'],
    ['hst', '63.07'],
    ['Hsu', '63.08'],
    ['Tabalong', '63.09'],
    ['Tanbu', '63.10'],
    ['Tanah Bumbu', '63.10'],
    ['Balangan', '63.11'],
    ['bjm', '63.71'],
    ['B.masin', '63.71'],
    ['Kota Banjarmasin', '63.71'],
    ['pemko banjarmasin', '63.71'],
    ['BJB', '63.72'],
    ['Pemkot Banjarbaru', '63.72'],
    ['kota rantau', '63.05'],
    ['kota tanjung', '63.09'],
  ])('reads the abbreviation or alias %s', (alias, code) => {
    expect(found(`ada pungli di kantor ${alias}, tolong ditindak`).kabkotaCode).toBe(code);
  });

  it.each([
    ['banjarmasn', '63.71'],
    ['banjarmsin', '63.71'],
    ['banjar masin', '63.71'],
    ['martapra', '63.03'],
    ['kandagnan', '63.06'],
    ['barabay', '63.07'],
    ['tabalog', '63.09'],
    ['amuntay', '63.08'],
    ['marabahn', '63.04'],
    ['banjarbru', '63.72'],
    ['Hulu Sungai Selatn', '63.06'],
    ['kotabar', '63.02'],
  ])('tolerates the typo %s', (typo, code) => {
    expect(found(`listrik padam terus di ${typo}`).kabkotaCode).toBe(code);
  });

  it('reads a place glued to "di"/"ke" and ignores case, accents and full-width letters', () => {
    expect(found('rumah sy dibanjarmasin').kabkotaCode).toBe('63.71');
    expect(found('mau kekandangan').kabkotaCode).toBe('63.06');
    expect(found('BANJARMASIN').kabkotaCode).toBe('63.71');
    expect(found('Bânjarmasin').kabkotaCode).toBe('63.71');
    expect(found('ＢＡＮＪＡＲＭＡＳＩＮ').kabkotaCode).toBe('63.71');
  });

  it('gives the words that matched, as written', () => {
    const m = found('Jalan berlubang di Kab. Banjar, Kec. Gambut.');
    expect(m.matched).toBe('Kab. Banjar, Kec. Gambut');
    expect(m.score).toBe(1);
    expect(found('di kandangan').score).toBeLessThan(1);
  });

  it('asks when two different kab/kota are named', () => {
    const r = ambiguous('saya warga banjarbaru mau lapor puskesmas di martapura');
    expect(r.reason).toBe('multiple');
    expect(kabs(r)).toEqual(['63.03', '63.72']);
  });
});

describe('findRegion: kecamatan and desa', () => {
  it.each([
    ['Takisung', '63.01', '63.01.01'],
    ['Sampanahan', '63.02', '63.02.12'],
    ['Astambul', '63.03', '63.03.07'],
    ['Mandastana', '63.04', '63.04.06'],
    ['Binuang', '63.05', '63.05.01'],
    ['Loksado', '63.06', '63.06.10'],
    ['Haruyan', '63.07', '63.07.01'],
    ['Babirik', '63.08', '63.08.02'],
    ['Murung Pudak', '63.09', '63.09.06'],
    ['Satui', '63.10', '63.10.04'],
    ['Lampihong', '63.11', '63.11.05'],
    ['Banjarmasin Utara', '63.71', '63.71.04'],
    ['Landasan Ulin', '63.72', '63.72.02'],
  ])('resolves the kab/kota of the kecamatan %s', (name, kab, kec) => {
    const m = found(`puskesmas di ${name} tutup terus`);
    expect(m.kabkotaCode).toBe(kab);
    expect(m.kecamatanCode).toBe(kec);
  });

  it('finds every kecamatan after "kecamatan"', () => {
    for (const k of KECAMATAN) {
      const r = findRegion(`kantor kecamatan ${k.name} tutup`);
      const matches = r.kind === 'found' ? [r.match] : r.kind === 'ambiguous' ? r.candidates : [];
      expect(matches.map((m) => m.kecamatanCode)).toContain(k.code);
      if (r.kind === 'found') expect(r.match.kabkotaCode).toBe(k.kabkotaCode);
    }
  });

  it('prefers the consistent kab/kota + kecamatan pair', () => {
    expect(found('Kecamatan Gambut, Kabupaten Banjar')).toMatchObject({
      kabkotaCode: '63.03',
      kecamatanCode: '63.03.03',
    });
    expect(found('martapura barat kab banjar')).toMatchObject({
      kabkotaCode: '63.03',
      kecamatanCode: '63.03.14',
    });
    expect(found('Batu Benawa, HST')).toMatchObject({ kabkotaCode: '63.07', kecamatanCode: '63.07.02' });
    expect(found('di kandangan, hss')).toMatchObject({ kabkotaCode: '63.06', kecamatanCode: '63.06.05' });
  });

  it('reads a full address down to the kelurahan', () => {
    expect(
      found('Jl. Sungai Andai, Kel. Sungai Andai, Kec. Banjarmasin Utara, Kota Banjarmasin'),
    ).toMatchObject({
      kabkotaCode: '63.71',
      kecamatanCode: '63.71.04',
      desaCode: '63.71.04.1010',
    });
    expect(found('desa lok baintan')).toMatchObject({ kecamatanCode: '63.03.04', desaCode: '63.03.04.2004' });
    expect(found('kelurahan Sekumpul Martapura')).toMatchObject({
      kabkotaCode: '63.03',
      desaCode: '63.03.05.1059',
    });
  });

  it('uses a distinctive desa name without a prefix', () => {
    expect(found('pasar terapung lok baintan')).toMatchObject({
      kabkotaCode: '63.03',
      desaCode: '63.03.04.2004',
    });
    expect(found('warga tabanio belum dapat bantuan')).toMatchObject({
      kabkotaCode: '63.01',
      desaCode: '63.01.01.2002',
    });
  });

  it('asks which one when a prefixed desa name exists in several kab/kota, unless the kab/kota is named', () => {
    const r = ambiguous('desa sungai pinang');
    expect(r.reason).toBe('multiple');
    expect(r.candidates.length).toBeGreaterThan(2);
    expect(found('desa sungai pinang, kotabaru')).toMatchObject({
      kabkotaCode: '63.02',
      desaCode: '63.02.09.2011',
    });
  });

  it('reads a desa named like another place when its own kab/kota is named', () => {
    expect(found('Tanah Laut, desa Kandangan Baru')).toMatchObject({
      kabkotaCode: '63.01',
      desaCode: '63.01.06.2003',
    });
    expect(found('tanah laut, kandangan baru')).toMatchObject({
      kabkotaCode: '63.01',
      desaCode: '63.01.06.2003',
    });
    expect(found('di kandangan baru saja banjir').kabkotaCode).toBe('63.06');
  });
});

describe('findRegion: traps', () => {
  it('treats "Banjar" alone as ambiguous and the Banjar language or people as no region', () => {
    const r = ambiguous('kantor dinas di banjar tutup');
    expect(r.reason).toBe('banjar');
    expect(kabs(r)).toEqual(['63.03', '63.71', '63.72']);
    for (const text of [
      'pakai bahasa banjar boleh kah',
      'saya urang banjar asli',
      'orang Banjar',
      'masakan banjar',
    ]) {
      expect(findRegion(text)).toEqual({ kind: 'none' });
    }
    expect(found('saya urang banjar tinggal di kandangan').kabkotaCode).toBe('63.06');
    expect(kabs(ambiguous('kota banjar'))).toEqual(['63.71', '63.72']);
  });

  it('resolves "Banjar" with a kecamatan of Kabupaten Banjar', () => {
    expect(found('di banjar, gambut')).toMatchObject({ kabkotaCode: '63.03', kecamatanCode: '63.03.03' });
  });

  it('treats "Simpang Empat" alone as ambiguous (two kecamatan, and a crossroads)', () => {
    for (const text of ['simpang empat', 'lampu lalu lintas di simpang empat mati']) {
      const r = ambiguous(text);
      expect(r.reason).toBe('simpang_empat');
      expect(r.candidates.map((c) => c.kecamatanCode).sort()).toEqual(['63.03.08', '63.10.06']);
    }
    expect(ambiguous('kecamatan simpang empat').reason).toBe('simpang_empat');
  });

  it('resolves "Simpang Empat" when the kab/kota is named', () => {
    expect(found('simpang empat tanah bumbu')).toMatchObject({
      kabkotaCode: '63.10',
      kecamatanCode: '63.10.06',
    });
    expect(found('Simpang Empat, Tanbu')).toMatchObject({ kabkotaCode: '63.10', kecamatanCode: '63.10.06' });
    expect(found('simpang empat martapura')).toMatchObject({
      kabkotaCode: '63.03',
      kecamatanCode: '63.03.08',
    });
    expect(found('desa simpang empat, jorong')).toMatchObject({
      kabkotaCode: '63.01',
      desaCode: '63.01.02.2011',
    });
    const m = found('lampu merah simpang empat banjarmasin rusak');
    expect(m.kabkotaCode).toBe('63.71');
    expect(m.kecamatanCode).toBeUndefined();
  });

  it('treats "Alalak" alone as ambiguous between Barito Kuala and Banjarmasin', () => {
    const r = ambiguous('banjir di alalak');
    expect(r.reason).toBe('alalak');
    expect(r.candidates.map((c) => c.kecamatanCode).sort()).toEqual(['63.04.05', '63.71.04']);
    expect(found('kecamatan alalak')).toMatchObject({ kabkotaCode: '63.04', kecamatanCode: '63.04.05' });
    expect(found('alalak batola')).toMatchObject({ kabkotaCode: '63.04', kecamatanCode: '63.04.05' });
    expect(found('alalak banjarmasin')).toMatchObject({ kabkotaCode: '63.71', kecamatanCode: '63.71.04' });
    expect(found('Alalak Utara')).toMatchObject({ kabkotaCode: '63.71', desaCode: '63.71.04.1002' });
    expect(found('Alalak Padang')).toMatchObject({ kabkotaCode: '63.03' });
  });

  it('treats "Tanjung" alone as a weak candidate only', () => {
    const r = ambiguous('saya di tanjung');
    expect(r.reason).toBe('common_word');
    expect(kabs(r)).toEqual(['63.09']);
    expect(found('di tanjung tabalong').kabkotaCode).toBe('63.09');
    expect(found('kecamatan tanjung')).toMatchObject({ kabkotaCode: '63.09', kecamatanCode: '63.09.04' });
    expect(findRegion('kapal dari tanjung priok')).toEqual({ kind: 'none' });
    expect(found('tanjung, banjarmasin').kabkotaCode).toBe('63.71');
  });

  it('does not read "rantau" as Tapin when it means living away from home', () => {
    for (const text of [
      'saya merantau ke jakarta',
      'hidup di rantau orang',
      'anak rantau susah',
      'perantauan',
    ]) {
      expect(findRegion(text)).toEqual({ kind: 'none' });
    }
    expect(ambiguous('saya di rantau').reason).toBe('common_word');
    expect(found('rantau, tapin').kabkotaCode).toBe('63.05');
  });

  it('does not read common words as places', () => {
    for (const text of [
      'uang negara dikorupsi',
      'aparatur negara tidak melayani',
      'sungai di belakang rumah meluap',
      'batu besar menutup jalan',
      'jalan baru sudah rusak lagi',
      'di pasar lama banyak sampah',
      'air tawar susah didapat',
      'jalan lurus tapi gelap',
      'tinggal di kota',
      'lahan gambut terbakar lagi',
      'jl. a. yani km 21',
      'jl cempaka no 5',
      'ada kebakaran di belakang pasar',
      'banjir setinggi lutut',
      'di pulau jawa',
      'mohon bantuan bapak ibu',
    ]) {
      expect(findRegion(text), text).toEqual({ kind: 'none' });
    }
    expect(found('kebakaran lahan gambut di tapin').kabkotaCode).toBe('63.05');
  });

  it.each([
    ['antri 5 jam di RSUD Ulin', '63.71'],
    ['rs ulin', '63.71'],
    ['parkir liar dekat Pelabuhan Trisakti', '63.71'],
    ['taksi bandara syamsudin noor', '63.72'],
    ['lampu jalan loktabat mati', '63.72'],
    ['pasar kandangan becek', '63.06'],
    ['RSUD Ratu Zalecha', '63.03'],
    ['air pdam keruh di Kebun Bunga dari kemarin', '63.71'],
    ['KIOS KAMI DI PASAR LIMA DITAGIH DOBEL', '63.71'],
    ['ruko di Jl. Mistar Cokrokusumo belum ada izinnya', '63.72'],
    ['toko bangunan di jl. s. parman gaji di bawah umk', '63.71'],
    ['antre obat 4 jam di RSUD H. Hasan Basry', '63.06'],
    ['rujukan ke RSUD dr. H. Damanhuri ditolak', '63.07'],
  ])('reads the landmark in %s', (text, code) => {
    expect(found(text).kabkotaCode).toBe(code);
  });

  it('reads a unique village name of ordinary words when it is written as a name', () => {
    expect(found('jalan desa di Sungai Malang rusak parah').kabkotaCode).toBe('63.08');
    expect(found('bantuan beras kada sampai ka Pulau Tambak').kabkotaCode).toBe('63.08');
    expect(findRegion('anak saya sungai malang nasibnya jatuh ke sungai')).toEqual({ kind: 'none' });
    expect(findRegion('air sungai besar meluap')).toEqual({ kind: 'none' });
  });
});

describe('findRegion: towns named like ordinary words', () => {
  it.each([
    ['bikin akta di capil tanjung dimintai uang', '63.09'],
    ['samsat tanjung antri panjang', '63.09'],
    ['antrean obat di RSUD di Tanjung empat jam', '63.09'],
    ['SMA di Tanjung minta sumbangan', '63.09'],
    ['polres tanjung lambat', '63.09'],
    ['capil rantau tutup jam kerja', '63.05'],
    ['SMA negeri 1 di Rantau menolak anak kami', '63.05'],
    ['honorer satpol pp di rantau tidak dapat thr', '63.05'],
  ])('reads the capital after an office word in %j', (text, code) => {
    expect(found(text).kabkotaCode).toBe(code);
  });

  it('keeps "tanjung"/"rantau" unresolved in their ordinary senses', () => {
    expect(ambiguous('saya di tanjung').reason).toBe('common_word');
    expect(ambiguous('tinggal di rantau').reason).toBe('common_word');
    for (const text of ['kapal dari tanjung priok', 'kantor di tanjung perak', 'bekerja di rantau orang']) {
      expect(findRegion(text), text).toEqual({ kind: 'none' });
    }
  });

  it('reads a capital at one end of a trip whose other end is a kab/kota', () => {
    expect(found('bus ke bjm dr tanjung selalu telat').kabkotaCode).toBe('63.09');
    expect(found('travel dari rantau ke banjarbaru mahal').kabkotaCode).toBe('63.05');
    expect(ambiguous('baru pulang dari rantau ke banjarmasin').reason).toBe('common_word');
  });

  it('reads a longer name that starts with "Tanjung" as its own place', () => {
    expect(found('jalan ke pantai tanjung dewa rusak')).toMatchObject({
      kabkotaCode: '63.01',
      kecamatanCode: '63.01.06',
    });
    expect(found('antri kapal di pelabuhan tanjung serdang').kabkotaCode).toBe('63.02');
    expect(found('SD di Tanjung Rema kekurangan guru').kabkotaCode).toBe('63.03');
    expect(findRegion('banjir di tanjung harapan')).toEqual({ kind: 'none' });
  });

  it.each([
    ['bantuan rumah di angsana salah sasaran', '63.10', '63.10.09'],
    ['kabel putus di jalan ke halong', '63.11', '63.11.02'],
    ['dipotong oknum di agen bank di Cempaka', '63.72', '63.72.03'],
    ['tambang galian c di karang intan', '63.03', '63.03.06'],
    ['puskesmas gambut kehabisan obat', '63.03', '63.03.03'],
    ['dermaga di pulau laut barat rusak', '63.02', '63.02.02'],
  ])('reads the kecamatan in %j', (text, kab, kec) => {
    expect(found(text)).toMatchObject({ kabkotaCode: kab, kecamatanCode: kec });
  });

  it('keeps flower, tree and peat words unresolved', () => {
    for (const text of [
      'pohon angsana tumbang',
      'bunga cempaka di halaman',
      'rumah di cempaka putih',
      'jl cempaka raya no 2',
      'liburan ke teluk halong',
    ]) {
      expect(findRegion(text), text).toEqual({ kind: 'none' });
    }
    expect(ambiguous('api di gambut susah dipadamkan').reason).toBe('common_word');
  });
});

describe('findRegion: destinations and former places', () => {
  it('prefers where it happened over where someone was sent', () => {
    expect(found('rsud di tanbu kurang dokter, dikit2 rujuk ke bjm').kabkotaCode).toBe('63.10');
    expect(found('puskesmas di hss tutup, anak dibawa ke banjarmasin malam2').kabkotaCode).toBe('63.06');
    expect(found('taksi di bandara syamsudin noor minta 250rb ke martapura').kabkotaCode).toBe('63.72');
    expect(found('angkot Pelaihari ka Banjarmasin habis sore').kabkotaCode).toBe('63.01');
    expect(found('puskesmas di hst tidak mampu, dirujuk ke rs di banjarmasin').kabkotaCode).toBe('63.07');
    expect(found('rsud balangan penuh, dibawa ke rsud banjarbaru').kabkotaCode).toBe('63.11');
  });

  it('still reads a destination when nothing else is named', () => {
    expect(found('sudah pindah ka Kotabaru dua tahun, KTP belum diubah').kabkotaCode).toBe('63.02');
    expect(found('pasien dirujuk ke RSUD Ulin ditolak').kabkotaCode).toBe('63.71');
  });

  it('lets a destination settle a tie between the places named', () => {
    expect(
      found('pindah dari Kabupaten Kotabaru ke Kecamatan Simpang Empat, Kabupaten Tanah Bumbu').kabkotaCode,
    ).toBe('63.10');
  });

  it('does not let a destination contradict the place named', () => {
    expect(ambiguous('saya di tanjung mau ke banjarmasin').reason).toBe('common_word');
    expect(kabs(ambiguous('warga banjarbaru, puskesmas di martapura, dirujuk ke bjm')).sort()).toEqual([
      '63.03',
      '63.72',
    ]);
  });

  it('prefers the current address over a former one', () => {
    expect(found('sy tinggal di Banjarmasin, ktp masih alamat lama di Batola').kabkotaCode).toBe('63.71');
    expect(found('asal Barabai, sekarang di Amuntai jalan rusak').kabkotaCode).toBe('63.08');
    expect(found('sudah lama di martapura jalan rusak').kabkotaCode).toBe('63.03');
  });
});

describe('findRegion: landmarks', () => {
  it('lists landmarks with known codes, none already a kab/kota alias', () => {
    const aliases = new Set(KABKOTA.flatMap((k) => k.aliases.map((a) => a.text.toLowerCase())));
    for (const l of LANDMARKS) {
      expect(kabkotaByCode(l.kabkotaCode), l.text).toBeDefined();
      if (l.kecamatanCode) expect(kecamatanByCode(l.kecamatanCode)?.kabkotaCode).toBe(l.kabkotaCode);
      expect(aliases.has(l.text.toLowerCase())).toBe(false);
    }
  });

  it('finds every landmark as it is meant to be written', () => {
    for (const l of LANDMARKS) {
      const text = `ada masalah di ${l.street ? `Jl. ${l.text}` : l.text} sejak kemarin`;
      expect(found(text).kabkotaCode, text).toBe(l.kabkotaCode);
    }
  });

  it.each([
    ['mau lapor soal jalan di kelayan yang dibongkar', '63.71'],
    ['tanah warisan di Kuin belum balik nama', '63.71'],
    ['jalan satu arah di sekitar pasar sudimampir', '63.71'],
    ['tagihan pdam bandarmasih naik sepuluh kali', '63.71'],
    ['drainase di jl sultan adam lebih tinggi dari jalan', '63.71'],
    ['sampah di tps jl. pramuka menumpuk', '63.71'],
    ['pungli di terminal km 6', '63.71'],
    ['Satpol PP menertibkan pedagang di Pasar Lama dengan kasar', '63.71'],
    ['jalan berlubang di Pemurus Dalam', '63.71'],
    ['jalan di Negara rusak, bubuhan Daha dilupakan', '63.06'],
    ['arung jeram amandit mahal', '63.06'],
    ['RSJ Sambang Lihum kekurangan perawat', '63.03'],
    ['pungli di tahura sultan adam', '63.03'],
    ['kapal feri di pelabuhan stagen telat', '63.02'],
    ['pasar pagatan becek', '63.10'],
  ])('reads %j', (text, code) => {
    expect(found(text).kabkotaCode).toBe(code);
  });

  it('keeps a shorter landmark from overriding a longer desa name', () => {
    expect(found('desa Pemurus, Aluh-Aluh').kabkotaCode).toBe('63.03');
    expect(found('warga Kuin Besar belum dapat bantuan').kabkotaCode).toBe('63.03');
    expect(found('Kuin Utara')).toMatchObject({ kabkotaCode: '63.71', kecamatanCode: '63.71.04' });
  });

  it('reads street names and title-case landmarks only as fallbacks', () => {
    expect(found('jl pramuka martapura banjir').kabkotaCode).toBe('63.03');
    expect(found('Pasar Lama Martapura kotor').kabkotaCode).toBe('63.03');
    for (const text of [
      'kegiatan pramuka di sekolah',
      'sultan adam pahlawan kalimantan',
      'DI PASAR LAMA KOTOR',
    ]) {
      expect(findRegion(text), text).toEqual({ kind: 'none' });
    }
  });

  it('does not read the Martapura river as the town', () => {
    expect(findRegion('limbah medis di siring sungai martapura')).toEqual({ kind: 'none' });
    expect(found('di Banjarmasin Timur, di siring Sungai Martapura ada limbah').kabkotaCode).toBe('63.71');
    expect(found('sungai di martapura meluap').kabkotaCode).toBe('63.03');
  });

  it.each([
    ['jl. a. yani km 3,5 macet', '63.71'],
    ['Jl. Ahmad Yani Km. 10 banyak lubang', '63.03'],
    ['jalan a yani km.25 dekat bandara gelap', '63.72'],
    ['jl ayani km36 pju mati', '63.72'],
    ['jl. a. yani km 40 martapura', '63.03'],
  ])('reads the Jl. A. Yani kilometre in %j', (text, code) => {
    expect(found(text).kabkotaCode).toBe(code);
  });

  it('leaves Jl. A. Yani alone near a boundary and yields to a named town', () => {
    // Km 17 is Gambut (Kab. Banjar); around km 21–22 the road enters Banjarbaru.
    expect(aYaniKabkota(17)).toBe('63.03');
    expect(aYaniKabkota(21)).toBeUndefined();
    expect(aYaniKabkota(37)).toBeUndefined();
    expect(findRegion('jl a yani km 22 rusak')).toEqual({ kind: 'none' });
    expect(findRegion('jl a yani banyak lubang')).toEqual({ kind: 'none' });
    expect(found('jl a yani km 2 barabai rusak').kabkotaCode).toBe('63.07');
  });
});

describe('findRegion: odd input', () => {
  it.each([
    [''],
    ['   '],
    ['😀😡🙏'],
    ["<script>alert('x')</script>"],
    ["'; DROP TABLE users; --"],
    ['SELECT * FROM wilayah WHERE 1=1'],
    ['\u0000\u200b\ufeff'],
    ['12345 67890'],
  ])('finds nothing in %j', (text) => {
    expect(findRegion(text)).toEqual({ kind: 'none' });
  });

  it('reads places inside markup, SQL-looking text and emoji', () => {
    expect(found('<b>Banjarmasin</b>').kabkotaCode).toBe('63.71');
    expect(found("Robert'); DROP TABLE wilayah;-- di martapura").kabkotaCode).toBe('63.03');
    expect(found('jalan rusak 😡😡 di Kandangan 🙏').kabkotaCode).toBe('63.06');
  });

  it('handles a 10,000-character message', () => {
    const filler = 'jalan depan rumah saya rusak dan berlubang sudah lama tidak diperbaiki. ';
    const long = filler.repeat(Math.ceil(10_000 / filler.length)).slice(0, 10_000);
    expect(findRegion(long)).toEqual({ kind: 'none' });
    expect(found(`${long} lokasi di kecamatan gambut kabupaten banjar`).kecamatanCode).toBe('63.03.03');
    const names =
      'kabupaten banjar kecamatan gambut desa sungai pinang simpang empat martapra tanjung rantau 😀 ';
    const dense = names.repeat(Math.ceil(10_000 / names.length)).slice(0, 10_000);
    expect(findRegion(dense).kind).toBe('found');
  });

  it('never throws and only returns known codes', () => {
    const place = fc.constantFrom(
      'banjar',
      'banjarmasin',
      'simpang empat',
      'alalak',
      'tanjung',
      'rantau',
      'kec.',
      'desa',
      'kota',
      'kab',
      'martapra',
      'sungai pinang',
      'gambut',
    );
    const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
    const text = fc.oneof(
      fc.string({ unit: anyCodePoint }),
      fc
        .array(fc.oneof(place, fc.string({ unit: 'grapheme-ascii', maxLength: 8 })), { maxLength: 12 })
        .map((ws) => ws.join(' ')),
    );
    fc.assert(
      fc.property(text, (s) => {
        const r = findRegion(s);
        const matches = r.kind === 'found' ? [r.match] : r.kind === 'ambiguous' ? r.candidates : [];
        if (r.kind === 'ambiguous') expect(matches.length).toBeGreaterThan(0);
        for (const m of matches) {
          expect(kabkotaByCode(m.kabkotaCode)).toBeDefined();
          if (m.kecamatanCode) expect(kecamatanByCode(m.kecamatanCode)?.kabkotaCode).toBe(m.kabkotaCode);
          if (m.desaCode) expect(desaByCode(m.desaCode)?.kecamatanCode).toBe(m.kecamatanCode);
          expect(m.score).toBeGreaterThan(0);
          expect(m.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('lookups', () => {
  it('lists the 13 kab/kota for a choice, cities first, with official names', () => {
    const list = regionChoiceList();
    expect(list).toHaveLength(13);
    expect(list.slice(0, 2).map((c) => c.code)).toEqual(['63.71', '63.72']);
    expect(new Set(list.map((c) => c.code)).size).toBe(13);
    for (const c of list) expect(c.label).toBe(kabkotaByCode(c.code)?.name);
    expect(list[2]?.label).toBe('Kabupaten Balangan');
  });

  it('looks up kab/kota, kecamatan and desa by code', () => {
    expect(kabkotaByCode('63.71')?.name).toBe('Kota Banjarmasin');
    expect(kabkotaByCode('99.99')).toBeUndefined();
    expect(kecamatanByCode('63.71.04')?.name).toBe('Banjarmasin Utara');
    expect(desaByCode('63.71.04.1002')?.name).toBe('Alalak Utara');
    expect(kecamatanOf('63.72').map((k) => k.name)).toEqual([
      'Landasan Ulin',
      'Cempaka',
      'Banjarbaru Utara',
      'Banjarbaru Selatan',
      'Liang Anggang',
    ]);
    expect(kecamatanOf('63.03')).toHaveLength(20);
    expect(kecamatanOf('nope')).toEqual([]);
  });
});
