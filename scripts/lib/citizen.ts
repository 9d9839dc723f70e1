// Citizens for the drills: a persona (what this citizen will say), a reader that recognises the bot's question from
// the text Telegram would show, and the raw Telegram updates a private chat sends (text, button taps, contact,
// location, photo). Everything is seeded, so a run can be repeated.
import { t } from '../../src/i18n/locales.js';

/** A small, fast, seedable PRNG (mulberry32). */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let x = this.state;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** What the citizen does next: a typed text, a button tap, a shared contact or pin, or a photo. */
export type Action =
  | { kind: 'text'; text: string }
  | { kind: 'tap'; data: string }
  | { kind: 'contact'; phone: string }
  | { kind: 'location'; lat: number; lon: number }
  | { kind: 'photo' };

export type Persona = {
  greeting: string;
  /** Uses the inline buttons when there are some (callback queries) instead of typing. */
  taps: boolean;
  /** The story in one or two messages. */
  story: string[];
  address: string | { lat: number; lon: number };
  region: string;
  prior: { done: false } | { done: true; result: string };
  expectation: string;
  photo: boolean;
  identity: '1' | '2' | '3';
  name: string;
  nik: string | null;
  phone: string | 'contact' | null;
  /** How the dialogue ends at the summary: filed, or cancelled ("batal", then "ya"). */
  ending: 'kirim' | 'batal';
};

const STORIES: { story: string[]; region: string; address: string; expectation: string }[] = [
  {
    story: [
      'Selamat pagi. Saya ingin melaporkan bahwa KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.',
    ],
    region: 'Banjarmasin',
    address: 'Jl. Pramuka dekat pasar, Banjarmasin Timur',
    expectation: 'KTP saya segera dicetak',
  },
  {
    story: ['jln dpn rmh sy rusak parah bgt, byk lubang', 'udh 2 bln gk dibenerin, di banjarmasin utara'],
    region: 'Banjarmasin',
    address: 'jl. sultan adam dkt masjid, kec. banjarmasin utara',
    expectation: 'tlg segera diperbaiki',
  },
  {
    story: ['banyu PDAM di rumah ulun kada mengalir sudah 4 hari di Martapura'],
    region: 'Banjar',
    address: 'Desa Indrasari, Martapura',
    expectation: 'banyu lakas mengalir',
  },
  {
    story: ['Lampu PJU di jalan depan sekolah mati semua sejak minggu lalu, gelap dan rawan, di Kandangan'],
    region: 'Hulu Sungai Selatan',
    address: 'Jl. Aluh Idut depan SDN Kandangan Kota 1',
    expectation: 'Lampu segera dinyalakan kembali',
  },
  {
    story: [
      'Saya antre di Puskesmas dari jam 7 pagi tapi dokternya tidak datang sampai siang.',
      'Itu kejadian kemarin di Banjarbaru.',
    ],
    region: 'Banjarbaru',
    address: 'Puskesmas Banjarbaru Utara',
    expectation: 'Jadwal dokter ditepati',
  },
  {
    story: ['sampah di pinggir jalan tidak diangkut sudah seminggu, bau sekali'],
    region: 'Banjarbaru',
    address: 'Jl. A. Yani km 33, Loktabat Utara, Banjarbaru',
    expectation: 'sampah segera diangkut dan dijadwalkan rutin',
  },
  {
    story: [
      'Anak saya tidak diterima di SMP negeri padahal rumah dekat sekolah, zonasi tidak jelas di Tanjung.',
    ],
    region: 'Tabalong',
    address: 'Kelurahan Tanjung, Kabupaten Tabalong',
    expectation: 'penjelasan dan peninjauan ulang PPDB',
  },
];

const NAMES = [
  'Siti Rahmah',
  'Ahmad Fauzi',
  'Budi Santoso',
  'Nurul Hidayah',
  'Muhammad Rizki',
  'Dewi Lestari',
];
const GREETINGS = ['/start', 'halo', 'assalamualaikum', 'p', 'selamat pagi'];
const PIN = { lat: -3.3194, lon: 114.5908 };

/** A valid NIK (Banjarmasin Timur, a woman born 17-08-1990) with the sequence varied. */
export function nikFor(n: number): string {
  return `637104570890${String(1 + (n % 9998)).padStart(4, '0')}`;
}

