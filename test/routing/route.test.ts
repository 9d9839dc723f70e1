// Routing: every kab/kota × category reaches an office of the right level; story details and named offices steer it.
import { describe, expect, it } from 'vitest';
import { KABKOTA } from '../../src/data/regions-data.js';
import { CATEGORY_IDS, type CategoryId } from '../../src/domain/categories.js';
import type { RouteDecision } from '../../src/ports/routing.js';
import type { RouteQuery } from '../../src/ports/routing.js';
import type { Level } from '../../src/routing/directory-schema.js';
import { defaultDirectory } from '../../src/routing/load-directory.js';
import { routeReason } from '../../src/routing/route-reason.js';
import { route } from '../../src/routing/route.js';

const dir = defaultDirectory();
/** The decision's reason as officers read it (Indonesian). */
const reason = (d: RouteDecision) => routeReason('id', d.why);

/** The short name of the agency a category goes to in a kab/kota, or null when only a fallback takes it. */
function agencyLabel(category: CategoryId, kab: string | null): string | null {
  const d = go(category, kab);
  return d.fallback ? null : (dir.agency(d.agencyId)?.shortName ?? null);
}

function go(category: CategoryId, kab: string | null, story = '', more: Partial<RouteQuery> = {}) {
  return route(dir, {
    category,
    kabkotaCode: kab,
    kecamatanCode: null,
    story,
    priorReport: { done: false, result: null },
    escalate: false,
    ...more,
  });
}

const LEVEL: Record<CategoryId, Level> = {
  adminduk: 'kabkota',
  kesehatan: 'kabkota',
  jaminan_sosial: 'vertikal',
  pendidikan: 'kabkota',
  infrastruktur: 'kabkota',
  air_minum: 'bumd',
  energi_listrik: 'bumn',
  pertanahan: 'vertikal',
  kepolisian: 'vertikal',
  perizinan: 'kabkota',
  bansos: 'kabkota',
  lingkungan: 'kabkota',
  perhubungan: 'kabkota',
  ketertiban: 'kabkota',
  kepegawaian: 'kabkota',
  pajak_daerah: 'kabkota',
  ketenagakerjaan: 'kabkota',
  desa: 'kabkota',
  lainnya: 'kabkota',
};

describe('every kab/kota × every category', () => {
  for (const k of KABKOTA) {
    it(`${k.name}: an existing office of the right level serving it`, () => {
      for (const category of CATEGORY_IDS) {
        const d = go(category, k.code);
        const agency = dir.agency(d.agencyId);
        expect(agency, `${category} in ${k.name}`).toBeDefined();
        expect(agency?.level, `${category} in ${k.name}`).toBe(LEVEL[category]);
        expect(agency?.serves.includes(k.code) || agency?.region === null, `${category} in ${k.name}`).toBe(
          true,
        );
        expect(d.agencyName).toBe(agency?.name);
        expect(d.fallback).toBe(category === 'lainnya');
        expect(reason(d)).toContain(k.name);
        if (category !== 'lainnya') expect(agency?.categories).toContain(category);
      }
    });
  }

  it('gives the reason as one sentence for officers', () => {
    expect(reason(go('adminduk', '63.71'))).toBe(
      'Kategori adminduk di Kota Banjarmasin → Disdukcapil Kota Banjarmasin (aturan adminduk-kabkota).',
    );
    expect(go('adminduk', '63.71')).toMatchObject({ rule: 'adminduk-kabkota', details: [], also: [] });
  });
});

const decided = (category: CategoryId, kab: string | null, story: string) => {
  const d = go(category, kab, story);
  return [d.agencyId, d.rule];
};

