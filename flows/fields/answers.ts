// Building a field's answer: the draft with the field marked answered, and the notices that go with it.
import type { Draft, Field, Notice } from '../intake-context.js';
import type { Answer } from './field-record.js';
import { hasLetters } from './text.js';

export const ok = (draft: Draft, notices: Notice[] = []): Answer => ({ ok: true, draft, notices });

export function withAnswered(d: Draft, field: Field, patch: Partial<Draft>): Draft {
  return {
    ...d,
    ...patch,
    answered: d.answered.includes(field) ? d.answered : [...d.answered, field],
    guessed: d.guessed.filter((g) => g !== field),
  };
}

/** A free-text answer: taken when it has words, else asked again. */
export function written(d: Draft, field: Field, text: string, patch: Partial<Draft>): Answer {
  if (!hasLetters(text)) return { ok: false, error: 'error.need_text' };
  return ok(withAnswered(d, field, patch));
}
