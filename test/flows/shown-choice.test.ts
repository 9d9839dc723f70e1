// Every choice of every question the flow can build, in both locales, typed back in the forms citizens use: the
// label (any case, punctuation, emoji, a polite word, the list's own "2." before it), its number, its id.
import { describe, expect, it } from 'vitest';
import { FIELDS, type IntakeContext, emptyDraft, initialContext } from '../../flows/intake-context.js';
import { askField } from '../../flows/intake-fields.js';
import {
  afterSubmitQuestion,
  cancelQuestion,
  consentKeptQuestion,
  consentQuestion,
  duplicateQuestion,
  editPickQuestion,
  guessFixQuestion,
  guessQuestion,
  pausedQuestion,
  storyPrompt,
  summaryMessage,
  withdrawQuestion,
} from '../../flows/intake-questions.js';
import { pickShown } from '../../flows/intake-shown.js';
import type { ReplyEffect } from '../../src/domain/reply.js';
import { LANGS, t } from '../../src/i18n/locales.js';
import { matchShown, shownNumber } from '../../src/understand/shown-choice.js';

const draft = {
  ...emptyDraft(),
  story: ['jalan rusak dekat sekolah, truk parkir sembarangan di Barabai'],
  category: 'perhubungan' as const,
  categoryAlternatives: ['infrastruktur' as const, 'ketertiban' as const],
  agency: 'Dishub Kabupaten Hulu Sungai Tengah',
  kabkotaCode: '63.07',
  guessed: ['category' as const, 'agency' as const, 'region' as const, 'incident_date' as const],
  incidentDate: { date: '2026-11-20', precision: 'day' as const, tooOld: false },
  route: { agencyId: 'x', agencyName: 'Dishub HST', reason: 'r', offerEscalation: true },
  identityMode: 'biasa' as const,
  regionCandidates: ['63.03', '63.10'],
};
const ctx: IntakeContext = { ...initialContext({ channel: 'simulate', now: 0 }), draft, fails: 2 };

/** Every question with choices, with the lists shown after two misunderstood answers. */
const QUESTIONS: [string, ReplyEffect][] = [
  ['consent', consentQuestion(true)],
  ['consent kept', consentKeptQuestion()],
  ['story', storyPrompt(draft)],
  ['guess', guessQuestion(draft)],
  ['guess fix', guessFixQuestion(draft)],
  ...FIELDS.map((f): [string, ReplyEffect] => [`field ${f}`, askField(ctx, f)]),
  ['summary', summaryMessage(ctx)],
  ['edit pick', editPickQuestion()],
  ['cancel', cancelQuestion()],
  ['withdraw', withdrawQuestion('ADU-2611-AAAA')],
  ['paused', pausedQuestion()],
  ['duplicate', duplicateQuestion('ADU-2611-AAAA')],
  ['after submit', afterSubmitQuestion('ADU-2611-AAAA')],
];

const labelIn = (lang: (typeof LANGS)[number], q: ReplyEffect, i: number): string => {
  const c = q.choices?.[i];
  if (!c) return '';
  return 'literal' in c.label ? c.label.literal : t(lang, c.label.key, { ...q.vars, ...c.label.vars });
};

describe('every choice of every question, typed back', () => {
  for (const [name, q] of QUESTIONS) {
    if (!q.choices?.length) continue;
    it(name, () => {
      q.choices?.forEach((c, i) => {
        for (const lang of LANGS) {
          const label = labelIn(lang, q, i);
          const forms = [
            label,
            label.toLowerCase(),
            label.toUpperCase(),
            `${label}!`,
            `${label} 🙏`,
            `👍 ${label}.`,
            `${label} pak`,
            `${i + 1}. ${label}`,
          ];
          for (const form of forms) expect(pickShown(q, form), `${name}: ${JSON.stringify(form)}`).toBe(c.id);
        }
        // Choices shown as words (the summary's) are not numbered: there a number is a row of the summary.
        const numbers = q.wordChoices ? [] : [String(i + 1), `${i + 1}.`, `no ${i + 1}`, `nomor ${i + 1}`];
        for (const form of [...numbers, c.id])
          expect(pickShown(q, form), `${name}: ${JSON.stringify(form)}`).toBe(c.id);
        if (q.wordChoices) expect(pickShown(q, String(i + 1)), `${name}: a bare number`).toBeNull();
      });
    });
  }
});

describe('matchShown', () => {
  const options = [
    { id: 'yes', labels: ['Ya', 'Yes'] },
    { id: 'no', labels: ['Bukan', 'No'] },
    { id: 'alt', labels: ['Bukan, ini soal Jalan, jembatan, drainase, PJU'] },
  ];

  it('takes the whole reply only: a label inside a sentence picks nothing', () => {
    expect(matchShown('bukan, ini soal jalan jembatan drainase pju', options)).toBe('alt');
    expect(matchShown('bukan', options)).toBe('no');
    expect(matchShown('ya sampahnya numpuk di gang', options)).toBeNull();
    expect(matchShown('lubangnya ganal banar', options)).toBeNull();
  });

  it('allows one typo in a long word, the part before a bracket, and no number beyond the list', () => {
    const cats = [{ id: 'adminduk', labels: ['Kependudukan (KTP-el, KK, akta, pindah)'] }];
    expect(matchShown('kependudukn', cats)).toBe('adminduk');
    expect(matchShown('Kependudukan', cats)).toBe('adminduk');
    expect(matchShown('2', cats)).toBeNull();
    expect(matchShown('', cats)).toBeNull();
    expect(matchShown('🙂', cats)).toBeNull();
  });

  it('reads numbers as citizens type them', () => {
    expect(shownNumber('2')).toBe(2);
    expect(shownNumber('no. 3')).toBe(3);
    expect(shownNumber('nomor dua')).toBe(2);
    expect(shownNumber('ke-4')).toBe(4);
    expect(shownNumber('0813 5555 1212')).toBeNull();
    expect(shownNumber('2 minggu')).toBeNull();
  });
});
