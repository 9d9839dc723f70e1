// Personas for `npm run personas`: citizens written as facts plus a writing style (test/eval/personas), and the
// driver that answers each bot reply from its `expecting` and those facts, the way that citizen would.
import { z } from 'zod';
import { t } from '../../src/i18n/locales.js';

export const Persona = z.object({
  id: z.string(),
  who: z.string(),
  styles: z.array(z.string()),
  opening: z.array(z.string()).min(1),
  consent: z.string(),
  story: z.array(z.string()),
  story_done: z.string(),
  guess_reply: z.string(),
  facts: z.object({
    kabkota: z.string(),
    kabkota_answer: z.string(),
    category: z.string(),
    category_answer: z.string(),
    office: z.string(),
    where: z.string(),
    when: z.string(),
    prior_report: z.string(),
    prior_result: z.string().nullable(),
    escalate_reply: z.string(),
    expectation: z.string(),
    evidence: z.string(),
    identity: z.enum(['biasa', 'rahasia', 'anonim']),
    identity_answer: z.string(),
    name: z.string(),
    nik_answer: z.string(),
    phone_answer: z.string(),
    confirm: z.string(),
  }),
  correction: z.object({ say: z.string(), field: z.string(), value: z.string() }).optional(),
  // biome-ignore lint/suspicious/noThenProperty: the persona files' own key ("then" says how the cancel is taken back).
  cancel_then_continue: z.object({ at: z.string(), cancel: z.string(), then: z.string() }).optional(),
});
export type Persona = z.infer<typeof Persona>;

/** One bot message as `npm run simulate` prints it. */
export type BotLine = {
  text: string;
  choices?: { id: string; label: string }[];
  /** The choices are shown as words (the summary): a citizen types the word, never a number. */
  wordChoices?: boolean;
  expecting: string;
};

/** Official kab/kota names as the personas write them, reduced to what the bot shows ("Kota Banjarmasin"). */
export function kabkotaWords(official: string): string {
  return official
    .replace(/^Kabupaten\s+/i, '')
    .replace(/^Kota\s+/i, '')
    .trim()
    .toLowerCase();
}

/** The `at` of a persona's cancel maps onto the `expecting` it is sent at. */
const CANCEL_AT: Record<string, string> = {
  story: 'story',
  prior_report: 'prior_report',
  expectation: 'expectation',
  identity: 'identity_mode',
  summary: 'confirm',
};

/**
 * A citizen in a dialogue: answers what it is asked from its facts. When the same question comes back, it does
 * what a person does with the list in front of them: picks the line that fits its facts by number.
 */
export class PersonaCitizen {
  private storyAt = 0;
  private corrected = false;
  private cancelled = false;
  private lastExpecting = '';
  private repeats = 0;

  constructor(readonly p: Persona) {}

  /** The next message for the bot's latest question, or null when the dialogue is over. */
  answer(last: BotLine): string | null {
    const p = this.p;
    const f = p.facts;
    const e = last.expecting;
    this.repeats = e === this.lastExpecting ? this.repeats + 1 : 0;
    this.lastExpecting = e;
    if (e === 'none' || e === 'after_submit' || e === 'rating') return null;
    const cancel = p.cancel_then_continue;
    if (cancel && !this.cancelled && CANCEL_AT[cancel.at] === e) {
      this.cancelled = true;
      return cancel.cancel;
    }
    if (this.repeats > 0) {
      const picked = this.pickFromList(last);
      if (picked) return picked;
    }
    switch (e) {
      case 'consent':
        return p.consent;
      case 'story': {
        const next = p.story[this.storyAt];
        if (next !== undefined) {
          this.storyAt++;
          return next;
        }
        return p.story_done;
      }
      case 'confirm_guess':
        return this.guessReply(last.text);
      case 'region':
        return f.kabkota_answer;
      case 'category':
        return f.category_answer;
      case 'agency':
        return f.office;
      case 'incident_date':
        return f.when;
      case 'location':
        return f.where;
      case 'prior_report':
        return f.prior_report;
      case 'prior_result':
        return f.prior_result ?? 'tidak ada tanggapan';
      case 'escalate':
        return f.escalate_reply;
      case 'expectation':
        return f.expectation;
      case 'evidence':
        return f.evidence;
      case 'identity_mode':
        return f.identity_answer;
      case 'name':
        return f.name;
      case 'nik':
        return f.nik_answer;
      case 'phone':
        return f.phone_answer;
      case 'confirm':
        if (p.correction && !this.corrected) {
          this.corrected = true;
          return p.correction.say;
        }
        return f.confirm;
      case 'cancel_confirm':
        return cancel?.then ?? 'tidak';
      case 'edit_field':
        return p.correction?.field ?? 'kembali';
      case 'duplicate':
        return 'baru';
      default:
        return null;
    }
  }

