// The words around an answer to "when?" that carry no date: fillers, hedges ("kalau tidak salah") and "I don't know".
/** Answers that say the citizen does not know when: nothing may be stored for them. */
export const DONT_KNOW = [
  ['lupa'],
  ['tidak', 'ingat'],
  ['tdk', 'ingat'],
  ['gak', 'ingat'],
  ['ga', 'ingat'],
  ['nggak', 'ingat'],
  ['kada', 'ingat'],
  ['tidak', 'tahu'],
  ['tidak', 'tau'],
  ['gak', 'tau'],
  ['kada', 'tahu'],
  ['sudah', 'lama'],
  ['udah', 'lama'],
  ['lama', 'sekali'],
  ['lawas'],
  ['bahari'],
  ['dulu'],
  // Banjar "lawas" arrives here as "lama" (normalize): alone it says "a long time", no date.
  ['lama'],
] as const;
/** Words around a whole-message answer that carry no date: "sekitar tanggal 12 pak", "kira-kira 3 bulan". */
export const WHOLE_FILLERS = new Set([
  'sekitar',
  'hampir',
  'sudah',
  'lama',
  'kira',
  'kira-kira',
  'kurang',
  'lebih',
  'pada',
  'sejak',
  'dari',
  'waktu',
  'itu',
  'pak',
  'bu',
  'bapak',
  'ibu',
  'kak',
  'min',
  'ya',
  'mungkin',
  'kayaknya',
  'sepertinya',
  'sih',
  'deh',
  'tepatnya',
  'kejadian',
  'kejadiannya',
  'terjadi',
  'saya',
  'lupa',
  'yang',
  'nang',
  'udah',
  'udh',
  'sdh',
  'dah',
  'semenjak',
  'dr',
  'mulai',
  'lah',
  'ai',
  'haja',
  'ja',
  'pian',
  'ulun',
  'lawas',
  'an',
]);

/** Drops "kalau tidak salah" ("if I am not mistaken"). */
export function withoutHedges(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (words[i] === 'kalau' && words[i + 1] === 'tidak' && words[i + 2] === 'salah') i += 2;
    else out.push(words[i] ?? '');
  }
  return out;
}
