// Generates src/data/agencies.json (the default agency directory) from the shared agency facts and our own naming.
//
// Usage: npx tsx src/data/gen-agencies.ts [shared-data-dir]   (default: ../shared/data next to the repo)
// Reads data/agencies/kalsel_agencies.json and kalsel_rumah_sakit_kemenkes_list.csv for facts (names, statuses,
// sources) and writes our own structure. Names the sources do not confirm are written as templates, "unconfirmed".
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CategoryId } from '../domain/categories.js';
import { KABKOTA, type Kabkota } from './regions-data.js';

// ------------------------------------------------------------------------------------------ the sources

const SharedAgencies = z.object({
  provincial_and_vertical: z.array(
    z.object({
      name: z.string(),
      status: z.string(),
      note: z.string().optional(),
      evidence: z.array(z.string()),
    }),
  ),
  per_kabkota: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      pdam: z.object({
        name: z.string().nullable(),
        status: z.string(),
        evidence: z.string(),
        note: z.string().optional(),
      }),
      opd_confirmed: z.array(
        z.object({ name: z.string(), evidence: z.string(), status: z.string().optional() }),
      ),
      opd_template_unconfirmed: z.array(z.string()),
    }),
  ),
});

const HospitalRow = z.object({
  kode_rs: z.string().regex(/^\d{7}$/),
  nama_rs: z.string().min(3),
  jenis_rs: z.string(),
  kelas: z.enum(['A', 'B', 'C', 'D']),
  pemilik: z.string(),
  kabkota_kode_from_kode_rs_prefix: z.string().regex(/^63\.\d\d$/),
});
type HospitalRow = z.infer<typeof HospitalRow>;

function readHospitals(file: string): HospitalRow[] {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const keys = (header ?? '').split(',');
  return lines.map((line) =>
    HospitalRow.parse(Object.fromEntries(line.split(',').map((v, i) => [keys[i], v]))),
  );
}

// ------------------------------------------------------------------------------------------ our structure

type Level = 'kabkota' | 'provinsi' | 'vertikal' | 'bumn' | 'bumd' | 'ombudsman';
type Status = 'confirmed' | 'unconfirmed';

type OutAgency = {
  id: string;
  name: string;
  shortName: string;
  level: Level;
  kind?: string;
  region: string | null;
  serves?: string[];
  categories: CategoryId[];
  coordinator?: true;
  status: Status;
  statusNote: string;
  source: string;
  aliases?: string[];
  hours?: Record<string, string | null>;
  answerDays?: number;
};

/** The names citizens use for each kind of office; followed by a kab/kota name they identify one office. */
const KINDS: Record<string, string[]> = {
  koordinator: [
    'pemkot',
    'pemkab',
    'pemda',
    'pemerintah kota',
    'pemerintah kabupaten',
    'setda',
    'diskominfo',
  ],
  disdukcapil: [
    'disdukcapil',
    'dukcapil',
    'capil',
    'disduk',
    'dinas kependudukan',
    'dinas kependudukan dan pencatatan sipil',
  ],
  dinkes: ['dinkes', 'dinas kesehatan'],
  rsud: ['rsud', 'rsd', 'rumah sakit umum daerah'],
  disdik: ['disdik', 'disdikbud', 'diknas', 'dinas pendidikan', 'dinas pendidikan dan kebudayaan'],
  pupr: ['pupr', 'dinas pu', 'dinas pekerjaan umum', 'dinas pekerjaan umum dan penataan ruang'],
  pdam: ['pdam', 'perumda air minum', 'pt air minum'],
  dpmptsp: ['dpmptsp', 'dpmtsp', 'dinas penanaman modal', 'dinas perizinan'],
  dinsos: ['dinsos', 'dinas sosial'],
  dlh: ['dlh', 'dinas lingkungan hidup', 'dinas lh'],
  dishub: ['dishub', 'dinas perhubungan'],
  satpolpp: ['satpol pp', 'satpol', 'pol pp', 'satuan polisi pamong praja'],
  bkpsdm: ['bkpsdm', 'bkd', 'bkpp', 'badan kepegawaian'],
  bapenda: ['bapenda', 'bpkpad', 'bppd', 'dispenda', 'badan pendapatan'],
  disnaker: ['disnaker', 'disnakertrans', 'diskopumker', 'dinas tenaga kerja', 'dinas ketenagakerjaan'],
  dpmd: ['dpmd', 'dispmd', 'dinas pmd', 'dinas pemberdayaan masyarakat'],
  kantah: ['bpn', 'atr bpn', 'kantah', 'kantor pertanahan', 'kantor bpn'],
  polres: ['polres', 'polresta', 'mapolres', 'mapolresta'],
  'bpjs-kesehatan': ['bpjs kesehatan', 'bpjs kes'],
  'bpjs-tk': ['bpjs ketenagakerjaan', 'bpjs tk', 'bpjs naker', 'bpjamsostek'],
};

