// The complaint-intake conversation as an XState machine: no I/O, no timers; effects leave as `reply`/`effect` actions.
import { and, assign, or, raise, setup, stateIn } from 'xstate';
import { type CategoryId, USUAL_AGENCY, findAgencyMention } from '../src/domain/categories.js';
import type { AttachmentRef } from '../src/domain/complaint.js';
import type { Paragraph, ReplyEffect, Vars } from '../src/domain/reply.js';
import { findAddress } from '../src/understand/address.js';
import { parseChoice } from '../src/understand/choice.js';
import { findIncidentDate } from '../src/understand/dates.js';
import { findEarlierReport } from '../src/understand/earlier-report.js';
import { emergencyNumbers } from '../src/understand/emergency.js';
import { findExpectation } from '../src/understand/expectation.js';
import { normalize, tokens } from '../src/understand/normalize.js';
import { findRegion } from '../src/understand/regions.js';
import { isStoryFragment } from '../src/understand/small-talk.js';
import { storyDone } from '../src/understand/story-done.js';
import { suggestCategories } from '../src/understand/suggest-categories.js';
import { leadingYesNo, parseYesNo } from '../src/understand/yes-no.js';
import type { Effect } from './effects.js';
import {
  type Draft,
  type Field,
  type IntakeContext,
  type IntakeInput,
  LIMITS,
  type Notice,
  type ResumeTarget,
  emptyDraft,
  initialContext,
} from './intake-context.js';
import { type SummaryRead, namedCorrection, readSummaryAnswer } from './intake-corrections.js';
import { type EditEvent, editOutcome } from './intake-edits.js';
import type { IntakeEvent, MessageBody, RouteInfo } from './intake-events.js';
import {
  MAX_ASKS,
  SUMMARY_FIELDS,
  answerField,
  askField,
  nextMissing,
  parseEditRequest,
} from './intake-fields.js';
import {
  type GuessRead,
  confirmGuess,
  derivedAgency,
  dropGuessedPart,
  readGuessAnswer,
} from './intake-guess.js';
import {
  CONSENT_VERSION,
  afterSubmitQuestion,
  buildComplaint,
  cancelQuestion,
  consentKeptQuestion,
  consentQuestion,
  currentQuestion,
  duplicateQuestion,
  editPickQuestion,
  escalationOffered,
  guessFixQuestion,
  guessQuestion,
  pausedQuestion,
  ratingCommentQuestion,
  ratingQuestion,
  resolvedQuestion,
  storyPrompt,
  summaryMessage,
  withNotices,
  withdrawQuestion,
} from './intake-questions.js';
import { pickShown } from './intake-shown.js';
import {
  AFTER_SUBMIT_WORDS,
  type TicketTarget,
  targetOf,
  whichTicketPick,
  whichTicketQuestion,
} from './intake-tickets.js';

export const INTAKE_VERSION = 2;

/** Quiet time after a story fragment before the flow moves on by itself. */
export const STORY_QUIET_MS = 90_000;
/** Story pieces kept silently, then this long without more: one line says the bot waits and how to go on. */
export const STORY_NUDGE_MS = 20_000;
export const REMINDER_MS = 20 * 3600_000;
export const EXPIRY_MS = 72 * 3600_000;

type Msg = Extract<IntakeEvent, { type: 'message' }>;

const msg = (event: IntakeEvent): Msg | null => (event.type === 'message' ? event : null);
const edit = (event: IntakeEvent): EditEvent | null => (event.type === 'edit' ? event : null);

/** A one-line reply kept as a notice, shown before the next question or the summary. */
function asNotice(reply: ReplyEffect): Notice {
  const vars: NonNullable<Notice['vars']> = {};
  for (const [k, v] of Object.entries(reply.vars ?? {})) {
    if (typeof v === 'string' || typeof v === 'number') vars[k] = v;
    else if ('key' in v) vars[k] = { key: v.key };
  }
  return { key: reply.key, vars };
}

/** Questions a forwarded message or someone else's contact card must never answer. */
const OWN_FIELDS = new Set<string>(['name', 'nik', 'phone']);
const body = (event: IntakeEvent): MessageBody =>
  event.type === 'message' || event.type === 'emergency'
    ? event
    : { text: '', attachments: [], location: null, contactPhone: null, channelPhone: null };

function addAttachments(d: Draft, files: AttachmentRef[]): Draft {
  if (files.length === 0) return d;
  const known = new Set(d.attachments.map((a) => a.sha256));
  const fresh = files.filter((f) => !known.has(f.sha256) && f.kind !== 'sticker');
  return { ...d, attachments: [...d.attachments, ...fresh].slice(0, LIMITS.attachments) };
}

/** Files and a pin are kept as evidence whatever the question. */
function keepExtras(d: Draft, b: MessageBody): Draft {
  const withFiles = addAttachments(d, b.attachments);
  return b.location && !withFiles.location ? { ...withFiles, location: b.location } : withFiles;
}

/** A message with only a voice note or a sticker: ask for a short text. */
function mediaOnlyReply(b: MessageBody): 'error.voice' | 'error.sticker' | 'ack.media' | null {
  if (b.text.trim() || b.attachments.length === 0) return null;
  if (b.attachments.every((a) => a.kind === 'sticker')) return 'error.sticker';
  if (b.attachments.every((a) => a.kind === 'voice')) return 'error.voice';
  return 'ack.media';
}

/** Category scores are points of evidence: 2 is a confident guess; a runner-up within 60 % of it is close. */
const CONFIDENT = 2;
const CLOSE = 0.6;

/** Facts the story already gives: suggested to the citizen in one confirmation question. */
function guessFromStory(d: Draft, now: number): Draft {
  const story = d.story.join('\n');
  const guessed = [...d.guessed];
  let draft = d;
  if (!draft.category) {
    const [top, ...rest] = suggestCategories(story);
    if (top && top.score >= CONFIDENT) {
      // Runners-up close to the guess are offered beside it: the story may be about either.
      const alternatives = rest
        .filter((s) => s.category !== 'lainnya' && s.score >= CONFIDENT && s.score >= top.score * CLOSE)
        .slice(0, 2)
        .map((s) => s.category);
      draft = {
        ...draft,
        category: top.category,
        categoryReasons: top.reasons,
        categoryAlternatives: alternatives,
      };
      guessed.push('category');
    }
  }
  if (!draft.agency && !draft.answered.includes('agency')) {
    const agency = findAgencyFromStory(story, draft);
    if (agency) {
      draft = { ...draft, agency };
      guessed.push('agency');
    }
  }
  if (!draft.kabkotaCode) {
    const region = findRegion(story);
    if (region.kind === 'found') {
      draft = {
        ...draft,
        kabkotaCode: region.match.kabkotaCode,
        kecamatanCode: region.match.kecamatanCode ?? null,
      };
      guessed.push('region');
    } else if (region.kind === 'ambiguous') {
      draft = { ...draft, regionCandidates: [...new Set(region.candidates.map((c) => c.kabkotaCode))] };
    }
  }
  if (!draft.address && !draft.location && !draft.answered.includes('location')) {
    const address = findAddress(story);
    if (address) {
      draft = { ...draft, address };
      guessed.push('location');
    }
  }
  if (draft.priorReport === null) {
    const earlier = findEarlierReport(story);
    if (earlier) {
      // What came of it, in the citizen's own words, answers the next question too.
      const told = earlier.done && earlier.result !== null;
      draft = {
        ...draft,
        priorReport: earlier.done,
        priorResult: earlier.result,
        answered: told ? [...new Set([...draft.answered, 'prior_result' as const])] : draft.answered,
      };
      guessed.push('prior_report');
    }
  }
  if (!draft.expectation) {
    const expectation = findExpectation(story);
    if (expectation) {
      draft = { ...draft, expectation };
      guessed.push('expectation');
    }
  }
  if (!draft.incidentDate) {
    const date = findIncidentDate(story, new Date(now));
    if (date?.ok) {
      draft = { ...draft, incidentDate: { ...date.value, tooOld: date.tooOld } };
      guessed.push('incident_date');
    }
  }
  return { ...draft, guessed };
}

/** The agency the story names, else the one usually responsible for the guessed category. */
function findAgencyFromStory(story: string, d: Draft): string | null {
  return findAgencyMention(story) ?? (d.category ? USUAL_AGENCY[d.category] : null);
}

/** A whole yes/no answer to a question that shows Yes/No-like choices: a label, its number, or a plain yes/no. */
function yesNoOf(reply: ReplyEffect, text: string): 'yes' | 'no' | null {
  const shown = pickShown(reply, text);
  if (shown === 'yes' || shown === 'no') return shown;
  return shown === null ? parseYesNo(text) : null;
}

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

/** The answer to "are you sure?" about cancelling or withdrawing: only a whole, strict yes confirms. */
function sureOf(reply: ReplyEffect, text: string): 'yes' | 'no' | null {
  const shown = pickShown(reply, text);
  if (shown === 'yes' || shown === 'no') return shown;
  const words = tokens(text).filter((w) => !FILLERS.has(w));
  if (words.length > 0 && words.every((w) => STRICT_YES.has(w))) return 'yes';
  const lean = words.join(' ');
  return TAKE_BACK.test(lean) || TAKE_BACK_ANYWHERE.test(lean) ? 'no' : null;
}

