// Guards of a complaint in progress: consent, the story, the guess, the questions, the summary, cancelling, a pause.
import { opensWithCancel } from '../src/understand/cancel-words.js';
import { namesProblem } from '../src/understand/category-guess.js';
import { pausedChoice } from '../src/understand/choice-words.js';
import { isStoryFragment } from '../src/understand/small-talk.js';
import { storyDone } from '../src/understand/story-done.js';
import { closesOnly, nothingWrong, yesNoOrBut, yesThenStory } from '../src/understand/story-telling.js';
import { commandTakesBack, consentAnswer, continuesStory, fieldToEdit, sureOf } from './intake-answers.js';
import { DRAFTING_STATES, type Draft, LIMITS, type ResumeTarget } from './intake-context.js';
import { type SummaryRead, namedCorrection } from './intake-corrections.js';
import { MAX_ASKS, nextMissing } from './intake-fields.js';
import { defineGuards } from './intake-guard.js';
import type { GuessRead } from './intake-guess.js';
import { body, edit, mediaOnlyReply, msg, withFragment } from './intake-message.js';
import {
  cancelQuestion,
  guessFixQuestion,
  pausedQuestion,
  storyPrompt,
  withdrawQuestion,
} from './intake-questions.js';
import { pickShown } from './intake-shown.js';

/** Questions a forwarded message or someone else's contact card must never answer. */
const OWN_FIELDS = new Set<string>(['name', 'nik', 'phone']);

const DRAFTING: ReadonlySet<ResumeTarget> = new Set(DRAFTING_STATES);

/** A story told before consent that already says what the problem is: no "selesai" needed to go on. */
function storyReady(d: Draft): boolean {
  return namesProblem(d.story.join(' '));
}

export const draftGuards = defineGuards({
  /** An edit that answered the question now asked, or made at the summary: go on as after an answer. */
  editMovesOn: ({ context, event }) => {
    const o = event.reading.edit(context);
    return !!o && (o.advance || (edit(event)?.state === 'summary' && o.draft !== context.draft));
  },
  editAppends: ({ context, event }) => (event.reading.edit(context)?.effects.length ?? 0) > 0,
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
    return !!m && yesThenStory(m.text) !== null;
  },
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
  guessIs: ({ context, event }, kind: GuessRead['kind']) => event.reading.guess(context)?.kind === kind,
  guessGivesUp: ({ context }) => context.fails + 1 >= MAX_ASKS,
  guessFieldFixed: ({ context, event }) => {
    const m = msg(event);
    if (!m || !yesNoOrBut(m.text)) return false;
    return namedCorrection(context.draft, m.text, m.now) !== null;
  },
  guessFixPicked: ({ context, event }) => {
    const m = msg(event);
    return !!m && pickShown(guessFixQuestion(context.draft), m.text) !== null;
  },
  nothingWrong: ({ event }) => {
    const m = msg(event);
    return !!m && nothingWrong(m.text);
  },
  canRoute: ({ context }) => context.draft.category !== null && context.draft.kabkotaCode !== null,
  sendWhenDone: ({ context }) => context.sendWhenDone === true,
  escalatedWithNik: ({ context, event }) =>
    context.draft.nik !== null && event.reading.summary(context)?.kind === 'send_escalated',
  complete: ({ context }) => nextMissing(context) === null,
  /** Only a voice note, a sticker or files: kept as evidence, and the question asked again with a word on it. */
  filesOnly: ({ event }) => !!msg(event) && mediaOnlyReply(body(event)) !== null,
  mediaOnly: ({ context, event }) =>
    !!msg(event) &&
    context.field !== 'evidence' &&
    context.field !== 'location' &&
    context.fails + 1 < MAX_ASKS &&
    mediaOnlyReply(body(event)) !== null,
  answerOk: ({ context, event }) =>
    !!context.field && event.reading.answer(context, context.field)?.ok === true,
  /** "batal aja lah pak, …": a cancel with words after it, at a question (the story may say "batal" freely). */
  wantsCancel: ({ event }) => {
    const m = msg(event);
    return !!m && opensWithCancel(m.text);
  },
  pinAccepted: ({ context, event }) =>
    !!msg(event)?.location && event.reading.answer(context, 'location', 0)?.ok === true,
  summaryIs: ({ context, event }, kind: SummaryRead['kind']) => event.reading.summary(context)?.kind === kind,
  editPicked: ({ event }) => {
    const m = msg(event);
    return !!m && fieldToEdit(m.text) !== null;
  },
  failedTwice: ({ context }) => context.fails + 1 >= MAX_ASKS,
  /** A message that tells nothing: emoji, digits, a greeting, or only a voice note, sticker or file. */
  notStory: ({ event }) => {
    const m = msg(event);
    return !!m && !isStoryFragment(m.text);
  },
  sure: ({ event }, p: { answer: 'yes' | 'no'; of: 'cancel' | 'withdraw' }) => {
    const m = msg(event);
    return !!m && sureOf(p.of === 'withdraw' ? withdrawQuestion('') : cancelQuestion(), m.text) === p.answer;
  },
  commandTakesBack: ({ event }) => commandTakesBack(event),
  isActive: ({ context }) => context.at !== null && DRAFTING.has(context.at),
  resumeIs: ({ context }, target: ResumeTarget) => context.resume === target,
  isCommand: ({ event }, name: string) => event.type === 'command' && event.command.type === name,
  pausedPick: ({ event }, id: 'resume' | 'new') => {
    const m = msg(event);
    if (!m) return false;
    const shown = pickShown(pausedQuestion(), m.text);
    if (shown) return shown === id;
    return pausedChoice(m.text) === id;
  },
});
