// Finds which Kalsel kab/kota (and kecamatan/desa) a free-text message names: aliases, prefixes, typos and ambiguous names.
import {
  DESA,
  type Desa,
  KABKOTA,
  KECAMATAN,
  type Kabkota,
  type Kecamatan,
  PLACES,
} from '../domain/regions-data.js';
import { A_YANI_KABKOTA, LANDMARKS, type Landmark, aYaniKabkota } from './region-landmarks.js';

export type RegionMatch = {
  kabkotaCode: string;
  kecamatanCode?: string;
  desaCode?: string;
  /** The words that matched, as written in the message (several places joined by ", "). */
  matched: string;
  /** Strength of the evidence, 0..1: 0.75 is one exact unambiguous name, 1 a consistent kab/kota + kecamatan pair. */
  score: number;
};

export type AmbiguityReason = 'banjar' | 'simpang_empat' | 'alalak' | 'common_word' | 'multiple';

export type RegionResult =
  | { kind: 'found'; match: RegionMatch }
  | { kind: 'ambiguous'; candidates: RegionMatch[]; reason: AmbiguityReason }
  | { kind: 'none' };

// ------------------------------------------------------------------------------------ word knowledge

const words = (s: string): ReadonlySet<string> => new Set(s.split(' '));

/**
 * Ordinary Indonesian/Banjar words that are common inside place names. A name made only of these
 * ("Pasar Lama", "Air Tawar", "Jalan Lurus", "Simpang Empat") is not distinctive without a prefix.
 */
const GENERIC_WORDS = words(
  'a i ii iii iv sungai batu baru baharu lama kota tengah utara selatan timur barat jaya makmur sari indah ' +
    'mekar raya hulu hilir ulu ilir dalam luar besar basar kecil pasar simpang satu dua tiga empat lima ' +
    'gunung tanjung teluk pulau pantai karya sumber mulya mulia mulyo harapan pengharapan kampung ' +
    'tanah air danau muara tinggi tebing padang bukit kanan kiri ujung sejahtera subur bakti bhakti karang ' +
    'telaga banua benua hanyar anyar asri rejo agung maju damai permai bumi laut darat rantau pinang durian ' +
    'kelapa nyiur pematang handil tambak murung lok bangun tani berkat berkah rahmat sentosa mandiri bersama ' +
    'barsama lestari abadi asam binjai beringin ketapang keramat mesjid masjid pandan kupang bangkal habang ' +
    'panjang lurus jalan atas bawah merah putih kuning hijau biru hitam kembang bunga kebun rumah pagar hujan ' +
    'mas emas intan senin selasa rabu kamis jumat sabtu minggu malang tawar jawa melayu bali cahaya ' +
    'bulan surya sinar harus ulang jati kayu buah batang akar daun padi sawah pondok gudang jembatan tangga ' +
    'tembok pangkalan bandar perahu api alam tunggal garis bahagia semangat tunas perintis kencana mandala ' +
    'cermin wangi manis panas datar rata kolam sumur tali pecah piring payung papan buntu kandang haji raja ' +
    'raden pangeran gusti datu tuan patih dewa kepulauan seberang pal kali luas suka ramah asih pasir abang ' +
    'damar bakar warga paku alat bawahan burung lobang antar dukuh rimbun tulang jadi rahayu masa matang ' +
    'batas laki pakan sarang gelang dwi marga tegal irigasi',
);

/** Single-word desa names that are everyday words, other places or personal names: never matched bare. */
const COMMON_NAMES = words(
  'alat andaman andhika antasari bagus bakau bakung bata batik batuah bayur belimbing benteng bersujud ' +
    'betung bilas bungur cempaka dirgahayu gadang galam galagah gambut gemuruh halangan harusan ilung ' +
    'indrasari jambu jamil jatuh jombang juhu kalian kasai kedondong kemuning keraton kunyit labuhan langkap ' +
    'lasung madang malinau mangga manunggal mawar megasari mekarsari mustika namun nelayan paku panggung ' +
    'parigi paul pemuda penghulu pudak purut rintisan salaman sampurna sarikandi sawahan sepakat setiap sirap ' +
    'sirih stagen sukadana sukamaju sukaramai sungkai suryatama tabat tambangan tatakan telagasari wanasari ' +
    'dwipasari mandarsari damsari komet gandaria pimping lepasan baroqah tamiang ambawang ' +
    'pagaruyung purwodadi sungsum darussalam jangkung karuh',
);

/** Kecamatan names that are also ordinary words or shared with other places: weak without "kecamatan". */
const WEAK_KECAMATAN: ReadonlySet<string> = new Set([
  'tanjung',
  'gambut',
  'cempaka',
  'angsana',
  'kuranji',
  'bungur',
  'tamban',
  'mekarsari',
  'bakumpai',
  'halong',
  'kurau',
  'simpur',
  'alalak',
  'tambangulang',
]);

/** Kecamatan named like a flower, tree or fish: a place after "di", "ke", "dari"… (or an office word). */
const PLACE_AFTER_LOCATIVE = words(
  'cempaka angsana kuranji bungur tamban bakumpai halong kurau simpur tambangulang',
);

/** Capital towns named like ordinary words ("tanjung" cape, "rantau" abroad): towns on a trip's ends. */
const WORD_LIKE_CAPITALS = words('tanjung rantau');

/** Names whose ordinary sense also follows "di" ("di rantau", "api di gambut"): places after an office word. */
const PLACE_AFTER_OFFICE: ReadonlySet<string> = new Set([
  ...PLACE_AFTER_LOCATIVE,
  ...WORD_LIKE_CAPITALS,
  'gambut',
]);

/** Kecamatan made of ordinary words that together name nothing else: strong without "kecamatan". */
const DISTINCTIVE_KECAMATAN = words(
  'karangintan muaraharus pulaulautbarat pulaulautselatan pulaulauttimur pulaulauttengah pulaulautkepulauan',
);

