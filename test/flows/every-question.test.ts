// Every question the flow asks, reached by walking dialogues: (1) each of its choices typed back as shown (any case,
// punctuation, emoji), by its number or by the other locale's label does what tapping the button does; (2) three
// answers it cannot understand never leave the citizen in a loop: a question is asked at most three times in a row,
// then skipped or given its named fallback, except consent, the summary, cancelling and the duplicate question,
// which keep asking with the list and the help line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPECTING } from '../../src/domain/expecting.js';
import { t } from '../../src/i18n/locales.js';
import { Harness } from '../helpers/harness.js';
import {
  type QuestionPoint,
  WALKS,
  fork,
  forkAsked,
  questionsOf,
  send,
  stateOf,
} from '../helpers/question-walk.js';

/** Questions no fallback may decide: filing, consenting, cancelling, and a story not yet told at all. */
const KEEP_ASKING = new Set(['consent', 'confirm', 'cancel_confirm', 'duplicate', 'story']);

/**
 * Every expecting the flow can ask for: the one list, less the retired `escalate` (now a choice at the summary),
 * `none` (no question), and the questions opened through dispatch rather than a citizen's message: the rating's, by an
 * officer's `selesai` (test/flows/rating.test.ts walks them the same way), and the identity for Ombudsman, by the
 * escalation ladder (test/flows/ladder-identity.test.ts).
 */
const RATING = new Set(['resolved', 'rating', 'rating_comment', 'identity_consent']);
const ASKED = EXPECTING.filter((e) => e !== 'escalate' && e !== 'none' && !RATING.has(e));

const EN_LABELS: Record<string, string> = {};
const TICKET = /ADU-\d{4}-[A-Z0-9]{4}/;

describe('every question of the flow', () => {
  let h: Harness;
  let points: QuestionPoint[];
  beforeAll(() => {
    h = new Harness();
    points = Object.keys(WALKS).flatMap((w) => questionsOf(h, w));
    const en = new Harness();
    for (const w of Object.keys(WALKS)) {
      en.say(`en-${w}`, '/lang en');
      for (const p of questionsOf(en, w))
        p.question.choices.forEach((c, i) => {
          EN_LABELS[`${p.walk}:${p.prefix.length}:${i}`] = c.label;
        });
    }
    en.close();
  });
  afterAll(() => h.close());

  it('the walks reach every question', () => {
    const reached = new Set(points.map((p) => p.question.expecting));
    for (const e of ASKED) expect(reached, e).toContain(e);
  });

  it('each choice, typed back in any form, does what its button does', () => {
    let checked = 0;
    for (const point of points) {
      point.question.choices.forEach((_, i) => {
        const tapped = forkAsked(h, point);
        const choice = tapped.question.choices[i] ?? { id: '', label: '' };
        const tapReplies = send(h, tapped.chat, choice.id).map((r) => r.expecting);
        const expected = stateOf(h, tapped.chat);
        const en = EN_LABELS[`${point.walk}:${point.prefix.length}:${i}`] ?? choice.label;
        const forms = (own: { id: string; label: string }) => [
          own.label,
          `${own.label.toUpperCase()}!!`,
          `${own.label.toLowerCase()} 👍`,
          `"${own.label}."`,
          // Word choices (the summary's) are not numbered: there "1" edits the story's row instead.
          ...(point.question.wordChoices ? [] : [String(i + 1)]),
          // The English label, with this chat's own ticket number where it shows one.
          en.replace(TICKET, TICKET.exec(own.label)?.[0] ?? '$&'),
        ];
        for (let f = 0; f < forms(choice).length; f++) {
          const typed = forkAsked(h, point);
          const own = typed.question.choices[i] ?? choice;
          const form = forms(own)[f] ?? '';
          const replies = send(h, typed.chat, form).map((r) => r.expecting);
          const where = `${point.walk} step ${point.prefix.length} (${point.question.expecting}) choice ${choice.id} typed ${JSON.stringify(form)}`;
          expect(replies, where).toEqual(tapReplies);
          const got = stateOf(h, typed.chat);
          expect(got.state, where).toBe(expected.state);
          expect(got.draft, where).toEqual(expected.draft);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(300);
    // Over 300 dialogues replayed: ~10 s alone, longer on a busy 2-core machine.
  }, 90_000);

  it('three answers not understood: asked at most three times, then skipped, a fallback, or (to file, consent, cancel) asked on with help', () => {
    const NONSENSE = ['🙂🙂', '🤔', '👀👀👀'];
    for (const point of points) {
      const q = point.question.expecting;
      if (q === 'none') continue;
      const chat = fork(h, point);
      let run = 1;
      let last = point.question;
      for (const junk of NONSENSE) {
        const replies = send(h, chat, junk).filter((r) => r.expecting !== 'none' || r.choices.length > 0);
        const asked = replies.at(-1);
        if (!asked) continue;
        last = asked;
        if (asked.expecting === q) run++;
        else break;
      }
      const where = `${point.walk} step ${point.prefix.length}: "${q}" after nonsense`;
      // A story with something in it goes on after three empty messages; one with nothing keeps asking.
      if (KEEP_ASKING.has(q) && (q !== 'story' || point.question.choices.length === 0)) {
        // Still asking, with its choices (if it has any) and the help line.
        expect(last.expecting, where).toBe(q);
        expect(last.choices.length, where).toBe(point.question.choices.length);
        expect(last.text, where).toContain(t('id', 'help.short'));
      } else {
        expect(run, where).toBeLessThanOrEqual(3);
      }
    }
  });

  it('the required fields fall back to their named values', () => {
    const at = (q: string) => points.find((p) => p.question.expecting === q);
    const fallbackOf = (q: string): unknown => {
      const point = at(q);
      if (!point) throw new Error(`no walk reaches ${q}`);
      const chat = fork(h, point);
      for (let i = 0; i < 3; i++) send(h, chat, '🙂🙂');
      return stateOf(h, chat).draft;
    };
    expect(fallbackOf('region')).toMatchObject({ kabkotaCode: '63.00' });
    expect(fallbackOf('category')).toMatchObject({ category: 'lainnya' });
    expect(fallbackOf('identity_mode')).toMatchObject({ identityMode: 'rahasia' });
    expect(fallbackOf('incident_date')).toMatchObject({ incidentDate: null });
    expect(fallbackOf('prior_report')).toMatchObject({ priorReport: false });
  });
});
