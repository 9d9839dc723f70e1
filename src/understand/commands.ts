// Recognizes whole-message commands (/start, batal, bantuan, status ADU-…, /lang en, a person) typed instead of an answer.
import { canonicalTicketNumber } from '../domain/ticket-number.js';
import { dataCommand } from './data-commands.js';
import { asksForBot, asksForPerson } from './handoff-words.js';
import { tokens } from './normalize.js';
import { POLITE_WORDS } from './polite-words.js';

export type Lang = 'id' | 'en';

export type Command =
  | { type: 'help' }
  | { type: 'cancel' }
  | { type: 'restart' }
  | { type: 'resume' }
  | { type: 'status'; ticket?: string }
  | { type: 'lang'; lang: Lang }
  | { type: 'start' }
  /** The citizen asks for a person instead of the bot; `bot`: for the bot back. */
  | { type: 'handoff' }
  | { type: 'bot' }
  /** "data saya": what Aduan keeps about this chat; "hapus data saya": erase it (after a confirmation). */
  | { type: 'my_data' }
  | { type: 'erase' };

/** Platform slash commands (Telegram-style, optionally addressed "/start@AduanBot"). */
const SLASH = /^\/([a-z_]{1,32})(?:@[a-z0-9_]{1,64})?(?:\s+([\s\S]*))?$/i;

const SLASH_COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['start', { type: 'start' }],
  ['mulai', { type: 'start' }],
  ['batal', { type: 'cancel' }],
  ['cancel', { type: 'cancel' }],
  ['stop', { type: 'cancel' }],
  ['bantuan', { type: 'help' }],
  ['help', { type: 'help' }],
  ['ulang', { type: 'restart' }],
  ['ulangi', { type: 'restart' }],
  ['restart', { type: 'restart' }],
  ['reset', { type: 'restart' }],
  ['lanjut', { type: 'resume' }],
  ['resume', { type: 'resume' }],
  ['en', { type: 'lang', lang: 'en' }],
  ['english', { type: 'lang', lang: 'en' }],
  ['id', { type: 'lang', lang: 'id' }],
  ['indonesia', { type: 'lang', lang: 'id' }],
  ['petugas', { type: 'handoff' }],
  ['admin', { type: 'handoff' }],
  ['cs', { type: 'handoff' }],
  ['bot', { type: 'bot' }],
  ['datasaya', { type: 'my_data' }],
  ['data_saya', { type: 'my_data' }],
  ['mydata', { type: 'my_data' }],
  ['hapusdata', { type: 'erase' }],
  ['hapus_data', { type: 'erase' }],
  ['hapusdatasaya', { type: 'erase' }],
  ['hapus_data_saya', { type: 'erase' }],
]);

/**
 * Whole messages (after normalization and dropping polite fillers) that are commands.
 * "tolong" is deliberately absent: alone it usually starts a story or an emergency, not a help request.
 */
const PHRASE_COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['bantuan', { type: 'help' }],
  ['help', { type: 'help' }],
  ['minta bantuan', { type: 'help' }],
  ['batal', { type: 'cancel' }],
  ['batalkan', { type: 'cancel' }],
  ['cancel', { type: 'cancel' }],
  ['stop', { type: 'cancel' }],
  ['berhenti', { type: 'cancel' }],
  ['keluar', { type: 'cancel' }],
  ['tidak jadi', { type: 'cancel' }],
  ['tidak jadi lapor', { type: 'cancel' }],
  ['ulang', { type: 'restart' }],
  ['ulangi', { type: 'restart' }],
  ['restart', { type: 'restart' }],
  ['reset', { type: 'restart' }],
  ['mulai ulang', { type: 'restart' }],
  ['mulai lagi', { type: 'restart' }],
  ['mulai dari awal', { type: 'restart' }],
  ['ulang dari awal', { type: 'restart' }],
  ['ulangi dari awal', { type: 'restart' }],
  ['lanjut', { type: 'resume' }],
  ['lanjutkan', { type: 'resume' }],
  ['resume', { type: 'resume' }],
  ['continue', { type: 'resume' }],
  ['start', { type: 'start' }],
  ['mulai', { type: 'start' }],
  ['english', { type: 'lang', lang: 'en' }],
  ['in english', { type: 'lang', lang: 'en' }],
  ['bahasa inggris', { type: 'lang', lang: 'en' }],
  ['pakai bahasa inggris', { type: 'lang', lang: 'en' }],
  ['bahasa indonesia', { type: 'lang', lang: 'id' }],
  ['pakai bahasa indonesia', { type: 'lang', lang: 'id' }],
  ['indonesian', { type: 'lang', lang: 'id' }],
  ['in indonesian', { type: 'lang', lang: 'id' }],
]);