type Standard = {
  kind: string;
  name: string;
  short: string;
  categories: CategoryId[];
  /** Which words in a confirmed name from the sources identify this kind of office. */
  confirmedBy: RegExp | null;
};

const STANDARD: Standard[] = [
  {
    kind: 'disdukcapil',
    name: 'Dinas Kependudukan dan Pencatatan Sipil',
    short: 'Disdukcapil',
    categories: ['adminduk'],
    confirmedBy: /Kependudukan/,
  },
  {
    kind: 'dinkes',
    name: 'Dinas Kesehatan',
    short: 'Dinkes',
    categories: ['kesehatan'],
    confirmedBy: /Dinas Kesehatan/,
  },
  {
    kind: 'disdik',
    name: 'Dinas Pendidikan',
    short: 'Disdik',
    categories: ['pendidikan'],
    confirmedBy: /Pendidikan/,
  },
  {
    kind: 'pupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
    short: 'Dinas PUPR',
    categories: ['infrastruktur'],
    confirmedBy: /PUPR|Pekerjaan Umum/,
  },
  {
    kind: 'dpmptsp',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    short: 'DPMPTSP',
    categories: ['perizinan'],
    confirmedBy: /Penanaman Modal/,
  },
  {
    kind: 'dinsos',
    name: 'Dinas Sosial',
    short: 'Dinsos',
    categories: ['bansos'],
    confirmedBy: /Dinas Sosial/,
  },
  {
    kind: 'dlh',
    name: 'Dinas Lingkungan Hidup',
    short: 'DLH',
    categories: ['lingkungan'],
    confirmedBy: /Lingkungan Hidup/,
  },
  {
    kind: 'dishub',
    name: 'Dinas Perhubungan',
    short: 'Dishub',
    categories: ['perhubungan'],
    confirmedBy: /Perhubungan/,
  },
  {
    kind: 'satpolpp',
    name: 'Satuan Polisi Pamong Praja',
    short: 'Satpol PP',
    categories: ['ketertiban'],
    confirmedBy: /Satpol PP|Pamong Praja/,
  },
  {
    kind: 'bkpsdm',
    name: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia',
    short: 'BKPSDM',
    categories: ['kepegawaian'],
    confirmedBy: /Kepegawaian/,
  },
  {
    kind: 'bapenda',
    name: 'Badan Pendapatan Daerah',
    short: 'Bapenda',
    categories: ['pajak_daerah'],
    confirmedBy: /Pendapatan/,
  },
  {
    kind: 'disnaker',
    name: 'Dinas Tenaga Kerja',
    short: 'Disnaker',
    categories: ['ketenagakerjaan'],
    confirmedBy: /Tenaga Kerja/,
  },
];

/** Kabupaten only: a kota has kelurahan, not desa (desa complaints there go to the coordinator). */
const DPMD: Standard = {
  kind: 'dpmd',
  name: 'Dinas Pemberdayaan Masyarakat dan Desa',
  short: 'DPMD',
  categories: ['desa'],
  confirmedBy: null,
};

/** Where the confirmed office carries another name than the template (several affairs in one body). */
const CONFIRMED_NAMES: Record<string, { name: string; short: string }> = {
  '63.71:disnaker': { name: 'Dinas Koperasi, Usaha Mikro dan Tenaga Kerja', short: 'Diskopumker' },
  '63.71:bapenda': { name: 'Badan Pengelolaan Keuangan, Pendapatan dan Aset Daerah', short: 'BPKPAD' },
};