/** Offices and public facilities: a town named right after one is where the office is ("capil tanjung"). */
const OFFICE_WORDS = words(
  'capil dukcapil disdukcapil samsat rsud rs rsu puskesmas pkm pustu polres polresta polsek kejari ' +
    'kejaksaan pengadilan pn bpn pdam pln ulp kantor dinas dinkes disdik dishub pupr satpol pp bapenda ' +
    'bkpsdm bkd dprd pemda bupati camat lurah pasar terminal pelabuhan bandara sekolah sd sdn smp smpn sma ' +
    'sman smk smkn man mts mtsn min slb madrasah pesantren kampus universitas stadion bank bri bni pos kua ' +
    'imigrasi lapas rutan spbu bpjs kodim koramil',
);

/** Words between an office word and its town: "SMA negeri 1 di Rantau". */
const OFFICE_FILLERS = words('negeri n');
const NUMBER = /^\d{1,2}$/;

/** Prepositions of place; after one, a name like an ordinary word is read as a place. */
const LOCATIVES = words('di ke ka dari dr daerah wilayah kawasan sekitar menuju arah');

/** Words before a destination ("dirujuk ke bjm"): the incident is usually elsewhere. */
const DESTINATIONS = words('ke ka menuju arah tujuan');

/** Verbs that send a patient elsewhere, and the words that name where to ("dibawa ke rumah sakit di X"). */
const REFERRALS = words('rujuk dirujuk merujuk dibawa diantar dilarikan');
const FACILITY_WORDS: ReadonlySet<string> = new Set([...OFFICE_WORDS, ...words('rumah sakit umum')]);

/** Words before a former place ("alamat lama di Batola", "asal Barabai"). */
const FORMER = words('asal dulu dahulu sebelumnya eks pindahan');
const FORMER_OF_LAMA = words('alamat ktp kk domisili');

/** The ends of a trip ("bus ke bjm dr tanjung"): a capital named like a word is a town here. */
const ROUTE_ENDS = words('dari dr ke ka menuju');
const HOMECOMING = words('pulang balik kembali mudik');

/** Ordinary words one typo away from a place name: never read as a misspelt place. */
const NOT_TYPOS = words(
  'banjir bancar bantar belakang bintang kitap kurangi taman tambah tambak tambal tambang tampan kandang ' +
    'barang bandara pengalaman perumahan pengembangan penambangan sumbangan tindakan sempurna melintang manapun',
);

/** Names whose ambiguity has its own reason, keyed by the compact name. */
const REASON_BY_KEY: ReadonlyMap<string, AmbiguityReason> = new Map([
  ['banjar', 'banjar'],
  ['alalak', 'alalak'],
  ['simpangempat', 'simpang_empat'],
]);

type Context = { readonly before?: ReadonlySet<string>; readonly after?: ReadonlySet<string> };
const TREES = words('pohon kayu bunga daun batang buah');

/** Neighbouring words that show a bare name is not a place here ("bahasa banjar", "di rantau orang"). */
const NOT_A_PLACE: ReadonlyMap<string, Context> = new Map([
  [
    'banjar',
    {
      before: words(
        'bahasa basa urang orang org suku adat budaya lagu masakan kue wadai logat dialek kesultanan kerajaan ' +
          'sultan tradisi etnis seni pantun tari rumah bubuhan dangsanak khas kuliner ala cara gaya bangsa',
      ),
    },
  ],
  ['rantau', { before: words('tanah anak perantauan merantau perantau'), after: words('orang urang org') }],
  [
    'tanjung',
    {
      after: words(
        'priok perak pinang redeb selor balai karang enim duren mas emas uban morawa barat pandan',
      ),
    },
  ],
  [
    'gambut',
    {
      before: words('lahan tanah hutan kebakaran rawa karhutla restorasi ekosistem kubah'),
      after: words('terbakar kering basah'),
    },
  ],
  [
    'cempaka',
    { before: words('bunga kembang pohon wangi'), after: words('putih kuning wangi raya indah sari') },
  ],
  ['tamban', { before: words('ikan iwak') }],
  ['kurau', { before: words('ikan iwak') }],
  ['simpur', { before: TREES }],
  ['angsana', { before: TREES }],
  ['kuranji', { before: TREES }],
  ['bungur', { before: TREES }],
  ['bakumpai', { before: words('suku orang urang bahasa dayak bubuhan') }],
  ['halong', { before: words('teluk') }],
  ['martapura', { before: words('sungai') }],
]);

/** Words after which a name is a street or housing estate, not where the thing happened. */
const STREET_WORDS = words('jalan jl jln gang gg komplek kompleks komp perum perumahan blok lorong');

type Prefix = 'kab' | 'kota' | 'kec' | 'desa';

const PREFIXES: ReadonlyMap<string, Prefix> = new Map([
  ['kabupaten', 'kab'],
  ['kab', 'kab'],
  ['kabupatan', 'kab'],
  ['pemkab', 'kab'],
  ['kota', 'kota'],
  ['kotamadya', 'kota'],
  ['pemkot', 'kota'],
  ['pemko', 'kota'],
  ['kecamatan', 'kec'],
  ['kec', 'kec'],
  ['kecamtan', 'kec'],
  ['kecamatn', 'kec'],
  ['kcmtn', 'kec'],
  ['desa', 'desa'],
  ['ds', 'desa'],
  ['kelurahan', 'desa'],
  ['kel', 'desa'],
  ['kelurhan', 'desa'],
  ['kalurahan', 'desa'],
]);

/** Spellings folded before matching, in the text and in the names alike. */
const SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['sei', 'sungai'],
  ['sungei', 'sungai'],
]);

// ------------------------------------------------------------------------------------------ tokens

/**
 * `joined`: nothing but spaces, hyphens or an abbreviation's dot separate this word from the previous one.
 * `titled`: written with a capital first letter and not all in capitals.
 */
type Token = {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  readonly joined: boolean;
  readonly titled: boolean;
};

