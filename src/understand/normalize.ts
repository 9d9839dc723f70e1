// Normalizes citizen chat text (Unicode, case, punctuation, stretched letters, chat slang and Banjar) into standard Indonesian words.

/**
 * Invisible characters: format controls (zero-width space/joiner, bidi marks, BOM, soft hyphen, tags),
 * variation selectors, the keycap mark (so "1️⃣" reads as "1"), emoji skin tones and blank fillers
 * that chat apps use to send "empty" messages.
 */
const INVISIBLE =
  /[\p{Cf}\p{Variation_Selector}\u115F\u1160\u17B4\u17B5\u180E\u2800\u3164\uFFA0\p{Emoji_Modifier}]|\u034F|\u20E3/gu;

const LATIN_WITH_MARKS = /([a-z])\p{M}+/gu;
const LETTER = /^\p{L}$/u;
const DIGIT = /^\p{Nd}$/u;
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;
const STRETCHED = /(\p{L})\1{2,}/gu;
/** Acronyms written with a letter three times, which are not stretched words. */
const ACRONYMS: ReadonlySet<string> = new Set(['pppk']);
const REDUPLICATED = /^(\p{L}{3,})2$/u;

/** Kept between two digits so dates, times, phone numbers and amounts survive: 12/1/2026, 10:30, 0812-3456, 1,5. */
const DIGIT_SEPARATORS = new Set(['/', '-', '.', ':', ',']);
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u00B4', '\u02BC']);

/**
 * Chat abbreviations and Banjar words → standard Indonesian. A value may hold several words;
 * an empty value drops the word (Banjar particles). Words that are also ordinary Indonesian
 * words with another meaning are mapped only where the Banjar sense dominates in Kalsel chats.
 */