/** Hospitals: short names and the distinctive parts of their names; `bare` ones are safe without "RSUD". */
const HOSPITALS: Record<string, { short: string; cores: string[]; bare: boolean }> = {
  '6301013': { short: 'RSUD H. Boejasin', cores: ['boejasin', 'h boejasin', 'bujasin'], bare: true },
  '6301020': { short: 'RSUD KH Mansyur', cores: ['kh mansyur', 'k h mansyur', 'mansyur'], bare: false },
  '6302014': {
    short: 'RSUD Pangeran Jaya Sumitra',
    cores: ['pangeran jaya sumitra', 'jaya sumitra'],
    bare: true,
  },
  '6303015': { short: 'RSUD Ratu Zalecha', cores: ['ratu zalecha', 'ratu zaleha'], bare: true },
  '6304020': { short: 'RSUD H. Abdul Aziz', cores: ['abdul aziz', 'h abdul aziz'], bare: false },
  '6305010': { short: 'RSUD Datu Sanggul', cores: ['datu sanggul'], bare: false },
  '6306011': {
    short: 'RSUD Brigjend H. Hasan Basry',
    cores: [
      'hasan basry',
      'h hasan basry',
      'brigjend h hasan basry',
      'brigjen h hasan basry',
      'brigjen hasan basry',
    ],
    bare: false,
  },
  '6306024': { short: 'RSUD Daha Sejahtera', cores: ['daha sejahtera'], bare: false },
  '6307012': { short: 'RSUD H. Damanhuri', cores: ['damanhuri', 'h damanhuri'], bare: false },
  '6308013': { short: 'RSUD Pambalah Batung', cores: ['pambalah batung'], bare: true },
  '6309014': {
    short: 'RSUD H. Badaruddin Kasim',
    cores: ['badaruddin kasim', 'badarudin kasim'],
    bare: true,
  },
  '6310015': {
    short: 'RSUD dr. H. Andi Abdurrahman Noor',
    cores: ['andi abdurrahman noor', 'andi abdurahman noor'],
    bare: true,
  },
  '6311016': { short: 'RSUD Balangan', cores: [], bare: false },
  '6371156': { short: 'RSUD Sultan Suriansyah', cores: ['sultan suriansyah'], bare: false },
  '6372014': { short: 'RSUD Idaman Banjarbaru', cores: ['idaman'], bare: false },
  '6371013': { short: 'RSUD Ulin Banjarmasin', cores: ['ulin'], bare: false },
  '6371072': {
    short: 'RSUD Ansari Saleh',
    cores: ['ansari saleh', 'moch ansari saleh', 'h moch ansari saleh'],
    bare: false,
  },
  '6304016': { short: 'RSJ Sambang Lihum', cores: ['sambang lihum'], bare: true },
  '6371153': { short: 'RSGM Gusti Hasan Aman', cores: ['gusti hasan aman'], bare: true },
};
const HOSPITAL_PREFIXES = [
  'rsud',
  'rsd',
  'rsu',
  'rs',
  'rsj',
  'rsgm',
  'rumah sakit',
  'rumah sakit umum daerah',
];
const PROVINCIAL_HOSPITAL_IDS: Record<string, string> = {
  '6371013': 'prov-rsud-ulin',
  '6371072': 'prov-rsud-ansari-saleh',
  '6304016': 'prov-rsj-sambang-lihum',
  '6371153': 'prov-rsgm-gusti-hasan-aman',
};

const POLRES: Record<string, { short: string; status: Status; statusNote: string; source: string }> = {
  '63.71': {
    short: 'Polresta Banjarmasin',
    status: 'confirmed',
    statusNote: 'confirmed (Aduan source search; not in the shared list)',
    source: 'kalsel.antaranews.com/amp/berita/405174 (2024)',
  },
  '63.72': {
    short: 'Polres Banjarbaru',
    status: 'confirmed',
    statusNote: 'confirmed (Aduan source search; not in the shared list)',
    source:
      'kalimantanpost.com 2025/03; newspatroli.com 2022: wilayah hukum includes Kec. Aluh Aluh and Beruntung Baru (Kab. Banjar)',
  },
  '63.03': {
    short: 'Polres Banjar',
    status: 'confirmed',
    statusNote: 'confirmed (Aduan source search; not in the shared list)',
    source: 'bidhumaspoldakalsel.com 2020/12 (polsek jajaran); infopublik.banjarkab.go.id 2025',
  },
  '63.07': {
    short: 'Polres Hulu Sungai Tengah',
    status: 'confirmed',
    statusNote: 'confirmed_name_dated (Aduan source search, 2019)',
    source: 'banjarmasin.tribunnews.com 2019/12/19',
  },
};

