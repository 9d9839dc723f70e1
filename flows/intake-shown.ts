// The choice a typed answer picks among those a question showed: derived from the question itself and `locales/`.
import type { ReplyEffect, Vars } from '../src/domain/reply.js';
import { LANGS, t } from '../src/i18n/locales.js';
import { matchShown } from '../src/understand/shown-choice.js';

function labelsOf(label: { key: string; vars?: Vars }, vars: Vars): string[] {
  return LANGS.map((lang) => t(lang, label.key, { ...vars, ...label.vars }));
}

/**
 * The choice of `reply` that a typed answer picks as it was shown: a label in either locale, its number, or its id.
 * Derived from the reply itself, so a new choice is understood at once. Choices shown as words (the summary's) are
 * never picked by a number: there the numbers are the rows, and "1" edits the story rather than sending it.
 */
export function pickShown(reply: ReplyEffect | null, text: string): string | null {
  if (!reply?.choices?.length) return null;
  const vars = reply.vars ?? {};
  const options = reply.choices.map((c) => ({
    id: c.id,
    labels: 'literal' in c.label ? [c.label.literal] : labelsOf(c.label, vars),
  }));
  return matchShown(text, options, !reply.wordChoices);
}
