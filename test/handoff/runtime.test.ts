// The runtime with a chat handed to a person: quiet while handed off, an emergency still answered, an untaken one
// back to the bot after the timeout (counted from the next opening outside office hours), the hand back resuming at
// the same question, and the citizen's "kembali ke bot".
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.js';

const STORY = 'Silakan ceritakan apa yang terjadi';
const joined = (rs: { text: string }[]) => rs.map((r) => r.text).join('\n');

describe('hand-off in the runtime', () => {
  let h: Harness;
  afterEach(() => h.close());

  const midIntake = (chat: string) => {
    h.say(chat, 'halo');
    expect(joined(h.say(chat, 'ya'))).toContain(STORY);
  };
  const officer = () => {
    const id = h.core.store.officers.add(
      { username: 'admin', name: 'Ani', role: 'admin', passwordHash: 'x', agencies: [] },
      h.clock.now(),
    );
    const o = h.core.store.officers.get(id);
    if (!o) throw new Error('no officer');
    return o;
  };

  it('holds messages quietly, still answers an emergency, and returns untaken after 30 minutes', () => {
    h = new Harness();
    midIntake('w');
    const asked = joined(h.say('w', 'mau bicara dengan petugas'));
    expect(asked).toContain('kami teruskan ke petugas');
    expect(asked).toContain('segera');
    expect(h.say('w', 'jalan di depan rumah saya rusak parah')).toEqual([]);
    expect(joined(h.say('w', 'tolong ada kebakaran di rumah tetangga'))).toContain('113');
    expect(h.conversationState('w')).toBe('story');
    expect(h.advance(29 * 60_000, 'w')).toEqual([]);
    const back = joined(h.advance(2 * 60_000, 'w'));
    expect(back).toContain('Maaf, petugas belum dapat menjawab');
    expect(back).toContain(STORY);
    expect(h.core.store.handoffs.live(1)).toBeNull();
    // The chat is the bot's again: the next message is the story.
    expect(h.say('w', 'jalan rusak di depan rumah saya di Banjarmasin').length).toBeGreaterThan(0);
  });

  it('outside office hours says when someone answers, and waits from the next opening', () => {
    h = new Harness({ at: Date.parse('2026-11-28T02:00:00Z') }); // Saturday 10:00 WITA
    midIntake('w');
    expect(joined(h.say('w', 'minta cs'))).toContain('pada Senin pukul 08.00 WITA');
    // Monday 08:00 WITA is 46 hours later; the 30 minutes count from then.
    expect(h.advance(46 * 3600_000 + 29 * 60_000, 'w')).toEqual([]);
    expect(joined(h.advance(2 * 60_000, 'w'))).toContain('belum dapat menjawab');
  });

  it('an officer takes it (no untaken timeout), writes, and hands it back to the same question', () => {
    h = new Harness();
    midIntake('w');
    h.say('w', 'sambungkan ke admin');
    const live = h.core.store.handoffs.live(1);
    if (!live) throw new Error('no hand-off');
    const ani = officer();
    expect(h.core.handoffs.take(ani, live.id)).toEqual({ ok: true });
    // Within the idle time (120 minutes without the officer writing) nothing returns it to the bot.
    expect(h.advance(119 * 60_000, 'w')).toEqual([]);
    expect(h.core.handoffs.reply(ani, live.id, 'Selamat siang, ada yang bisa dibantu?')).toEqual({
      ok: true,
    });
    const sent = h.core.store.outbox.latest('simulate', 'w', 1)[0]?.message.text;
    expect(sent).toBe('👤 Petugas: Selamat siang, ada yang bisa dibantu?');
    expect(h.core.handoffs.handBack(ani, live.id)).toEqual({ ok: true });
    const back = h.core.store.outbox.latest('simulate', 'w', 1)[0]?.message.text ?? '';
    expect(back).toContain('Petugas telah selesai');
    expect(back).toContain(STORY);
    expect(h.conversationState('w')).toBe('story');
    expect(h.core.handoffs.handBack(ani, live.id)).toEqual({ ok: false, problem: 'gone' });
  });

  it('"kembali ke bot" ends it at once', () => {
    h = new Harness();
    midIntake('w');
    h.say('w', 'handak bapander lawan petugas');
    const back = joined(h.say('w', 'kembali ke bot'));
    expect(back).toContain('kembali dilayani bot');
    expect(back).toContain(STORY);
    expect(h.core.store.handoffs.live(1)).toBeNull();
  });
});