const FILLERS = new Set([
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

/** Commands that mean "don't" at a confirmation: "tidak jadi" (a cancel elsewhere), "lanjut", "mulai". */
function commandTakesBack(event: IntakeEvent): boolean {
  if (event.type !== 'command') return false;
  const c = event.command.type;
  return c === 'resume' || c === 'start' || (c === 'cancel' && TAKE_BACK.test(normalize(event.text ?? '')));
}

/** The effect asking the runtime's router where the draft goes (answered by a `routed` event). */
function routeEffect(ctx: IntakeContext): Effect {
  const d = ctx.draft;
  return {
    type: 'route',
    query: {
      category: d.category ?? 'lainnya',
      kabkotaCode: d.kabkotaCode,
      kecamatanCode: d.kecamatanCode,
      story: d.story.join('\n'),
      priorReport: { done: d.priorReport === true, result: d.priorResult },
      escalate: d.escalate === true && d.identityMode !== 'anonim',
    },
  };
}

/** "selesai", "itu saja pak": a closing and nothing else. */
function closesOnly(text: string): boolean {
  const end = storyDone(text);
  return end.done && end.rest === '';
}

/** A story told before consent that already says what the problem is: no "selesai" needed to go on. */
const STORY_READY_WORDS = 6;
function storyReady(d: Draft): boolean {
  const story = d.story.join(' ');
  if (story.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length < STORY_READY_WORDS) return false;
  const [top] = suggestCategories(story);
  return !!top && top.score >= CONFIDENT && top.category !== 'lainnya';
}

/** Adds a story fragment to the draft, within the limits; files and a pin are kept as evidence. */
function withFragment(d: Draft, text: string, b: MessageBody): Draft {
  const used = d.story.join(' ').length;
  const fragment = text.trim().slice(0, Math.max(0, LIMITS.storyChars - used));
  const story = fragment ? [...d.story, fragment].slice(0, LIMITS.storyFragments) : d.story;
  return keepExtras({ ...d, story }, b);
}

/** Words that correct the guess rather than tell more: "bukan", "salah", "yang benar …", "maksud saya …". */
const CORRECTING =
  /\b(bukan|salah|keliru|yg (bnr|benar)|yang benar|harusnya|seharusnya|maksud saya|maksudnya)\b/;
const CONTINUATION_WORDS = 3;
/** A question back ("maksudnya apa?") is never taken as more story: it gets an answer. */
const ASKING_BACK = /\?|\b(apa|gimana|bagaimana|maksud|maksudnya|kenapa|mengapa|kok)\b/;

/** A message at the guess that goes on telling: no yes/no, no choice, no correction, a few words of story. */
function continuesStory(text: string): boolean {
  if (pickShown(guessQuestion(emptyDraft()), text) !== null) return false;
  if (parseYesNo(text) !== null || leadingYesNo(text) !== null) return false;
  if (CORRECTING.test(normalize(text)) || ASKING_BACK.test(normalize(text)) || text.includes('?'))
    return false;
  return isStoryFragment(text) && text.trim().split(/\s+/).length >= CONTINUATION_WORDS;
}

/** "ya pak, sampahnya numpuk di gang": consent, and the story that follows it. */
function consentWithStory(text: string): string | null {
  if (leadingYesNo(text) !== 'yes') return null;
  const rest = text.replace(/^[^,.;!?\n]*?(?:[,.;!?\n]+|$)/u, '').trim();
  const tail = rest || text.split(/\s+/).slice(1).join(' ');
  return isStoryFragment(tail) && tail.split(/\s+/).length >= 3 ? tail : null;
}

function consentAnswer(text: string): 'yes' | 'no' | null {
  return yesNoOf(consentQuestion(false), text);
}

const ACTIVE: ReadonlySet<ResumeTarget> = new Set([
  'consent',
  'story',
  'guess',
  'asking',
  'summary',
  'editPick',
]);

/** After two messages without words at the story: how to tell it, and the help line. */
function storyHelp(ctx: IntakeContext): { more?: { key: string }[] } {
  return ctx.fails >= 2 ? { more: [{ key: 'ask.story.example' }, { key: 'help.short' }] } : {};
}

/** The reply to a question not understood: the question again, after two misses with the help line too. */
/** What an officer's status change tells the citizen: the new status, the reason or message, what comes next. */
function updateNotice(event: IntakeEvent): Paragraph[] {
  if (event.type !== 'ticket.update') return [];
  return [
    {
      key: 'ticket.update',
      vars: { ticket: event.ticket, status: { key: `ticket.status.${event.status}` } },
    },
    ...(event.reason ? [{ key: 'ticket.update.reason', vars: { reason: event.reason } }] : []),
    ...(event.message ? [{ key: 'ticket.update.message', vars: { message: event.message } }] : []),
    { key: `ticket.update.next.${event.status}`, vars: { agency: event.agency ?? '' } },
  ];
}

/** "Lewati" (or its button, or a bare no) at the comment question. */
function skipsComment(text: string): boolean {
  return (
    pickShown(ratingCommentQuestion(), text) === 'skip' ||
    /^\s*(tidak|nggak|gak|ga|kada|no|-|lewat)\s*$/i.test(text)
  );
}

/** The rating's score from what the citizen typed: a shown choice, a digit 1–5, or that many stars. */
function scoreOf(text: string): number | null {
  const shown = pickShown(ratingQuestion(), text);
  if (shown) return Number(shown);
  const stars = [...text].filter((ch) => ch === '⭐' || ch === '★').length;
  if (stars >= 1 && stars <= 5) return stars;
  const digit = /^\D*([1-5])\D*$/.exec(text.trim());
  return digit ? Number(digit[1]) : null;
}

/** What a pick among tickets reads: a message, or a number typed alone (which reads as "status ADU-…"). */
function pickText(event: IntakeEvent): string {
  if (event.type === 'command') return event.command.type === 'status' ? (event.text ?? '') : '';
  return body(event).text;
}

/** The ticket a message after filing is for, when it is known without asking. */
function ticketOf(ctx: IntakeContext, event: IntakeEvent): string | null {
  const m = msg(event);
  if (!m) return null;
  const target = targetOf(ctx, m);
  return target.kind === 'ask' ? null : target.ticket || null;
}

/** What the citizen sent after filing, kept while they are asked where it goes. */
function pending(event: IntakeEvent): IntakeContext['pendingAfterSubmit'] {
  const b = body(event);
  return { text: b.text.trim().slice(0, LIMITS.storyChars) || null, attachments: b.attachments };
}

/** "Added to ticket X": itself about that ticket, so a reply to it goes there too. */
function appendedAck(ticket: string): ReplyEffect {
  return { type: 'reply', key: 'ack.appended', vars: { ticket }, expecting: 'none', ticket };
}

function reAsk(ctx: IntakeContext, question: ReplyEffect, error: string): ReplyEffect {
  const help = ctx.fails >= 2 ? [{ key: 'help.short' }] : [];
  return { ...question, before: [{ key: error }, ...help, ...(question.before ?? [])] };
}

/** The one line an edit gets: what became of it. */
const EDIT_REPLY = {
  type: 'reply',
  params: ({ context, event }: { context: IntakeContext; event: IntakeEvent }): ReplyEffect => {
    const e = edit(event);
    return e ? editOutcome(context, e).reply : { type: 'reply', key: 'edit.ignored', expecting: 'none' };
  },
} as const;

/** "batal aja lah pak, …" at a question: the cancel question, which comes back here when taken back. */

const CANCEL_WITH_WORDS = {
  guard: 'wantsCancel',
  target: 'cancelConfirm',
  actions: 'rememberWhere',
} as const;

export const intakeMachine = setup({
  types: {
    context: {} as IntakeContext,
    events: {} as IntakeEvent,
    input: {} as IntakeInput,
  },
  actions: {
    /** Send a message to the citizen (rendered from locales by the runtime). */
    reply: (_, _params: ReplyEffect) => {},
    /** Any other effect: file, append, withdraw, status, forget. */
    effect: (_, _params: Effect) => {},
    clearNotices: assign({ notices: [] }),
    appendStory: assign(({ context, event }) => {
      const m = msg(event);
      // "Selesai" (or its number) tapped or typed back ends the story and adds nothing to it.
      const tapped = m !== null && pickShown(storyPrompt(context.draft), m.text) === 'done';
      const rest = tapped ? '' : storyDone(m?.text ?? '').rest;
      return {
        draft: withFragment(context.draft, rest, body(event)),
        fails: 0,
        timers: { ...context.timers, storyQuiet: (m?.now ?? 0) + STORY_QUIET_MS },
      };
    }),
    forgetDraft: assign({ draft: () => emptyDraft(), timers: {}, field: null }),
    /** Where "batal" was said, to come back there when it is taken back. */
    rememberWhere: assign(({ context }) => ({ resume: context.at })),
    giveConsent: assign({
      consent: ({ event }) => ({ at: new Date(event.now).toISOString(), version: CONSENT_VERSION }),
    }),
  },
  guards: {
    /** An edit that answered the question now asked, or made at the summary: go on as after an answer. */
    editMovesOn: ({ context, event }) => {
      const e = edit(event);
      if (!e) return false;
      const o = editOutcome(context, e);
      return o.advance || (e.state === 'summary' && o.draft !== context.draft);
    },
    editAppends: ({ context, event }) => {
      const e = edit(event);
      return !!e && editOutcome(context, e).effects.length > 0;
    },
    /** A forwarded message (or someone else's contact card) at a question about the citizen's own identity. */
    foreignAtOwnField: ({ context, event }) => {
      const m = msg(event);
      return !!m && m.foreign === true && context.field !== null && OWN_FIELDS.has(context.field);
    },
    storyEmpty: ({ context }) => context.draft.story.length === 0,
    hasStory: ({ context }) => context.draft.story.length > 0,
    noLetters: ({ event }) => {
      const m = msg(event);
      return !!m && !/\p{L}{2,}/u.test(m.text);
    },
    hasConsent: ({ context }) => context.consent !== null,
    consentYes: ({ event }) => {
      const m = msg(event);
      return !!m && consentAnswer(m.text) === 'yes';
    },
    consentNo: ({ event }) => {
      const m = msg(event);
      return !!m && consentAnswer(m.text) === 'no';
    },
    consentWithStory: ({ event }) => {
      const m = msg(event);
      return !!m && consentWithStory(m.text) !== null;
    },
    /** More story while consent is pending, after the bot already said it keeps it: kept without a reply. */
    /** More story while consent is pending, after the bot already said it keeps the story: kept without a reply. */
    keptQuietly: ({ context, event }) => {
      const m = msg(event);
      return !!m && context.storyAcked === true && isStoryFragment(m.text);
    },
    /** The first greeting or "mau lapor" right after the bot spoke: it has not been read yet, no reply needed. */
    smallTalkQuietly: ({ context, event }) => {
      const m = msg(event);
      return !!m && (context.quiet ?? 0) === 0 && !isStoryFragment(m.text) && /\p{L}/u.test(m.text);
    },
    storyFragment: ({ event }) => {
      const m = msg(event);
      return !!m && isStoryFragment(m.text);
    },
    storyReady: ({ context }) => storyReady(context.draft),
    fragmentMakesReady: ({ context, event }) => {
      const m = msg(event);
      return !!m && storyReady(withFragment(context.draft, m.text, m));
    },
    /** More story after the guess was shown (sent before it was read): kept, the guess brought up to date. */
    storyGoesOn: ({ event }) => {
      const m = msg(event);
      return !!m && continuesStory(m.text);
    },
    storyEnds: ({ event }) => {
      const m = msg(event);
      return !!m && closesOnly(m.text);
    },
    smallTalk: ({ context, event }) => {
      const m = msg(event);
      if (!m || m.attachments.length > 0 || m.location) return false;
      // "selesai" before anything was told ends nothing: the story is asked for again.
      const closingOnly = closesOnly(m.text) && context.draft.story.length === 0;
      return closingOnly || !isStoryFragment(m.text);
    },
    storyDone: ({ context, event }) => {
      const m = msg(event);
      if (!m) return false;
      if (pickShown(storyPrompt(context.draft), m.text) === 'done') return context.draft.story.length > 0;
      const done = storyDone(m.text);
      return done.done && (context.draft.story.length > 0 || isStoryFragment(done.rest));
    },
    storyFull: ({ context }) =>
      context.draft.story.length >= LIMITS.storyFragments ||
      context.draft.story.join(' ').length >= LIMITS.storyChars,
    nudgeDue: ({ context, event }) =>
      event.type === 'timer' &&
      context.timers.storyNudge !== undefined &&
      context.timers.storyNudge <= event.now,
    quietDue: ({ context, event }) =>
      event.type === 'timer' &&
      context.timers.storyQuiet !== undefined &&
      context.timers.storyQuiet <= event.now,
    reminderDue: ({ context, event }) =>
      event.type === 'timer' && context.timers.reminder !== undefined && context.timers.reminder <= event.now,
    expiryDue: ({ context, event }) =>
      event.type === 'timer' && context.timers.expiry !== undefined && context.timers.expiry <= event.now,
    hasGuesses: ({ context }) => context.draft.guessed.length > 0,
    guessIs: ({ context, event }, kind: GuessRead['kind']) => {
      const m = msg(event);
      return !!m && guessRead(context, m).kind === kind;
    },
    guessGivesUp: ({ context }) => context.fails + 1 >= MAX_ASKS,
    guessFieldFixed: ({ context, event }) => {
      const m = msg(event);
      if (!m || (leadingYesNo(m.text) === null && !/\b(tapi|tp|tetapi|namun)\b/i.test(m.text))) return false;
      return namedCorrection(context.draft, m.text, m.now) !== null;
    },
    guessFixPicked: ({ context, event }) => {
      const m = msg(event);
      return !!m && pickShown(guessFixQuestion(context.draft), m.text) !== null;
    },
    nothingWrong: ({ event }) => {
      const m = msg(event);
      return (
        !!m &&
        (parseYesNo(m.text) === 'yes' ||
          /^(kembali|balik|tidak ada|sudah benar|benar semua|semua benar|back)\b/.test(normalize(m.text)))
      );
    },
    canRoute: ({ context }) => context.draft.category !== null && context.draft.kabkotaCode !== null,
    sendWhenDone: ({ context }) => context.sendWhenDone === true,
    escalatedWithNik: ({ context, event }) => {
      const m = msg(event);
      return !!m && context.draft.nik !== null && summaryRead(context, m).kind === 'send_escalated';
    },
    duplicatePick: ({ context, event }, id: 'same' | 'new') => {
      const m = msg(event);
      if (!m) return false;
      const question = duplicateQuestion(context.duplicateOf ?? '');
      const shown = pickShown(question, m.text);
      if (shown) return shown === id;
      const words = parseChoice(m.text, [
        { id: 'same', words: ['sama', 'ya sama', 'tambahkan', 'tambah ke tiket'] },
        { id: 'new', words: ['baru', 'beda', 'berbeda', 'kirim baru'] },
      ]);
      const yn = parseYesNo(m.text);
      return (words ?? (yn === 'yes' ? 'same' : yn === 'no' ? 'new' : null)) === id;
    },
    complete: ({ context }) => nextMissing(context) === null,
    /** Only a voice note, a sticker or files: kept as evidence, and the question asked again with a word on it. */
    filesOnly: ({ event }) => !!msg(event) && mediaOnlyReply(body(event)) !== null,
    mediaOnly: ({ context, event }) =>
      !!msg(event) &&
      context.field !== 'evidence' &&
      context.field !== 'location' &&
      context.fails + 1 < MAX_ASKS &&
      mediaOnlyReply(body(event)) !== null,
    answerOk: ({ context, event }) => {
      const m = msg(event);
      return !!m && !!context.field && answerField(context, context.field, m, m.now).ok;
    },
    /** "batal aja lah pak, …": a cancel with words after it, at a question (the story may say "batal" freely). */
    wantsCancel: ({ event }) => {
      const m = msg(event);
      return (
        !!m &&
        /^(batal|batalkan|cancel|gak jadi lapor|tidak jadi lapor|tidak jadi mengadu)\b/.test(
          normalize(m.text),
        )
      );
    },
    pinAccepted: ({ context, event }) => {
      const m = msg(event);
      return (
        !!m?.location && answerField({ ...context, field: 'location', fails: 0 }, 'location', m, m.now).ok
      );
    },
    summaryIs: ({ context, event }, kind: SummaryRead['kind']) => {
      const m = msg(event);
      return !!m && summaryRead(context, m).kind === kind;
    },
    editPicked: ({ event }) => {
      const m = msg(event);
      return !!m && editPick(m.text) !== null;
    },
    failedTwice: ({ context }) => context.fails + 1 >= MAX_ASKS,
    /** A message that tells nothing: emoji, digits, a greeting, or only a voice note, sticker or file. */
    notStory: ({ event }) => {
      const m = msg(event);
      return !!m && !isStoryFragment(m.text);
    },
    sure: ({ event }, p: { answer: 'yes' | 'no'; of: 'cancel' | 'withdraw' }) => {
      const m = msg(event);
      return (
        !!m && sureOf(p.of === 'withdraw' ? withdrawQuestion('') : cancelQuestion(), m.text) === p.answer
      );
    },
    commandTakesBack: ({ event }) => commandTakesBack(event),
    isActive: ({ context }) => context.at !== null && ACTIVE.has(context.at),
    resumeIs: ({ context }, target: ResumeTarget) => context.resume === target,
    isCommand: ({ event }, name: string) => event.type === 'command' && event.command.type === name,
    resolvedAnswer: ({ context, event }, answer: 'yes' | 'no') => {
      const m = msg(event);
      if (!m) return false;
      const shown = pickShown(resolvedQuestion(context.rating?.ticket ?? ''), m.text);
      if (shown) return shown === answer;
      if (/\b(belum|blm|blum|balum|not)\b/i.test(m.text)) return answer === 'no';
      return parseYesNo(m.text) === answer || sureOf(resolvedQuestion(''), m.text) === answer;
    },
    scoreGiven: ({ event }) => {
      const m = msg(event);
      return !!m && scoreOf(m.text) !== null;
    },
    skipComment: ({ event }) => {
      const m = msg(event);
      return !!m && skipsComment(m.text);
    },
    hasText: ({ event }) => {
      const m = msg(event);
      return !!m && m.text.trim().length > 0;
    },
    afterSubmitPick: ({ context, event }, id: 'add' | 'new' | 'withdraw') => {
      const m = msg(event);
      if (!m) return false;
      const shown = pickShown(afterSubmitQuestion(context.lastTicket ?? ''), m.text);
      if (shown) return shown === id;
      return (
        parseChoice(m.text, [
          { id: 'add', words: [...AFTER_SUBMIT_WORDS.add] },
          { id: 'new', words: [...AFTER_SUBMIT_WORDS.new] },
          { id: 'withdraw', words: [...AFTER_SUBMIT_WORDS.withdraw] },
        ]) === id
      );
    },
    /** Where a message after filing goes: a replied-to ticket, the only open one, or a question (several open). */
    targets: ({ context, event }, kind: TicketTarget['kind']) => {
      const m = msg(event);
      return !!m && targetOf(context, m).kind === kind;
    },
    /** A reply to a ticket's message that asks to withdraw it. */
    repliedWithdraw: ({ context, event }) => {
      const m = msg(event);
      if (!m || targetOf(context, m).kind !== 'replied') return false;
      return (
        parseChoice(m.text, [{ id: 'withdraw', words: [...AFTER_SUBMIT_WORDS.withdraw] }]) === 'withdraw'
      );
    },
    filesWithoutText: ({ event }) => {
      const m = msg(event);
      return !!m && !m.text.trim() && m.attachments.some((a) => a.kind !== 'sticker');
    },
    whichPick: ({ context, event }, want: 'ticket' | 'new' | 'withdraw') => {
      const pick = whichTicketPick(context, pickText(event));
      if (pick === null) return false;
      if (want === 'ticket') return pick !== 'new' && pick !== 'withdraw';
      return pick === want;
    },
    pausedPick: ({ event }, id: 'resume' | 'new') => {
      const m = msg(event);
      if (!m) return false;
      const shown = pickShown(pausedQuestion(), m.text);
      if (shown) return shown === id;
      return (
        parseChoice(m.text, [
          { id: 'resume', words: ['lanjut', 'lanjutkan', 'teruskan'] },
          { id: 'new', words: ['baru', 'mulai baru', 'ulang'] },
        ]) === id
      );
    },
  },
}).createMachine({
  id: 'intake',
  context: ({ input }) => initialContext(input),
  initial: 'idle',
  on: {
    // An officer changed one of this chat's tickets: told at once, and an open question is asked again after it.
    'ticket.update': [
      {
        // The agency called a ticket done while the chat is at rest: is it solved? then a score and a comment.
        guard: and([
          ({ event }) => event.type === 'ticket.update' && event.status === 'selesai',
          or([stateIn('idle'), stateIn('submitted')]),
        ]),
        target: '.rateResolved',
        actions: [
          assign(({ event }) => {
            const ticket = event.type === 'ticket.update' ? event.ticket : '';
            return { rating: { ticket, score: null }, lastTicket: ticket, fails: 0 };
          }),
          {
            type: 'reply',
            params: ({ event }) => ({
              ...resolvedQuestion(event.type === 'ticket.update' ? event.ticket : ''),
              before: updateNotice(event).slice(0, -1),
            }),
          },
        ],
      },
      {
        // A question from the officer: the citizen's next "add" goes to that ticket.
        guard: ({ event }) => event.type === 'ticket.update' && event.status === 'menunggu_pelapor',
        actions: [
          assign(({ context, event }) => ({
            lastTicket: event.type === 'ticket.update' ? event.ticket : context.lastTicket,
          })),
          {
            type: 'reply',
            params: ({ context, event }) => {
              const q = currentQuestion(context);
              return q
                ? withNotices({ ...context, notices: [] }, q, updateNotice(event))
                : {
                    type: 'reply',
                    key: 'ticket.update.answer',
                    before: updateNotice(event),
                    expecting: 'none',
                    ...(event.type === 'ticket.update' ? { ticket: event.ticket } : {}),
                  };
            },
          },
        ],
      },
      {
        actions: {
          type: 'reply',
          params: ({ context, event }) => {
            const update = updateNotice(event);
            const q = currentQuestion(context);
            return q
              ? withNotices({ ...context, notices: [] }, q, update)
              : {
                  type: 'reply',
                  key: 'ticket.update.done',
                  before: update,
                  expecting: 'none',
                  ...(event.type === 'ticket.update' ? { ticket: event.ticket } : {}),
                };
          },
        },
      },
    ],
    // An officer wrote to the citizen: shown at once, and an open question is asked again after it. The citizen's
    // answer goes to that ticket when they choose to add it.
    'ticket.reply': {
      actions: [
        assign({
          lastTicket: ({ context, event }) =>
            event.type === 'ticket.reply' ? event.ticket : context.lastTicket,
        }),
        {
          type: 'reply',
          params: ({ context, event }) => {
            if (event.type !== 'ticket.reply') return { type: 'reply', key: 'help', expecting: 'none' };
            const said: Paragraph[] = [
              { key: 'ticket.reply', vars: { ticket: event.ticket, text: event.text } },
              { key: 'ticket.reply.answer', vars: { ticket: event.ticket } },
            ];
            const q = currentQuestion(context);
            return q
              ? withNotices({ ...context, notices: [] }, q, said)
              : {
                  type: 'reply',
                  key: 'ticket.update.done',
                  before: said,
                  expecting: 'none',
                  ticket: event.ticket,
                };
          },
        },
      ],
    },
    emergency: {
      actions: [
        {
          type: 'reply',
          params: ({ event }) => ({
            type: 'reply',
            key: `emergency.${event.type === 'emergency' ? event.kind : 'fire'}`,
            more: [
              {
                key: 'emergency.numbers',
                vars: {
                  numbers: event.type === 'emergency' ? emergencyNumbers(event.kind).join(', ') : '112',
                },
              },
              { key: 'emergency.then' },
            ],
            expecting: 'none',
          }),
        },
        raise(({ event }) => ({ ...body(event), type: 'message' as const, now: event.now })),
      ],
    },
    timer: [
      {
        guard: 'expiryDue',
        target: '.paused',
        actions: [
          assign(({ context }) => ({ resume: context.at, timers: {} })),
          { type: 'reply', params: { type: 'reply', key: 'expired', expecting: 'none' } },
        ],
      },
      {
        guard: 'reminderDue',
        actions: [
          assign(({ context }) => ({
            timers: { ...context.timers, reminder: undefined, expiry: context.lastActivity + EXPIRY_MS },
          })),
          {
            type: 'reply',
            params: ({ context }) =>
              withNotices(
                { ...context, notices: [] },
                currentQuestion(context) ?? { type: 'reply', key: 'reminder', expecting: 'none' },
                [{ key: 'reminder' }],
              ),
          },
        ],
      },
    ],
    command: [
      {
        guard: { type: 'isCommand', params: 'help' },
        actions: {
          type: 'reply',
          params: ({ context }) => {
            const q = currentQuestion(context);
            return q
              ? { ...q, before: [{ key: 'help' }] }
              : { type: 'reply', key: 'help', expecting: 'none' };
          },
        },
      },
      {
        guard: { type: 'isCommand', params: 'lang' },
        actions: [
          assign({
            lang: ({ event }) =>
              event.type === 'command' && event.command.type === 'lang' ? event.command.lang : 'id',
          }),
          {
            type: 'reply',
            params: ({ context }) => {
              const q = currentQuestion(context);
              return q
                ? { ...q, before: [{ key: 'lang.changed' }] }
                : { type: 'reply', key: 'lang.changed', expecting: 'none' };
            },
          },
        ],
      },
      {
        guard: { type: 'isCommand', params: 'status' },
        actions: {
          type: 'effect',
          params: ({ context, event }) => ({
            type: 'status',
            ticket:
              event.type === 'command' && event.command.type === 'status'
                ? (event.command.ticket ?? null)
                : null,
            lang: context.lang,
          }),
        },
      },
      {
        guard: and([{ type: 'isCommand', params: 'cancel' }, 'isActive']),
        target: '.cancelConfirm',
        actions: 'rememberWhere',
      },
      {
        guard: { type: 'isCommand', params: 'cancel' },
        actions: { type: 'reply', params: { type: 'reply', key: 'cancel.nothing', expecting: 'none' } },
      },
      {
        guard: { type: 'isCommand', params: 'restart' },
        target: '.start',
        actions: assign({ draft: () => emptyDraft() }),
      },
      {
        actions: {
          type: 'reply',
          params: ({ context }) =>
            currentQuestion(context) ?? { type: 'reply', key: 'help', expecting: 'none' },
        },
      },
    ],
    edit: [
      {
        guard: 'editMovesOn',
        target: '.next',
        actions: assign(({ context, event }) => {
          const e = edit(event);
          if (!e) return {};
          const o = editOutcome(context, e);
          return { draft: o.draft, editing: false, notices: [...context.notices, asNotice(o.reply)] };
        }),
      },
      {
        guard: 'editAppends',
        actions: [
          {
            type: 'effect',
            params: ({ context, event }) => {
              const e = edit(event);
              const append = e ? editOutcome(context, e).effects[0] : undefined;
              return append ?? { type: 'status', ticket: null, lang: context.lang };
            },
          },
          EDIT_REPLY,
        ],
      },
      {
        actions: [
          assign(({ context, event }) => {
            const e = edit(event);
            return e ? { draft: editOutcome(context, e).draft } : {};
          }),
          EDIT_REPLY,
        ],
      },
    ],
  },
  states: {
    idle: {
      entry: assign({ at: null }),
      on: {
        message: {
          target: 'start',
          actions: assign(({ context, event }) => {
            const m = msg(event);
            const text = m?.text.trim() ?? '';
            // "pak", "mau lapor" open a chat; anything more is the first piece of the story.
            const story = isStoryFragment(text) ? [text.slice(0, LIMITS.storyChars)] : [];
            return {
              draft: keepExtras({ ...emptyDraft(), story }, body(event)),
              channelPhone: m?.channelPhone ?? context.channelPhone,
            };
          }),
        },
        command: [
          { guard: { type: 'isCommand', params: 'start' }, target: 'start' },
          { guard: { type: 'isCommand', params: 'resume' }, target: 'start' },
        ],
      },
    },
    /** Where a new complaint begins: consent once per chat, then the story. */
    start: {
      always: [{ guard: 'hasConsent', target: 'story' }, { target: 'consent' }],
    },
    /**
     * Consent is decided only by an answer to it as a whole (or a yes that goes on telling). Anything else is
     * story, kept in the draft, and consent is asked again in one short line.
     */
    consent: {
      entry: [
        assign({ at: 'consent', fails: 0, quiet: 0, storyAcked: false }),
        { type: 'reply', params: () => consentQuestion(true) },
      ],
      on: {
        message: [
          { guard: 'consentYes', target: 'consented', actions: 'giveConsent' },
          {
            // Still telling: the story goes on, "selesai" or quiet time ends it.
            guard: 'consentWithStory',
            target: 'story',
            actions: [
              'giveConsent',
              assign(({ context, event }) => ({
                draft: withFragment(
                  context.draft,
                  consentWithStory(msg(event)?.text ?? '') ?? '',
                  body(event),
                ),
              })),
            ],
          },
          {
            guard: 'consentNo',
            target: 'declined',
            actions: [
              'forgetDraft',
              { type: 'effect', params: { type: 'forget' } },
              { type: 'reply', params: { type: 'reply', key: 'consent.refused', expecting: 'none' } },
            ],
          },
          {
            guard: 'keptQuietly',
            actions: assign(({ context, event }) => ({
              quiet: (context.quiet ?? 0) + 1,
              draft: withFragment(context.draft, msg(event)?.text ?? '', body(event)),
              timers: { ...context.timers, storyQuiet: event.now + STORY_QUIET_MS },
            })),
          },
          {
            guard: 'storyFragment',
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                quiet: 0,
                storyAcked: true,
                draft: withFragment(context.draft, msg(event)?.text ?? '', body(event)),
                timers: { ...context.timers, storyQuiet: event.now + STORY_QUIET_MS },
              })),
              { type: 'reply', params: () => consentKeptQuestion() },
            ],
          },
          {
            guard: 'smallTalkQuietly',
            actions: assign(({ context, event }) => ({
              quiet: (context.quiet ?? 0) + 1,
              timers: { ...context.timers, storyQuiet: event.now + STORY_QUIET_MS },
            })),
          },
          {
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                quiet: 0,
                draft: keepExtras(context.draft, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context }) => reAsk(context, consentQuestion(false), 'error.consent'),
              },
            ],
          },
        ],
        timer: {
          // Messages kept quietly, then nothing: consent is asked again (saying the story was kept, if there is one).
          guard: 'quietDue',
          actions: [
            assign(({ context }) => ({ timers: { ...context.timers, storyQuiet: undefined }, quiet: 0 })),
            {
              type: 'reply',
              params: ({ context }) =>
                context.draft.story.length > 0 ? consentKeptQuestion() : consentQuestion(false),
            },
          ],
        },
        command: [
          {
            guard: { type: 'isCommand', params: 'cancel' },
            target: 'declined',
            actions: [
              'forgetDraft',
              { type: 'effect', params: { type: 'forget' } },
              { type: 'reply', params: { type: 'reply', key: 'consent.refused', expecting: 'none' } },
            ],
          },
          // "lanjut" to "do you agree?" is a yes.
          { guard: { type: 'isCommand', params: 'resume' }, target: 'consented', actions: 'giveConsent' },
          {
            guard: { type: 'isCommand', params: 'start' },
            actions: { type: 'reply', params: () => consentQuestion(false) },
          },
        ],
      },
      exit: assign(({ context }) => ({
        timers: { ...context.timers, storyQuiet: undefined },
        quiet: undefined,
        storyAcked: undefined,
      })),
    },
    /** After consent: a story already told goes straight to the guess; otherwise it is asked for. */
    consented: {
      always: [{ guard: 'storyReady', target: 'analyze' }, { target: 'story' }],
    },
    /** Consent refused: any new message, or "lanjut", starts again at the consent question. */
    declined: {
      entry: assign({ at: null }),
      on: {
        message: {
          target: 'consent',
          actions: assign(({ context, event }) => {
            const text = msg(event)?.text ?? '';
            return {
              draft: isStoryFragment(text) ? withFragment(context.draft, text, body(event)) : context.draft,
            };
          }),
        },
        command: [
          { guard: { type: 'isCommand', params: 'start' }, target: 'consent' },
          { guard: { type: 'isCommand', params: 'resume' }, target: 'consent' },
          { guard: { type: 'isCommand', params: 'restart' }, target: 'consent' },
        ],
      },
    },
    story: {
      entry: [
        assign({ at: 'story', fails: 0 }),
        { type: 'reply', params: ({ context }) => withNotices(context, storyPrompt(context.draft)) },
        'clearNotices',
      ],
      on: {
        message: [
          { guard: 'storyDone', target: 'analyze', actions: 'appendStory' },
          {
            // A third message that tells nothing (emoji, a voice note, "halo") after some story: go on with that story.
            // With no story at all there is nothing to file: the question stays, with help (never an empty complaint).
            guard: and(['failedTwice', 'notStory', 'hasStory']),
            target: 'analyze',
            actions: assign(({ context, event }) => ({ draft: keepExtras(context.draft, body(event)) })),
          },
          {
            guard: 'filesOnly',
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                draft: keepExtras(context.draft, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context, event }) => ({
                  type: 'reply',
                  key: mediaOnlyReply(body(event)) ?? 'ack.media',
                  ...storyHelp(context),
                  expecting: 'story',
                }),
              },
            ],
          },
          {
            guard: 'noLetters',
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                draft: keepExtras(context.draft, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'error.need_text',
                  ...storyHelp(context),
                  expecting: 'story',
                }),
              },
            ],
          },
          {
            // "pak", "halo?" while telling: the prompt again, so the citizen is never left in silence.
            guard: 'smallTalk',
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              { type: 'reply', params: ({ context }) => storyPrompt(context.draft) },
            ],
          },
          {
            // The story already says what the problem is: the guess comes at once (it invites more story too).
            guard: 'fragmentMakesReady',
            target: 'analyze',
            actions: 'appendStory',
          },
          {
            guard: 'storyEmpty',
            actions: ['appendStory', { type: 'reply', params: ({ context }) => storyPrompt(context.draft) }],
          },
          {
            // More story, kept without a word: once, a little later, a line says the bot waits for the rest.
            actions: [
              'appendStory',
              assign(({ context, event }) =>
                context.nudged
                  ? {}
                  : { timers: { ...context.timers, storyNudge: event.now + STORY_NUDGE_MS } },
              ),
            ],
          },
        ],
        timer: [
          { guard: 'quietDue', target: 'analyze' },
          {
            guard: 'nudgeDue',
            actions: [
              assign(({ context }) => ({
                nudged: true,
                timers: { ...context.timers, storyNudge: undefined },
              })),
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'ack.story.waiting',
                  choices: storyPrompt(context.draft).choices,
                  expecting: 'story',
                }),
              },
            ],
          },
        ],
        command: [{ guard: { type: 'isCommand', params: 'resume' }, target: 'analyze' }],
      },
      always: {
        guard: 'storyFull',
        target: 'analyze',
        actions: assign({ notices: [{ key: 'notice.story_full' }] }),
      },
      exit: assign(({ context }) => ({
        timers: { ...context.timers, storyQuiet: undefined, storyNudge: undefined },
        nudged: undefined,
      })),
    },
    analyze: {
      entry: assign(({ context, event }) => ({ draft: guessFromStory(context.draft, event.now) })),
      always: [
        { guard: and(['hasGuesses', 'canRoute']), target: 'routeGuess' },
        { guard: 'hasGuesses', target: 'guess' },
        { target: 'next' },
      ],
    },
    /** The guess names the agency the complaint would go to: the runtime's router answers at once. */
    routeGuess: {
      entry: { type: 'effect', params: ({ context }) => routeEffect(context) },
      on: {
        routed: {
          target: 'guess',
          actions: assign(({ context, event }) => {
            const d = context.draft;
            // A generic guess ("Disdukcapil") becomes the office itself; an agency the story named stays as written.
            const generic =
              d.guessed.includes('agency') &&
              d.category &&
              d.agency === USUAL_AGENCY[d.category] &&
              !event.route.fallback;
            return {
              draft: { ...d, route: event.route, agency: generic ? event.route.agencyName : d.agency },
            };
          }),
        },
      },
    },
    /**
     * "Benar begitu?": a yes or a restated fact confirms; another value for one fact corrects it alone; a date
     * goes to the date; a bare "bukan" asks which part is wrong.
     */
    guess: {
      entry: [
        assign({ at: 'guess', fails: 0, guessChanged: false }),
        { type: 'reply', params: ({ context }) => withNotices(context, guessQuestion(context.draft)) },
        'clearNotices',
      ],
      on: {
        timer: {
          guard: 'quietDue',
          actions: [
            {
              type: 'reply',
              params: ({ context }) => guessBack(context),
            },
            assign(({ context }) => ({
              guessChanged: false,
              timers: { ...context.timers, storyQuiet: undefined },
            })),
          ],
        },
        message: [
          {
            // A voice note or a photo at the guess: kept as evidence; the guess is asked again with a word on it.
            guard: 'filesOnly',
            actions: [
              assign(({ context, event }) => ({ draft: keepExtras(context.draft, body(event)) })),
              {
                type: 'reply',
                params: ({ context, event }) =>
                  withNotices(context, guessQuestion(context.draft), [
                    { key: mediaOnlyReply(body(event)) ?? 'ack.media' },
                  ]),
              },
            ],
          },
          CANCEL_WITH_WORDS,
          {
            // "ya, tp lokasinya di desa Anjir …", "bukan, tanggalnya 3 Mei": that field is fixed, the rest stands.
            guard: 'guessFieldFixed',
            target: 'next',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              const fix = m ? namedCorrection(context.draft, m.text, m.now) : null;
              if (!fix) return {};
              const d = confirmGuess(fix.draft);
              return { draft: { ...d, answered: [...new Set([...d.answered, fix.field])] } };
            }),
          },
          {
            guard: { type: 'guessIs', params: 'confirmed' },
            target: 'next',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              const read = m ? guessRead(context, m) : null;
              return read?.kind === 'confirmed' ? { draft: read.draft } : {};
            }),
          },
          { guard: { type: 'guessIs', params: 'which' }, target: 'guessFix' },
          {
            guard: 'storyGoesOn',
            actions: assign(({ context, event }) => {
              const draft = guessFromStory(
                withFragment(context.draft, msg(event)?.text ?? '', body(event)),
                event.now,
              );
              const changed =
                JSON.stringify(guessQuestion(draft).rows) !==
                JSON.stringify(guessQuestion(context.draft).rows);
              return {
                draft,
                guessChanged: context.guessChanged === true || changed,
                // Quiet for a while after more story: the guess (or a pointer to it) comes back by itself.
                timers: { ...context.timers, storyQuiet: event.now + STORY_QUIET_MS },
              };
            }),
          },
          {
            // "selesai" after telling more: the guess again if the new story changed it, else a pointer to it.
            guard: 'storyEnds',
            actions: [
              {
                type: 'reply',
                params: ({ context }) => guessBack(context),
              },
              assign({ guessChanged: false }),
            ],
          },
          {
            // Three answers not understood: the guess stands, and the summary shows it all for correction.
            guard: 'guessGivesUp',
            target: 'next',
            actions: assign(({ context }) => ({
              draft: confirmGuess(context.draft),
              notices: [{ key: 'notice.guess_kept' }],
            })),
          },
          {
            actions: [
              assign(({ context, event }) => {
                // More story sent before the guess was read is kept as story, not lost.
                const text = msg(event)?.text ?? '';
                const d = isStoryFragment(text)
                  ? withFragment(context.draft, text, body(event))
                  : context.draft;
                return { fails: context.fails + 1, draft: keepExtras(d, body(event)) };
              }),
              {
                type: 'reply',
                params: ({ context }) => {
                  const q = guessQuestion(context.draft);
                  return {
                    ...reAsk(context, q, 'error.guess'),
                    more: [...(q.more ?? []), { key: 'ask.guess.example' }],
                  };
                },
              },
            ],
          },
        ],
      },
      exit: assign(({ context }) => ({ timers: { ...context.timers, storyQuiet: undefined } })),
    },
    /** Which part of the guess is wrong: that part is asked again, the rest stands. */
    guessFix: {
      entry: [
        assign({ fails: 0 }),
        { type: 'reply', params: ({ context }) => guessFixQuestion(context.draft) },
      ],
      on: {
        message: [
          {
            guard: 'guessFixPicked',
            target: 'next',
            actions: assign(({ context, event }) => ({
              draft: dropGuessedPart(
                context.draft,
                pickShown(guessFixQuestion(context.draft), msg(event)?.text ?? '') ?? 'all',
              ),
            })),
          },
          {
            guard: { type: 'guessIs', params: 'confirmed' },
            target: 'next',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              const read = m ? guessRead(context, m) : null;
              return read?.kind === 'confirmed' ? { draft: read.draft } : {};
            }),
          },
          {
            // "kembali", "sudah benar", "tidak ada": nothing is wrong after all.
            guard: 'nothingWrong',
            target: 'next',
            actions: assign(({ context }) => ({ draft: confirmGuess(context.draft) })),
          },
          {
            guard: 'failedTwice',
            target: 'next',
            actions: assign(({ context }) => ({ draft: dropGuessedPart(context.draft, 'all') })),
          },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) => reAsk(context, guessFixQuestion(context.draft), 'error.choice'),
              },
            ],
          },
        ],
      },
    },
    /** Decides what to ask next. */
    next: {
      always: [{ guard: 'complete', target: 'routeSummary' }, { target: 'asking' }],
    },
    /** Routes the finished draft; an earlier report that got nowhere brings the offer to involve Ombudsman. */
    routeSummary: {
      entry: { type: 'effect', params: ({ context }) => routeEffect(context) },
      on: {
        routed: [
          {
            guard: 'sendWhenDone',
            target: 'submitting',
            actions: [
              assign(({ context, event }) => ({
                draft: withRoute(context.draft, event.route),
                sendWhenDone: false,
              })),
              { type: 'effect', params: ({ context }) => submitEffect(context) },
            ],
          },
          {
            target: 'summary',
            actions: assign(({ context, event }) => ({ draft: withRoute(context.draft, event.route) })),
          },
        ],
      },
    },
    asking: {
      entry: [
        assign(({ context }) => ({
          at: 'asking' as const,
          field: context.editing ? context.field : nextMissing(context),
          fails: 0,
          editing: false,
        })),
        {
          type: 'reply',
          params: ({ context }) => withNotices(context, askField(context, context.field ?? 'story')),
        },
        'clearNotices',
      ],
      on: {
        message: [
          CANCEL_WITH_WORDS,
          {
            // A forwarded message or someone else's card is kept with the story, never taken as the citizen's own.
            guard: 'foreignAtOwnField',
            actions: [
              assign(({ context, event }) => ({
                draft: withFragment(context.draft, body(event).text, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context }) =>
                  withNotices(context, askField(context, context.field ?? 'story'), [
                    { key: 'notice.foreign_kept' },
                  ]),
              },
              'clearNotices',
            ],
          },
          {
            guard: 'mediaOnly',
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                draft: keepExtras(context.draft, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context, event }) =>
                  withNotices(context, askField(context, context.field ?? 'story'), [
                    { key: mediaOnlyReply(body(event)) ?? 'ack.media' },
                  ]),
              },
            ],
          },
          {
            guard: 'answerOk',
            target: 'next',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              if (!m || !context.field) return {};
              const a = answerField(context, context.field, m, m.now);
              if (!a.ok) return {};
              const draft =
                context.field === 'evidence' || context.field === 'location'
                  ? addAttachments(a.draft, m.attachments)
                  : keepExtras(a.draft, m);
              return { draft, notices: [...context.notices, ...a.notices] };
            }),
          },
          {
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                draft: keepExtras(context.draft, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context, event }) => {
                  const m = msg(event);
                  const a =
                    m && context.field
                      ? answerField({ ...context, fails: context.fails - 1 }, context.field, m, m.now)
                      : null;
                  const error = a && !a.ok ? a.error : 'error.generic';
                  return withNotices(context, askField(context, context.field ?? 'story'), [{ key: error }]);
                },
              },
              'clearNotices',
            ],
          },
        ],
      },
    },
    /** Only a confirmation as a whole sends; a named field or a new value is a correction, shown again. */
    summary: {
      entry: [
        assign({ at: 'summary', fails: 0 }),
        { type: 'reply', params: ({ context }) => withNotices(context, summaryMessage(context)) },
        'clearNotices',
      ],
      on: {
        message: [
          CANCEL_WITH_WORDS,
          {
            // A voice note or a photo at the summary: kept as evidence, and the summary shown again with it.
            guard: 'filesOnly',
            target: 'summary',
            reenter: true,
            actions: assign(({ context, event }) => ({
              draft: keepExtras(context.draft, body(event)),
              notices: [...context.notices, { key: mediaOnlyReply(body(event)) ?? 'ack.media' }],
            })),
          },
          {
            // Forwarded text corrects nothing: it joins the story and the summary is shown again.
            guard: ({ event }) => msg(event)?.foreign === true,
            target: 'summary',
            reenter: true,
            actions: assign(({ context, event }) => ({
              draft: withFragment(context.draft, body(event).text, body(event)),
              notices: [...context.notices, { key: 'notice.foreign_kept' }],
            })),
          },
          {
            // A pin sent at the summary is a new location: placed, and the summary shown again.
            guard: 'pinAccepted',
            target: 'next',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              const a = m
                ? answerField({ ...context, field: 'location', fails: 0 }, 'location', m, m.now)
                : null;
              return a?.ok ? { draft: a.draft, notices: [...a.notices, { key: 'notice.corrected' }] } : {};
            }),
          },
          {
            guard: { type: 'summaryIs', params: 'edit' },
            target: 'asking',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              const read = m ? summaryRead(context, m) : null;
              return read?.kind === 'edit' ? startEditing(context, read.field) : {};
            }),
          },
          {
            guard: { type: 'summaryIs', params: 'corrected' },
            target: 'next',
            actions: assign(({ context, event }) => {
              const m = msg(event);
              const read = m ? summaryRead(context, m) : null;
              return read?.kind === 'corrected'
                ? { draft: read.draft, notices: [{ key: 'notice.corrected', vars: { field: read.field } }] }
                : {};
            }),
          },
          { guard: { type: 'summaryIs', params: 'edit_menu' }, target: 'editPick' },
          {
            guard: { type: 'summaryIs', params: 'cancel' },
            target: 'cancelConfirm',
            actions: assign({ resume: 'summary' as const }),
          },
          {
            guard: { type: 'summaryIs', params: 'send' },
            target: 'submitting',
            actions: { type: 'effect', params: ({ context }) => submitEffect(context) },
          },
          {
            // Also to Ombudsman: with the NIK it needs, filed at once; without, the NIK is asked first.
            guard: 'escalatedWithNik',
            target: 'submitting',
            actions: [
              assign(({ context }) => ({ draft: { ...context.draft, escalate: true } })),
              { type: 'effect', params: ({ context }) => submitEffect(context) },
            ],
          },
          {
            guard: { type: 'summaryIs', params: 'send_escalated' },
            target: 'asking',
            actions: assign(({ context }) => ({
              draft: { ...context.draft, escalate: true },
              field: 'nik' as const,
              editing: true,
              sendWhenDone: true,
            })),
          },
          {
            actions: [
              assign(({ context, event }) => ({
                fails: context.fails + 1,
                draft: keepExtras(context.draft, body(event)),
              })),
              {
                type: 'reply',
                params: ({ context }) => reAsk(context, confirmQuestion(context), 'error.confirm'),
              },
            ],
          },
        ],
      },
    },
    editPick: {
      entry: [assign({ at: 'editPick', fails: 0 }), { type: 'reply', params: () => editPickQuestion() }],
      on: {
        message: [
          {
            guard: 'editPicked',
            target: 'asking',
            actions: assign(({ context, event }) =>
              startEditing(context, editPick(msg(event)?.text ?? '') ?? 'story'),
            ),
          },
          { guard: 'failedTwice', target: 'summary' },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) => reAsk(context, editPickQuestion(), 'error.choice'),
              },
            ],
          },
        ],
      },
    },
    /** "Yakin?": only a strict, whole yes cancels; "lanjut", "tidak jadi", "kembali" take it back. */
    cancelConfirm: {
      entry: [assign({ fails: 0 }), { type: 'reply', params: () => cancelQuestion() }],
      on: {
        message: [
          {
            guard: { type: 'sure', params: { answer: 'yes', of: 'cancel' } },
            target: 'idle',
            actions: [
              'forgetDraft',
              { type: 'reply', params: { type: 'reply', key: 'cancel.done', expecting: 'none' } },
            ],
          },
          { guard: { type: 'sure', params: { answer: 'no', of: 'cancel' } }, target: 'resumeAfterCancel' },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              { type: 'reply', params: ({ context }) => reAsk(context, cancelQuestion(), 'error.choice') },
            ],
          },
        ],
        command: [
          { guard: 'commandTakesBack', target: 'resumeAfterCancel' },
          {
            guard: { type: 'isCommand', params: 'cancel' },
            target: 'idle',
            actions: [
              'forgetDraft',
              { type: 'reply', params: { type: 'reply', key: 'cancel.done', expecting: 'none' } },
            ],
          },
          {
            guard: { type: 'isCommand', params: 'help' },
            actions: { type: 'reply', params: () => ({ ...cancelQuestion(), before: [{ key: 'help' }] }) },
          },
        ],
      },
    },
    /** Back to where `batal` was said. */
    resumeAfterCancel: {
      always: [
        { guard: { type: 'resumeIs', params: 'consent' }, target: 'consent' },
        { guard: { type: 'resumeIs', params: 'story' }, target: 'story' },
        { guard: { type: 'resumeIs', params: 'guess' }, target: 'guess' },
        { guard: { type: 'resumeIs', params: 'summary' }, target: 'summary' },
        { guard: { type: 'resumeIs', params: 'editPick' }, target: 'editPick' },
        { target: 'asking', actions: assign({ editing: true }) },
      ],
    },
    submitting: {
      entry: assign({ at: null, timers: {} }),
      on: {
        'ticket.duplicate': {
          target: 'duplicateConfirm',
          actions: assign(({ event }) => ({ duplicateOf: event.ticket })),
        },
        'ticket.created': {
          target: 'submitted',
          actions: [
            {
              type: 'reply',
              params: ({ context, event }): ReplyEffect => {
                const vars: Vars =
                  event.type === 'ticket.created'
                    ? {
                        ticket: event.ticket,
                        due: { date: event.due, precision: 'day' as const },
                        days: event.days,
                        agency: event.agency ?? '',
                      }
                    : {};
                const routed = event.type === 'ticket.created' && event.agency;
                const held = event.type === 'ticket.created' ? event.heldBy : null;
                // The receipt says truthfully where the complaint is: forwarded, or held until the agency is reachable.
                const where = !routed
                  ? []
                  : held
                    ? [
                        held.name
                          ? { key: 'submitted.agency_held', vars: { ...vars, holder: held.name } }
                          : { key: 'submitted.agency_held_admin', vars },
                      ]
                    : [{ key: 'submitted.agency', vars }];
                return withNotices(context, {
                  type: 'reply',
                  key: 'submitted',
                  vars,
                  more: [...where, { key: 'submitted.next', vars }],
                  expecting: 'none',
                  ...(event.type === 'ticket.created' ? { ticket: event.ticket } : {}),
                });
              },
            },
            assign(({ context, event }) => ({
              lastTicket: event.type === 'ticket.created' ? event.ticket : context.lastTicket,
              draft: emptyDraft(),
              field: null,
              notices: [],
            })),
          ],
        },
      },
    },
    /** A similar complaint from this chat within a day: the same one (add to it) or a new one? */
    duplicateConfirm: {
      entry: [
        assign({ fails: 0 }),
        { type: 'reply', params: ({ context }) => duplicateQuestion(context.duplicateOf ?? '') },
      ],
      on: {
        message: [
          {
            guard: { type: 'duplicatePick', params: 'same' },
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => ({
                  type: 'append',
                  ticket: context.duplicateOf ?? '',
                  text: context.draft.story.join('\n'),
                  attachments: context.draft.attachments,
                }),
              },
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'ack.duplicate_appended',
                  vars: { ticket: context.duplicateOf ?? '' },
                  expecting: 'none',
                  ...(context.duplicateOf ? { ticket: context.duplicateOf } : {}),
                }),
              },
              assign(({ context }) => ({
                lastTicket: context.duplicateOf,
                duplicateOf: null,
                draft: emptyDraft(),
                field: null,
              })),
            ],
          },
          {
            guard: { type: 'duplicatePick', params: 'new' },
            target: 'submitting',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => {
                  const complaint = buildComplaint(context);
                  return complaint ? { type: 'submit', complaint, allowDuplicate: true } : { type: 'forget' };
                },
              },
              assign({ duplicateOf: null }),
            ],
          },
          {
            // Filing or not is the citizen's decision: asked again, with the help line after two misses.
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) =>
                  reAsk(context, duplicateQuestion(context.duplicateOf ?? ''), 'error.choice'),
              },
            ],
          },
        ],
      },
    },
    submitted: {
      entry: assign({ at: null }),
      on: {
        message: [
          {
            // "cabut" as a reply to a ticket's message: that ticket, after the usual "sure?".
            guard: 'repliedWithdraw',
            target: 'withdrawConfirm',
            actions: assign(({ context, event }) => ({
              lastTicket: ticketOf(context, event) ?? context.lastTicket,
            })),
          },
          {
            // A reply to a message about an open ticket (the platform's reply context): it belongs to that ticket.
            guard: { type: 'targets', params: 'replied' },
            actions: [
              {
                type: 'effect',
                params: ({ context, event }) => ({
                  type: 'append',
                  ticket: ticketOf(context, event) ?? '',
                  text: body(event).text.trim().slice(0, LIMITS.storyChars) || null,
                  attachments: body(event).attachments.filter((a) => a.kind !== 'sticker'),
                }),
              },
              {
                type: 'reply',
                params: ({ context, event }) => appendedAck(ticketOf(context, event) ?? ''),
              },
              assign(({ context, event }) => ({
                lastTicket: ticketOf(context, event) ?? context.lastTicket,
              })),
            ],
          },
          {
            // Several open tickets and nothing saying which: the citizen picks one (one tap), or a new complaint.
            guard: { type: 'targets', params: 'ask' },
            target: 'whichTicket',
            actions: assign(({ context, event }) => {
              const target = targetOf(context, body(event));
              return {
                ticketChoices: target.kind === 'ask' ? target.choices : null,
                whichFor: 'add' as const,
                pendingAfterSubmit: pending(event),
              };
            }),
          },
          {
            guard: 'filesWithoutText',
            actions: [
              {
                type: 'effect',
                params: ({ context, event }) => ({
                  type: 'append',
                  ticket: ticketOf(context, event) ?? '',
                  text: null,
                  attachments: body(event).attachments.filter((a) => a.kind !== 'sticker'),
                }),
              },
              {
                type: 'reply',
                params: ({ context, event }) => appendedAck(ticketOf(context, event) ?? ''),
              },
              assign(({ context, event }) => ({
                lastTicket: ticketOf(context, event) ?? context.lastTicket,
              })),
            ],
          },
          {
            target: 'afterSubmit',
            actions: assign(({ context, event }) => ({
              lastTicket: ticketOf(context, event) ?? context.lastTicket,
              pendingAfterSubmit: pending(event),
            })),
          },
        ],
        command: [
          {
            guard: { type: 'isCommand', params: 'start' },
            target: 'start',
            actions: assign({ draft: () => emptyDraft() }),
          },
        ],
      },
    },
    /** Several open tickets: which one is the message for (one tap), a new complaint, or withdrawing one? */
    whichTicket: {
      entry: [
        assign({ at: 'whichTicket', fails: 0 }),
        { type: 'reply', params: ({ context }) => whichTicketQuestion(context) },
      ],
      on: {
        message: [
          {
            guard: and([
              { type: 'whichPick', params: 'ticket' as const },
              ({ context }) => context.whichFor === 'withdraw',
            ]),
            target: 'withdrawConfirm',
            actions: assign(({ context, event }) => ({
              lastTicket: whichTicketPick(context, pickText(event)),
              ticketChoices: null,
              whichFor: null,
            })),
          },
          {
            guard: { type: 'whichPick', params: 'ticket' },
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context, event }) => ({
                  type: 'append',
                  ticket: whichTicketPick(context, pickText(event)) ?? '',
                  text: context.pendingAfterSubmit?.text ?? null,
                  attachments: context.pendingAfterSubmit?.attachments ?? [],
                }),
              },
              {
                type: 'reply',
                params: ({ context, event }) => appendedAck(whichTicketPick(context, pickText(event)) ?? ''),
              },
              assign(({ context, event }) => ({
                lastTicket: whichTicketPick(context, pickText(event)),
                ticketChoices: null,
                whichFor: null,
                pendingAfterSubmit: null,
              })),
            ],
          },
          {
            guard: { type: 'whichPick', params: 'new' },
            target: 'start',
            actions: assign(({ context }) => ({
              draft: {
                ...emptyDraft(),
                story: context.pendingAfterSubmit?.text ? [context.pendingAfterSubmit.text] : [],
              },
              ticketChoices: null,
              whichFor: null,
              pendingAfterSubmit: null,
            })),
          },
          {
            // "Cabut": which one? The same tickets are offered again.
            guard: { type: 'whichPick', params: 'withdraw' },
            target: 'whichTicket',
            reenter: true,
            actions: assign({ whichFor: 'withdraw', pendingAfterSubmit: null }),
          },
          {
            // Three misses: nothing is added or filed, and the citizen is told how to go on.
            guard: 'failedTwice',
            target: 'submitted',
            actions: [
              assign({ pendingAfterSubmit: null, ticketChoices: null, whichFor: null }),
              { type: 'reply', params: { type: 'reply', key: 'which_ticket.dropped', expecting: 'none' } },
            ],
          },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) => reAsk(context, whichTicketQuestion(context), 'error.choice'),
              },
            ],
          },
        ],
        // A ticket number typed alone reads as "status ADU-…": here it picks that ticket.
        command: {
          // Any other command (and "status" of another ticket) is the usual command, at the root.
          guard: ({ context, event }) => whichTicketPick(context, pickText(event)) !== null,
          actions: raise(({ event }) => ({
            type: 'message' as const,
            now: event.now,
            text: pickText(event),
            attachments: [],
            location: null,
            contactPhone: null,
            channelPhone: null,
          })),
        },
      },
    },
    afterSubmit: {
      entry: [
        assign({ at: 'afterSubmit', fails: 0 }),
        { type: 'reply', params: ({ context }) => afterSubmitQuestion(context.lastTicket ?? '') },
      ],
      on: {
        message: [
          {
            guard: { type: 'afterSubmitPick', params: 'add' },
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => ({
                  type: 'append',
                  ticket: context.lastTicket ?? '',
                  text: context.pendingAfterSubmit?.text ?? null,
                  attachments: context.pendingAfterSubmit?.attachments ?? [],
                }),
              },
              { type: 'reply', params: ({ context }) => appendedAck(context.lastTicket ?? '') },
              assign({ pendingAfterSubmit: null }),
            ],
          },
          {
            guard: { type: 'afterSubmitPick', params: 'new' },
            target: 'start',
            actions: assign(({ context }) => ({
              draft: {
                ...emptyDraft(),
                story: context.pendingAfterSubmit?.text ? [context.pendingAfterSubmit.text] : [],
              },
              pendingAfterSubmit: null,
            })),
          },
          {
            guard: { type: 'afterSubmitPick', params: 'withdraw' },
            target: 'withdrawConfirm',
          },
          {
            // Three misses: the message is neither added nor filed, and the citizen is told how to go on.
            guard: 'failedTwice',
            target: 'submitted',
            actions: [
              assign({ pendingAfterSubmit: null }),
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'after_submit.dropped',
                  vars: { ticket: context.lastTicket ?? '' },
                  expecting: 'none',
                }),
              },
            ],
          },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) =>
                  reAsk(context, afterSubmitQuestion(context.lastTicket ?? ''), 'error.choice'),
              },
            ],
          },
        ],
      },
    },
    withdrawConfirm: {
      entry: [
        assign({ fails: 0 }),
        { type: 'reply', params: ({ context }) => withdrawQuestion(context.lastTicket ?? '') },
      ],
      on: {
        message: [
          {
            guard: { type: 'sure', params: { answer: 'yes', of: 'withdraw' } },
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => ({ type: 'withdraw', ticket: context.lastTicket ?? '' }),
              },
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'withdrawn',
                  vars: { ticket: context.lastTicket ?? '' },
                  expecting: 'none',
                }),
              },
              assign({ pendingAfterSubmit: null }),
            ],
          },
          {
            guard: { type: 'sure', params: { answer: 'no', of: 'withdraw' } },
            target: 'submitted',
            actions: [
              assign({ pendingAfterSubmit: null }),
              { type: 'reply', params: { type: 'reply', key: 'withdraw.kept', expecting: 'none' } },
            ],
          },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) =>
                  reAsk(context, withdrawQuestion(context.lastTicket ?? ''), 'error.choice'),
              },
            ],
          },
        ],
        command: [
          {
            guard: 'commandTakesBack',
            target: 'submitted',
            actions: [
              assign({ pendingAfterSubmit: null }),
              { type: 'reply', params: { type: 'reply', key: 'withdraw.kept', expecting: 'none' } },
            ],
          },
        ],
      },
    },
    /** The agency called a ticket done: is it solved? "Belum" sends it back to the agency. */
    rateResolved: {
      entry: assign({ at: null }),
      on: {
        message: [
          {
            guard: { type: 'resolvedAnswer', params: 'no' },
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context }) => ({ type: 'reopen', ticket: context.rating?.ticket ?? '' }),
              },
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'rating.reopened',
                  vars: { ticket: context.rating?.ticket ?? '' },
                  expecting: 'none',
                }),
              },
              assign({ rating: null }),
            ],
          },
          { guard: { type: 'resolvedAnswer', params: 'yes' }, target: 'rateScore' },
          {
            guard: 'failedTwice',
            target: 'submitted',
            actions: [
              assign({ rating: null }),
              { type: 'reply', params: { type: 'reply', key: 'rating.skipped', expecting: 'none' } },
            ],
          },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) =>
                  reAsk(context, resolvedQuestion(context.rating?.ticket ?? ''), 'error.choice'),
              },
            ],
          },
        ],
      },
    },
    rateScore: {
      entry: [assign({ fails: 0 }), { type: 'reply', params: () => ratingQuestion() }],
      on: {
        message: [
          {
            guard: 'scoreGiven',
            target: 'rateComment',
            actions: assign(({ context, event }) => ({
              rating: context.rating ? { ...context.rating, score: scoreOf(body(event).text) } : null,
            })),
          },
          {
            guard: 'failedTwice',
            target: 'submitted',
            actions: [
              assign({ rating: null }),
              { type: 'reply', params: { type: 'reply', key: 'rating.skipped', expecting: 'none' } },
            ],
          },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              { type: 'reply', params: ({ context }) => reAsk(context, ratingQuestion(), 'error.choice') },
            ],
          },
        ],
      },
    },
    rateComment: {
      entry: [assign({ fails: 0 }), { type: 'reply', params: () => ratingCommentQuestion() }],
      on: {
        message: [
          {
            // A comment, "lewati", or (after three tries with nothing to read) no comment: the score is recorded.
            guard: or(['skipComment', 'hasText', 'failedTwice']),
            target: 'submitted',
            actions: [
              {
                type: 'effect',
                params: ({ context, event }) => {
                  const text = body(event).text;
                  return {
                    type: 'rate',
                    ticket: context.rating?.ticket ?? '',
                    score: context.rating?.score ?? 3,
                    comment: skipsComment(text) ? null : text.trim().slice(0, 1000) || null,
                  };
                },
              },
              {
                type: 'reply',
                params: ({ context }) => ({
                  type: 'reply',
                  key: 'rating.thanks',
                  vars: { ticket: context.rating?.ticket ?? '' },
                  expecting: 'none',
                }),
              },
              assign({ rating: null }),
            ],
          },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) => reAsk(context, ratingCommentQuestion(), 'error.choice'),
              },
            ],
          },
        ],
      },
    },
    /** Expired after 72 idle hours: the draft is kept until the citizen resumes or starts anew. */
    paused: {
      entry: assign({ at: null, fails: 0 }),
      on: {
        message: [
          {
            guard: { type: 'pausedPick', params: 'new' },
            target: 'start',
            actions: assign({ draft: () => emptyDraft() }),
          },
          { guard: { type: 'pausedPick', params: 'resume' }, target: 'resuming' },
          // Asked twice already: the draft is resumed (nothing is lost; "batal" still discards it).
          { guard: 'failedTwice', target: 'resuming' },
          {
            actions: [
              assign(({ context }) => ({ fails: context.fails + 1 })),
              {
                type: 'reply',
                params: ({ context }) =>
                  context.fails <= 1 ? pausedQuestion() : reAsk(context, pausedQuestion(), 'error.choice'),
              },
            ],
          },
        ],
        command: [
          { guard: { type: 'isCommand', params: 'resume' }, target: 'resuming' },
          { guard: { type: 'isCommand', params: 'start' }, target: 'resuming' },
        ],
      },
    },
    resuming: {
      always: [
        { guard: { type: 'resumeIs', params: 'consent' }, target: 'consent' },
        { guard: { type: 'resumeIs', params: 'story' }, target: 'story' },
        { guard: { type: 'resumeIs', params: 'guess' }, target: 'guess' },
        { guard: { type: 'resumeIs', params: 'summary' }, target: 'next' },
        { guard: { type: 'resumeIs', params: 'editPick' }, target: 'next' },
        { target: 'next' },
      ],
    },
  },
});