const WORD = /[\p{L}\p{N}]+(?:['\u2019`\u02BC][\p{L}\p{N}]+)*/gu;
const MARKS = /\p{M}/gu;
const APOSTROPHES = /['\u2019`\u02BC]/g;
const HARD_BREAK = /[^\s\-.]/u;
const TITLE_CASE = /^\p{Lu}(?!\p{Lu}+$)/u;
const MAX_ABBREVIATION = 3;

function fold(word: string): string {
  const w = word.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '');
  return SPELLINGS.get(w) ?? w;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let last = 0;
  let lastLength = 0;
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const gap = text.slice(last, start);
    const joined =
      out.length > 0 && !HARD_BREAK.test(gap) && (!gap.includes('.') || lastLength <= MAX_ABBREVIATION);
    out.push({ word: fold(m[0]), start, end: start + m[0].length, joined, titled: TITLE_CASE.test(m[0]) });
    last = start + m[0].length;
    lastLength = m[0].length;
  }
  return out;
}

const nameWords = (name: string): string[] => tokenize(name).map((t) => t.word);

// ------------------------------------------------------------------------------------------- index

type Level = 'kabkota' | 'kecamatan' | 'desa' | 'place';

/** How a name counts: strong decides alone (3), distinct is a bare desa name (2), weak and refine count 1. */
type Use = 'strong' | 'distinct' | 'weak' | 'refine' | 'none';

const WEIGHT: Readonly<Record<Use, number>> = { strong: 3, distinct: 2, weak: 1, refine: 1, none: 0 };

type Target = {
  readonly level: Level;
  readonly kabkotaCode: string;
  readonly kecamatanCode?: string;
  readonly desaCode?: string;
  /** Use without a prefix word. */
  readonly plain: Use;
  /** Prefix words that name this target's level, and the use after one of them. */
  readonly prefixes: ReadonlySet<Prefix>;
  readonly prefixed: Use;
  /** Counts only when nothing else in the message names a kab/kota. */
  readonly fallback?: boolean;
  /** Counts only when every word is written in title case. */
  readonly titled?: boolean;
  /** Use without a prefix when every word is written in title case (a unique village name of ordinary words). */
  readonly titledUse?: Use;
};

const NO_PREFIX: ReadonlySet<Prefix> = new Set();
const INDEX = new Map<string, Target[]>();

function addTarget(key: string, target: Target): void {
  const list = INDEX.get(key) ?? [];
  const same = list.findIndex(
    (t) =>
      t.level === target.level &&
      t.kabkotaCode === target.kabkotaCode &&
      t.kecamatanCode === target.kecamatanCode &&
      t.desaCode === target.desaCode,
  );
  if (same < 0) list.push(target);
  else if (WEIGHT[target.plain] > WEIGHT[list[same]?.plain ?? 'none']) list[same] = target;
  INDEX.set(key, list);
}

const compact = (name: string): string => nameWords(name).join('');
const isGeneric = (ws: readonly string[]): boolean => ws.every((w) => GENERIC_WORDS.has(w));

for (const kab of KABKOTA) {
  const capital = compact(kab.capital);
  for (const alias of [{ text: kab.name, strength: 'strong' as const }, ...kab.aliases]) {
    const key = compact(alias.text);
    const prefixes = new Set<Prefix>([kab.type === 'kota' ? 'kota' : 'kab']);
    if (key === capital) prefixes.add('kota');
    addTarget(key, {
      level: 'kabkota',
      kabkotaCode: kab.code,
      plain: alias.strength,
      prefixes,
      prefixed: 'strong',
    });
  }
}

const KEC_PREFIX: ReadonlySet<Prefix> = new Set(['kec']);
for (const kec of KECAMATAN) {
  const ws = nameWords(kec.name);
  const key = ws.join('');
  const plain =
    WEAK_KECAMATAN.has(key) || (isGeneric(ws) && !DISTINCTIVE_KECAMATAN.has(key)) ? 'weak' : 'strong';
  addTarget(key, {
    level: 'kecamatan',
    kabkotaCode: kec.kabkotaCode,
    kecamatanCode: kec.code,
    plain,
    prefixes: KEC_PREFIX,
    prefixed: 'strong',
  });
}

for (const place of PLACES) {
  addTarget(compact(place.text), {
    level: 'place',
    kabkotaCode: place.kabkotaCode,
    ...(place.kecamatanCode === undefined ? {} : { kecamatanCode: place.kecamatanCode }),
    plain: place.strength,
    prefixes: NO_PREFIX,
    prefixed: 'none',
  });
}

/** kab/kota of every strong bare kab/kota, kecamatan or place name, before desa names join the index. */
const STRONG_NAME_KAB = new Map<string, ReadonlySet<string>>();
for (const [key, targets] of INDEX) {
  const kabs = new Set(targets.filter((t) => t.plain === 'strong').map((t) => t.kabkotaCode));
  if (kabs.size > 0) STRONG_NAME_KAB.set(key, kabs);
}

const desaKeyCount = new Map<string, number>();
for (const d of DESA) {
  const key = compact(d.name);
  desaKeyCount.set(key, (desaKeyCount.get(key) ?? 0) + 1);
}

/** True when a part of the name is a strong name of another kab/kota ("Kandangan Baru" in Tanah Laut). */
function containsOtherPlace(ws: readonly string[], kabkotaCode: string): boolean {
  for (let i = 0; i < ws.length; i++) {
    for (let j = i + 1; j <= ws.length; j++) {
      if (j - i === ws.length) continue;
      const kabs = STRONG_NAME_KAB.get(ws.slice(i, j).join(''));
      if (kabs && !kabs.has(kabkotaCode)) return true;
    }
  }
  return false;
}

/** Words that make one village of a family ("Pantai Hambawang Barat", "… Timur"). */
const FAMILY_SUFFIX = new Set([
  'barat',
  'timur',
  'utara',
  'selatan',
  'tengah',
  'hulu',
  'hilir',
  'ulu',
  'ilir',
  'i',
  'ii',
  'iii',
]);

/** A village name's stem → the kab/kota whose villages carry it with a suffix ("Pantai Hambawang" → HST). */
const STEM_KABS = new Map<string, Set<string>>();
for (const d of DESA) {
  const ws = nameWords(d.name);
  if (ws.length < 2 || !FAMILY_SUFFIX.has(ws.at(-1) ?? '')) continue;
  const stem = ws.slice(0, -1).join('');
  const kabs = STEM_KABS.get(stem) ?? new Set<string>();
  kabs.add(d.kecamatanCode.slice(0, 5));
  STEM_KABS.set(stem, kabs);
}

function plainDesaUse(ws: readonly string[], key: string, kabkotaCode: string): Use {
  const single = ws.length === 1;
  const word = ws[0] ?? '';
  if (single && (GENERIC_WORDS.has(word) || COMMON_NAMES.has(word) || word.length < 5)) return 'none';
  if (INDEX.has(key) || (desaKeyCount.get(key) ?? 0) > 1) return 'refine';
  // "Pantai Hambawang" is a village in Barito Kuala, and "Pantai Hambawang Barat/Timur" are in HST: unsure alone.
  if ([...(STEM_KABS.get(key) ?? [])].some((k) => k !== kabkotaCode)) return 'refine';
  if (!single && (isGeneric(ws) || containsOtherPlace(ws, kabkotaCode))) return 'refine';
  return 'distinct';
}

/** "Sungai Malang", "Kebun Bunga": a name of ordinary words, unique in Kalsel, is that village when written as a name. */
function titledDesaUse(ws: readonly string[], key: string, kabkotaCode: string): Use | undefined {
  if (ws.length < 2 || !isGeneric(ws) || containsOtherPlace(ws, kabkotaCode)) return undefined;
  if (INDEX.has(key) || (desaKeyCount.get(key) ?? 0) > 1) return undefined;
  if ([...(STEM_KABS.get(key) ?? [])].some((k) => k !== kabkotaCode)) return undefined;
  return 'distinct';
}

const DESA_PREFIX: ReadonlySet<Prefix> = new Set(['desa']);
for (const d of DESA) {
  const ws = nameWords(d.name);
  const key = ws.join('');
  const kabkotaCode = d.kecamatanCode.slice(0, 5);
  const word = ws.length === 1 ? (ws[0] ?? '') : '';
  addTarget(key, {
    level: 'desa',
    kabkotaCode,
    kecamatanCode: d.kecamatanCode,
    desaCode: d.code,
    plain: plainDesaUse(ws, key, kabkotaCode),
    ...(titledDesaUse(ws, key, kabkotaCode) === undefined ? {} : { titledUse: 'distinct' as const }),
    prefixes: DESA_PREFIX,
    prefixed: GENERIC_WORDS.has(word) || COMMON_NAMES.has(word) ? 'refine' : 'strong',
  });
}

const STREET_FORMS = ['Jalan', 'Jl', 'Jln'];
/** Hospitals named after a person are written with the person's titles too: "RSUD H. Badaruddin", "RSUD dr. H. …". */
const PERSON_NAMED = /^(RSUD|RSD|RS) (.+)$/;
const TITLES = ['H', 'Dr', 'Dr H', 'Hj', 'Drs H', 'Ir H'];
const landmarkNames = (l: Landmark): string[] => {
  if (l.street) return STREET_FORMS.map((s) => `${s} ${l.text}`);
  const person = PERSON_NAMED.exec(l.text);
  return person ? [l.text, ...TITLES.map((t) => `${person[1]} ${t} ${person[2]}`)] : [l.text];
};

/** Landmarks join last: a desa named like one ("Kuin Besar") keeps its own reading. */
for (const l of LANDMARKS) {
  for (const name of landmarkNames(l)) {
    addTarget(compact(name), {
      level: 'place',
      kabkotaCode: l.kabkotaCode,
      ...(l.kecamatanCode === undefined ? {} : { kecamatanCode: l.kecamatanCode }),
      plain: l.strength === 'strong' ? 'strong' : 'distinct',
      prefixes: NO_PREFIX,
      prefixed: 'none',
      fallback: l.strength === 'fallback',
      titled: l.titled === true,
    });
  }
}

/** Jl. A. Yani kilometre readings, one per kab/kota (not in the index: read by `aYaniMention`). */
const A_YANI_TARGETS: ReadonlyMap<string, Target> = new Map(
  A_YANI_KABKOTA.map((code) => [
    code,
    {
      level: 'place',
      kabkotaCode: code,
      plain: 'distinct',
      prefixes: NO_PREFIX,
      prefixed: 'none',
      fallback: true,
    },
  ]),
);

/** Every name and alias the index knows, as written. */
const ALL_NAMES: readonly string[] = [
  ...KABKOTA.flatMap((k) => [k.name, ...k.aliases.map((a) => a.text)]),
  ...PLACES.map((p) => p.text),
  ...LANDMARKS.flatMap(landmarkNames),
  ...KECAMATAN.map((k) => k.name),
  ...DESA.map((d) => d.name),
];
const maxKeyLength = Math.max(...[...INDEX.keys()].map((k) => k.length));
const maxKeyWords = Math.max(...ALL_NAMES.map((n) => nameWords(n).length));

/** Frequent chat words that are in no place name: a name never spans them, so lookups stop there. */
const NAME_WORDS = new Set(ALL_NAMES.flatMap(nameWords));
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    ...words(
      'yang dan di ke dari untuk dengan sudah belum tidak tak ada ini itu saya aku kami kita mereka dia anda ' +
        'pak bu bapak ibu mohon tolong karena tapi tetapi juga sangat sekali lagi akan bisa mau sampai kalau ' +
        'atau pada oleh sebagai rusak lapor hari tahun kemarin sekarang tadi masih pernah kantor petugas ' +
        'pelayanan sekolah listrik banjir lubang parah banyak semua kok ya iya nya',
    ),
    ...PREFIXES.keys(),
  ].filter((w) => !NAME_WORDS.has(w)),
);

