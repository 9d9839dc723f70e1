// The complaint categories (stable ids from DOMAIN.md) and a small keyword lexicon that suggests one from a story.
import { normalize } from '../understand/normalize.js';

export const CATEGORY_IDS = [
  'adminduk',
  'kesehatan',
  'jaminan_sosial',
  'pendidikan',
  'infrastruktur',
  'air_minum',
  'energi_listrik',
  'pertanahan',
  'kepolisian',
  'perizinan',
  'bansos',
  'lingkungan',
  'perhubungan',
  'ketertiban',
  'kepegawaian',
  'pajak_daerah',
  'ketenagakerjaan',
  'desa',
  'lainnya',
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

/** Words (after normalization) that point at a category, with a weight. Phrases match on word boundaries. */
const LEXICON: Record<Exclude<CategoryId, 'lainnya'>, Record<string, number>> = {
  adminduk: {
    ktp: 3,
    'e ktp': 3,
    'ktp el': 3,
    kk: 2,
    'kartu keluarga': 3,
    akta: 3,
    akte: 3,
    kelahiran: 1,
    'surat pindah': 3,
    'pindah datang': 3,
    kia: 2,
    disdukcapil: 4,
    dukcapil: 4,
    capil: 3,
    blangko: 2,
    perekaman: 2,
    nik: 1,
  },
  kesehatan: {
    puskesmas: 4,
    rsud: 3,
    'rumah sakit': 3,
    ambulans: 3,
    ambulan: 3,
    dokter: 2,
    perawat: 2,
    obat: 2,
    pasien: 2,
    berobat: 2,
    igd: 3,
    bidan: 2,
    rawat: 1,
    'dinas kesehatan': 4,
    dinkes: 4,
    posyandu: 2,
  },
  jaminan_sosial: {
    bpjs: 4,
    jkn: 4,
    kis: 2,
    'bpjs kesehatan': 4,
    'bpjs ketenagakerjaan': 4,
    iuran: 1,
    'kartu indonesia sehat': 4,
  },
  pendidikan: {
    sekolah: 3,
    sd: 2,
    smp: 2,
    sma: 2,
    smk: 2,
    slb: 2,
    guru: 2,
    ppdb: 4,
    spmb: 4,
    ijazah: 3,
    murid: 2,
    siswa: 2,
    pungutan: 1,
    'uang komite': 3,
    'dinas pendidikan': 4,
    disdik: 4,
    kip: 2,
    rapor: 2,
    zonasi: 3,
  },
  infrastruktur: {
    jalan: 2,
    'jalan rusak': 4,
    berlubang: 3,
    lubang: 2,
    jembatan: 3,
    drainase: 3,
    got: 2,
    selokan: 2,
    gorong: 3,
    pju: 3,
    'lampu jalan': 3,
    'penerangan jalan': 3,
    aspal: 3,
    pupr: 4,
    'jalan berlubang': 4,
    longsor: 2,
  },
  air_minum: {
    pdam: 4,
    'air bersih': 3,
    'air mati': 4,
    'air keruh': 4,
    'air tidak mengalir': 4,
    'tagihan air': 4,
    perumda: 3,
    'air minum': 3,
    meteran: 1,
    'pipa bocor': 3,
    ledeng: 3,
    'air leding': 3,
  },
  energi_listrik: {
    pln: 4,
    listrik: 3,
    'mati lampu': 4,
    padam: 3,
    token: 3,
    'meteran listrik': 4,
    kwh: 3,
    'tiang listrik': 3,
    pemadaman: 4,
    trafo: 3,
    voltase: 2,
  },
  pertanahan: {
    sertifikat: 3,
    sertipikat: 3,
    tanah: 2,
    bpn: 4,
    'badan pertanahan': 4,
    pertanahan: 4,
    pengukuran: 2,
    'balik nama': 2,
    ptsl: 4,
    prona: 3,
    sengketa: 2,
    girik: 3,
    'surat tanah': 3,
  },
  kepolisian: {
    polisi: 3,
    polres: 4,
    polsek: 4,
    polda: 4,
    sim: 2,
    skck: 4,
    tilang: 4,
    'laporan polisi': 3,
    polantas: 4,
    penyidik: 3,
    samsat: 1,
    razia: 2,
  },
  perizinan: {
    izin: 3,
    nib: 4,
    oss: 4,
    'izin usaha': 4,
    pbg: 4,
    imb: 4,
    dpmptsp: 4,
    perizinan: 4,
    siup: 3,
    'izin bangunan': 4,
  },
  bansos: {
    bansos: 4,
    pkh: 4,
    bpnt: 4,
    dtks: 4,
    'bantuan sosial': 4,
    blt: 4,
    sembako: 2,
    'dinas sosial': 4,
    dinsos: 4,
    bantuan: 1,
    'kartu sembako': 4,
    dtsen: 4,
  },
  lingkungan: {
    sampah: 3,
    tps: 3,
    limbah: 3,
    pencemaran: 4,
    bau: 2,
    asap: 2,
    'dinas lingkungan': 4,
    dlh: 4,
    tambang: 2,
    'sungai tercemar': 4,
    'pembakaran sampah': 4,
  },
  perhubungan: {
    angkot: 3,
    angkutan: 3,
    parkir: 3,
    'juru parkir': 4,
    jukir: 4,
    terminal: 3,
    kir: 3,
    'uji kir': 4,
    dishub: 4,
    'lampu merah': 3,
    'lampu lalu lintas': 4,
    'traffic light': 4,
    bus: 2,
    ojek: 1,
    kapal: 2,
    pelabuhan: 2,
  },
  ketertiban: {
    pkl: 4,
    'pedagang kaki lima': 4,
    'satpol pp': 4,
    satpol: 4,
    'bangunan liar': 4,
    berisik: 2,
    gangguan: 1,
    'balap liar': 3,
    premanisme: 2,
    'tempat hiburan': 2,
    miras: 2,
  },
  kepegawaian: {
    asn: 3,
    pns: 3,
    honorer: 4,
    pppk: 4,
    bkpsdm: 4,
    bkd: 3,
    tunjangan: 2,
    'gaji guru honor': 4,
    cpns: 3,
    tpp: 3,
  },
  pajak_daerah: {
    pbb: 4,
    pajak: 3,
    retribusi: 3,
    bapenda: 4,
    'pajak kendaraan': 4,
    samsat: 3,
    'pajak bumi': 4,
    bphtb: 4,
  },
  ketenagakerjaan: {
    upah: 3,
    gaji: 2,
    phk: 4,
    pesangon: 4,
    disnaker: 4,
    'tenaga kerja': 3,
    buruh: 3,
    pelatihan: 2,
    thr: 3,
    ump: 3,
    umk: 3,
    'kerja lembur': 3,
    karyawan: 2,
  },
  desa: {
    desa: 2,
    'kepala desa': 4,
    kades: 4,
    'dana desa': 4,
    kelurahan: 3,
    lurah: 3,
    kecamatan: 2,
    camat: 3,
    'kantor desa': 4,
    'aparat desa': 4,
    'surat keterangan': 2,
    rt: 1,
    'perangkat desa': 4,
    add: 1,
    dpmd: 4,
  },
};

/** The lexicon with each word padded by spaces once, for whole-word matching without allocation. */
const PADDED_LEXICON = Object.entries(LEXICON).flatMap(([category, words]) =>
  isCategoryId(category)
    ? [
        {
          category,
          words: Object.entries(words).map(([word, weight]) => ({ word, weight, padded: ` ${word} ` })),
        },
      ]
    : [],
);

export type CategorySuggestion = { category: CategoryId; score: number; reasons: string[] };

/** Ranks categories for a story; the best first. Empty when no word of the lexicon occurs. */
export function suggestCategories(story: string): CategorySuggestion[] {
  const text = ` ${normalize(story).replace(/[^\p{L}\p{N}]+/gu, ' ')} `;
  const out: CategorySuggestion[] = [];
  for (const { category, words } of PADDED_LEXICON) {
    let score = 0;
    const reasons: string[] = [];
    for (const { padded, word, weight } of words) {
      if (text.includes(padded)) {
        score += weight;
        reasons.push(word);
      }
    }
    if (score > 0) out.push({ category, score, reasons });
  }
  return out.sort((a, b) => b.score - a.score || a.category.localeCompare(b.category));
}

/** The agency usually complained about for a category (DOMAIN.md); a proper name, shown as a suggestion. */
export const USUAL_AGENCY: Record<CategoryId, string | null> = {
  adminduk: 'Disdukcapil',
  kesehatan: 'Dinas Kesehatan / Puskesmas / RSUD',
  jaminan_sosial: 'BPJS',
  pendidikan: 'Dinas Pendidikan',
  infrastruktur: 'Dinas PUPR',
  air_minum: 'PDAM / Perumda Air Minum',
  energi_listrik: 'PLN UID Kalselteng',
  pertanahan: 'Kantor Pertanahan (BPN)',
  kepolisian: 'Polres / Polda Kalsel',
  perizinan: 'DPMPTSP',
  bansos: 'Dinas Sosial',
  lingkungan: 'Dinas Lingkungan Hidup',
  perhubungan: 'Dinas Perhubungan',
  ketertiban: 'Satpol PP',
  kepegawaian: 'BKPSDM',
  pajak_daerah: 'Bapenda',
  ketenagakerjaan: 'Disnaker',
  desa: 'Kantor Desa/Kelurahan/Kecamatan',
  lainnya: null,
};

const AGENCY_WORDS =
  /\b(disdukcapil|dukcapil|puskesmas\s+[\p{L}]+|rsud\s+[\p{L}.]+(?:\s+[\p{L}]+)?|rumah sakit\s+[\p{L}]+|pdam|pln|bpjs(?:\s+kesehatan|\s+ketenagakerjaan)?|bpn|polres\s+[\p{L}]+|polsek\s+[\p{L}]+|polda|samsat|satpol pp|dinas\s+[\p{L}]+(?:\s+[\p{L}]+)?|sdn?\s*\d+\s*[\p{L}]*|smpn?\s*\d+\s*[\p{L}]*|sman?\s*\d+\s*[\p{L}]*|smkn?\s*\d+\s*[\p{L}]*|kantor\s+(?:desa|kelurahan|camat|kecamatan)\s*[\p{L}]*|dishub|dinsos|disnaker|bapenda|dpmptsp|bkpsdm)\b/iu;

/** An agency named in the story ("di disdukcapil", "puskesmas sungai jingah"), as the citizen wrote it. */
export function findAgencyMention(story: string): string | null {
  const m = AGENCY_WORDS.exec(story);
  return m ? m[0].trim().replace(/\s+/g, ' ') : null;
}
