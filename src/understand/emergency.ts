// Spots an ongoing emergency in a message (fire, flood, accident, violence, crime, self-harm, medical) and the numbers to call.
import { tokens } from './normalize.js';

export type Emergency = 'fire' | 'flood' | 'accident' | 'violence' | 'crime' | 'self_harm' | 'medical';

export type EmergencyNumber = '112' | '110' | '113' | '119' | '129';

/**
 * Phrases are matched as whole normalized words (" rumah terbakar " inside " … "). Several forms of a
 * word are listed instead of stemming, so the matching stays a plain substring search.
 * Self-harm is checked first and alone: it is flagged whatever else the message says. */
const SELF_HARM: readonly string[] = [
  'bunuh diri',
  'membunuh diri',
  'ingin mati',
  'mau mati',
  'lebih baik mati',
  'mending mati',
  'mengakhiri hidup',
  'akhiri hidup',
  'mengakhiri nyawa',
  'tidak ingin hidup',
  'tidak mau hidup',
  'capek hidup',
  'lelah hidup',
  'menyakiti diri',
  'melukai diri',
  'sayat tangan',
  'potong nadi',
  'gantung diri',
  'minum racun',
  'loncat dari jembatan',
  'terjun dari jembatan',
];

/** Checked in this order: the first kind with a matching phrase wins. */
const SIGNS: ReadonlyArray<readonly [Exclude<Emergency, 'self_harm'>, readonly string[]]> = [
  [
    'fire',
    [
      'kebakaran',
      'terbakar',
      'kebakar',
      'tabakar',
      'ada api',
      'api besar',
      'api membesar',
      'api menyala',
      'meledak',
      'ledakan',
      '🔥',
    ],
  ],
  [
    'violence',
    [
      'dipukul',
      'dipukuli',
      'dipalu',
      'memukul',
      'memukuli',
      'pukul saya',
      'ditampar',
      'menampar',
      'ditendang',
      'menendang',
      'dianiaya',
      'menganiaya',
      'penganiayaan',
      'kdrt',
      'kekerasan',
      'dikeroyok',
      'pengeroyokan',
      'mengeroyok',
      'ditusuk',
      'menusuk',
      'dibacok',
      'membacok',
      'disiksa',
      'menyiksa',
      'diperkosa',
      'memperkosa',
      'pemerkosaan',
      'dilecehkan',
      'pelecehan',
      'diancam dibunuh',
      'mau dibunuh',
      'mengancam membunuh',
      'disekap',
      'tawuran',
      'carok',
      'berkelahi',
      'perkelahian',
      'ditikam',
      'menikam',
    ],
  ],
  [
    'accident',
    [
      'kecelakaan',
      'tabrakan',
      'bertabrakan',
      'ditabrak',
      'tertabrak',
      'menabrak',
      'tabrak lari',
      'terlindas',
      'terguling',
      'mobil terbalik',
      'truk terbalik',
      'bus terbalik',
      'motor terbalik',
      'kapal terbalik',
      'perahu terbalik',
      'klotok terbalik',
      'speedboat terbalik',
      'terjatuh dari',
      'jatuh dari motor',
      'tenggelam',
      'hanyut',
      'terseret arus',
      'tersengat listrik',
      'kesetrum',
      'tersetrum',
      'tertimpa',
      'kejatuhan pohon',
      'pohon tumbang menimpa',
      'tertimbun',
      'roboh menimpa',
    ],
  ],
  [
    'medical',
    [
      'pingsan',
      'tidak sadarkan diri',
      'kejang',
      'kejang-kejang',
      'sesak napas',
      'sesak nafas',
      'susah bernapas',
      'susah bernafas',
      'tidak bernapas',
      'tidak bernafas',
      'serangan jantung',
      'stroke',
      'pendarahan',
      'perdarahan',
      'berdarah banyak',
      'darah banyak',
      'keracunan',
      'overdosis',
      'mau melahirkan',
      'mau lahiran',
      'pecah ketuban',
      'digigit ular',
      'dipatuk ular',
      'sekarat',
      'kondisi kritis',
      'keadaan kritis',
      'muntah darah',
      'demam tinggi',
    ],
  ],
  [
    'crime',
    [
      'maling',
      'kemalingan',
      'pencuri',
      'pencurian',
      'dicuri',
      'mencuri',
      'rampok',
      'dirampok',
      'perampok',
      'perampokan',
      'merampok',
      'begal',
      'dibegal',
      'pembegalan',
      'copet',
      'dicopet',
      'jambret',
      'dijambret',
      'penjambretan',
      'ditodong',
      'penodongan',
      'diculik',
      'penculikan',
      'menculik',
      'dibobol',
      'membobol',
      'orang mencurigakan',
    ],
  ],
  [
    'flood',
    [
      'banjir besar',
      'banjir bandang',
      'banjir tinggi',
      'banjir parah',
      'banjir ganal',
      'air ganal',
      'banjir masuk',
      'air masuk rumah',
      'air masuk ke rumah',
      'air sudah masuk',
      'air sungai naik',
      'sungai meluap',
      'setinggi dada',
      'sedada',
      'sepinggang',
      'setinggi pinggang',
      'seleher',
      'terjebak banjir',
      'terkepung banjir',
      'perlu dievakuasi',
      'minta dievakuasi',
      'tanggul jebol',
      'jebol tanggul',
      'rob',
    ],
  ],
];