describe('school level', () => {
  it.each([
    [
      'anak saya di SMAN 1 Martapura disuruh bayar uang komite 1,5 juta',
      'prov-disdik',
      'pendidikan-menengah',
    ],
    ['SPMB SMA zonasi tidak adil, rumah dekat tapi tidak diterima', 'prov-disdik', 'pendidikan-menengah'],
    ['ijazah smk n 2 ditahan karena belum lunas', 'prov-disdik', 'pendidikan-menengah'],
    ['anak sy di SLB tidak dapat guru pendamping', 'prov-disdik', 'pendidikan-menengah'],
    ['lulusan SMP mau daftar SMA negeri ditolak', 'prov-disdik', 'pendidikan-menengah'],
    ['SDN 3 Sungai Besar minta uang seragam', '6303-disdik', 'pendidikan-dasar'],
    ['guru di smpn 5 sering tidak masuk', '6303-disdik', 'pendidikan-dasar'],
    ['pendaftaran PAUD dipungut biaya', '6303-disdik', 'pendidikan-dasar'],
    ['sekolah anak saya minta sumbangan pembangunan', '6303-disdik', 'pendidikan-kabkota'],
  ])('%s → %s', (story, agency, rule) => {
    expect(decided('pendidikan', '63.03', story)).toEqual([agency, rule]);
  });

  it('an SMA without a known kab/kota still goes to the province', () => {
    expect(decided('pendidikan', null, 'pungli di SMK negeri')).toEqual([
      'prov-disdik',
      'pendidikan-menengah',
    ]);
    expect(go('pendidikan', null, 'pungli di SMK negeri').details).toEqual(['smk']);
  });
});

describe('hospitals and puskesmas', () => {
  it.each([
    ['63.71', 'pelayanan IGD di RSUD Ulin lambat sekali', 'prov-rsud-ulin'],
    ['63.03', 'keluarga dirawat di RS Ulin tapi obat disuruh beli sendiri', 'prov-rsud-ulin'],
    ['63.03', 'pasien jiwa di Sambang Lihum ditelantarkan', 'prov-rsj-sambang-lihum'],
    ['63.03', 'antri berjam-jam di RSUD Ratu Zalecha Martapura', '6303-rsud'],
    ['63.72', 'dokter di RSUD Idaman judes', '6372-rsud'],
    ['63.01', 'ambulans RSUD H. Boejasin lama datang', '6301-rsud'],
    ['63.01', 'di rsud kh mansyur tidak ada dokter jaga', '6301-rsud-kh-mansyur'],
    ['63.71', 'RS Sultan Suriansyah menolak pasien BPJS', '6371-rsud'],
    ['63.10', 'rsud dr. h. andi abdurrahman noor kekurangan obat', '6310-rsud'],
    ['63.06', 'rsud kandangan antri lama', '6306-rsud'],
  ])('%s: %s → %s', (kab, story, agency) => {
    expect(decided('kesehatan', kab, story)).toEqual([agency, 'instansi-disebut']);
  });

  it.each([
    ['63.72', 'puskesmas guntung payung sering tutup jam 11', '6372-dinkes', 'kesehatan-puskesmas'],
    ['63.07', 'pustu di desa kami tidak ada bidan', '6307-dinkes', 'kesehatan-puskesmas'],
    ['63.09', 'di rsud pelayanan lambat', '6309-rsud', 'kesehatan-rsud'],
    ['63.06', 'rsud nya kotor sekali', '6306-rsud', 'kesehatan-rsud'],
    ['63.04', 'obat di apotek mahal', '6304-dinkes', 'kesehatan-kabkota'],
  ])('%s: %s → %s', (kab, story, agency, rule) => {
    expect(decided('kesehatan', kab, story)).toEqual([agency, rule]);
  });

  it('"Ulin" alone (a wood, a street) is no hospital', () => {
    expect(decided('kesehatan', '63.71', 'rumah di jalan ulin, anak sakit tidak dilayani puskesmas')).toEqual(
      ['6371-dinkes', 'kesehatan-puskesmas'],
    );
  });
});

describe('roads', () => {
  it.each([
    [
      '63.03',
      'Jl. A. Yani km 17 berlubang besar, sudah banyak yang jatuh',
      'bpjn-kalsel',
      'infrastruktur-jalan-nasional',
    ],
    ['63.72', 'jalan ahmad yani km 34 banjarbaru rusak', 'bpjn-kalsel', 'infrastruktur-jalan-nasional'],
    [
      '63.09',
      'jalan nasional trans kalimantan di tanjung banyak lubang',
      'bpjn-kalsel',
      'infrastruktur-jalan-nasional',
    ],
    ['63.02', 'jalan negara ke kotabaru amblas', 'bpjn-kalsel', 'infrastruktur-jalan-nasional'],
    ['63.04', 'jalan provinsi marabahan rusak parah', 'prov-pupr', 'infrastruktur-jalan-provinsi'],
    ['63.71', 'gang di kelayan becek, jalannya rusak', '6371-pupr', 'infrastruktur-kabkota'],
    ['63.71', 'jl. pramuka komplek semanda lampu jalan mati', '6371-pupr', 'infrastruktur-kabkota'],
    ['63.05', 'jembatan desa kami putus', '6305-pupr', 'infrastruktur-kabkota'],
  ])('%s: %s → %s', (kab, story, agency, rule) => {
    expect(decided('infrastruktur', kab, story)).toEqual([agency, rule]);
  });
});