export function makePersona(rng: Rng, opts: { cancelShare: number }): Persona {
  const s = rng.pick(STORIES);
  const identity = rng.pick(['1', '1', '2', '3'] as const);
  return {
    greeting: rng.pick(GREETINGS),
    taps: rng.chance(0.5),
    story: s.story,
    address: rng.chance(0.15) ? PIN : s.address,
    region: s.region,
    prior: rng.chance(0.3)
      ? { done: true, result: 'disuruh menunggu tapi tidak ada kabar' }
      : { done: false },
    expectation: s.expectation,
    photo: rng.chance(0.2),
    identity,
    name: rng.pick(NAMES),
    nik: rng.chance(0.5) ? nikFor(rng.int(1, 9000)) : null,
    phone: rng.chance(0.2)
      ? 'contact'
      : rng.chance(0.6)
        ? `0812-${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`
        : null,
    ending: rng.chance(opts.cancelShare) ? 'batal' : 'kirim',
  };
}

/** The bot's message as the citizen reads it: Telegram HTML or the locales' *bold*, reduced to plain text. */
export function plainText(text: string): string {
  return text
    .replace(/<\/?b>/g, '')
    .replace(/\*/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A locale text's fixed beginning (up to its first placeholder), to recognise it inside a rendered message. */
function marker(key: string): string {
  const text = plainText(t('id', key));
  const cut = text.indexOf('{');
  return (cut >= 0 ? text.slice(0, cut) : text).trim().slice(0, 60);
}

export type Prompt =
  | 'submitted'
  | 'cancelled'
  | 'summary'
  | 'cancel_confirm'
  | 'consent'
  | 'guess'
  | 'story_more'
  | 'story'
  | 'location'
  | 'region'
  | 'category'
  | 'agency'
  | 'incident_date'
  | 'prior_report'
  | 'prior_result'
  | 'expectation'
  | 'evidence'
  | 'identity_mode'
  | 'name'
  | 'nik'
  | 'phone'
  | 'duplicate'
  | 'unknown';

/** Most specific first: a message may carry notices before its question, and the summary quotes the story. */
const PROMPTS: [Prompt, string[]][] = [
  ['submitted', ['submitted']],
  ['cancelled', ['cancel.done']],
  ['summary', ['ask.confirm']],
  ['cancel_confirm', ['ask.cancel_confirm']],
  ['consent', ['ask.consent', 'error.consent']],
  ['guess', ['ask.guess.confirm', 'ask.guess.confirm_or_other']],
  ['duplicate', ['ask.duplicate']],
  ['story_more', ['ack.story']],
  ['story', ['ask.story']],
  ['location', ['ask.location']],
  ['region', ['ask.region', 'ask.region.which']],
  ['category', ['ask.category']],
  ['agency', ['ask.agency']],
  ['incident_date', ['ask.incident_date']],
  ['prior_report', ['ask.prior_report']],
  ['prior_result', ['ask.prior_result']],
  ['expectation', ['ask.expectation']],
  ['evidence', ['ask.evidence']],
  ['identity_mode', ['ask.identity_mode']],
  ['name', ['ask.name']],
  ['nik', ['ask.nik', 'ask.nik.ombudsman']],
  ['phone', ['ask.phone']],
].map(([p, keys]) => [p as Prompt, (keys as string[]).map(marker)]);

export const FLOW_UPDATED_MARKER = marker('notice.flow_updated');

export function classify(text: string): Prompt {
  const plain = plainText(text);
  for (const [prompt, markers] of PROMPTS) if (markers.some((m) => plain.includes(m))) return prompt;
  return 'unknown';
}

export function ticketIn(text: string): string | null {
  return /ADU-[0-9]{4}-[0-9A-Z]{4}/.exec(plainText(text))?.[0] ?? null;
}

/** What a citizen remembers of its own dialogue, to answer the question in front of it. */
export class Brain {
  private storyAt = 0;
  /** `batal` said at the summary: the next "are you sure" is answered yes. */
  cancelling = false;

  constructor(readonly persona: Persona) {}

  /** The first message of the dialogue. */
  opening(): Action {
    return { kind: 'text', text: this.persona.greeting };
  }

  /**
   * The answer to the bot's last message (`buttons`: the callback data of its inline buttons): one message, or a few
   * sent one after the other where the bot answers only the last; null when the dialogue is over or the message asks
   * nothing this citizen knows.
   */
  answer(prompt: Prompt, buttons: readonly string[]): Action[] | null {
    const one = this.answerOne(prompt, buttons);
    return Array.isArray(one) || one === null ? one : [one];
  }

  private answerOne(prompt: Prompt, buttons: readonly string[]): Action | Action[] | null {
    const p = this.persona;
    const tap = (data: string, text: string): Action =>
      p.taps && buttons.includes(data) ? { kind: 'tap', data } : { kind: 'text', text };
    switch (prompt) {
      case 'submitted':
      case 'cancelled':
      case 'unknown':
        return null;
      case 'consent':
        return tap('yes', 'ya');
      case 'story':
      case 'story_more': {
        // Asked for the story from the start (after an upgrade notice, say): tell it again.
        if (prompt === 'story') this.storyAt = 0;
        // The first fragment is acknowledged; later ones are not (the bot waits), so they go out with "selesai".
        if (this.storyAt === 0) {
          this.storyAt = 1;
          return [{ kind: 'text', text: p.story[0] ?? 'pelayanan lambat' }];
        }
        const rest: Action[] = p.story.slice(this.storyAt).map((text) => ({ kind: 'text', text }));
        this.storyAt = p.story.length;
        return [...rest, tap('done', 'selesai')];
      }
      case 'guess':
        return tap('yes', 'benar');
      case 'location':
        return typeof p.address === 'string'
          ? { kind: 'text', text: p.address }
          : { kind: 'location', ...p.address };
      case 'region':
        return { kind: 'text', text: p.region };
      case 'category':
        return { kind: 'text', text: '1' };
      case 'agency':
        return tap('unknown', 'tidak tahu');
      case 'incident_date':
        return { kind: 'text', text: 'minggu lalu' };
      case 'prior_report':
        return p.prior.done ? tap('yes', 'sudah') : tap('no', 'belum');
      case 'prior_result':
        return { kind: 'text', text: p.prior.done ? p.prior.result : 'tidak ada' };
      case 'expectation':
        return { kind: 'text', text: p.expectation };
      case 'evidence':
        return p.photo ? { kind: 'photo' } : { kind: 'text', text: 'lewati' };
      case 'identity_mode':
        return { kind: 'text', text: p.identity };
      case 'name':
        return { kind: 'text', text: p.name };
      case 'nik':
        return { kind: 'text', text: p.nik ?? 'lewati' };
      case 'phone':
        if (p.phone === 'contact') return { kind: 'contact', phone: '6281234567890' };
        return { kind: 'text', text: p.phone ?? 'lewati' };
      case 'summary':
        if (p.ending === 'batal') {
          this.cancelling = true;
          return tap('cancel', 'batal');
        }
        return tap('send', 'kirim');
      case 'cancel_confirm':
        return { kind: 'text', text: 'ya' };
      case 'duplicate':
        return tap('new', 'baru');
    }
  }
}

/** Whether an action confirms the complaint at the summary. */
export const isConfirm = (a: Action): boolean =>
  (a.kind === 'text' && a.text === 'kirim') || (a.kind === 'tap' && a.data === 'send');

export const PHOTO_FILE_ID = 'drill-photo-1';

/** One private chat's raw Telegram updates, each with its dedup key as the service records it. */
export class ChatUpdates {
  private messageId = 0;
  private callbackId = 0;
  constructor(
    readonly chatId: number,
    readonly firstName: string,
  ) {}

  /** The update's body (without update_id) and the key `inbound_messages.dedup_key` will hold. */
  build(a: Action): { update: Record<string, unknown>; key: string } {
    if (a.kind === 'tap') {
      const id = `${this.chatId}-${++this.callbackId}`;
      return {
        key: `cb:${id}`,
        update: {
          callback_query: {
            id,
            from: { id: this.chatId, is_bot: false, first_name: this.firstName },
            chat_instance: `ci-${this.chatId}`,
            message: {
              message_id: this.messageId,
              date: Math.floor(Date.now() / 1000),
              chat: { id: this.chatId, type: 'private' },
            },
            data: a.data,
          },
        },
      };
    }
    const messageId = ++this.messageId;
    const message: Record<string, unknown> = {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: this.chatId, type: 'private', first_name: this.firstName },
      from: { id: this.chatId, is_bot: false, first_name: this.firstName, language_code: 'id' },
    };
    switch (a.kind) {
      case 'text':
        message.text = a.text;
        break;
      case 'contact':
        message.contact = { phone_number: a.phone, first_name: this.firstName, user_id: this.chatId };
        break;
      case 'location':
        message.location = { latitude: a.lat, longitude: a.lon };
        break;
      case 'photo':
        message.photo = [
          {
            file_id: `${PHOTO_FILE_ID}-small`,
            file_unique_id: 's-drill',
            width: 90,
            height: 90,
            file_size: 160,
          },
          { file_id: PHOTO_FILE_ID, file_unique_id: 'u-drill', width: 1280, height: 960, file_size: 160 },
        ];
        break;
    }
    return { key: `${this.chatId}:${messageId}`, update: { message } };
  }
}
