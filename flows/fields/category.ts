// The category field: the kind of public service complained of.
import { CATEGORY_IDS, type CategoryId } from '../../src/domain/categories.js';
import { parseChoice } from '../../src/understand/choice.js';
import { isUnknown } from '../../src/understand/skip-answers.js';
import { suggestCategories } from '../../src/understand/suggest-categories.js';
import type { Draft } from '../intake-context.js';
import { ok, withAnswered } from './answers.js';
import type { Answer, FieldRecord } from './field-record.js';
import { clip } from './text.js';

/** "Lainnya", and the citizen is told so. */
const other = (d: Draft): Answer =>
  ok(withAnswered(d, 'category', { category: 'lainnya', categoryReasons: [] }), [
    { key: 'notice.category_other' },
  ]);

export const categoryField: FieldRecord = {
  missing: (ctx) => !ctx.draft.category,
  ask: (_ctx, base) => ({
    type: 'reply',
    key: 'ask.category',
    ...base,
    choices: CATEGORY_IDS.map((id) => ({ id, label: { key: `category.${id}` } })),
  }),
  fromChoice: (ctx, id) => {
    const category = CATEGORY_IDS.find((c) => c === id);
    return category ? ok(withAnswered(ctx.draft, 'category', { category, categoryReasons: [] })) : null;
  },
  understand: (ctx, body) => {
    const d = ctx.draft;
    const text = clip(body.text);
    const picked = parseChoice(
      text,
      CATEGORY_IDS.map((id) => ({ id, words: [id.replace(/_/g, ' ')] })),
    );
    const suggested = picked ? null : suggestCategories(text)[0];
    const category: CategoryId | null = picked ?? suggested?.category ?? null;
    if (category)
      return ok(withAnswered(d, 'category', { category, categoryReasons: suggested?.reasons ?? [] }));
    if (isUnknown(text)) return other(d);
    return { ok: false, error: 'error.category' };
  },
  fallback: (ctx) => other(ctx.draft),
  summary: {
    value: (ctx) => (ctx.draft.category ? { key: `category.${ctx.draft.category}` } : { key: 'value.none' }),
    editWords: ['kategori', 'jenis', 'topik', 'category'],
  },
};