  /** At the guess: right → the persona's own reply; a wrong kab/kota or category → said so, in few words. */
  private guessReply(text: string): string {
    const f = this.p.facts;
    const region = /Wilayah:\s*([^\n]+)/.exec(text)?.[1]?.toLowerCase();
    if (region && !region.includes(kabkotaWords(f.kabkota))) return `bukan, di ${f.kabkota_answer}`;
    const category = /Kategori:\s*([^\n]+)/.exec(text)?.[1]?.trim();
    const expected = t('id', `category.${f.category}`);
    if (category && category !== expected && f.category !== 'lainnya')
      return `bukan, soal ${f.category_answer}`;
    return this.p.guess_reply;
  }

  /** Asked again: the number of the listed choice that fits this citizen's facts, if the list has one. */
  private pickFromList(last: BotLine): string | null {
    const choices = last.choices ?? [];
    if (choices.length === 0) return null;
    const f = this.p.facts;
    const want = (label: string, id: string): boolean => {
      const l = label.toLowerCase();
      switch (last.expecting) {
        case 'region':
          return l.includes(kabkotaWords(f.kabkota));
        case 'category':
          return id === f.category;
        case 'identity_mode':
          return id === f.identity;
        case 'consent':
        case 'confirm_guess':
        case 'cancel_confirm':
          return id === 'yes' || (last.expecting === 'cancel_confirm' && id === 'no');
        case 'prior_report':
          return id === (/^(blm|belum|gk|gak|tidak|kada|ndak)/i.test(f.prior_report) ? 'no' : 'yes');
        case 'confirm':
          return id === 'send';
        case 'escalate':
          return id === 'no';
        default:
          return id === 'skip' || id === 'unknown';
      }
    };
    const at = choices.findIndex((c) =>
      last.expecting === 'cancel_confirm' ? c.id === 'no' : want(c.label, c.id),
    );
    if (at < 0) return null;
    return last.wordChoices ? (choices[at]?.label ?? null) : String(at + 1);
  }
}

/** What a persona's dialogue came to: the ticket, every message it sent, and the longest run of one question. */
export type Driven = {
  ticket: string | null;
  messages: number;
  longestRepeat: number;
  repeated: string | null;
  stuck: string | null;
  /** The dialogue as text: "> " what the citizen sent, "< [expecting]" what the bot answered. */
  log: string[];
};

/**
 * Runs one persona's dialogue: the opening is sent before anything is read; then each question is read and
 * answered. Every message counts. A question asked again right after the answer to it adds to its run.
 */
export async function drive(
  p: Persona,
  send: (text: string) => Promise<BotLine[]> | BotLine[],
  maxMessages = 60,
): Promise<Driven> {
  const citizen = new PersonaCitizen(p);
  const log: string[] = [];
  let messages = 0;
  let ticket: string | null = null;
  let last: BotLine | null = null;
  const say = async (text: string): Promise<BotLine | null> => {
    messages++;
    log.push(`> ${text}`);
    const replies = await send(text);
    for (const r of replies) {
      log.push(`< [${r.expecting}] ${r.text.replace(/\n/g, '\n  ')}`);
      if (r.choices?.length)
        log.push(
          r.wordChoices
            ? `  {${r.choices.map((c) => `[${c.label}]`).join(' ')}}`
            : `  {${r.choices.map((c, i) => `${i + 1}=${c.label}`).join(' | ')}}`,
        );
      ticket = ticket ?? /ADU-[0-9]{4}-[0-9A-Z]{4}/.exec(r.text)?.[0] ?? null;
    }
    return replies.filter((r) => r.expecting !== 'none').at(-1) ?? null;
  };
  for (const text of p.opening) last = (await say(text)) ?? last;
  let run = 0;
  let longest = 0;
  let repeated: string | null = null;
  let previous: string | null = null;
  let stuck: string | null = null;
  while (!ticket) {
    const question: BotLine | null = last;
    if (!question) {
      stuck = 'no question after the opening';
      break;
    }
    const text = citizen.answer(question);
    if (text === null) {
      stuck = `nothing to say to "${question.expecting}"`;
      break;
    }
    if (messages >= maxMessages) {
      stuck = `gave up after ${messages} messages at "${question.expecting}"`;
      break;
    }
    const asked = await say(text);
    // Silence after an answer: the citizen waits; the question it last saw stands.
    if (!asked) continue;
    last = asked;
    run = asked.expecting === previous ? run + 1 : 1;
    previous = asked.expecting;
    if (run > longest) {
      longest = run;
      repeated = asked.expecting;
    }
  }
  return { ticket, messages, longestRepeat: longest, repeated: longest > 1 ? repeated : null, stuck, log };
}
