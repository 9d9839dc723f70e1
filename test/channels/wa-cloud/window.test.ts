// The 24-hour rule: outside the window a template goes out and the message is held until the citizen writes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RenderedMessage } from '../../../src/domain/reply.js';
import { t } from '../../../src/i18n/locales.js';
import { Citizen, WaWorld, postSigned, readable, webhookBody } from './wa-cloud-helpers.js';

const HOUR = 60 * 60_000;
const CHAT = '6281234567890';

describe('wacloud: the 24-hour window', () => {
  let w: WaWorld;
  let citizen: Citizen;
  beforeEach(async () => {
    w = await WaWorld.create();
    citizen = new Citizen(w, CHAT);
    let out = await citizen.text('halo');
    out = await citizen.tap(out, 'yes');
    // A first piece of story too short to go on with: acknowledged, the quiet time pending.
    await citizen.text('di depan rumah saya di Banjarbaru');
  });
  afterEach(() => w.close());

  /** Moves the clock, fires due deadlines (reminders, expiry), drains the outbox; returns what was sent. */
  const later = async (ms: number) => {
    w.h.clock.advance(ms);
    const fired = w.h.core.runtime.fireDue();
    await w.sender.drain();
    return { fired: fired.map((f) => f.message), sent: w.graph.takeSent() };
  };

  /** An officer's update queued straight into the outbox. */
  const update = async (text: string) => {
    const conv = w.h.core.store.conversations.find('wacloud', CHAT)!;
    const message: RenderedMessage = { text, choices: [], expecting: 'none' };
    const id = w.h.core.store.outbox.add(conv.id, 'wacloud', CHAT, null, message, w.h.clock.now());
    await w.sender.drain();
    return { id, sent: w.graph.takeSent() };
  };

  const outboxRow = (id: number) =>
    w.h.core.db.prepare('SELECT status, platform_message_id AS wamid FROM outbox WHERE id = ?').get(id) as {
      status: string;
      wamid: string | null;
    };

  it('sends a reminder due after 25 h as the template, and the reminder itself once the citizen writes', async () => {
    const quiet = await later(HOUR); // the story's quiet time: still inside the window
    expect(quiet.sent.map((s) => s.body.type)).toEqual(['interactive']);

    const { fired, sent } = await later(25 * HOUR);
    expect(fired).toHaveLength(1);
    expect(sent.map((s) => s.body)).toEqual([
      {
        messaging_product: 'whatsapp',
        recipient_type: 'individual',
        to: CHAT,
        type: 'template',
        template: { name: 'aduan_update', language: { code: 'id' } },
      },
    ]);
    const reminder = w.h.core.db
      .prepare(`SELECT status, platform_message_id AS wamid FROM outbox ORDER BY id DESC LIMIT 1`)
      .get() as { status: string; wamid: string };
    expect(reminder).toEqual({ status: 'sent', wamid: sent[0]!.wamid });

    const out = await citizen.text('ya benar');
    const firstLine = fired[0]!.text.split('\n')[0]!;
    expect(readable(out.slice(0, 1))).toContain(firstLine); // the held reminder comes first
    expect(out.length).toBeGreaterThan(1); // then the answer to "ya benar"
    expect(readable(out.slice(1))).not.toContain(firstLine);
  });

  it('sends one template per day of silence and holds everything else quietly, in order', async () => {
    w.h.clock.advance(25 * HOUR);
    const first = await update('Kabar 1');
    expect(first.sent.map((s) => s.body.type)).toEqual(['template']);
    expect(outboxRow(first.id)).toEqual({ status: 'sent', wamid: first.sent[0]!.wamid });

    w.h.clock.advance(2 * HOUR);
    const second = await update('Kabar 2');
    expect(second.sent).toEqual([]); // already announced today
    expect(outboxRow(second.id)).toEqual({ status: 'sent', wamid: null });

    w.h.clock.advance(24 * HOUR);
    const third = await update('Kabar 3');
    expect(third.sent.map((s) => s.body.type)).toEqual(['template']); // a new day of silence

    const out = await citizen.text('halo, ada kabar?');
    const texts = out.map((s) => s.body.text?.body ?? '');
    // The held messages first, in order; then the answer to the question itself (the story prompt again).
    expect(texts.slice(0, 3)).toEqual(['Kabar 1', 'Kabar 2', 'Kabar 3']);
    expect(out.slice(3).map((s) => s.body.interactive?.body.text)).toEqual([t('id', 'ack.story')]);
    expect(w.delivered.at(-1)).toMatch(/^wamid\.in\./);

    // Back inside the window: free-form again.
    const after = await update('Kabar 4');
    expect(after.sent.map((s) => s.body.text?.body)).toEqual(['Kabar 4']);
  });

  it('trusts Meta when it says the window is closed (#131047): template, message held', async () => {
    w.graph.failNext(400, 131047);
    const { sent } = await update('Kabar penting');
    expect(sent.map((s) => s.body.type)).toEqual(['template']);
    const out = await citizen.text('ya');
    expect(out[0]?.body.text?.body).toBe('Kabar penting');
  });

  it('answers 500 when the held messages cannot be sent yet, and sends them on the redelivery', async () => {
    w.h.clock.advance(25 * HOUR);
    await update('Kabar 1');
    await update('Kabar 2');
    w.graph.failNext(500);
    const body = webhookBody({
      messages: [
        {
          from: CHAT,
          id: 'wamid.back',
          timestamp: String(Math.floor(w.h.clock.now() / 1000)),
          type: 'text',
          text: { body: 'ya' },
        },
      ],
    });
    expect((await postSigned(w.app, body)).status).toBe(500);
    expect(w.graph.takeSent()).toEqual([]);
    expect((await postSigned(w.app, body)).status).toBe(200);
    await w.sender.drain();
    const sent = w.graph.takeSent();
    // The held messages first, in order; then the answer to "ya" itself (the story question again).
    expect(sent.slice(0, 2).map((s) => s.body.text?.body)).toEqual(['Kabar 1', 'Kabar 2']);
    expect(sent.slice(2).map((s) => s.body.interactive?.body.text)).toEqual([t('id', 'ack.story')]);
    expect(w.delivered.filter((id) => id === 'wamid.back')).toEqual(['wamid.back']);
  });
});