/** Typo lookup (one deletion either side, verified with optimal string alignment distance ≤ 1). */
const MIN_TYPO_LENGTH = 6;
const MIN_DESA_TYPO_LENGTH = 8;
const TYPO_INDEX = new Map<string, string[]>();

const typoAllowed = (target: Target, key: string): boolean =>
  key.length >= (target.level === 'desa' ? MIN_DESA_TYPO_LENGTH : MIN_TYPO_LENGTH);

function deletions(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) out.push(s.slice(0, i) + s.slice(i + 1));
  return out;
}

for (const [key, targets] of INDEX) {
  if (!targets.some((t) => (t.plain === 'strong' || t.prefixed === 'strong') && typoAllowed(t, key)))
    continue;
  for (const variant of [key, ...deletions(key)]) {
    const list = TYPO_INDEX.get(variant) ?? [];
    if (!list.includes(key)) list.push(key);
    TYPO_INDEX.set(variant, list);
  }
}

/** Optimal string alignment distance, stopping early once it exceeds 1. */
function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length && i === b.length) return true;
  const restA = a.slice(i + 1);
  const restB = b.slice(i + 1);
  if (a.length === b.length) {
    if (restA === restB) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Typo lookups of words seen recently: the same words recur from message to message. */
const TYPO_CACHE = new Map<string, string[]>();
const TYPO_CACHE_SIZE = 4096;

function typoKeys(query: string): string[] {
  const cached = TYPO_CACHE.get(query);
  if (cached) return cached;
  const found = typoKeysUncached(query);
  if (TYPO_CACHE.size >= TYPO_CACHE_SIZE) TYPO_CACHE.delete(TYPO_CACHE.keys().next().value ?? '');
  TYPO_CACHE.set(query, found);
  return found;
}

function typoKeysUncached(query: string): string[] {
  if (NOT_TYPOS.has(query)) return [];
  const found = new Set<string>();
  for (const variant of [query, ...deletions(query)]) {
    for (const key of TYPO_INDEX.get(variant) ?? []) {
      if (key !== query && key[0] === query[0] && withinOneEdit(query, key)) found.add(key);
    }
  }
  return [...found];
}

// ----------------------------------------------------------------------------------------- mentions

type Pick = { readonly target: Target; readonly use: Use; readonly weight: number };

type Mention = {
  readonly start: number; // token index, the prefix word included
  readonly end: number; // exclusive
  readonly key: string;
  readonly picks: readonly Pick[];
  /** kab/kota codes this mention may decide (its non-refine picks). */
  readonly kabs: ReadonlySet<string>;
  /** A destination or former place: counts only when the rest of the message decides nothing. */
  readonly fallback: boolean;
};

/** Weak kab/kota, kecamatan and area names read as places because of their context. */
const promotable = (t: Target): boolean => t.plain === 'weak' && t.level !== 'desa';

function picksFor(
  targets: readonly Target[],
  key: string,
  prefix: Prefix | undefined,
  typo: boolean,
  promote: boolean,
  titled = false,
): Pick[] {
  const out: Pick[] = [];
  for (const target of targets) {
    const use =
      prefix !== undefined
        ? target.prefixes.has(prefix)
          ? target.prefixed
          : 'none'
        : promote && promotable(target)
          ? 'strong'
          : titled && target.titledUse !== undefined
            ? target.titledUse
            : target.plain;
    if (use === 'none') continue;
    if (typo && (use !== 'strong' || !typoAllowed(target, key))) continue;
    out.push({ target, use, weight: WEIGHT[use] - (typo ? 1 : 0) });
  }
  return out;
}

/** The word right before token `start`, unless punctuation separates them. */
const wordBefore = (tokens: readonly Token[], start: number): string =>
  tokens[start]?.joined ? (tokens[start - 1]?.word ?? '') : '';
const wordAfter = (tokens: readonly Token[], end: number): string =>
  tokens[end]?.joined ? (tokens[end]?.word ?? '') : '';

function notAPlace(key: string, tokens: readonly Token[], start: number, end: number): boolean {
  const context = NOT_A_PLACE.get(key);
  if (!context) return false;
  return (
    (context.before?.has(wordBefore(tokens, start)) ?? false) ||
    (context.after?.has(wordAfter(tokens, end)) ?? false)
  );
}

/** True when an office word comes right before token `start`, maybe with "negeri 1" and "di" between. */
function afterOffice(tokens: readonly Token[], start: number): boolean {
  let i = start;
  if (LOCATIVES.has(wordBefore(tokens, i))) i--;
  for (let skipped = 0; skipped < 2; skipped++) {
    const w = wordBefore(tokens, i);
    if (!OFFICE_FILLERS.has(w) && !NUMBER.test(w)) break;
    i--;
  }
  return OFFICE_WORDS.has(wordBefore(tokens, i));
}

/** True when the words before token `start` mark a destination or a former place. */
function isFallbackPlace(tokens: readonly Token[], start: number): boolean {
  const w1 = wordBefore(tokens, start);
  if (DESTINATIONS.has(w1)) return true;
  const i = LOCATIVES.has(w1) ? start - 1 : start;
  const w = wordBefore(tokens, i);
  return (
    FORMER.has(w) || (w === 'lama' && FORMER_OF_LAMA.has(wordBefore(tokens, i - 1))) || referredTo(tokens, i)
  );
}

/** True when the facility before token `start` is where a patient was sent ("dirujuk ke RSUD di X"). */
function referredTo(tokens: readonly Token[], start: number): boolean {
  let i = start;
  while (i > start - 3 && FACILITY_WORDS.has(wordBefore(tokens, i))) i--;
  return i < start && DESTINATIONS.has(wordBefore(tokens, i)) && REFERRALS.has(wordBefore(tokens, i - 1));
}

function mention(
  tokens: readonly Token[],
  start: number,
  end: number,
  key: string,
  targets: readonly Target[],
  typo: boolean,
  trip = false,
): Mention | undefined {
  const prefix = PREFIXES.get(wordBefore(tokens, start));
  let picks = prefix === undefined ? [] : picksFor(targets, key, prefix, typo, false);
  let from = start - 1;
  if (picks.length === 0) {
    from = start;
    if (notAPlace(key, tokens, start, end)) return undefined;
    const promote =
      trip ||
      (PLACE_AFTER_LOCATIVE.has(key) && LOCATIVES.has(wordBefore(tokens, start))) ||
      (PLACE_AFTER_OFFICE.has(key) && afterOffice(tokens, start));
    const titled = tokens.slice(start, end).every((t) => t.titled);
    picks = picksFor(targets, key, undefined, typo, promote, titled);
    if (STREET_WORDS.has(wordBefore(tokens, start))) {
      picks = picks.filter((p) => p.use === 'strong' || p.use === 'distinct');
    }
  }
  if (picks.some((p) => p.target.titled) && !tokens.slice(start, end).every((t) => t.titled)) {
    picks = picks.filter((p) => !p.target.titled);
  }
  if (picks.length === 0) return undefined;
  const kabs = new Set(picks.filter((p) => p.use !== 'refine').map((p) => p.target.kabkotaCode));
  return { start: from, end, key, picks, kabs, fallback: isFallbackPlace(tokens, from) };
}

const GLUED_PREPOSITIONS = ['di', 'ke'];
const A_YANI_FIRST = words('a ahmad achmad ahmat');
const KM = /^km(\d+)$/;

/** "Jl. A. Yani km 3,5": the kab/kota of that kilometre, as a fallback reading. */
function aYaniMention(tokens: readonly Token[], i: number): Mention | undefined {
  const word = tokens[i]?.word;
  let start = i;
  if (word === 'yani' && A_YANI_FIRST.has(wordBefore(tokens, i))) start = i - 1;
  else if (word !== 'ayani') return undefined;
  if (STREET_WORDS.has(wordBefore(tokens, start))) start--;
  const next = tokens[i + 1]?.word ?? '';
  const glued = KM.exec(next)?.[1];
  const km = glued ?? (next === 'km' || next === 'kilometer' ? tokens[i + 2]?.word : undefined);
  if (km === undefined || !/^\d+$/.test(km)) return undefined;
  const target = A_YANI_TARGETS.get(aYaniKabkota(Number(km)) ?? '');
  if (!target) return undefined;
  return mention(tokens, start, i + (glued === undefined ? 3 : 2), `ayanikm${km}`, [target], false);
}

const heaviest = (m: Mention): number => Math.max(...m.picks.map((p) => p.weight));

/**
 * Drops a name that lies inside a longer name read elsewhere ("tanjung" in "Tanjung Dewa", "pemurus" in
 * "Pemurus Dalam"), unless the longer one only refines and the shorter one is heavier ("Kandangan Baru").
 */
function withoutContained(mentions: readonly Mention[]): Mention[] {
  const byStart = new Map<number, Mention[]>();
  for (const m of mentions) {
    const list = byStart.get(m.start);
    if (list) list.push(m);
    else byStart.set(m.start, [m]);
  }
  return mentions.filter((m) => {
    for (let s = m.start; s >= m.start - maxKeyWords - 1; s--) {
      for (const o of byStart.get(s) ?? []) {
        const longer = o.end >= m.end && o.end - o.start > m.end - m.start;
        if (longer && (heaviest(o) >= 2 || heaviest(o) >= heaviest(m))) return false;
      }
    }
    return true;
  });
}

/** Rereads "tanjung"/"rantau" as towns when they are one end of a trip whose other end is a kab/kota. */
function withTrips(tokens: readonly Token[], mentions: readonly Mention[]): Mention[] {
  const ends = new Set(mentions.filter((m) => ROUTE_ENDS.has(wordBefore(tokens, m.start))));
  const townEnds = [...ends].filter((m) =>
    m.picks.some((p) => p.target.level === 'kabkota' && p.use === 'strong'),
  );
  return mentions.map((m) => {
    const bareWeak = tokens[m.start]?.word === m.key && m.picks.every((p) => p.use !== 'strong');
    const homecoming = HOMECOMING.has(wordBefore(tokens, m.start - 1)); // "pulang dari rantau"
    if (
      !bareWeak ||
      homecoming ||
      !WORD_LIKE_CAPITALS.has(m.key) ||
      !ends.has(m) ||
      !townEnds.some((o) => o !== m)
    )
      return m;
    return mention(tokens, m.start, m.end, m.key, INDEX.get(m.key) ?? [], false, true) ?? m;
  });
}

function findMentions(tokens: readonly Token[]): Mention[] {
  const out: Mention[] = [];
  const typoMemo = new Map<string, string[]>();
  const typos = (key: string): string[] => {
    const known = typoMemo.get(key);
    if (known) return known;
    const found = typoKeys(key);
    typoMemo.set(key, found);
    return found;
  };
  const push = (m: Mention | undefined): void => {
    if (m) out.push(m);
  };
  for (let i = 0; i < tokens.length; i++) {
    let key = '';
    let unknownWord = false; // a typo leaves at least one word that is in no name
    for (let j = i; j < tokens.length && j - i < maxKeyWords && (j === i || tokens[j]?.joined); j++) {
      const word = tokens[j]?.word ?? '';
      if (STOP_WORDS.has(word)) break;
      key += word;
      unknownWord ||= !NAME_WORDS.has(word);
      if (key.length > maxKeyLength + 1) break;
      const exact = INDEX.get(key);
      if (exact) {
        push(mention(tokens, i, j + 1, key, exact, false));
        continue;
      }
      if (unknownWord && j - i < 3 && key.length >= MIN_TYPO_LENGTH - 1) {
        for (const typo of typos(key)) push(mention(tokens, i, j + 1, typo, INDEX.get(typo) ?? [], true));
      }
    }
    const word = tokens[i]?.word ?? '';
    if (!INDEX.has(word) && GLUED_PREPOSITIONS.includes(word.slice(0, 2))) {
      const rest = word.slice(2);
      const strongOnly = (INDEX.get(rest) ?? []).filter((t) => t.plain === 'strong');
      const glued = strongOnly.length > 0 ? mention(tokens, i, i + 1, rest, strongOnly, false) : undefined;
      if (glued) out.push({ ...glued, fallback: glued.fallback || DESTINATIONS.has(word.slice(0, 2)) });
    }
    push(aYaniMention(tokens, i));
  }
  return withTrips(tokens, withoutContained(out));
}

/** The mention without its fallback readings (street names and the like), if anything is left. */
function firmPart(m: Mention): Mention[] {
  if (m.fallback) return [];
  if (!m.picks.some((p) => p.target.fallback)) return [m];
  const picks = m.picks.filter((p) => !p.target.fallback);
  if (picks.length === 0) return [];
  const kabs = new Set(picks.filter((p) => p.use !== 'refine').map((p) => p.target.kabkotaCode));
  return [{ ...m, picks, kabs }];
}

// ------------------------------------------------------------------------------------------ resolve

type Item = {
  readonly mention: Mention;
  readonly picks: readonly Pick[]; // the mention's picks in this kab/kota
  readonly weight: number;
  readonly use: Use;
  /** Identity of what the item names, so repeated names count once. */
  readonly id: string;
};

type KabScore = {
  readonly kabkotaCode: string;
  readonly items: readonly Item[];
  readonly score: number;
  readonly decisive: number;
};

function itemFor(m: Mention, kabkotaCode: string): Item | undefined {
  const picks = m.picks.filter((p) => p.target.kabkotaCode === kabkotaCode);
  let best: Pick | undefined;
  for (const p of picks) {
    if (!best || p.weight > best.weight || (p.weight === best.weight && p.target.level === 'kabkota'))
      best = p;
  }
  if (!best) return undefined;
  const t = best.target;
  const id = `${t.level}:${t.desaCode ?? t.kecamatanCode ?? t.kabkotaCode}`;
  return { mention: m, picks, weight: best.weight, use: best.use, id };
}

/** Heaviest set of non-overlapping items (weighted interval scheduling); ties go to longer spans. */
function bestSelection(items: readonly Item[]): Item[] {
  const sorted = [...items].sort((a, b) => a.mention.end - b.mention.end);
  const value = (it: Item): number => it.weight * 1000 + (it.mention.end - it.mention.start);
  const best: number[] = [0]; // best[k]: best total using the first k items
  const previous: number[] = []; // last item compatible with item k, or -1
  sorted.forEach((it, k) => {
    let lo = 0; // binary search: the first item ending after this one starts
    let hi = k;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.mention.end ?? 0) <= it.mention.start) lo = mid + 1;
      else hi = mid;
    }
    const p = lo - 1;
    previous.push(p);
    best.push(Math.max(best[k] ?? 0, value(it) + (best[p + 1] ?? 0)));
  });
  const chosen: Item[] = [];
  let k = sorted.length - 1;
  while (k >= 0) {
    const it = sorted[k];
    if (it && (best[k + 1] ?? 0) !== (best[k] ?? 0)) {
      chosen.push(it);
      k = previous[k] ?? -1;
    } else k--;
  }
  return chosen.reverse();
}

