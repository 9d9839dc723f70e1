// A taken hand-off whose officer stops writing: it returns to the bot HANDOFF_IDLE_MINUTES (120) after the taking or
// the officer's last message, fired by the deadline sweep from the stored deadline (after a restart too), once; the
// citizen is told in their language that officers still answer on the ticket; hand-offs taken before migration 032
// get the deadline.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../src/storage/db.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness, T0 } from '../helpers/harness.js';

const MINUTE = 60_000;
const texts = (rs: { text: string }[]) => rs.map((r) => r.text);

describe('a taken hand-off left idle', () => {
  let h: Harness;
  afterEach(() => h.close());

  const liveOf = (channel: string, chat: string) => {
    const conv = h.core.store.conversations.find(channel, chat);
    const live = conv ? h.core.store.handoffs.live(conv.id) : null;
    if (!conv || !live) throw new Error(`no hand-off for ${chat}`);
    return { conv: conv.id, id: live.id };
  };
  const idleAudits = () =>
    h.core.db
      .prepare("SELECT actor, data FROM audit_events WHERE type = 'handoff.idle_expired'")
      .all()
      .map((r) => {
        const row = r as { actor: string; data: string };
        return { actor: row.actor, data: JSON.parse(row.data) };
      });

  it('returns to the bot 120 minutes after the officer’s last message, tells the citizen, and only once', () => {
    h = new Harness();
    const f = assignmentFixture(h);
    h.say('warga-jalan', 'mau bicara dengan petugas', 'telegram');
    const { conv, id } = liveOf('telegram', 'warga-jalan');
    expect(h.core.handoffs.take(f.budi, id)).toEqual({ ok: true });
    expect(h.core.store.conversations.get(conv)?.nextDeadlineAt).toBe(h.clock.now() + 120 * MINUTE);
    expect(h.advance(60 * MINUTE, 'warga-jalan')).toEqual([]);
    expect(h.core.handoffs.reply(f.budi, id, 'Sebentar, saya cek dulu.')).toEqual({ ok: true });
    // The citizen writing does not keep it: only the officer's messages do.
    h.say('warga-jalan', 'baik pak, saya tunggu', 'telegram');
    expect(h.advance(119 * MINUTE, 'warga-jalan')).toEqual([]);

    const back = texts(h.advance(2 * MINUTE, 'warga-jalan'));
    // One message: why the bot is back (the ticket is still answered), then the open question again.
    expect(back).toHaveLength(1);
    expect(back[0]).toContain(
      `Petugas belum membalas lagi, jadi percakapan ini kembali dilayani bot. Pengaduan ${f.road} tetap ditangani: petugas akan menjawab melalui tiketnya, dan jawabannya dikirim ke sini.`,
    );
    expect(back[0]).not.toContain('Maaf, petugas belum dapat menjawab');
    expect(h.core.store.handoffs.live(conv)).toBeNull();
    const ended = h.core.store.handoffs.get(id, { kind: 'all' });
    expect(ended?.state).toBe('expired');
    expect(ended?.takenBy?.id).toBe(f.budi.id);
    expect(idleAudits()).toEqual([{ actor: 'system', data: { handoff: id, officer: f.budi.id } }]);

    // Idempotent: the same timer again, or a later sweep, changes nothing; the officer can no longer write there.
    expect(h.core.runtime.dispatch(conv, { type: 'timer', now: h.clock.now() })).toEqual([]);
    expect(texts(h.advance(3 * 3600_000, 'warga-jalan')).join('\n')).not.toContain('belum membalas');
    expect(idleAudits()).toHaveLength(1);
    expect(h.core.handoffs.reply(f.budi, id, 'Halo?')).toEqual({ ok: false, problem: 'gone' });
  });

  it('fires from the stored deadline after a restart, in the chat’s language, without a ticket', () => {
    h = new Harness();
    h.say('e', '/lang en');
    h.say('e', 'hello');
    h.say('e', 'yes');
    h.say('e', 'minta cs');
    const { id } = liveOf('simulate', 'e');
    const admin = h.core.store.officers.add(
      { username: 'admin', name: 'Ani', role: 'admin', passwordHash: 'x', agencies: [] },
      h.clock.now(),
    );
    const ani = h.core.store.officers.get(admin);
    if (!ani) throw new Error('no officer');
    expect(h.core.handoffs.take(ani, id)).toEqual({ ok: true });
    h.restart();
    expect(h.advance(119 * MINUTE, 'e')).toEqual([]);
    const back = texts(h.advance(2 * MINUTE, 'e'));
    expect(back).toHaveLength(1);
    expect(back[0]).toContain(
      'The officer has not written for a while, so the bot takes this chat again. Once your complaint is sent, officers will answer on its ticket, and their answer comes here.',
    );
    expect(back[0]).not.toContain('Sorry, no officer could answer yet');
    expect(idleAudits()).toHaveLength(1);
  });
});

describe('migration 032', () => {
  it('gives hand-offs taken before migration 032 their idle deadline from when they were taken', () => {
    const db = new Database(':memory:');
    migrate(
      db,
      MIGRATIONS.filter((m) => m.version < 32),
    );
    db.prepare(
      `INSERT INTO conversations (id, channel, chat_id, flow, flow_version, state, snapshot, created_at, updated_at)
       VALUES (1, 'web', 'a', 'intake', 2, 'story', '{}', 0, 0), (2, 'web', 'b', 'intake', 2, 'story', '{}', 0, 0)`,
    ).run();
    db.prepare(
      `INSERT INTO officers (id, username, role, password_hash, created_at) VALUES (7, 'budi', 'officer', 'x', 0)`,
    ).run();
    db.prepare(
      `INSERT INTO handoffs (conversation_id, state, asked_at, expires_at, taken_by, taken_at)
       VALUES (1, 'taken', ?, NULL, 7, ?), (2, 'open', ?, ?, NULL, NULL)`,
    ).run(T0, T0 + MINUTE, T0, T0 + 30 * MINUTE);
    migrate(db);
    expect(db.prepare('SELECT expires_at FROM handoffs ORDER BY id').pluck().all()).toEqual([
      T0 + MINUTE + 120 * MINUTE,
      T0 + 30 * MINUTE,
    ]);
    expect(db.prepare('SELECT next_deadline_at FROM conversations WHERE id = 1').pluck().get()).toBe(
      T0 + MINUTE + 120 * MINUTE,
    );
    db.close();
  });
});
