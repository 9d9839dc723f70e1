import { it } from 'vitest';
import { Harness } from '../helpers/harness.js';
import { WALKS, questionsOf } from '../helpers/question-walk.js';
it('walks', () => {
  const h = new Harness();
  for (const w of Object.keys(WALKS)) {
    const pts = questionsOf(h, w);
    console.log(
      w,
      pts
        .map(
          (p) =>
            `${JSON.stringify(p.prefix.at(-1)).slice(0, 20)}→${p.question.expecting}[${p.question.choices
              .map((c) => c.id)
              .join(',')
              .slice(0, 40)}]`,
        )
        .join('  '),
    );
  }
});