function scoreOf(items: readonly Item[], kabkotaCode: string): KabScore {
  const byId = new Map<string, Item>();
  for (const it of items) {
    const seen = byId.get(it.id);
    if (!seen || it.weight > seen.weight) byId.set(it.id, it);
  }
  let score = 0;
  let decisive = 0;
  for (const it of byId.values()) {
    score += it.weight;
    const decides = (it.use === 'strong' || it.use === 'distinct') && it.mention.kabs.size === 1;
    if (decides) decisive += it.weight;
  }
  return { kabkotaCode, items, score, decisive };
}

function scoreKab(mentions: readonly Mention[], kabkotaCode: string): KabScore {
  const items = mentions.flatMap((m) => itemFor(m, kabkotaCode) ?? []);
  const chosen = bestSelection(items);
  if (!chosen.some((it) => it.use !== 'refine')) return { kabkotaCode, items: [], score: 0, decisive: 0 };
  return scoreOf(chosen, kabkotaCode);
}

const sameSpan = (a: Mention, b: Mention): boolean => a.start === b.start && a.end === b.end;

/** A rival's support, without the words the leader read as a different (longer or shifted) name. */
function asRival(rival: KabScore, leader: KabScore): KabScore {
  const readAs = new Map<number, Mention>(); // token → the leader's mention covering it
  for (const l of leader.items)
    for (let t = l.mention.start; t < l.mention.end; t++) readAs.set(t, l.mention);
  const conflicts = (m: Mention): boolean => {
    for (let t = m.start; t < m.end; t++) {
      const l = readAs.get(t);
      if (l && !sameSpan(l, m)) return true;
    }
    return false;
  };
  const kept = rival.items.filter((it) => !conflicts(it.mention));
  if (!kept.some((it) => it.use !== 'refine'))
    return { kabkotaCode: rival.kabkotaCode, items: [], score: 0, decisive: 0 };
  return scoreOf(kept, rival.kabkotaCode);
}