describe('taxes', () => {
  it.each([
    ['bayar pajak motor di samsat ribet sekali', 'prov-bapenda', 'pajak-kendaraan'],
    ['perpanjang STNK 5 tahunan dipersulit', 'prov-bapenda', 'pajak-kendaraan'],
    ['balik nama kendaraan kena denda padahal sudah bayar', 'prov-bapenda', 'pajak-kendaraan'],
    ['PBB rumah saya naik tiga kali lipat', '6372-bapenda', 'pajak-pbb'],
    ['SPPT tidak pernah sampai', '6372-bapenda', 'pajak-pbb'],
    ['retribusi pasar dipungut dua kali', '6372-bapenda', 'pajak-pbb'],
    ['pajak daerah tidak jelas', '6372-bapenda', 'pajak-kabkota'],
  ])('%s → %s', (story, agency, rule) => {
    expect(decided('pajak_daerah', '63.72', story)).toEqual([agency, rule]);
  });

  it('Banjarmasin collects PBB through its BPKPAD', () => {
    expect(agencyLabel('pajak_daerah', '63.71')).toBe('BPKPAD Kota Banjarmasin');
  });
});

describe('BPJS', () => {
  it.each([
    [
      '63.09',
      'klaim JHT bpjs ketenagakerjaan ditolak terus',
      'bpjs-tk-banjarmasin',
      'jaminan-sosial-ketenagakerjaan',
    ],
    [
      '63.10',
      'perusahaan tidak mendaftarkan saya ke BPJS TK',
      'bpjs-tk-banjarmasin',
      'jaminan-sosial-ketenagakerjaan',
    ],
    ['63.09', 'kartu KIS saya tiba-tiba nonaktif', 'bpjs-kesehatan-barabai', 'jaminan-sosial-kesehatan'],
    ['63.72', 'bpjs kesehatan pbi saya dicabut', 'bpjs-kesehatan-banjarmasin', 'jaminan-sosial-kesehatan'],
    ['63.08', 'iuran bpjs saya dobel', 'bpjs-kesehatan-barabai', 'jaminan-sosial-kabkota'],
  ])('%s: %s → %s', (kab, story, agency, rule) => {
    expect(decided('jaminan_sosial', kab, story)).toEqual([agency, rule]);
  });
});

describe('transport', () => {
  it.each([
    ['63.03', 'bus Trans Banjarbakula sering tidak lewat halte', 'prov-dishub', 'perhubungan-provinsi'],
    ['63.09', 'tarif bus AKDP tanjung-banjarmasin naik seenaknya', 'prov-dishub', 'perhubungan-provinsi'],
    [null, 'angkutan antar kota ngetem sembarangan', 'prov-dishub', 'perhubungan-provinsi'],
    ['63.71', 'angkot ngetem di depan pasar, macet', '6371-dishub', 'perhubungan-kabkota'],
    ['63.71', 'jukir liar minta 5 ribu', '6371-dishub', 'perhubungan-kabkota'],
  ])('%s: %s → %s', (kab, story, agency, rule) => {
    expect(decided('perhubungan', kab, story)).toEqual([agency, rule]);
  });
});

