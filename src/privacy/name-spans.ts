// Finds a reporter's name in folded free text: the name known from the ticket (whole, or a part of it alone, in any case
// and without its diacritics), and names the citizen introduces ("nama saya …", "namaku …", "ulun …", "a.n. …") even
// when no name is known. A name after "Pak", "Bu" or "Lurah" that is not the reporter's is the complaint's subject.

export type TextSpan = { start: number; end: number };

const wordSet = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

/** Titles and honorifics around a name: never a name on their own. */
const TITLES = wordSet(
  'h hj dr drs dra ir prof st s pd spd se sh mh mm amd skm kh ust ustadz ustadzah sdr sdri tn ny nn pak bu bpk ibu bapak',
);
/** Name parts too common to mask alone when they are not the first name. */
const COMMON_PARTS = wordSet(
  'muhammad muhamad mohammad mohamad muhammed abdul abd siti nur noor bin binti putri putra dewi sri',
);
/**
 * Words that follow "saya" or "nama saya" without being a name: verbs, adjectives, roles, little words (Indonesian and
 * Banjar, with chat spellings).
 */
const NOT_NAMES =
  wordSet(`adalah ialah yaitu yakni ini itu yang dan atau tapi tetapi karena krn dengan dgn dari di ke pada untuk utk
  warga penduduk pelapor pengadu pelanggan peserta pasien siswa murid mahasiswa orang tua ortu wali guru petani
  nelayan pedagang sopir driver ojol karyawan pegawai buruh ibu bapak pak bu anak istri suami keluarga kakak adik
  mau ingin hendak handak minta mohon meminta memohon melapor lapor mengadu mengeluh menyampaikan sampaikan
  sudah udah sdh blm belum tidak tdk tak gak ga nggak enggak kada bukan jangan cuma hanya juga pun lagi sedang masih
  pernah sering selalu akan bisa dapat harus perlu sangat amat banget sekali terlalu agak kurang lebih
  kecewa sedih bingung marah kesal heran resah khawatir takut senang bangga malu capek lelah sakit rugi dirugikan
  tinggal berdomisili domisili beralamat alamat asal umur usia selaku sebagai atas nama pribadi sendiri instansi
  kantor dinas rt rw no nomor nik ktp kk nip nrp nuptk npwp hp wa telp kontak email surel jl jln jalan gg gang
  kel kelurahan kec kecamatan desa kota kab kabupaten kami kita mereka dia beliau anda pian ulun saya aku
  dirahasiakan rahasia anonim disamarkan sebut disebut disebutkan tulis ditulis
  kemarin tadi besok sekarang baru lama jam hari minggu bulan tahun tanggal tgl
  sebenarnya sebetulnya memang mungkin kira rasa pikir harap berharap lihat melihat dengar mendengar tahu`);

