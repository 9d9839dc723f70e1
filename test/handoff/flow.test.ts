// The pure flow: asking for a person emits a `handoff` effect and leaves the state; the runtime's answer says when
// someone replies; the return re-asks the open question.
import { describe, expect, it } from 'vitest';
import { type StoredSnapshot, step } from '../../flows/index.js';
import type { IntakeEvent } from '../../flows/intake-events.js';
import { renderReply } from '../../src/i18n/locales.js';

const input = { channel: 'web' as const, now: 0 };
const text = (s: string, now: number): IntakeEvent => ({
  type: 'message',
  now,
  text: s,
  attachments: [],
  location: null,
  contactPhone: null,
  channelPhone: null,
});

describe('hand-off in the flow', () => {
  it('leaves the state where it was, and resumes there', () => {
    let stored: StoredSnapshot | null = null;
    for (const [i, s] of ['halo', 'ya'].entries()) stored = step(stored, text(s, i), input).stored;
    expect(stored?.value).toBe('story');
    const asked = step(stored, { type: 'command', now: 5, command: { type: 'handoff' } }, input);
    expect(asked.effects).toEqual([{ type: 'handoff' }]);
    expect(asked.stored.value).toBe('story');

    const later = step(
      asked.stored,
      { type: 'handoff.opened', now: 5, opens: { day: 'mon', time: '08.00' } },
      input,
    );
    expect(later.stored.value).toBe('story');
    const said = later.effects.flatMap((e) => (e.type === 'reply' ? [renderReply('id', e).text] : []));
    expect(said.join('\n')).toContain('pada Senin pukul 08.00 WITA');

    const back = step(later.stored, { type: 'handoff.returned', now: 9, why: 'expired' }, input);
    expect(back.stored.value).toBe('story');
    const again = back.effects.flatMap((e) => (e.type === 'reply' ? [renderReply('id', e).text] : []));
    expect(again.join('\n')).toContain('Maaf, petugas belum dapat menjawab');
    expect(again.join('\n')).toContain('Silakan ceritakan apa yang terjadi');
  });

  it('says "segera" during office hours', () => {
    const r = step(null, { type: 'handoff.opened', now: 1, opens: null }, input);
    const said = r.effects.flatMap((e) => (e.type === 'reply' ? [renderReply('id', e).text] : []));
    expect(said.join('\n')).toContain('segera');
  });
});