/** Kecamatan of Kabupaten Banjar policed by Polres Banjarbaru (newspatroli.com, 2022). */
const POLRES_BANJARBARU_KECAMATAN = ['63.03.01', '63.03.13'];

const BPJS_KESEHATAN_BANJARMASIN = ['63.71', '63.72', '63.03', '63.01', '63.10', '63.02', '63.04'];
const BPJS_KESEHATAN_BARABAI = ['63.05', '63.06', '63.07', '63.08', '63.09', '63.11'];

/**
 * Our display name for each kab/kota's water utility (null: the sources name none, a template is written).
 * Kabupaten Banjar has no entry: PT Air Minum Intan Banjar (63.72) is mapped to it.
 */
const PDAM_NAMES: Record<string, string | null> = {
  '63.01': null,
  '63.02': 'PDAM Kabupaten Kotabaru',
  '63.04': null,
  '63.05': 'PDAM Kabupaten Tapin',
  '63.06': 'PDAM Kabupaten Hulu Sungai Selatan (Kandangan)',
  '63.07': 'PDAM Kabupaten Hulu Sungai Tengah (Barabai)',
  '63.08': 'PDAM Kabupaten Hulu Sungai Utara (Amuntai)',
  '63.09': 'PDAM Kabupaten Tabalong',
  '63.10': 'PDAM Kabupaten Tanah Bumbu',
  '63.11': 'PDAM Kabupaten Balangan',
  '63.71': 'PT Air Minum Bandarmasih (Perseroda)',
  '63.72': 'PT Air Minum Intan Banjar (Perseroda)',
};

const TEMPLATE_SOURCE = 'kab/kota OPD nomenclature template; the shared sources list it as template only';

// ------------------------------------------------------------------------------------------ helpers

const digits = (code: string) => code.replace('.', '');
const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
const clip = (s: string, n = 200) => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);
const unique = (xs: string[]) => [...new Set(xs.map(words))];
const GENERIC = new Set(['pdam', 'kabupaten', 'kota', 'pt', 'air', 'minum', 'perseroda']);
const sharesWord = (a: string, b: string) =>
  words(a)
    .split(' ')
    .some((w) => !GENERIC.has(w) && words(b).split(' ').includes(w));

function pemda(k: Kabkota): { long: string; short: string } {
  return k.type === 'kota'
    ? { long: `Pemerintah Kota ${k.shortName}`, short: `Pemkot ${k.shortName}` }
    : { long: `Pemerintah Kabupaten ${k.shortName}`, short: `Pemkab ${k.shortName}` };
}

function hospitalAliases(kode: string): string[] {
  const h = HOSPITALS[kode];
  if (!h) throw new Error(`hospital ${kode} has no entry in HOSPITALS: add its short name and aliases`);
  return unique([
    ...h.cores.flatMap((core) => HOSPITAL_PREFIXES.map((p) => `${p} ${core}`)),
    ...(h.bare ? h.cores : []),
  ]);
}

const hospitalName = (row: HospitalRow) =>
  row.nama_rs
    .replace(/^RS Umum Daerah /, 'RSUD ')
    .replace(/^RS Umum /, 'RSU ')
    .replace(/^RS Jiwa /, 'RSJ ')
    .replace(/\bBrigjed\b/, 'Brigjend'); // a typo in the list

function provincialAliases(stems: string[]): string[] {
  const places = ['provinsi', 'prov', 'kalsel', 'provinsi kalsel', 'provinsi kalimantan selatan'];
  return unique(stems.flatMap((s) => places.map((p) => `${s} ${p}`)));
}

function findShared<T extends { name: string }>(items: T[], pattern: RegExp): T {
  const item = items.find((i) => pattern.test(i.name));
  if (!item) throw new Error(`the shared agency list no longer names ${pattern}`);
  return item;
}