const PRONOUN = '(?:saya|sy|sya|aku|aq|ak|ulun|unda|gw|gue|gua|ane|ku|q)(?![\\p{L}])';
/** "nama saya", "namaku", "nama lengkap saya", Banjar "ngaran ulun", "atas nama", "a.n.", "perkenalkan (saya)". */
const INTRODUCER = new RegExp(
  `(?<![\\p{L}])(?:nama\\s*lengkap(?:\\s*${PRONOUN})?|nama\\s*${PRONOUN}|namaku|namaq|ngaran\\s*${PRONOUN}|ngaranku|` +
    `atas\\s+nama|a\\s?[./]\\s?n(?![\\p{L}])\\.?|perkenalkan(?:\\s*,?\\s*(?:nama\\s*)?${PRONOUN})?)` +
    `(?:\\s*(?:(?:adalah|ialah|yaitu|yakni)(?![\\p{L}])|[:\\-,=]))*[ ]*`,
  'gu',
);
/** "Saya Budi, …" at the start of a sentence or after a greeting: a capitalized word right after the pronoun. */
const SELF = new RegExp(
  `(?:^|[.!?;\\n]|(?<![\\p{L}])(?:halo|hai|hallo|assalamualaikum|salam|permisi|perkenalkan|selamat (?:pagi|siang|sore|malam))[ ,!]*)` +
    `[ ]*(?:saya|aku|ulun|unda|sy)[ ]*,?[ ]+`,
  'gu',
);
/** What may follow a name given after "saya": a comma, a bracket, or words that go on about the person. */
const AFTER_SELF_NAME =
  /^[ ]*(?:[,(\-]|(?:dari|warga|tinggal|selaku|sebagai|umur|usia|asal|alamat|bin|binti|di|mau|ingin|hendak|handak)(?![\p{L}]))/u;

/** One word of a name at `at`: letters (an apostrophe inside), or an initial with its dot ("m."). */
function nameWord(text: string, at: number): { start: number; end: number; word: string } | null {
  const m = /^(?:\p{L}+(?:'\p{L}+)?|\p{L}\.)/u.exec(text.slice(at, at + 60));
  if (!m) return null;
  const word = m[0].replace(/\.$/, '');
  return { start: at, end: at + m[0].length, word };
}

/**
 * The name words from `at` on: up to four, separated by one space (or the dot of an initial), stopping at a word that is
 * not a name. `capitalized` (original text) requires each to start with a capital letter.
 */
function nameAt(text: string, at: number, capitalized?: (i: number) => boolean): TextSpan | null {
  let end = -1;
  let pos = at;
  for (let count = 0; count < 4; count++) {
    const w = nameWord(text, pos);
    if (!w || NOT_NAMES.has(w.word) || (capitalized && !capitalized(w.start))) break;
    end = w.end;
    pos = text[w.end] === ' ' ? w.end + 1 : w.end;
  }
  return end > at ? { start: at, end } : null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiled name patterns, kept while they are few (the same reporter's texts are masked together). */
const PATTERNS = new Map<string, RegExp>();
const MAX_PATTERNS = 500;

function pattern(words: readonly string[]): RegExp {
  const key = words.join(' ');
  const known = PATTERNS.get(key);
  if (known) return known;
  if (PATTERNS.size >= MAX_PATTERNS) PATTERNS.clear();
  const between = '[^\\p{L}\\p{N}\\n]{1,3}';
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])${words.map(escapeRegExp).join(between)}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  PATTERNS.set(key, re);
  return re;
}

/** Every word-bounded occurrence of a sequence of name words, with up to three non-letters between them. */
function occurrences(text: string, words: readonly string[]): TextSpan[] {
  if (words.length === 0) return [];
  return [...text.matchAll(pattern(words))].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/**
 * The word sequences of a (folded) name (as written, and without its titles and initials), and the words worth masking
 * alone: the first name, and uncommon longer parts.
 */
function nameParts(name: string, markerWords: ReadonlySet<string>): { whole: string[][]; alone: string[] } {
  const words = name.split(/[^\p{L}']+/u).filter((w) => w.length > 0);
  const real = words.filter((w) => !TITLES.has(w) && w.length > 1 && !markerWords.has(w));
  const alone = real.filter(
    (w, i) => (i === 0 ? w.length >= 3 : w.length >= 4 && !COMMON_PARTS.has(w)) && !NOT_NAMES.has(w),
  );
  return { whole: real.length > 0 ? [words, real] : [], alone };
}

/**
 * Name spans of a folded text. `known`: the reporter's folded name. `capital(i)`: whether the original character of
 * folded index i is a capital letter. `markerWords`: the words of the masks themselves, never taken for a name.
 */
export function nameSpans(
  text: string,
  known: string | null,
  capital: (i: number) => boolean,
  markerWords: ReadonlySet<string>,
): TextSpan[] {
  const spans: TextSpan[] = [];
  const names = new Set<string>(known ? [known] : []);
  for (const m of text.matchAll(INTRODUCER)) {
    const span = nameAt(text, m.index + m[0].length);
    if (span) names.add(text.slice(span.start, span.end));
  }
  for (const m of text.matchAll(SELF)) {
    const at = m.index + m[0].length;
    const span = nameAt(text, at, capital);
    if (span && AFTER_SELF_NAME.test(text.slice(span.end, span.end + 12)))
      names.add(text.slice(span.start, span.end));
  }
  for (const name of names) {
    const { whole, alone } = nameParts(name, markerWords);
    for (const words of whole) spans.push(...occurrences(text, words));
    for (const w of alone) spans.push(...occurrences(text, [w]));
  }
  return spans;
}
