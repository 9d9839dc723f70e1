// The dialogue every chat of `npm run compare` plays, to both bots: a road complaint in Banjarmasin, answered in
// Aduan's order (consent, story, category, place, date, earlier report, expectation, evidence, identity, name, phone,
// summary). Aduan confirms the category it guessed ("ya"); the plain bot, which guesses nothing, gets its number.
import { type Prompt, classify, plainText } from '../lib/citizen.js';
import { QUESTIONS, type Question } from '../plain-bot/texts.js';

export type BotKind = 'aduan' | 'plain';

/**
 * What changes from one dialogue to the next. Each variant goes through the same questions (checked at the start
 * of every run: a story that names its street, say, would make Aduan skip the place question).
 */
export type Variant = { story: string; place: string; name: string; phone: string };

export const VARIANTS: readonly Variant[] = [
  {
    story: 'Jalan di depan rumah saya rusak parah banyak lubang di Banjarmasin Utara',
    place: 'Jl. Sultan Adam dekat masjid, Banjarmasin Utara',
    name: 'Siti Rahmah',
    phone: '0813-5123-4567',
  },
  {
    story: 'Jalan di depan pasar rusak parah, banyak lubang dan tergenang, di Banjarmasin Selatan',
    place: 'Jl. Pasar Baru dekat terminal',
    name: 'Ahmad Fauzi',
    phone: '0812-5198-3321',
  },
  {
    story: 'Jalan di gang rumah saya rusak parah banyak lubang di Banjarmasin Barat',
    place: 'Gg. Kenanga RT 5, Banjarmasin Barat',
    name: 'Budi Santoso',
    phone: '0821-5044-7612',
  },
  {
    story: 'Jembatan di depan rumah saya rusak parah dan berlubang di Banjarmasin Timur',
    place: 'Jl. Veteran dekat jembatan',
    name: 'Nurul Hidayah',
    phone: '0852-4810-2297',
  },
];

export type DialogueStep = {
  say: Record<BotKind, string>;
  /** The question each bot asks in answer (the last message of its reply set). */
  asks: { aduan: Prompt; plain: Question };
};

export function dialogue(v: Variant): DialogueStep[] {
  const same = (text: string) => ({ aduan: text, plain: text });
  return [
    { say: same('/start'), asks: { aduan: 'consent', plain: 'consent' } },
    { say: same('ya'), asks: { aduan: 'story', plain: 'story' } },
    { say: same(v.story), asks: { aduan: 'guess', plain: 'category' } },
    { say: { aduan: 'ya', plain: '1' }, asks: { aduan: 'location', plain: 'location' } },
    { say: same(v.place), asks: { aduan: 'incident_date', plain: 'incident_date' } },
    { say: same('minggu lalu'), asks: { aduan: 'prior_report', plain: 'prior_report' } },
    { say: same('belum'), asks: { aduan: 'expectation', plain: 'expectation' } },
    { say: same('segera diperbaiki'), asks: { aduan: 'evidence', plain: 'evidence' } },
    { say: same('lewati'), asks: { aduan: 'identity_mode', plain: 'identity_mode' } },
    { say: same('1'), asks: { aduan: 'name', plain: 'name' } },
    { say: same(v.name), asks: { aduan: 'phone', plain: 'phone' } },
    { say: same(v.phone), asks: { aduan: 'summary', plain: 'summary' } },
    { say: same('kirim'), asks: { aduan: 'submitted', plain: 'submitted' } },
  ];
}

/** Whether a bot's message is the question a step expects: Aduan's by its locale texts, the plain bot's by its own. */
export function asksExpected(kind: BotKind, step: DialogueStep, text: string): boolean {
  return kind === 'aduan'
    ? classify(text) === step.asks.aduan
    : plainText(text).includes(QUESTIONS[step.asks.plain]);
}
