// The words of cancelling and of taking it back: "batal aja pak", a strict "ya" to "are you sure?", "tidak jadi".
import { normalize, tokens } from './normalize.js';
import type { YesNo } from './yes-no.js';

/** Words that confirm a cancel or a withdrawal: nothing meant for another question ("sudah", "ok") does. */
const STRICT_YES = new Set([
  'ya',
  'iya',
  'yes',
  'yakin',
  'betul',
  'benar',
  'batal',
  'batalkan',
  'hapus',
  'cabut',
  'setuju',
]);
/** Words that take a cancel or a withdrawal back: "lanjut", "tidak jadi", "kembali". */
const TAKE_BACK =
  /^(?:(?:tidak|jangan|bukan|belum)(?: jadi| usah| mau| dibatalkan| batal)?|lanjut(?:kan)?|teruskan|kembali|balik|batal(?:kan)? (?:saja )?tidak|no|gak jadi|continue|back|keep)\b/;

/** "eh gak jadi, lanjut": a take-back anywhere in the reply. */
const TAKE_BACK_ANYWHERE =
  /\b(?:tidak jadi|lanjut(?:kan)?|teruskan|kembali|jangan (?:dibatalkan|batal|dicabut|hapus))\b/;

/**
 * Words around an answer to "yakin?" that say neither yes nor no: address, particles, hesitation ("eh", "hmm"). Not
 * `COMMAND_FILLERS` (commands.ts) on purpose: "ya" is the answer here, and "tolong"/"mohon" keep a reply from being
 * a strict yes, so neither is dropped.
 */
const SURE_FILLERS = new Set([
  'pak',
  'bu',
  'kak',
  'min',
  'admin',
  'saja',
  'aja',
  'deh',
  'dong',
  'lah',
  'saya',
  'ulun',
  'eh',
  'oh',
  'aduh',
  'waduh',
  'hmm',
  'anda',
]);

/** The words of an answer to "are you sure?" about cancelling or withdrawing: only a whole, strict yes confirms. */
export function sureAnswer(text: string): YesNo | null {
  const words = tokens(text).filter((w) => !SURE_FILLERS.has(w));
  if (words.length > 0 && words.every((w) => STRICT_YES.has(w))) return 'yes';
  const lean = words.join(' ');
  return TAKE_BACK.test(lean) || TAKE_BACK_ANYWHERE.test(lean) ? 'no' : null;
}

/** "tidak jadi", "lanjut": words that take a cancel back (said where "tidak jadi" would otherwise cancel). */
export function takesBack(text: string): boolean {
  return TAKE_BACK.test(normalize(text));
}

/** "batal aja lah pak, …": a message that opens with a cancel (the story may say "batal" freely further on). */
export function opensWithCancel(text: string): boolean {
  return /^(batal|batalkan|cancel|gak jadi lapor|tidak jadi lapor|tidak jadi mengadu)\b/.test(
    normalize(text),
  );
}
