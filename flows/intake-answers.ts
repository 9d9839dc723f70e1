// What a reply means at a question: a choice the question showed first, then its words (read in src/understand).
import type { ReplyEffect } from '../src/domain/reply.js';
import { sureAnswer, takesBack } from '../src/understand/cancel-words.js';
import { noComment, typedScore } from '../src/understand/rating-answers.js';
import { goesOnTelling } from '../src/understand/story-telling.js';
import type { YesNo } from '../src/understand/yes-no.js';
import { parseYesNo } from '../src/understand/yes-no.js';
import { type Field, type IntakeContext, emptyDraft } from './intake-context.js';
import { type SummaryRead, readSummaryAnswer } from './intake-corrections.js';
import type { IntakeEvent } from './intake-events.js';
import { SUMMARY_FIELDS, parseEditRequest } from './intake-fields.js';
import { type GuessRead, readGuessAnswer } from './intake-guess.js';
import type { Msg } from './intake-message.js';
import {
  consentQuestion,
  editPickQuestion,
  escalationOffered,
  guessQuestion,
  ratingCommentQuestion,
  ratingQuestion,
  summaryMessage,
} from './intake-questions.js';
import { pickShown } from './intake-shown.js';

/** A whole yes/no answer to a question that shows Yes/No-like choices: a label, its number, or a plain yes/no. */
function yesNoOf(reply: ReplyEffect, text: string): YesNo | null {
  const shown = pickShown(reply, text);
  if (shown === 'yes' || shown === 'no') return shown;
  return shown === null ? parseYesNo(text) : null;
}

export function consentAnswer(text: string): YesNo | null {
  return yesNoOf(consentQuestion(false), text);
}

/** The answer to "are you sure?" about cancelling or withdrawing: only a whole, strict yes confirms. */
export function sureOf(reply: ReplyEffect, text: string): YesNo | null {
  const shown = pickShown(reply, text);
  if (shown === 'yes' || shown === 'no') return shown;
  return sureAnswer(text);
}

/** Commands that mean "don't" at a confirmation: "tidak jadi" (a cancel elsewhere), "lanjut", "mulai". */
export function commandTakesBack(event: IntakeEvent): boolean {
  if (event.type !== 'command') return false;
  const c = event.command.type;
  return c === 'resume' || c === 'start' || (c === 'cancel' && takesBack(event.text ?? ''));
}

/** A message at the guess that goes on telling: no yes/no, no choice, no correction, a few words of story. */
export function continuesStory(text: string): boolean {
  return pickShown(guessQuestion(emptyDraft()), text) === null && goesOnTelling(text);
}

/** "Lewati" (or its button, or a bare no) at the comment question. */
export function skipsComment(text: string): boolean {
  return pickShown(ratingCommentQuestion(), text) === 'skip' || noComment(text);
}

/** The rating's score from what the citizen typed: a shown choice, a digit 1–5, or that many stars. */
export function scoreOf(text: string): number | null {
  const shown = pickShown(ratingQuestion(), text);
  if (shown) return Number(shown);
  return typedScore(text);
}

/** The field an answer to "which part?" names: a label typed back, its number, or a field word. */
export function fieldToEdit(text: string): Field | null {
  const shown = pickShown(editPickQuestion(), text);
  return SUMMARY_FIELDS.find((f) => f === shown) ?? parseEditRequest(text);
}

/** What a reply at the summary means. Pure; a step reads it once, through the event's `reading`. */
export function summaryRead(ctx: IntakeContext, m: Msg): SummaryRead {
  return readSummaryAnswer(
    ctx.draft,
    m.text,
    pickShown(summaryMessage(ctx), m.text),
    m.now,
    escalationOffered(ctx.draft),
  );
}

/** What a reply at the guess means: it reads only the draft. Pure; a step reads it once, through its `reading`. */
export function guessRead(ctx: IntakeContext, m: Msg): GuessRead {
  return readGuessAnswer(ctx.draft, m.text, m.now);
}