/** Statuses the sources give; the name counts as confirmed only for these (and not when flagged as outdated). */
const CONFIRMED_STATUSES = new Set(['confirmed', 'confirmed_name_dated', 'confirmed_name_only']);

// ------------------------------------------------------------------------------------------ build

function build(shared: z.infer<typeof SharedAgencies>, hospitals: HospitalRow[]): OutAgency[] {
  const out: OutAgency[] = [];
  const pv = shared.provincial_and_vertical;

  for (const k of KABKOTA) {
    const d = digits(k.code);
    const facts = shared.per_kabkota.find((p) => p.kode === k.code);
    if (!facts) throw new Error(`no shared facts for ${k.code}`);
    const p = pemda(k);

    out.push({
      id: `${d}-koordinator`,
      name: `Pengelola Pengaduan SP4N-LAPOR! ${p.long}`,
      shortName: `Admin LAPOR! ${p.short}`,
      level: 'kabkota',
      kind: 'koordinator',
      region: k.code,
      categories: k.type === 'kota' ? ['lainnya', 'desa'] : ['lainnya'],
      coordinator: true,
      status: 'unconfirmed',
      statusNote: 'pattern_only',
      source:
        'SP4N-LAPOR! admin of the pemda (DOMAIN.md); which office holds it (Diskominfo or Setda) is not confirmed',
    });

    for (const s of k.type === 'kabupaten' ? [...STANDARD, DPMD] : STANDARD) {
      const confirmed = s.confirmedBy
        ? facts.opd_confirmed.find((o) => s.confirmedBy?.test(o.name))
        : undefined;
      const implied = confirmed?.status === 'implied';
      const named = CONFIRMED_NAMES[`${k.code}:${s.kind}`];
      if (named && !confirmed)
        throw new Error(`${k.code}:${s.kind} has a confirmed name but no confirming source`);
      out.push({
        id: `${d}-${s.kind}`,
        name: `${named?.name ?? s.name} ${k.name}`,
        shortName: `${named?.short ?? s.short} ${k.name}`,
        level: 'kabkota',
        kind: s.kind,
        region: k.code,
        categories: s.categories,
        status: confirmed && !implied ? 'confirmed' : 'unconfirmed',
        statusNote: confirmed ? (implied ? 'implied' : 'confirmed') : 'template',
        source: confirmed ? clip(confirmed.evidence) : TEMPLATE_SOURCE,
      });
    }

    const own = hospitals
      .filter((h) => h.kabkota_kode_from_kode_rs_prefix === k.code && /^Pem(kab|kot)$/.test(h.pemilik))
      .sort((a, b) => a.kelas.localeCompare(b.kelas));
    own.forEach((h, i) => {
      const short = HOSPITALS[h.kode_rs]?.short ?? hospitalName(h);
      out.push({
        id: i === 0 ? `${d}-rsud` : `${d}-rsud-${words(short.replace(/^RSUD /, '')).replace(/ /g, '-')}`,
        name: `${hospitalName(h)} (${k.name})`,
        shortName: short,
        level: 'kabkota',
        ...(i === 0 ? { kind: 'rsud' } : {}),
        region: k.code,
        categories: ['kesehatan'],
        status: 'confirmed',
        statusNote: 'confirmed',
        source: `Kemenkes RS list: kode_rs ${h.kode_rs}, kelas ${h.kelas}, ${h.pemilik}`,
        aliases: hospitalAliases(h.kode_rs),
      });
    });

    const pdam = facts.pdam;
    const pdamName = PDAM_NAMES[k.code];
    if (pdamName !== undefined) {
      if (pdam.name !== null && pdamName !== null && !sharesWord(pdam.name, pdamName)) {
        throw new Error(`${k.code}: the shared PDAM name "${pdam.name}" no longer matches "${pdamName}"`);
      }
      const outdated = /current name unverified/.test(pdam.note ?? '');
      const banjar = shared.per_kabkota.find((p) => p.kode === '63.03')?.pdam;
      out.push({
        id: `${d}-pdam`,
        name: pdamName ?? `Perumda Air Minum ${k.name}`,
        shortName: (pdamName ?? `Perumda Air Minum ${k.name}`).replace(/ \(Perseroda\)$/, ''),
        level: 'bumd',
        kind: 'pdam',
        region: k.code,
        // Intan Banjar (Banjarbaru) is taken to serve Kabupaten Banjar too; the sources call that weak.
        ...(k.code === '63.72' ? { serves: ['63.72', '63.03'] } : {}),
        categories: ['air_minum'],
        status: CONFIRMED_STATUSES.has(pdam.status) && !outdated ? 'confirmed' : 'unconfirmed',
        statusNote: pdam.name === null ? 'unconfirmed: no name in the sources (template)' : pdam.status,
        source: clip(
          [
            pdam.evidence,
            pdam.note,
            k.code === '63.72' && banjar ? `Kab. Banjar (${banjar.status}): ${banjar.evidence}` : '',
          ]
            .filter(Boolean)
            .join('; '),
          300,
        ),
        ...(k.code === '63.71' ? { aliases: ['bandarmasih', 'pdam bandarmasih'] } : {}),
        ...(k.code === '63.72' ? { aliases: ['intan banjar', 'pdam intan banjar'] } : {}),
      });
    }

    const kantah = findShared(pv, /Badan Pertanahan/);
    out.push({
      id: `${d}-kantah`,
      name: `Kantor Pertanahan ${k.name}`,
      shortName: `BPN ${k.name}`,
      level: 'vertikal',
      kind: 'kantah',
      region: k.code,
      categories: ['pertanahan'],
      status: 'unconfirmed',
      statusNote: kantah.status,
      source: clip(`naming pattern: ${kantah.evidence[0]}`),
    });

    const polres = POLRES[k.code];
    const polresShort = polres?.short ?? `Polres ${k.shortName}`;
    out.push({
      id: `${d}-polres`,
      name: `Kepolisian Resor ${polresShort.startsWith('Polresta') ? 'Kota ' : ''}${k.shortName} (${polresShort})`,
      shortName: polresShort,
      level: 'vertikal',
      kind: 'polres',
      region: k.code,
      ...(k.code === '63.72' ? { serves: ['63.72', ...POLRES_BANJARBARU_KECAMATAN] } : {}),
      categories: ['kepolisian'],
      status: polres?.status ?? 'unconfirmed',
      statusNote: polres?.statusNote ?? 'pattern_only',
      source:
        polres?.source ??
        'one Polres per kab/kota under Polda Kalsel (pattern); the name is not in the sources',
    });
  }

  for (const h of hospitals.filter((r) => r.pemilik === 'Pemprop')) {
    const id = PROVINCIAL_HOSPITAL_IDS[h.kode_rs];
    if (!id) throw new Error(`provincial hospital ${h.kode_rs} has no id in PROVINCIAL_HOSPITAL_IDS`);
    out.push({
      id,
      name: `${hospitalName(h)} (Pemprov Kalsel)`,
      shortName: HOSPITALS[h.kode_rs]?.short ?? hospitalName(h),
      level: 'provinsi',
      region: null,
      categories: ['kesehatan'],
      status: 'confirmed',
      statusNote: 'confirmed',
      source: `Kemenkes RS list: kode_rs ${h.kode_rs}, kelas ${h.kelas}, Pemprop; located in ${h.kabkota_kode_from_kode_rs_prefix}`,
      aliases: hospitalAliases(h.kode_rs),
    });
  }

  const weakProv = findShared(pv, /Dinas Pendidikan Provinsi/);
  out.push({
    id: 'prov-disdik',
    name: 'Dinas Pendidikan Provinsi Kalimantan Selatan',
    shortName: 'Disdik Provinsi Kalsel',
    level: 'provinsi',
    region: null,
    categories: ['pendidikan'],
    status: 'unconfirmed',
    statusNote: weakProv.status,
    source:
      'SMA/SMK/SLB are provincial (DOMAIN.md); the name only seen as a GitHub repo name (shared list: weak)',
    aliases: provincialAliases(KINDS.disdik ?? []),
  });
  out.push({
    id: 'prov-bapenda',
    name: 'Badan Pendapatan Daerah Provinsi Kalimantan Selatan (Samsat)',
    shortName: 'Bapenda Provinsi Kalsel (Samsat)',
    level: 'provinsi',
    region: null,
    categories: ['pajak_daerah'],
    status: 'unconfirmed',
    statusNote: 'pattern_only',
    source: 'vehicle tax / Samsat is provincial (DOMAIN.md); the office name is not in the sources',
    aliases: unique([...provincialAliases(KINDS.bapenda ?? []), 'uppd samsat', 'kantor samsat']),
  });
  out.push({
    id: 'prov-pupr',
    name: 'Dinas Pekerjaan Umum dan Penataan Ruang Provinsi Kalimantan Selatan',
    shortName: 'Dinas PUPR Provinsi Kalsel',
    level: 'provinsi',
    region: null,
    categories: ['infrastruktur'],
    status: 'unconfirmed',
    statusNote: 'pattern_only',
    source: 'provincial roads belong to the province (DOMAIN.md); the office name is not in the sources',
    aliases: provincialAliases(KINDS.pupr ?? []),
  });

  out.push({
    id: 'prov-dishub',
    name: 'Dinas Perhubungan Provinsi Kalimantan Selatan',
    shortName: 'Dishub Provinsi Kalsel',
    level: 'provinsi',
    region: null,
    categories: ['perhubungan'],
    status: 'unconfirmed',
    statusNote: 'pattern_only',
    source:
      'AKDP buses and the Trans Banjarbakula service are provincial; the office name is not in the sources',
    aliases: provincialAliases(KINDS.dishub ?? []),
  });

  const polda = findShared(pv, /Polda Kalsel/);
  out.push({
    id: 'polda-kalsel',
    name: 'Kepolisian Daerah Kalimantan Selatan',
    shortName: 'Polda Kalsel',
    level: 'vertikal',
    region: null,
    categories: ['kepolisian'],
    status: 'confirmed',
    statusNote: polda.status,
    source: clip(`${polda.evidence[0]}; ${polda.note ?? ''}`),
    aliases: [
      'polda',
      'mapolda',
      'kepolisian daerah',
      'ditlantas',
      'ditreskrimum',
      'ditreskrimsus',
      'ditresnarkoba',
    ],
    // TR Kapolda 11 Feb 2025: non-emergency complaints answered within 24 hours.
    answerDays: 1,
  });

  const kanwil = findShared(pv, /Badan Pertanahan/);
  out.push({
    id: 'kanwil-bpn-kalsel',
    name: 'Kantor Wilayah Badan Pertanahan Nasional Provinsi Kalimantan Selatan',
    shortName: 'Kanwil BPN Kalsel',
    level: 'vertikal',
    region: null,
    categories: ['pertanahan'],
    status: 'unconfirmed',
    statusNote: kanwil.status,
    source: clip(kanwil.evidence.join('; ')),
    aliases: ['kanwil bpn', 'kanwil atr bpn', 'kantor wilayah bpn', 'kanwil pertanahan'],
  });

  out.push({
    id: 'bpjn-kalsel',
    name: 'Balai Pelaksanaan Jalan Nasional Kalimantan Selatan',
    shortName: 'BPJN Kalsel',
    level: 'vertikal',
    region: null,
    categories: ['infrastruktur'],
    status: 'unconfirmed',
    statusNote: 'pattern_only',
    source:
      'national roads (Trans-Kalimantan, Jl. A. Yani km …) belong to the PUPR ministry’s balai; not in the sources',
    aliases: ['bpjn', 'bbpjn', 'balai jalan', 'balai jalan nasional', 'balai pelaksanaan jalan nasional'],
  });

  const bjm = findShared(pv, /BPJS Kesehatan Kantor Cabang Banjarmasin/);
  const bbi = findShared(pv, /BPJS Kesehatan Kantor Cabang Barabai/);
  out.push(
    {
      id: 'bpjs-kesehatan-banjarmasin',
      name: 'BPJS Kesehatan Kantor Cabang Banjarmasin',
      shortName: 'BPJS Kesehatan Banjarmasin',
      level: 'vertikal',
      kind: 'bpjs-kesehatan',
      region: '63.71',
      serves: BPJS_KESEHATAN_BANJARMASIN,
      categories: ['jaminan_sosial'],
      status: 'confirmed',
      statusNote: bjm.status,
      source: clip(`${bjm.evidence[0]}; ${bjm.note ?? ''}`, 300),
    },
    {
      id: 'bpjs-kesehatan-barabai',
      name: 'BPJS Kesehatan Kantor Cabang Barabai',
      shortName: 'BPJS Kesehatan Barabai',
      level: 'vertikal',
      kind: 'bpjs-kesehatan',
      region: '63.07',
      serves: BPJS_KESEHATAN_BARABAI,
      categories: ['jaminan_sosial'],
      status: 'confirmed',
      statusNote: `${bbi.status}; the kab/kota it serves are implied, not stated`,
      source: clip(`${bbi.evidence[0]}; ${bbi.note ?? ''}`, 300),
    },
    {
      id: 'bpjs-tk-banjarmasin',
      name: 'BPJS Ketenagakerjaan Kantor Cabang Banjarmasin',
      shortName: 'BPJS Ketenagakerjaan Banjarmasin',
      level: 'vertikal',
      kind: 'bpjs-tk',
      region: '63.71',
      serves: KABKOTA.map((k) => k.code),
      categories: ['jaminan_sosial'],
      status: 'unconfirmed',
      statusNote: 'pattern_only',
      source:
        'branch network in Kalsel not in the sources: every kab/kota mapped to Banjarmasin until an operator corrects it',
    },
  );

  const pln = findShared(pv, /PLN/);
  out.push({
    id: 'pln-uid-kalselteng',
    name: 'PT PLN (Persero) Unit Induk Distribusi Kalimantan Selatan dan Kalimantan Tengah',
    shortName: 'PLN UID Kalselteng',
    level: 'bumn',
    region: null,
    categories: ['energi_listrik'],
    status: 'confirmed',
    statusNote: pln.status,
    source: clip(`${pln.evidence[0]}; contact center 123, PLN Mobile`),
    aliases: ['pln', 'pln uid', 'pln ulp', 'pln up3'],
    hours: {
      mon: '00:00-24:00',
      tue: '00:00-24:00',
      wed: '00:00-24:00',
      thu: '00:00-24:00',
      fri: '00:00-24:00',
      sat: '00:00-24:00',
      sun: '00:00-24:00',
    },
  });

  const omb = findShared(pv, /Ombudsman/);
  out.push({
    id: 'ombudsman-kalsel',
    name: 'Ombudsman Republik Indonesia Perwakilan Kalimantan Selatan',
    shortName: 'Ombudsman RI Kalsel',
    level: 'ombudsman',
    region: null,
    categories: ['lainnya'],
    status: 'confirmed',
    statusNote: omb.status,
    source: clip(`Jl. S. Parman No. 57, Banjarmasin; ${omb.evidence[0]}`),
  });

  return out;
}