/** Names of services and aid: "pemadam kebakaran" is not a fire, "korban banjir" aid is not a flood. */
const SERVICE_NAMES = [
  'pemadam kebakaran',
  'dinas pemadam',
  'damkar',
  'asuransi kecelakaan',
  'jaminan kecelakaan',
  'kecelakaan kerja',
  'kecelakaan lalu lintas laporan',
];

/** The event is over: "bulan lalu", "dulu", "pernah". */
const PAST = [
  'hari lalu',
  'hari yang lalu',
  'minggu lalu',
  'minggu yang lalu',
  'pekan lalu',
  'bulan lalu',
  'bulan yang lalu',
  'tahun lalu',
  'tahun yang lalu',
  'waktu lalu',
  'beberapa waktu',
  'dulu',
  'silam',
  'waktu itu',
  'saat itu',
  'sempat',
  'pernah',
  'bekas',
  'pasca',
];

/** Probably over, unless the message says it is still going on: "dari kemarin air naik, sekarang sepinggang". */
const RECENT_PAST = ['kemarin', 'semalam'];

/** A complaint about handling, aid, documents or service, not a call for help. */
const COMPLAINT = [
  'laporan',
  'melaporkan',
  'dilaporkan',
  'ditindaklanjuti',
  'tindak lanjut',
  'ditanggapi',
  'diproses',
  'proses',
  'diusut',
  'kasus',
  'sidang',
  'pengadilan',
  'cair',
  'dicairkan',
  'pencairan',
  'santunan',
  'klaim',
  'asuransi',
  'bpjs',
  'jasa raharja',
  'bantuan korban',
  'dana bantuan',
  'bansos',
  'ganti rugi',
  'pelayanan',
  'pungli',
  'tilang',
  'urus',
  'mengurus',
  'dokumen',
  'ktp',
  'kk',
  'akta',
  'ijazah',
  'sertifikat',
  'surat',
  'visum',
  'berkas',
];

/** Talk about risk or habit, not an event: "jalan rusak rawan kecelakaan", "sering banjir kalau hujan". */
const HYPOTHETICAL = [
  'rawan',
  'berpotensi',
  'potensi',
  'bisa menyebabkan',
  'dapat menyebabkan',
  'menyebabkan',
  'mengakibatkan',
  'membahayakan',
  'khawatir',
  'takut terjadi',
  'takutnya',
  'nanti',
  'sering',
  'selalu',
  'setiap',
  'tiap',
  'langganan',
  'kalau hujan',
  'jika hujan',
  'bila hujan',
  'saat hujan',
  'mencegah',
  'pencegahan',
  'sosialisasi',
];

/**
 * It is happening now: overrides complaint and risk words (not past ones). Plain "tolong", "segera",
 * "masih" are not enough: complaints say "mohon segera ditindaklanjuti", "masih belum diproses".
 */
