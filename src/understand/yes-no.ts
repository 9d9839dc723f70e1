// Reads a short yes/no answer ("iya pak", "kada", "👍") and an "already?" answer ("sudah", "belum pernah").
import { tokens } from './normalize.js';

export type YesNo = 'yes' | 'no';

const YES = new Set([
  'ya',
  'yaa',
  'iya',
  'iyaa',
  'iyah',
  'iye',
  'iy',
  'iyo',
  'y',
  'yoi',
  'yup',
  'yups',
  'yap',
  'yep',
  'yes',
  'yess',
  'yeah',
  'yea',
  'sure',
  'betul',
  'benar',
  'oke',
  'sip',
  'sipp',
  'siap',
  'boleh',
  'tentu',
  'setuju',
  'bersedia',
  'mau',
  'lanjut',
  'lanjutkan',
  'ayo',
  'ayuk',
  'yuk',
  'ayuha',
  'au',
  'gas',
  'gass',
  'bisa',
  'silakan',
  'silahkan',
  'monggo',
  'nggih',
  'enggih',
  'hooh',
  'heeh',
  'cocok',
  'sudah',
  '👍',
  '👌',
  '✅',
  '✔',
  '☑',
  '🆗',
  '🙆',
]);

const NO = new Set([
  'tidak',
  'bukan',
  'belum',
  'jangan',
  'no',
  'n',
  'nope',
  'nah',
  'tolak',
  'ogah',
  'emoh',
  'salah',
  'keliru',
  '👎',
  '❌',
  '❎',
  '✖',
  '🙅',
  '⛔',
  '🚫',
]);

/** Negations that turn the next yes-word into a "no": "tidak mau", "belum setuju", "jangan lanjut". */
const NEGATIONS = new Set(['tidak', 'belum', 'jangan', 'bukan']);
const NEGATABLE = new Set([...YES, 'perlu', 'usah', 'pernah', 'sempat', 'jadi']);
/** "tidak apa-apa", "tidak masalah", "tidak keberatan" mean "fine". */
const FINE_AFTER_NEGATION = new Set(['apa-apa', 'masalah', 'keberatan']);

/** Words that carry no answer: address terms, particles, politeness. */
const FILLERS = new Set([
  'pak',
  'bu',
  'bapak',
  'ibu',
  'mas',
  'mbak',
  'kak',
  'kakak',
  'bang',
  'abang',
  'om',
  'tante',
  'dik',
  'dek',
  'min',
  'admin',
  'gan',
  'sis',
  'bro',
  'anda',
  'saya',
  'lah',
  'dong',
  'deh',
  'kok',
  'sih',
  'nih',
  'tuh',
  'kan',
  'saja',
  'sekali',
  'sangat',
  'banget',
  'memang',
  'itu',
  'terima',
  'kasih',
  'please',
  'pls',
  'boss',
  'bos',
]);

/** A clause after these does not change the answer: "sudah, tapi tidak ditanggapi". */
const CLAUSE_BREAKS = new Set(['tapi', 'tetapi', 'namun', 'cuma', 'cuman', 'hanya']);

function isEmoji(word: string): boolean {
  return /^\p{Extended_Pictographic}+$/u.test(word);
}

function answerWords(text: string): string[] {
  const words = tokens(text);
  const cut = words.findIndex((w, i) => i > 0 && CLAUSE_BREAKS.has(w));
  return (cut === -1 ? words : words.slice(0, cut)).filter((w) => !FILLERS.has(w) || YES.has(w) || NO.has(w));
}

function decide(words: string[], yes: ReadonlySet<string>, no: ReadonlySet<string>): YesNo | null {
  const votes = new Set<YesNo>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    const next = words[i + 1] ?? '';
    if (NEGATIONS.has(word) && FINE_AFTER_NEGATION.has(next)) {
      votes.add('yes');
      i++;
    } else if (word === 'tidak' && next === 'apa' && words[i + 2] === 'apa') {
      votes.add('yes');
      i += 2;
    } else if (NEGATIONS.has(word) && (NEGATABLE.has(next) || yes.has(next))) {
      votes.add('no');
      i++;
    } else if (yes.has(word)) votes.add('yes');
    else if (no.has(word)) votes.add('no');
    else if (!isEmoji(word)) return null;
  }
  const [only, ...rest] = [...votes];
  return only !== undefined && rest.length === 0 ? only : null;
}

/** "yes", "no", or null when the message is not a plain yes/no answer or contradicts itself ("ya tidak"). */
export function parseYesNo(text: string): YesNo | null {
  return decide(answerWords(text), YES, NO);
}

const ALREADY_YES = new Set([...YES, 'pernah', 'sempat']);
/** Words that may accompany an "already reported?" answer: "sudah lapor", "pernah ke sana". */
const ALREADY_CONTEXT = new Set(['lapor', 'melapor', 'mengadu', 'komplain', 'ke', 'sana', 'kesana', 'itu']);

/** Words that answer an "already?" question on their own, whatever follows ("sudah ke kantor camat 3 kali"). */
const ALREADY_LEADS = new Set(['sudah', 'pernah', 'sempat', 'belum']);

/**
 * The leading "sudah"/"belum pernah"/"tidak pernah" of a longer answer, or the whole answer when it does
 * not start so or when another such word follows at once ("sudah belum" stays undecided).
 */
function alreadyLead(words: string[]): string[] {
  const [first = '', second = '', third = ''] = words;
  if (NEGATIONS.has(first) && ALREADY_LEADS.has(second))
    return ALREADY_LEADS.has(third) ? words : [first, second];
  if (first === 'sudah' && (second === 'pernah' || second === 'sempat')) {
    return ALREADY_LEADS.has(third) ? words : [first, second];
  }
  return ALREADY_LEADS.has(first) && !ALREADY_LEADS.has(second) ? [first] : words;
}

/** Answer to "sudah …?"/"pernah …?": sudah/pernah/iya → "yes"; belum/tidak pernah/tidak → "no". */
export function parseAlready(text: string): YesNo | null {
  const words = answerWords(text).filter((w) => !ALREADY_CONTEXT.has(w));
  return decide(words, ALREADY_YES, NO) ?? decide(alreadyLead(words), ALREADY_YES, NO);
}

/** Words that answer yes or no on their own at the start of a longer reply ("iya, di Banjarmasin"). */
const LEAD_YES = new Set(['ya', 'iya', 'yes', 'betul', 'benar', 'oke', 'sip', 'setuju', 'boleh']);
const LEAD_NO = new Set(['bukan', 'salah', 'keliru', 'no']);

/**
 * The yes or no an answer starts with: its first clause as a whole ("iya betul, di banjarmasin" → yes), or a yes/no
 * particle as its first word. "tidak ada pemberitahuan" starts a sentence, not a "no".
 */
export function leadingYesNo(text: string): 'yes' | 'no' | null {
  const clause = text.split(/[,.;!?\n]|\s-\s/)[0] ?? '';
  const whole = parseYesNo(clause);
  if (whole) return whole;
  const first = tokens(clause)[0] ?? '';
  return LEAD_YES.has(first) ? 'yes' : LEAD_NO.has(first) ? 'no' : null;
}
