// Walks dialogues that together reach every question the intake flow asks, and forks a chat at any of them: the
// prefix is replayed in a new chat of the same harness, so each fork starts from exactly that question.
import type { RenderedMessage } from '../../src/domain/reply.js';
import { type Harness, type Said, T0 } from './harness.js';

/** A step of a walk: what the citizen says, or minutes of silence. */
export type WalkStep = Said | string | { advanceMinutes: number };

/** A question met on a walk: the steps that lead to it and the message that asks it. */
export type QuestionPoint = { walk: string; prefix: WalkStep[]; question: RenderedMessage };

const ADU_KTP =
  'KTP-el saya belum jadi sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin, sudah 4 kali ke sana';
const ROAD = 'jalan di depan rumah saya rusak parah dan berlubang, sudah 2 bulan';

/** A road complaint's questions after the guess, answered the plain way, up to its summary. */
const ROAD_TO_SUMMARY: WalkStep[] = [
  'ya',
  'Jl. Veteran, Banjarmasin Tengah',
  'belum',
  'diperbaiki',
  'lewati',
  '3',
];

/** Dialogues that reach, between them, every question (by its `expecting`) the flow can ask. */
export const WALKS: Record<string, WalkStep[]> = {
  /** Consent, story, guess (with an earlier report), identity, name, NIK, phone, the summary's Ombudsman offer. */
  office: [
    'halo',
    'ya',
    ADU_KTP,
    'selesai',
    'ya',
    'KTP dicetak',
    '2',
    'Siti Rahmah',
    'lewati',
    'lewati',
    '2',
  ],
  /** No guess: the spot, an ambiguous place, category, office, date, an earlier report and its result, photo. */
  place: [
    'halo',
    'ya',
    'pak ada yang rusak',
    'selesai',
    'dekat simpang empat',
    '1',
    '5',
    'tidak tahu',
    'kemarin',
    'sudah',
    'tidak ditanggapi',
    'segera diperbaiki',
    'lewati',
    '3',
  ],
  /** "bukan" at the guess: which part is wrong. */
  wrongGuess: ['halo', 'ya', ADU_KTP, 'selesai', 'bukan'],
  /** "batal" at the summary, then "ubah". */
  confirmations: ['halo', 'ya', ROAD, 'selesai', ...ROAD_TO_SUMMARY, 'batal', 'tidak', 'ubah'],
  /** A second, similar complaint within a day, then a message after filing, then withdrawing. */
  afterFiling: [
    'halo',
    'ya',
    ROAD,
    'selesai',
    ...ROAD_TO_SUMMARY,
    'kirim',
    ROAD,
    'baru',
    'selesai',
    ...ROAD_TO_SUMMARY,
    'kirim',
    'sama',
    'ada tambahan',
    '3',
  ],
  /** Two open tickets in one chat (the second filed anyway): which one a later message is for, then which to withdraw. */
  twoOpen: [
    'halo',
    'ya',
    ROAD,
    'selesai',
    ...ROAD_TO_SUMMARY,
    'kirim',
    ROAD,
    'baru',
    'selesai',
    ...ROAD_TO_SUMMARY,
    'kirim',
    '2',
    'ada tambahan',
    '4',
  ],
  /** 72 idle hours: the draft is paused. */
  paused: ['halo', 'ya', ROAD, 'selesai', { advanceMinutes: 21 * 60 }, { advanceMinutes: 53 * 60 }, 'halo'],
};

let forks = 0;

/** Sends one step to a chat; returns every message the chat got. */
export function send(h: Harness, chat: string, step: WalkStep): RenderedMessage[] {
  return typeof step === 'object' && 'advanceMinutes' in step
    ? h.advanceAll(step.advanceMinutes * 60_000, chat)
    : h.say(chat, step);
}

/** Every question a walk meets, in order: the last message of each reply that asks something. */
export function questionsOf(h: Harness, walk: string): QuestionPoint[] {
  const steps = WALKS[walk] ?? [];
  const chat = `walk-${walk}-${++forks}`;
  h.clock.set(T0);
  const points: QuestionPoint[] = [];
  steps.forEach((step, i) => {
    const asked = send(h, chat, step)
      .filter((m) => m.expecting !== 'none' || m.choices.length > 0)
      .at(-1);
    if (asked) points.push({ walk, prefix: steps.slice(0, i + 1), question: asked });
  });
  return points;
}

/** A new chat brought to the point's question, from the same moment as every other fork; returns its id. */
export function fork(h: Harness, point: QuestionPoint): string {
  return forkAsked(h, point).chat;
}

/**
 * A fork and its question as that chat was shown it: a label may carry the chat's own data (its ticket numbers at
 * "which complaint?"), so a choice is typed back as its own chat saw it.
 */
export function forkAsked(h: Harness, point: QuestionPoint): { chat: string; question: RenderedMessage } {
  const chat = `fork-${point.walk}-${++forks}`;
  h.clock.set(T0);
  let question = point.question;
  for (const step of point.prefix) {
    const asked = send(h, chat, step)
      .filter((m) => m.expecting !== 'none' || m.choices.length > 0)
      .at(-1);
    if (asked) question = asked;
  }
  return { chat, question };
}

/** The stored draft and state of a chat, to compare two forks. */
export function stateOf(h: Harness, chat: string): { state: string | null; draft: unknown } {
  const conv = h.core.store.conversations.find('simulate', chat);
  const snapshot = conv?.snapshot as { context?: { draft?: unknown } } | undefined;
  return { state: conv?.state ?? null, draft: snapshot?.context?.draft ?? null };
}
