// Recognizes a whole message asking for a person instead of the bot ("mau bicara dengan petugas", "minta cs", Banjar
// "handak bapander lawan petugas"), and one asking for the bot back ("kembali ke bot"); a story that only mentions
// an officer ("petugas puskesmas tidak ramah") is neither.
import { tokens } from './normalize.js';

/** Who the citizen may ask for. "orang", "urang" and "manusia" count only with a verb ("ngobrol sama orang"). */
const PEOPLE = new Set([
  'petugas',
  'admin',
  'cs',
  'operator',
  'human',
  'person',
  'agent',
  'officer',
  'staff',
]);
const VAGUE_PEOPLE = new Set(['orang', 'urang', 'manusia', 'customer', 'service']);
/** Verbs of talking and connecting (Indonesian, Banjar, chat English). */
const VERBS = new Set([
  'bicara',
  'berbicara',
  'ngobrol',
  'ngomong',
  'omong',
  'bapander',
  'bepander',
  'bapandir',
  'chat',
  'sambungkan',
  'disambungkan',
  'sambung',
  'hubungkan',
  'dihubungkan',
  'hubungi',
  'minta',
  'talk',
  'speak',
  'connect',
]);
/** Words that may surround the request without changing it. */
const AROUND = new Set([
  'pak',
  'bu',
  'kak',
  'min',
  'ya',
  'saja',
  'dong',
  'deh',
  'lah',
  'nih',
  'kah',
  'please',
  'pls',
  'tolong',
  'mohon',
  'saya',
  'aku',
  'mau',
  'ingin',
  'pengen',
  'pingin',
  'hndk',
  'bisa',
  'boleh',
  'langsung',
  'dulu',
  'dengan',
  'sama',
  'lwn',
  'ke',
  'kepada',
  'yang',
  'asli',
  'i',
  'want',
  'can',
  'to',
  'a',
  'with',
]);

/** Without a verb, only these may stand beside the person asked for: "petugas dong", but "ya admin" is a yes. */
const BARE_AROUND = new Set(['pak', 'bu', 'kak', 'min', 'dong', 'saja', 'tolong', 'mohon', 'please', 'pls']);

/** Whether the whole message asks to talk to a person. */
export function asksForPerson(text: string): boolean {
  const words = tokens(text);
  if (words.length === 0 || words.length > 12) return false;
  let person = false;
  let vague = false;
  let verb = false;
  let loose = false;
  for (const w of words) {
    if (PEOPLE.has(w)) person = true;
    else if (VAGUE_PEOPLE.has(w)) vague = true;
    else if (VERBS.has(w)) verb = true;
    else if (!AROUND.has(w)) return false;
    else if (!BARE_AROUND.has(w)) loose = true;
  }
  return verb ? person || vague : person && !loose;
}

const BOT_BACK = new Set([
  'kembali ke bot',
  'balik ke bot',
  'lanjut dengan bot',
  'lanjut sama bot',
  'lanjut bot',
  'bot',
  'pakai bot',
  'back to bot',
  'back to the bot',
]);

const BOT_FILLERS = new Set([
  'pak',
  'bu',
  'kak',
  'min',
  'ya',
  'dong',
  'saja',
  'tolong',
  'mohon',
  'saya',
  'mau',
]);

/** Whether the whole message asks for the bot back ("kembali ke bot"). */
export function asksForBot(text: string): boolean {
  return BOT_BACK.has(
    tokens(text)
      .filter((w) => !BOT_FILLERS.has(w))
      .join(' '),
  );
}