function distinctIds(s: KabScore): number {
  return new Set(s.items.filter((it) => it.use !== 'refine').map((it) => it.id)).size;
}

/** The kecamatan and desa the items of one kab/kota point to, when they agree. */
function details(items: readonly Item[]): { kecamatanCode?: string; desaCode?: string } {
  const explicit = new Map<string, number>();
  const implied = new Set<string>();
  const desas = new Map<string, string>(); // desa → kecamatan
  for (const it of items) {
    const kecs = new Set(
      it.picks.flatMap((p) => (p.target.level === 'desa' ? [] : (p.target.kecamatanCode ?? []))),
    );
    const namesKab = it.picks.some((p) => p.target.level === 'kabkota');
    if (kecs.size > 0) {
      for (const k of kecs) {
        if (namesKab) implied.add(k);
        else explicit.set(k, (explicit.get(k) ?? 0) + it.weight);
      }
      continue;
    }
    const ds = it.picks.filter((p) => p.target.level === 'desa');
    const desaKecs = new Set(ds.map((p) => p.target.kecamatanCode ?? ''));
    const only = ds[0]?.target;
    if (ds.length === 1 && only?.desaCode && only.kecamatanCode) desas.set(only.desaCode, only.kecamatanCode);
    if (desaKecs.size === 1) {
      const k = [...desaKecs][0] ?? '';
      explicit.set(k, (explicit.get(k) ?? 0) + it.weight);
    }
  }
  let kecamatanCode: string | undefined;
  const ranked = [...explicit].sort((a, b) => b[1] - a[1]);
  if (ranked.length > 0 && (ranked.length === 1 || (ranked[0]?.[1] ?? 0) > (ranked[1]?.[1] ?? 0))) {
    kecamatanCode = ranked[0]?.[0];
  } else if (ranked.length === 0 && implied.size === 1) {
    kecamatanCode = [...implied][0];
  }
  const desaCodes = [...desas].filter(([, kec]) => kec === kecamatanCode).map(([d]) => d);
  return {
    ...(kecamatanCode === undefined ? {} : { kecamatanCode }),
    ...(desaCodes.length === 1 && desaCodes[0] ? { desaCode: desaCodes[0] } : {}),
  };
}

