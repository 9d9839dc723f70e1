// Finds where in the story the problem is, when the story names a street, an alley, a village or a public place
// ("di gang Sakinah Jl. Kelayan B", "depan SDN 2 Kandangan", "RT 12 Desa Indrasari"), so it is not asked again.

/** Words that begin a place: streets and alleys, neighbourhoods, villages, and public buildings. */
const START =
  /(?<![\p{L}\p{N}])(jl\.?|jln\.?|jalan|gg\.?|gang|komp\.?|komplek|kompleks|perum\.?|perumahan|rt\.?|desa|kelurahan|kel\.|kampung|pasar|puskesmas|pustu|rsud|rumah sakit|sdn?|smpn?|sman?|smkn?|sekolah|masjid|terminal|pelabuhan|dermaga|kantor|lapangan|taman|siring|km\.?)(?![\p{L}])/giu;

/** After a place word: words that describe rather than name it ("jalan rusak", "gang kami", "desa ini"). */
const NOT_A_NAME =
  /^(ka|dpn|dkt|rmh|rumah|sebelah|samping|belakang|situ|sana|sini|tersebut|kmi|kamu|anda|pian|mereka|rusak|berlubang|lubang|becek|licin|gelap|banjir|macet|ke|di|dari|yang|yg|ini|itu|nya|kami|kita|saya|sy|ulun|utama|raya\b(?!\s+\p{L})|depan|dekat|dkt|menuju|masuk|umum|kampung|desa|sudah|udah|udh|sdh|tidak|gak|gk|kada|belum|blm|rusaknya|lagi|juga|sangat|parah|terus)\b/iu;

/** Where a place ends: a clause break, or a word that goes back to telling the problem. */
const END =
  /(?<=[\p{L}]{3}|\d)\.(?=\s|$)|[!?;\n]|,\s*(?=\p{L}+\s+(?:sudah|udah|udh|sdh|tidak|gak|gk|kada|belum|blm|sejak|dari|yang|yg|tapi|tp|padahal|karena|krn)\b)|\s(?:sudah|udah|udh|sdh|tidak|tdk|gak|gk|kada|belum|blm|sejak|dari|yang|yg|tapi|tp|padahal|karena|krn|sampai|smp|dan|lalu|terus|pas|waktu|saat|kemarin|kmrn|tadi|minta|mohon|tolong|banyak|byk|numpuk|menumpuk|rusak|mati|bau|penuh|makin|semakin|masih|sering|selalu|jadi|ada|mengikuti|ikut|dapat|dapet|membuat|bikin|minggu|bulan|hari|tahun|tanggal|tgl|pagi|siang|sore|malam|jam|pukul|mampet|tumbang|banjir|macet|gelap|kotor|bocor|longsor|ambles|amblas|retak|jebol|putus|padam|hilang|mogok|lambat|becek|berlubang|tergenang|roboh|runtuh|ambruk|miring|terbakar|has|is|was|since|for)\b/iu;

const MAX_WORDS = 9;

/** Words that belong to an address even in lower case: numbers and the short words of Indonesian addresses. */
const ADDRESS_WORD =
  /^(\d[\w./-]*|[a-z]\.?|rt\.?|rw\.?|no\.?|km\.?|blok|kel\.?|kec\.?|kab\.?|jl\.?|jln\.?|gg\.?|gang|jalan|desa|kelurahan|kecamatan|komp\.?|komplek|dekat|dkt|depan|dpn|samping|seberang|belakang|ujung|simpang|arah|ke|ka|di|dan)[,.]?$/;

/** A place written with capitals ("Puskesmas Sungai Jingah panjang sekali") ends where the capitals end. */
function properName(words: string[]): string[] {
  const named = words.slice(1, 3).some((w) => /^\p{Lu}/u.test(w)) && /^[\p{Lu}\d]/u.test(words[1] ?? '');
  if (!named) return words;
  const end = words.findIndex((w, i) => i > 0 && !/^\p{Lu}/u.test(w) && !ADDRESS_WORD.test(w.toLowerCase()));
  return end === -1 ? words : words.slice(0, end);
}

/** The first place the story names, as the citizen wrote it, or null. */
export function findAddress(story: string): string | null {
  for (const m of story.matchAll(START)) {
    const at = m.index ?? 0;
    const after = story.slice(at + m[0].length).replace(/^\s+/, '');
    if (NOT_A_NAME.test(after)) continue;
    if (!/^[\p{L}\p{N}]/u.test(after)) continue;
    const rest = story.slice(at);
    const end = END.exec(rest.slice(m[0].length));
    const text = (end ? rest.slice(0, m[0].length + end.index) : rest).trim();
    const words = properName(text.split(/\s+/).slice(0, MAX_WORDS))
      .join(' ')
      .replace(/[,\s]+$/, '');
    if (words.split(/\s+/).length >= 2) return words;
  }
  return null;
}