// ------------------------------------------------------------------------------------------ main

const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '..', '..');
const dataDir = resolve(process.argv[2] ?? join(repo, '..', 'shared', 'data'));
const shared = SharedAgencies.parse(
  JSON.parse(readFileSync(join(dataDir, 'agencies', 'kalsel_agencies.json'), 'utf8')),
);
const hospitals = readHospitals(join(dataDir, 'agencies', 'kalsel_rumah_sakit_kemenkes_list.csv'));
const agencies = build(shared, hospitals);

const file = join(here, 'agencies.json');
const doc = {
  about:
    'Aduan agency directory. GENERATED by src/data/gen-agencies.ts from the shared Kalsel agency facts; operators may ' +
    'replace the whole file (AGENCIES_FILE). status "unconfirmed" = the name follows a template the sources do not ' +
    'confirm; statusNote keeps the source’s finer status. Hours are WITA. destinations: none by default (the built-in ' +
    'inbox always receives tickets).',
  defaults: {
    hours: {
      mon: '08:00-16:00',
      tue: '08:00-16:00',
      wed: '08:00-16:00',
      thu: '08:00-16:00',
      fri: '08:00-11:00',
      sat: null,
      sun: null,
    },
  },
  kinds: KINDS,
  agencies,
};
writeFileSync(file, `${JSON.stringify(doc, null, 2)}\n`);
execFileSync(join(repo, 'node_modules', '.bin', 'biome'), ['format', '--write', file], { stdio: 'inherit' });
const count = (f: (a: OutAgency) => boolean) => agencies.filter(f).length;
console.log(
  `wrote ${file}: ${agencies.length} agencies (${count((a) => a.status === 'confirmed')} confirmed, ` +
    `${count((a) => a.status === 'unconfirmed')} unconfirmed)`,
);
