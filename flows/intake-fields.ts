// One question of the intake flow per field: how it is asked, how an answer is understood, what comes next.

import type { ReplyEffect } from '../src/domain/reply.js';
import { normalize } from '../src/understand/normalize.js';
import type { Answer } from './fields/field-record.js';
import { ASK_ORDER, FIELD_RECORDS } from './fields/index.js';
import { FIELDS, type Field, type IntakeContext } from './intake-context.js';
import type { MessageBody } from './intake-events.js';
import { pickShown } from './intake-shown.js';

/** The fourth answer that is still not understood gets the field's fallback: a question is asked at most 3 times. */
export const MAX_ASKS = 3;

/** The next question still open, in a natural order; null when the complaint is complete. */
export function nextMissing(ctx: IntakeContext): Field | null {
  return ASK_ORDER.find((field) => FIELD_RECORDS[field].missing(ctx)) ?? null;
}

/** The question for a field; after `fails` failed answers it comes with an example or a choice list. */
export function askField(ctx: IntakeContext, field: Field): ReplyEffect {
  const record = FIELD_RECORDS[field];
  const more = ctx.fails > 0 ? [{ key: `ask.${field}.example` }] : undefined;
  return record.ask(ctx, { expecting: field, ...(more ? { more } : {}) });
}

/**
 * Understands an answer to `field`. Pure: the same context and message always give the same answer. Guards and
 * actions of one step read it through the event's `reading` (intake-reading.ts), which computes it once.
 */
export function answerField(ctx: IntakeContext, field: Field, body: MessageBody, now: number): Answer {
  const record = FIELD_RECORDS[field];
  const shown = pickShown(askField(ctx, field), body.text);
  const answer =
    (shown !== null ? fromChoice(ctx, field, shown, now) : null) ?? record.understand(ctx, body, now);
  if (answer.ok || ctx.fails + 1 < MAX_ASKS) return answer;
  return record.fallback(ctx, body);
}

/** A tapped or typed-back choice of the question, by its id: "skip" is the word "lewati" for every field. */
function fromChoice(ctx: IntakeContext, field: Field, id: string, now: number): Answer | null {
  const record = FIELD_RECORDS[field];
  if (id === 'skip') return record.understand(ctx, { ...blank, text: 'lewati' }, now);
  return record.fromChoice?.(ctx, id, now) ?? null;
}

const blank: MessageBody = {
  text: '',
  attachments: [],
  location: null,
  contactPhone: null,
  channelPhone: null,
};

/** Summary rows, numbered as the citizen can pick them for a correction. */
export const SUMMARY_FIELDS: Field[] = FIELDS.filter((field) => FIELD_RECORDS[field].summary !== undefined);

/** Which field a correction request names: "ubah lokasi", "ganti tanggal", "5". */
export function parseEditRequest(text: string): Field | null {
  const t = normalize(text)
    .replace(/^(ubah|ganti|ralat|koreksi|perbaiki|edit|salah)\s*/, '')
    .trim();
  if (!t) return null;
  const num = /^(?:no(?:mor)?\.?\s*)?(\d{1,2})$/.exec(t);
  if (num) return SUMMARY_FIELDS[Number(num[1]) - 1] ?? null;
  return SUMMARY_FIELDS.find((field) => FIELD_RECORDS[field].summary?.editWords.includes(t)) ?? null;
}