/**
 * Words around a command that leave it the command: "batal ya pak", "tolong bantuan", "mohon status". Not the same
 * list as `SURE_FILLERS` (cancel-words.ts) on purpose: here "ya" and the request words only soften a command, while
 * at "yakin?" "ya" is the answer and a request is no strict yes.
 */
const COMMAND_FILLERS = new Set([...POLITE_WORDS, 'saya']);

const STATUS_LEADS = ['cek status', 'lihat status', 'status', 'cek', 'lacak'];
/** Words that may follow "status" without naming a ticket: "status laporan saya sudah sampai mana". */
const STATUS_WORDS = new Set([
  'laporan',
  'pengaduan',
  'aduan',
  'keluhan',
  'tiket',
  'nomor',
  'no',
  'saya',
  'nya',
  'bagaimana',
  'sudah',
  'sampai',
  'mana',
  ...COMMAND_FILLERS,
]);
/** Labels people put before the number: "status tiket ADU-…", "cek nomor: ADU-…". */
const TICKET_LABEL = /^(?:(?:tiket|nomor|no|laporan|pengaduan|aduan)[\s:.#]*)+/i;

function langCommand(arg: string): Command | null {
  const word = tokens(arg).join(' ');
  if (word === 'en' || word === 'english' || word === 'inggris') return { type: 'lang', lang: 'en' };
  if (word === 'id' || word === 'indonesia' || word === 'indonesian') return { type: 'lang', lang: 'id' };
  return null;
}

function ticketIn(text: string): string | null {
  const bare = text
    .trim()
    .replace(TICKET_LABEL, '')
    .replace(/^#/, '')
    .replace(/[.!?,;]+$/, '');
  return canonicalTicketNumber(bare);
}

/** A status request with whatever follows "status": a ticket number, nothing, or "laporan saya". */
function statusCommand(rest: string): Command | null {
  const ticket = ticketIn(rest);
  if (ticket !== null) return { type: 'status', ticket };
  const words = tokens(rest).filter((w) => !STATUS_WORDS.has(w));
  if (words.length === 0) return { type: 'status' };
  // A mistyped number ("adu 2611 4k70") is still a status request: the conversation asks for the number again.
  return /^adu[-0-9a-z]*[0-9]/.test(words.join('')) ? { type: 'status' } : null;
}

function slashCommand(name: string, arg: string): Command | null {
  const key = name.toLowerCase();
  if (key === 'lang' || key === 'bahasa' || key === 'language') return langCommand(arg);
  if (key === 'status' || key === 'cek') return statusCommand(arg);
  return SLASH_COMMANDS.get(key) ?? null;
}

/** The command a whole message stands for, or null when it is anything else (a story that mentions "batal" is not a command). */
export function parseCommand(text: string): Command | null {
  const trimmed = text.trim();
  const slash = SLASH.exec(trimmed);
  if (slash) return slashCommand(slash[1] ?? '', slash[2] ?? '');
  if (trimmed.startsWith('/')) return null;

  const bare = ticketIn(trimmed);
  if (bare !== null) return { type: 'status', ticket: bare };
  if (asksForPerson(trimmed)) return { type: 'handoff' };
  if (asksForBot(trimmed)) return { type: 'bot' };
  const data = dataCommand(trimmed);
  if (data) return { type: data };

  const phrase = tokens(trimmed)
    .filter((w) => !COMMAND_FILLERS.has(w))
    .join(' ');
  const command = PHRASE_COMMANDS.get(phrase);
  if (command) return command;

  const lower = trimmed.toLowerCase();
  for (const lead of STATUS_LEADS) {
    if (lower === lead || lower.startsWith(`${lead} `) || lower.startsWith(`${lead}:`)) {
      return statusCommand(trimmed.slice(lead.length).replace(/^[\s:]+/, ''));
    }
  }
  return null;
}
