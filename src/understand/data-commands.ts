// Recognizes a citizen's whole-message request about their own data: "data saya" (what is kept about this chat) and
// "hapus data saya" (erase it), in Indonesian, Banjar ("data ulun", "buang data ulun") and English ("my data").
import { tokens } from './normalize.js';
import { POLITE_WORDS } from './polite-words.js';

export type DataCommand = 'my_data' | 'erase';

/** Whose data: the sender's ("ulun", "sy", "aku" are already "saya" after normalizing; "dataku" is split). */
const OWNER = new Set(['saya', 'ku', 'my', 'me', 'mine']);

/** What is held about a person: data, NIK, name, phone number, identity. */
const NOUN = new Set([
  'data',
  'data-data',
  'data2',
  'nik',
  'nama',
  'identitas',
  'nomor',
  'hp',
  'telepon',
  'phone',
]);

/** Words that mean "erase": Banjar "hapusakan", "hapusi", "buang"; slang "hapusin"; typos "hpus", "dhapus". */
const ERASE = new Set([
  'hapus',
  'hpus',
  'hapuss',
  'dhapus',
  'hapusin',
  'hapuskan',
  'hapusakan',
  'hapusi',
  'dihapus',
  'dihapuskan',
  'menghapus',
  'buang',
  'dibuang',
  'delete',
  'erase',
  'remove',
]);

/** Words that ask to see or know: "lihat", "liat", "meliat", "cek", "tahu", "apa saja", "disimpan", "what". */
const SHOW = new Set([
  'lihat',
  'liat',
  'meliat',
  'melihat',
  'cek',
  'tahu',
  'tau',
  'tampilkan',
  'tunjukkan',
  'apa',
  'disimpan',
  'tersimpan',
  'tercatat',
  'show',
  'see',
  'view',
  'what',
  'which',
]);

/**
 * Words of a complaint ABOUT data kept elsewhere (DTKS, KTP, the Dukcapil, social aid lists) or of an answer in the
 * intake ("data saya benar", "hapus foto yang tadi"): a message with one of them is not a request about Aduan's data.
 */
const COMPLAINT = new Set([
  'ktp',
  'kk',
  'dtks',
  'bansos',
  'blt',
  'pkh',
  'kis',
  'bpjs',
  'dukcapil',
  'disdukcapil',
  'capil',
  'oss',
  'dapodik',
  'penerima',
  'ganda',
  'dobel',
  'salah',
  'hilang',
  'terhapus',
  'rekam',
  'kependudukan',
  'terdaftar',
  'daftar',
  'muncul',
  'masuk',
  'belum',
  'kenapa',
  'mengapa',
  'operator',
  'benar',
  'bener',
  'betul',
  'foto',
  'gambar',
  'video',
  'kata',
  'status',
  'laporan',
  'lapor',
  'kirim',
  'mangirim',
  'rusak',
]);

/** "data ttg saya", "what data do you have about me". */
const ABOUT = new Set(['tentang', 'ttg', 'about', 'of']);

/** Longest messages still read as a request (a formal letter-like sentence); longer ones are stories. */
const MAX_SHOW_WORDS = 16;
const MAX_ERASE_WORDS = 25;

/** Polite or filler words that leave a bare "data saya" a request. */
const AROUND = new Set([...POLITE_WORDS, 'minta', 'semua', 'seluruh', 'all', 'pribadi', 'diri', 'personal']);

/** "data saya", "data pribadi ulun", "my (personal) data", "data tentang saya": the noun and its owner together. */
function ownData(words: readonly string[]): boolean {
  const near = (i: number, set: ReadonlySet<string>, from: number, to: number) =>
    words.slice(Math.max(0, i + from), i + to + 1).some((w) => set.has(w));
  return words.some(
    (w, i) =>
      (NOUN.has(w) && near(i, OWNER, 1, 2)) ||
      (w === 'my' && near(i, NOUN, 1, 2)) ||
      (ABOUT.has(w) && near(i, OWNER, 1, 1) && words.some((x) => NOUN.has(x))),
  );
}

/** The request a whole message makes about the sender's own data, or null when it is anything else. */
export function dataCommand(text: string): DataCommand | null {
  const words = tokens(text).flatMap((w) =>
    w === 'dataku'
      ? ['data', 'saya']
      : w === 'datasaya'
        ? ['data', 'saya']
        : w === 'hapusdatasaya'
          ? ['hapus', 'data', 'saya']
          : [w],
  );
  if (words.some((w) => COMPLAINT.has(w))) return null;
  if (!ownData(words)) return null;
  const erase = words.filter((w) => ERASE.has(w)).length;
  if (erase > 1) return null;
  if (erase === 1) return words.length <= MAX_ERASE_WORDS ? 'erase' : null;
  if (words.length > MAX_SHOW_WORDS) return null;
  const bare = words.every((w) => OWNER.has(w) || NOUN.has(w) || AROUND.has(w));
  return bare || words.some((w) => SHOW.has(w)) ? 'my_data' : null;
}