const URGENT = [
  'darurat',
  'sos',
  'help',
  'sekarang juga',
  'saat ini juga',
  'sedang terjadi',
  'masih berlangsung',
  'masih menyala',
  'masih terbakar',
  'sedang terbakar',
  'masih terjebak',
  'cepat datang',
  'segera datang',
  'tolong cepat',
  'cepat kesini',
  'cepat ke sini',
  'segera kesini',
  'segera ke sini',
];
/** "sekarang" says it is happening now, unless it is "sampai sekarang" (a complaint about waiting). */
const NOW = /(?<!sampai|hingga) (?:sekarang|saat ini) /;

/** "lampu mau mati", "listrik ingin mati": a device, not a person, is dying. */
const DEVICES = new Set([
  'lampu',
  'lampunya',
  'listrik',
  'listriknya',
  'pln',
  'token',
  'meteran',
  'mesin',
  'hp',
  'handphone',
  'baterai',
  'pompa',
  'motor',
  'mobil',
  'kulkas',
  'tv',
  'air',
  'airnya',
]);

/** Phrases padded with spaces once, so that a check allocates nothing. */
const PADDED = new WeakMap<readonly string[], readonly string[]>();

function has(text: string, phrases: readonly string[]): boolean {
  let padded = PADDED.get(phrases);
  if (!padded) {
    padded = phrases.map((p) => ` ${p} `);
    PADDED.set(phrases, padded);
  }
  return padded.some((p) => text.includes(p));
}

/** "lampu mau mati", "hp saya mau mati": a device dying is an outage; its "mati" is dropped before looking for self-harm. */
function withoutDeviceDying(words: string[]): string[] {
  return words.map((w, i) => {
    const dying = w === 'mati' && (words[i - 1] === 'mau' || words[i - 1] === 'ingin');
    return dying && [2, 3, 4].some((back) => DEVICES.has(words[i - back] ?? '')) ? 'padam' : w;
  });
}

/**
 * The emergency a message reports as happening now, or null. Self-harm is flagged whenever it is
 * mentioned (safety first, false alarms accepted). Other kinds are dropped when the message speaks of
 * the past, of handling or aid (a complaint), or of risk and habit, unless it also says it is happening now
 * ("sekarang" outweighs risk and habit words only; complaints need a stronger sign such as "darurat").
 */
export function detectEmergency(text: string): Emergency | null {
  let normalized = ` ${withoutDeviceDying(tokens(text)).join(' ')} `;
  if (has(normalized, SELF_HARM)) return 'self_harm';
  // Most messages name no emergency at all: look for a sign first, and strip service names only when one is there.
  if (!SIGNS.some(([, phrases]) => has(normalized, phrases))) return null;
  for (const name of SERVICE_NAMES) normalized = normalized.replaceAll(` ${name} `, ' ');
  const kind = SIGNS.find(([, phrases]) => has(normalized, phrases))?.[0];
  if (kind === undefined || has(normalized, PAST)) return null;
  const urgent = has(normalized, URGENT);
  const now = urgent || NOW.test(normalized);
  if (!urgent && has(normalized, COMPLAINT)) return null;
  if (!now && (has(normalized, HYPOTHETICAL) || has(normalized, RECENT_PAST))) return null;
  return kind;
}

const NUMBERS: Readonly<Record<Emergency, readonly EmergencyNumber[]>> = {
  fire: ['113', '112'],
  flood: ['112'],
  accident: ['110', '119', '112'],
  medical: ['119', '112'],
  crime: ['110', '112'],
  violence: ['110', '129', '112'],
  self_harm: ['119', '112'],
};

/**
 * Numbers to show, most specific first: 113 fire brigade, 110 police, 119 ambulance and health line
 * (also Kemenkes' Healing119 for mental-health crises), 129 SAPA (violence against women and children),
 * 112 the general emergency line (BPBD/SAR for floods).
 */
export function emergencyNumbers(kind: Emergency): EmergencyNumber[] {
  return [...NUMBERS[kind]];
}
