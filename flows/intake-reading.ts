// What one step's event says, read once: the guards that choose a transition and the actions that apply it ask the
// same questions of the same message. The reading travels with the event through the step and is gone after it.
import type { Answer } from './fields/field-record.js';
import { guessRead, summaryRead } from './intake-answers.js';
import type { Field, IntakeContext } from './intake-context.js';
import type { SummaryRead } from './intake-corrections.js';
import { type EditOutcome, applyEdit } from './intake-edits.js';
import type { IntakeEvent } from './intake-events.js';
import { answerField } from './intake-fields.js';
import type { GuessRead } from './intake-guess.js';
import { edit, msg } from './intake-message.js';

/** An event as the machine sees it: with the reading of its message, made by `step` (or by a `raise`). */
export type StepEvent = IntakeEvent & { readonly reading: Reading };

export const withReading = (event: IntakeEvent): StepEvent => ({ ...event, reading: new Reading(event) });

/** Each answer computed on first use and kept for the step, with what it was read from (a context, a draft). */
export class Reading {
  readonly #event: IntakeEvent;
  readonly #known = new Map<string, { of: object; value: unknown }>();

  constructor(event: IntakeEvent) {
    this.#event = event;
  }

  /** The message as an answer to `field` after `fails` failed answers; null when the event is no message. */
  answer(ctx: IntakeContext, field: Field, fails = ctx.fails): Answer | null {
    const m = msg(this.#event);
    if (!m) return null;
    return this.#once(`answer.${field}.${fails}`, ctx, () =>
      answerField(
        ctx.field === field && ctx.fails === fails ? ctx : { ...ctx, field, fails },
        field,
        m,
        m.now,
      ),
    );
  }

  /** The message as a reply to the summary. */
  summary(ctx: IntakeContext): SummaryRead | null {
    const m = msg(this.#event);
    return m ? this.#once('summary', ctx, () => summaryRead(ctx, m)) : null;
  }

  /** The message as a reply to the guess (which reads only the draft). */
  guess(ctx: IntakeContext): GuessRead | null {
    const m = msg(this.#event);
    return m ? this.#once('guess', ctx.draft, () => guessRead(ctx, m)) : null;
  }

  /** What the edit does; null when the event is no edit. */
  edit(ctx: IntakeContext): EditOutcome | null {
    const e = edit(this.#event);
    return e ? this.#once('edit', ctx, () => applyEdit(ctx, e)) : null;
  }

  #once<T>(key: string, of: object, read: () => T): T {
    const known = this.#known.get(key);
    if (known?.of === of) return known.value as T;
    const value = read();
    this.#known.set(key, { of, value });
    return value;
  }
}