function toMatch(s: KabScore, text: string, tokens: readonly Token[]): RegionMatch {
  const spans = [...s.items].sort((a, b) => a.mention.start - b.mention.start);
  const seen = new Set<string>();
  const matched: string[] = [];
  for (const it of spans) {
    const from = tokens[it.mention.start]?.start ?? 0;
    const to = tokens[it.mention.end - 1]?.end ?? from;
    const piece = text.slice(from, to);
    if (!seen.has(piece.toLowerCase())) matched.push(piece);
    seen.add(piece.toLowerCase());
  }
  return {
    kabkotaCode: s.kabkotaCode,
    ...details(s.items),
    matched: matched.join(', '),
    score: Math.round(Math.min(1, s.score / 6 + 0.25) * 100) / 100,
  };
}

function reasonFor(candidates: readonly KabScore[]): AmbiguityReason {
  const codes = new Set(candidates.map((c) => c.kabkotaCode));
  const items = candidates.flatMap((c) => c.items.filter((it) => it.use !== 'refine'));
  for (const it of items) {
    const reason = REASON_BY_KEY.get(it.mention.key);
    const spread = [...it.mention.kabs].filter((k) => codes.has(k)).length;
    if (reason && spread >= 2) return reason;
  }
  return items.every((it) => it.use === 'weak') ? 'common_word' : 'multiple';
}