const WORDS: ReadonlyMap<string, string> = new Map([
  // pronouns
  ['aku', 'saya'],
  ['aq', 'saya'],
  ['ak', 'saya'],
  ['sy', 'saya'],
  ['sya', 'saya'],
  ['gw', 'saya'],
  ['gue', 'saya'],
  ['gua', 'saya'],
  ['ane', 'saya'],
  ['ulun', 'saya'],
  ['unda', 'saya'],
  ['pian', 'anda'],
  ['ikam', 'kamu'],
  ['kmu', 'kamu'],
  ['sidin', 'beliau'],
  ['bubuhan', 'mereka'],
  // negation, affirmation
  ['gk', 'tidak'],
  ['ga', 'tidak'],
  ['gak', 'tidak'],
  ['ngga', 'tidak'],
  ['nggak', 'tidak'],
  ['engga', 'tidak'],
  ['enggak', 'tidak'],
  ['ndak', 'tidak'],
  ['nda', 'tidak'],
  ['tdk', 'tidak'],
  ['tak', 'tidak'],
  ['kada', 'tidak'],
  ['kadada', 'tidak ada'],
  ['gpp', 'tidak apa-apa'],
  ['gatau', 'tidak tahu'],
  ['inggih', 'iya'],
  ['blm', 'belum'],
  ['blum', 'belum'],
  ['udh', 'sudah'],
  ['udah', 'sudah'],
  ['sdh', 'sudah'],
  ['sudh', 'sudah'],
  ['dah', 'sudah'],
  ['bkn', 'bukan'],
  ['jgn', 'jangan'],
  ['ok', 'oke'],
  ['okay', 'oke'],
  ['okey', 'oke'],
  ['okeh', 'oke'],
  ['okee', 'oke'],
  ['bnr', 'benar'],
  ['bener', 'benar'],
  ['banar', 'benar'],
  ['bujur', 'benar'],
  ['emg', 'memang'],
  ['emang', 'memang'],
  // conjunctions, prepositions, particles
  ['yg', 'yang'],
  ['nang', 'yang'],
  ['krn', 'karena'],
  ['karna', 'karena'],
  ['krna', 'karena'],
  ['dgn', 'dengan'],
  ['dg', 'dengan'],
  ['lawan', 'dengan'],
  ['tp', 'tapi'],
  ['tpi', 'tapi'],
  ['sm', 'sama'],
  ['dr', 'dari'],
  ['dlm', 'dalam'],
  ['utk', 'untuk'],
  ['kpd', 'kepada'],
  ['lg', 'lagi'],
  ['lgi', 'lagi'],
  ['aja', 'saja'],
  ['aj', 'saja'],
  ['sj', 'saja'],
  ['haja', 'saja'],
  ['jg', 'juga'],
  ['jua', 'juga'],
  ['kalo', 'kalau'],
  ['klo', 'kalau'],
  ['pdhl', 'padahal'],
  ['sblm', 'sebelum'],
  ['stlh', 'setelah'],
  ['smpe', 'sampai'],
  ['sampe', 'sampai'],
  ['ampe', 'sampai'],
  ['trs', 'terus'],
  ['trus', 'terus'],
  ['dll', 'dan lain-lain'],
  ['pang', ''],
  ['kah', ''],
  // question words
  ['gmn', 'bagaimana'],
  ['gmna', 'bagaimana'],
  ['gimana', 'bagaimana'],
  ['bgmn', 'bagaimana'],
  ['kayapa', 'bagaimana'],
  ['dimapa', 'bagaimana'],
  ['knp', 'kenapa'],
  ['napa', 'apa'],
  ['dmn', 'di mana'],
  ['dimana', 'di mana'],
  // verbs, adjectives, adverbs
  ['bs', 'bisa'],
  ['bsa', 'bisa'],
  ['bgt', 'banget'],
  ['tlg', 'tolong'],
  ['mo', 'mau'],
  ['handak', 'mau'],
  ['pengen', 'ingin'],
  ['pgn', 'ingin'],
  ['pingin', 'ingin'],
  ['pengin', 'ingin'],
  ['kepengen', 'ingin'],
  ['msh', 'masih'],
  ['msih', 'masih'],
  ['sdg', 'sedang'],
  ['hrs', 'harus'],
  ['dpt', 'dapat'],
  ['byk', 'banyak'],
  ['bnyk', 'banyak'],
  ['lbh', 'lebih'],
  ['krg', 'kurang'],
  ['pny', 'punya'],
  ['pnya', 'punya'],
  ['ampun', 'punya'],
  ['baisi', 'punya'],
  ['tau', 'tahu'],
  ['blg', 'bilang'],
  ['jd', 'jadi'],
  ['jdi', 'jadi'],
  ['tdi', 'tadi'],
  ['td', 'tadi'],
  ['bbrp', 'beberapa'],
  ['lawas', 'lama'],
  ['larang', 'mahal'],
  ['garing', 'sakit'],
  ['skt', 'sakit'],
  ['tulak', 'pergi'],
  ['bulik', 'pulang'],
  ['rancak', 'sering'],
  ['talalu', 'terlalu'],
  ['hanyar', 'baru'],
  ['tuntung', 'selesai'],
  ['suah', 'pernah'],
  ['tarus', 'terus'],
  ['gasan', 'untuk'],
  ['matan', 'dari'],
  ['pajah', 'mati'],
  ['kadap', 'gelap'],
  ['licak', 'becek'],
  ['habang', 'merah'],
  ['babau', 'berbau'],
  ['bagawi', 'bekerja'],
  ['pagawai', 'pegawai'],
  ['balajar', 'belajar'],
  ['bajualan', 'berjualan'],
  ['manukar', 'membeli'],
  ['mambayar', 'membayar'],
  ['dibaiki', 'diperbaiki'],
  ['disariki', 'dimarahi'],
  ['mksh', 'terima kasih'],
  ['makasih', 'terima kasih'],
  ['makasi', 'terima kasih'],
  ['trims', 'terima kasih'],
  ['trimakasih', 'terima kasih'],
  ['thx', 'terima kasih'],
  ['tq', 'terima kasih'],
  // time
  ['kmrn', 'kemarin'],
  ['kmren', 'kemarin'],
  ['kemaren', 'kemarin'],
  ['kmarin', 'kemarin'],
  ['samalam', 'kemarin'],
  ['skrg', 'sekarang'],
  ['skg', 'sekarang'],
  ['skrng', 'sekarang'],
  ['kaina', 'nanti'],
  ['isuk', 'besok'],
  ['bahari', 'dulu'],
  ['wayah', 'waktu'],
  ['hr', 'hari'],
  ['mgg', 'minggu'],
  ['bln', 'bulan'],
  ['thn', 'tahun'],
  ['th', 'tahun'],
  ['tgl', 'tanggal'],
  // people, places, things
  ['org', 'orang'],
  ['bpk', 'bapak'],
  ['dangsanak', 'saudara'],
  ['gawian', 'pekerjaan'],
  ['banyu', 'air'],
  ['jln', 'jalan'],
  ['jl', 'jalan'],
  ['rmh', 'rumah'],
  ['kntr', 'kantor'],
  ['kab', 'kabupaten'],
  ['sakulah', 'sekolah'],
  ['kakanakan', 'anak-anak'],
  ['kec', 'kecamatan'],
  ['kel', 'kelurahan'],
]);

