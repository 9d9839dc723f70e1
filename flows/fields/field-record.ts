// The shape of one complaint field: when it is missing, how it is asked, understood, given up on and summarised.
import type { Expecting } from '../../src/domain/expecting.js';
import type { Paragraph, ReplyEffect, VarValue, Vars } from '../../src/domain/reply.js';
import type { Draft, IntakeContext, Notice } from '../intake-context.js';
import type { MessageBody } from '../intake-events.js';

export type Answer =
  | { ok: true; draft: Draft; notices: Notice[] }
  | { ok: false; error: string; vars?: Vars };

/** What every question carries: what it expects, and after a failed answer the field's example. */
export type AskBase = { expecting: Expecting; more?: Paragraph[] };

/** One field's question and answers; the question expects the field by its name (`askField` says so). */
export type FieldRecord = {
  /** Still to be asked: not answered yet, and needed for this complaint (fields are tried in `ASK_ORDER`). */
  missing(ctx: IntakeContext): boolean;
  /** The question; `base` is spread into it. */
  ask(ctx: IntakeContext, base: AskBase): ReplyEffect;
  /** A tapped or typed-back choice of the question, by its id ("skip" is the same for every field). */
  fromChoice?(ctx: IntakeContext, id: string, now: number): Answer | null;
  /** A typed answer, a pin or files. */
  understand(ctx: IntakeContext, body: MessageBody, now: number): Answer;
  /** After three misunderstood answers: skipped (saying so), or the field's named fallback. */
  fallback(ctx: IntakeContext, body: MessageBody): Answer;
  /** Its summary row (`summary.<field>`): the value shown, and the words that name it for an edit. */
  summary?: { value(ctx: IntakeContext): VarValue; editWords: readonly string[] };
};