describe('police', () => {
  it.each([
    [
      '63.03',
      'lapor ke polsek gambut soal motor hilang tidak ditindaklanjuti',
      '6303-polres',
      'instansi-disebut',
    ],
    ['63.03', 'sudah lapor di Polsek Aluh-Aluh tapi tidak ada kabar', '6372-polres', 'instansi-disebut'],
    ['63.71', 'petugas polsek banjarmasin utara minta uang', '6371-polres', 'instansi-disebut'],
    ['63.72', 'laporan saya di polres hsu mandek', '6308-polres', 'instansi-disebut'],
    [
      '63.71',
      'laporan di Polda Kalsel sudah 6 bulan tidak ada perkembangan',
      'polda-kalsel',
      'instansi-disebut',
    ],
    ['63.71', 'bikin SIM di Ditlantas dipersulit', 'polda-kalsel', 'instansi-disebut'],
    ['63.72', 'bikin skck lama sekali', '6372-polres', 'kepolisian-kabkota'],
    [null, 'tilang di jalan dimintai uang damai', 'polda-kalsel', 'kepolisian-polda'],
  ])('%s: %s → %s', (kab, story, agency, rule) => {
    expect(decided('kepolisian', kab, story)).toEqual([agency, rule]);
  });

  it('by kecamatan where a Polres polices across the kab/kota line', () => {
    const d = go('kepolisian', '63.03', 'rumah dibobol maling', { kecamatanCode: '63.03.13' });
    expect([d.agencyId, d.rule]).toEqual(['6372-polres', 'kepolisian-kabkota']);
    const kecOnly = go('kepolisian', null, 'rumah dibobol maling', { kecamatanCode: '63.03.03' });
    expect(kecOnly.agencyId).toBe('6303-polres');
  });
});

describe('an office named in the story', () => {
  it.each([
    ['adminduk', '63.71', 'saya urus KK di Disdukcapil Banjarbaru tapi sudah 3 bulan', '6372-disdukcapil'],
    ['adminduk', '63.72', 'ktp saya dari dukcapil kabupaten banjar belum jadi', '6303-disdukcapil'],
    ['adminduk', '63.03', 'kantor dukcapil martapura antri dari subuh', '6303-disdukcapil'],
    ['perhubungan', '63.71', 'dishub kota baru tidak menertibkan parkir liar', '6302-dishub'],
    ['kesehatan', '63.71', 'dinas kesehatan kota banjarbaru lambat', '6372-dinkes'],
    ['air_minum', '63.03', 'air PDAM Bandarmasih keruh sudah seminggu', '6371-pdam'],
    ['pertanahan', '63.72', 'sertifikat di BPN Banjar tidak selesai 2 tahun', '6303-kantah'],
    ['pendidikan', '63.71', 'sudah lapor ke dinas pendidikan provinsi tapi didiamkan', 'prov-disdik'],
    ['jaminan_sosial', '63.01', 'di bpjs kesehatan cabang barabai dipingpong', 'bpjs-kesehatan-barabai'],
  ] as const)('%s in %s: %s → %s', (category, kab, story, agency) => {
    const d = go(category, kab, story);
    expect([d.agencyId, d.rule]).toEqual([agency, 'instansi-disebut']);
    expect(d.details).toHaveLength(1);
    expect(reason(d)).toContain('instansi disebut dalam cerita');
  });

  it('only when the named office handles the category', () => {
    const d = go('kesehatan', '63.71', 'KTP saya dari disdukcapil banjarbaru, ditolak berobat di puskesmas');
    expect([d.agencyId, d.rule]).toEqual(['6371-dinkes', 'kesehatan-puskesmas']);
  });

  it('the first named office in the story that handles the category', () => {
    const d = go('adminduk', '63.71', 'dari dukcapil banjarmasin disuruh ke dukcapil banjarbaru');
    expect(d.agencyId).toBe('6371-disdukcapil');
    expect(d.details).toEqual(['dukcapil banjarmasin']);
  });

  it('an office word without a place is no name', () => {
    expect(decided('adminduk', '63.04', 'di dukcapil petugasnya tidak ada')).toEqual([
      '6304-disdukcapil',
      'adminduk-kabkota',
    ]);
  });
});

