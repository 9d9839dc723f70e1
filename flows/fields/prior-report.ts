// The prior report field: whether the citizen already complained to the office, and where.
import type { VarValue } from '../../src/domain/reply.js';
import { parseChoice } from '../../src/understand/choice.js';
import { findReportedTo } from '../../src/understand/reported-to.js';
import { tellsResult } from '../../src/understand/result-words.js';
import { parseAlready, parseYesNo } from '../../src/understand/yes-no.js';
import { ok, withAnswered } from './answers.js';
import type { FieldRecord } from './field-record.js';
import { clip } from './text.js';

export const priorReportField: FieldRecord = {
  missing: (ctx) => ctx.draft.priorReport === null,
  ask: (_ctx, base) => ({
    type: 'reply',
    key: 'ask.prior_report',
    ...base,
    choices: [
      { id: 'yes', label: { key: 'choice.already' } },
      { id: 'no', label: { key: 'choice.not_yet' } },
    ],
  }),
  fromChoice: (ctx, id) => {
    const d = ctx.draft;
    return id === 'yes' || id === 'no'
      ? ok(
          withAnswered(d, 'prior_report', {
            priorReport: id === 'yes',
            priorResult: id === 'yes' ? d.priorResult : null,
          }),
        )
      : null;
  },
  understand: (ctx, body) => {
    const d = ctx.draft;
    const text = clip(body.text);
    const picked =
      parseChoice(text, [
        { id: 'yes', words: ['sudah', 'pernah', 'sudah pernah'] },
        { id: 'no', words: ['belum', 'belum pernah', 'tidak pernah'] },
      ]) ??
      parseAlready(text) ??
      parseYesNo(text);
    if (!picked) return { ok: false, error: 'error.yes_no' };
    const done = picked === 'yes';
    // "sudah 2x ke kantor lurah tapi tidak ada tanggapan": the answer already tells what came of it.
    const told = done && tellsResult(text);
    const draft = withAnswered(d, 'prior_report', {
      priorReport: done,
      priorResult: done ? (told ? text : d.priorResult) : null,
      // "sudah lapor ke kelurahan": where it went is kept, and the result is still asked.
      priorTo: done ? (findReportedTo(text) ?? d.priorTo ?? null) : null,
    });
    return ok(told ? withAnswered(draft, 'prior_result', {}) : draft);
  },
  fallback: (ctx) =>
    ok(withAnswered(ctx.draft, 'prior_report', { priorReport: false, priorResult: null }), [
      { key: 'notice.prior_assumed_no' },
    ]),
  summary: {
    value: ({ draft: d }): VarValue =>
      d.priorReport
        ? d.priorTo
          ? { key: 'value.prior_yes_to', vars: { to: d.priorTo, result: d.priorResult ?? '-' } }
          : { key: 'value.prior_yes', vars: { result: d.priorResult ?? '-' } }
        : { key: 'value.prior_no' },
    editWords: ['pengaduan sebelumnya', 'sebelumnya', 'pernah lapor', 'aduan sebelumnya'],
  },
};