/** Scores every kab/kota the mentions point to and picks the leader, or says why it cannot. */
function resolve(mentions: readonly Mention[], text: string, tokens: readonly Token[]): RegionResult {
  const kabCodes = new Set(mentions.flatMap((m) => m.picks.map((p) => p.target.kabkotaCode)));
  const scores = [...kabCodes]
    .map((code) => scoreKab(mentions, code))
    .filter((s) => s.score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.decisive - a.decisive ||
        (a.items[0]?.mention.start ?? 0) - (b.items[0]?.mention.start ?? 0) ||
        a.kabkotaCode.localeCompare(b.kabkotaCode),
    );
  const leader = scores[0];
  if (!leader) return { kind: 'none' };
  const rivals = scores
    .slice(1)
    .map((s) => asRival(s, leader))
    .filter((s) => s.score > 0);
  const ambiguous = (list: readonly KabScore[]): RegionResult => ({
    kind: 'ambiguous',
    candidates: list.map((s) => toMatch(s, text, tokens)),
    reason: reasonFor(list),
  });

  const tied = rivals.filter((r) => r.score >= leader.score);
  if (tied.length > 0) return ambiguous([leader, ...tied]);
  if (leader.decisive === 0 && distinctIds(leader) < 2) return ambiguous([leader, ...rivals]);
  const contenders = rivals.filter((r) => r.decisive >= 2 && leader.score - r.score < 3);
  if (contenders.length > 0) return ambiguous([leader, ...contenders]);
  return { kind: 'found', match: toMatch(leader, text, tokens) };
}

/**
 * Finds the kab/kota (and, when named, kecamatan and desa) that a message names anywhere in it.
 * Each kab/kota scores the heaviest non-overlapping reading of the names found (a name counted once):
 * strong names 3, typos and bare desa names 2, weak names 1, and names that only refine (shared desa
 * names) 1 when something else already points there. The leader wins unless another kab/kota ties it,
 * it rests on weak names alone, or another kab/kota is named outright and the leader is not clearly
 * ahead (a consistent kab/kota + kecamatan pair is).
 *
 * Destinations ("dirujuk ke bjm"), former places ("alamat lama di Batola") and fallback landmarks (street
 * names, Jl. A. Yani kilometres) are read first without: they decide when the rest names nothing, or
 * settle an ambiguity in favour of one of its candidates.
 */
export function findRegion(text: string): RegionResult {
  const tokens = tokenize(text);
  const mentions = findMentions(tokens);
  const firm = mentions.flatMap(firmPart);
  const first = resolve(firm, text, tokens);
  if (first.kind === 'found' || (firm.length === mentions.length && firm.every((m, k) => m === mentions[k])))
    return first;
  const all = resolve(mentions, text, tokens);
  if (first.kind === 'none') return all;
  const settles =
    all.kind === 'found' && first.candidates.some((c) => c.kabkotaCode === all.match.kabkotaCode);
  return settles ? all : first;
}

// ------------------------------------------------------------------------------------------ lookups

const KABKOTA_BY_CODE: ReadonlyMap<string, Kabkota> = new Map(KABKOTA.map((k) => [k.code, k]));
const KECAMATAN_BY_CODE: ReadonlyMap<string, Kecamatan> = new Map(KECAMATAN.map((k) => [k.code, k]));
const DESA_BY_CODE: ReadonlyMap<string, Desa> = new Map(DESA.map((d) => [d.code, d]));

export function kabkotaByCode(code: string): Kabkota | undefined {
  return KABKOTA_BY_CODE.get(code);
}

export function kecamatanByCode(code: string): Kecamatan | undefined {
  return KECAMATAN_BY_CODE.get(code);
}

export function desaByCode(code: string): Desa | undefined {
  return DESA_BY_CODE.get(code);
}

/** The kecamatan of a kab/kota in code order (empty for an unknown code). */
export function kecamatanOf(kabkotaCode: string): Kecamatan[] {
  return KECAMATAN.filter((k) => k.kabkotaCode === kabkotaCode);
}

/** The 13 kab/kota for a choice list: the two cities first, then the kabupaten by name. */
export function regionChoiceList(): { code: string; label: string }[] {
  const cities = KABKOTA.filter((k) => k.type === 'kota');
  const regencies = KABKOTA.filter((k) => k.type === 'kabupaten').sort((a, b) =>
    a.shortName.localeCompare(b.shortName, 'id'),
  );
  return [...cities, ...regencies].map((k) => ({ code: k.code, label: k.name }));
}