describe('fallbacks', () => {
  it('category lainnya with a kab/kota → the pemda complaint coordinator', () => {
    const d = go('lainnya', '63.71', 'pelayanan kantor pos lambat');
    expect(d).toMatchObject({ agencyId: '6371-koordinator', rule: 'cadangan-koordinator', fallback: true });
    expect(reason(d)).toBe(
      'Kategori lainnya di Kota Banjarmasin tanpa aturan yang cocok → koordinator pengaduan Admin LAPOR! Pemkot Banjarmasin (cadangan-koordinator).',
    );
  });

  it('no kab/kota → Ombudsman Kalsel for triage', () => {
    for (const category of ['adminduk', 'lainnya', 'air_minum', 'desa'] as const) {
      const d = go(category, null, 'sudah lama tidak dilayani');
      expect(d).toMatchObject({ agencyId: 'ombudsman-kalsel', rule: 'cadangan-ombudsman', fallback: true });
      expect(reason(d)).toContain('(kab/kota belum diketahui)');
    }
  });

  it('an unknown region code counts as no region', () => {
    expect(go('adminduk', '99.99').agencyId).toBe('ombudsman-kalsel');
    expect(go('adminduk', '63.71', '', { kecamatanCode: '63.72.01' }).agencyId).toBe('6371-disdukcapil');
  });

  it('province-wide offices need no region', () => {
    expect(decided('energi_listrik', null, 'listrik padam tiap malam')).toEqual([
      'pln-uid-kalselteng',
      'energi-listrik',
    ]);
    expect(decided('pertanahan', null, 'sertifikat ganda')).toEqual([
      'kanwil-bpn-kalsel',
      'pertanahan-kanwil',
    ]);
  });

  it('desa complaints in a kota go to the Pemkot coordinator, in a kabupaten to the DPMD', () => {
    expect(decided('desa', '63.72', 'lurah tidak mau tanda tangan surat')).toEqual([
      '6372-koordinator',
      'desa-kota',
    ]);
    expect(decided('desa', '63.07', 'dana desa tidak transparan')).toEqual(['6307-dpmd', 'desa-kabupaten']);
  });
});

describe('escalation', () => {
  const prior = (done: boolean, result: string | null, escalate = false) =>
    go('adminduk', '63.71', 'akta kelahiran belum jadi', { priorReport: { done, result }, escalate });

  it('copies the Ombudsman when the citizen asks to escalate', () => {
    const d = prior(true, 'tidak ditanggapi', true);
    expect(d.agencyId).toBe('6371-disdukcapil');
    expect(d.also).toEqual([
      {
        agencyId: 'ombudsman-kalsel',
        agencyName: 'Ombudsman Republik Indonesia Perwakilan Kalimantan Selatan',
        why: { kind: 'escalation', agency: 'Ombudsman RI Kalsel' },
      },
    ]);
    expect(d.also.map((a) => routeReason('id', a.why))).toEqual([
      'Pelapor meminta eskalasi karena pengaduan sebelumnya ke instansi belum selesai → Ombudsman RI Kalsel.',
    ]);
    expect(d.offerEscalation).toBe(false);
  });

  it('does not copy the Ombudsman to itself', () => {
    const d = go('adminduk', null, '', { escalate: true, priorReport: { done: true, result: 'diabaikan' } });
    expect(d.agencyId).toBe('ombudsman-kalsel');
    expect(d.also).toEqual([]);
  });

  it.each([
    [true, 'tidak ada tanggapan', true],
    [true, 'belum', true],
    [true, 'diabaikan petugasnya', true],
    [true, 'tidak ditanggapi sama sekali', true],
    [true, null, true],
    [true, 'sudah beres', false],
    [true, 'alhamdulillah sudah selesai', false],
    [false, null, false],
    [false, 'tidak ada tanggapan', false],
  ])('prior report done=%s, result %s → offer %s', (done, result, offer) => {
    expect(prior(done, result).offerEscalation).toBe(offer);
  });
});

describe('agencyLabel', () => {
  it('gives the short name the chatbot can show in its guess', () => {
    expect(agencyLabel('adminduk', '63.71')).toBe('Disdukcapil Kota Banjarmasin');
    expect(agencyLabel('pendidikan', '63.06')).toBe('Disdik Kabupaten Hulu Sungai Selatan');
    expect(agencyLabel('air_minum', '63.72')).toBe('PT Air Minum Intan Banjar');
    expect(agencyLabel('energi_listrik', null)).toBe('PLN UID Kalselteng');
    expect(agencyLabel('kepolisian', '63.71')).toBe('Polresta Banjarmasin');
  });

  it('is null where only a fallback would take the complaint', () => {
    expect(agencyLabel('adminduk', null)).toBeNull();
    expect(agencyLabel('lainnya', '63.71')).toBeNull();
  });
});