/** File the complaint (the runtime answers with `ticket.created` or `ticket.duplicate`). */
function submitEffect(ctx: IntakeContext): Effect {
  const complaint = buildComplaint(ctx);
  return complaint ? { type: 'submit', complaint, allowDuplicate: false } : { type: 'forget' };
}

/** After more story: the guess again if the story changed it, else a short pointer to the guess above. */
function guessBack(ctx: IntakeContext): ReplyEffect {
  const q = guessQuestion(ctx.draft);
  return ctx.guessChanged ? q : { ...q, key: 'ask.guess.short', rows: [], more: [] };
}

/** The summary's own question (its choices included), asked again after a reply that is neither a yes nor a fix. */
function confirmQuestion(ctx: IntakeContext): ReplyEffect {
  return { ...summaryMessage(ctx), key: 'ask.confirm', rows: [], more: [] };
}

/**
 * What a reply at the summary or the guess means, read once per message: the guards that choose the transition and
 * the action that applies it ask the same question of the same message.
 */
const summaryReads = new WeakMap<Msg, SummaryRead>();
const guessReads = new WeakMap<Msg, GuessRead>();

function summaryRead(ctx: IntakeContext, m: Msg): SummaryRead {
  const known = summaryReads.get(m);
  if (known) return known;
  const read = readSummaryAnswer(
    ctx.draft,
    m.text,
    pickShown(summaryMessage(ctx), m.text),
    m.now,
    escalationOffered(ctx.draft),
  );
  summaryReads.set(m, read);
  return read;
}

function guessRead(ctx: IntakeContext, m: Msg): GuessRead {
  const known = guessReads.get(m);
  if (known) return known;
  const read = readGuessAnswer(ctx.draft, m.text, m.now);
  guessReads.set(m, read);
  return read;
}

/** The field an answer to "which part?" names: a label typed back, its number, or a field word. */
function editPick(text: string): Field | null {
  const shown = pickShown(editPickQuestion(), text);
  return SUMMARY_FIELDS.find((f) => f === shown) ?? parseEditRequest(text);
}

/** Ask one field again, then come back to the summary. */
function startEditing(ctx: IntakeContext, field: Field): Partial<IntakeContext> {
  const d = ctx.draft;
  const draft =
    field === 'region' ? { ...d, kabkotaCode: null, kecamatanCode: null, regionCandidates: [] } : d;
  return { field, editing: true, draft };
}

/**
 * The route decided; an office that only followed the category or region takes the routed office's name, unless
 * no rule took it (a coordinator or Ombudsman passing it on is not the office complained of).
 */
function withRoute(d: Draft, route: RouteInfo): Draft {
  return { ...d, route, agency: derivedAgency(d) && !route.fallback ? route.agencyName : d.agency };
}