/** Two-word Banjar phrases whose meaning is not the sum of their words. */
const PHRASES: ReadonlyMap<string, string> = new Map([
  ['kaya apa', 'bagaimana'],
  ['wayah ini', 'sekarang'],
  ['wayah ni', 'sekarang'],
  // Banjar "tadi" after a period is the last one: "minggu tadi" is last week.
  ['minggu tadi', 'minggu lalu'],
  ['bulan tadi', 'bulan lalu'],
  ['tahun tadi', 'tahun lalu'],
]);

function replacePunctuation(text: string): string {
  const chars = Array.from(text);
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    const prev = chars[i - 1] ?? '';
    const next = chars[i + 1] ?? '';
    if (WORD_CHAR.test(c)) out.push(c);
    else if (PICTOGRAPH.test(c)) out.push(` ${c} `);
    else if (DIGIT_SEPARATORS.has(c) && DIGIT.test(prev) && DIGIT.test(next)) out.push(c);
    else if (c === '-' && WORD_CHAR.test(prev) && WORD_CHAR.test(next)) out.push(c);
    else if (c === '+' && DIGIT.test(next) && !WORD_CHAR.test(prev)) out.push(c);
    else if (APOSTROPHES.has(c) && LETTER.test(prev) && LETTER.test(next)) continue;
    else out.push(' ');
  }
  return out.join('');
}

function squeeze(word: string): string {
  if (ACRONYMS.has(word)) return word;
  const squeezed = word.replace(STRETCHED, '$1');
  const redup = REDUPLICATED.exec(squeezed);
  return redup ? `${redup[1]}-${redup[1]}` : squeezed;
}

function expand(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const phrase = PHRASES.get(`${word} ${words[i + 1] ?? ''}`);
    if (phrase !== undefined) {
      out.push(phrase);
      i++;
      continue;
    }
    const mapped = WORDS.get(word) ?? word;
    if (mapped !== '') out.push(mapped);
  }
  return out;
}

/**
 * Lowercased standard-Indonesian words separated by single spaces. Digits keep their inner
 * separators (12/1/2026, 0812-3456-7890, 10.30); emoji become words of their own.
 * Letters repeated three or more times are squeezed to one ("tolonggg" → "tolong"); real
 * doubles ("maaf", "saat") stay. "anak2" becomes "anak-anak".
 */
export function normalize(text: string): string {
  const cached = CACHE.get(text);
  if (cached !== undefined) return cached;
  const result = normalizeUncached(text);
  // One message is normalized by several parsers in one step: a small cache saves the repeats.
  if (CACHE.size >= CACHE_SIZE) CACHE.delete(CACHE.keys().next().value ?? '');
  if (text.length <= 2000) CACHE.set(text, result);
  return result;
}

const CACHE_SIZE = 256;
const CACHE = new Map<string, string>();

function normalizeUncached(text: string): string {
  const cleaned = text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .normalize('NFD')
    .replace(LATIN_WITH_MARKS, '$1')
    .normalize('NFC');
  const words = replacePunctuation(cleaned)
    .split(/\s+/)
    .filter((w) => w !== '')
    .map(squeeze);
  return expand(words).join(' ');
}

/** The normalized words of `text`. */
export function tokens(text: string): string[] {
  const normalized = normalize(text);
  return normalized === '' ? [] : normalized.split(' ');
}
