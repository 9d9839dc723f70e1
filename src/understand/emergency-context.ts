// Words that say whether an emergency sign is happening now: past, complaint, risk and service words, or urgent ones.
/** Names of services and aid: "pemadam kebakaran" is not a fire, "korban banjir" aid is not a flood. */
export const SERVICE_NAMES = [
  'pemadam kebakaran',
  'dinas pemadam',
  'damkar',
  'asuransi kecelakaan',
  'jaminan kecelakaan',
  'kecelakaan kerja',
  'kecelakaan lalu lintas laporan',
];

/** The event is over: "bulan lalu", "dulu", "pernah". */
export const PAST = [
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
export const RECENT_PAST = ['kemarin', 'semalam'];

/** A complaint about handling, aid, documents or service, not a call for help. */
export const COMPLAINT = [
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
export const HYPOTHETICAL = [
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
export const URGENT = [
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
export const NOW = /(?<!sampai|hingga) (?:sekarang|saat ini) /;

/** "lampu mau mati", "listrik ingin mati": a device, not a person, is dying. */
export const DEVICES = new Set([
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
