// One citizen, one chat on WhatsApp: phone numbers and business-scoped ids (BSUIDs) lead to the same conversation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WaWorld, postSigned, webhookBody } from './wa-cloud-helpers.js';

type Json = Record<string, unknown>;
const NOW_S = '1795400000';

let w: WaWorld;
let seq = 0;
beforeEach(async () => {
  w = await WaWorld.create();
  w.h.clock.set(Number(NOW_S) * 1000 + 1000);
});
afterEach(async () => {
  await w.close();
});

async function post(message: Json, contacts?: Json[]): Promise<Json[]> {
  const before = w.graph.sent.length;
  const body = webhookBody({ messages: [{ id: `wamid.t${++seq}`, timestamp: NOW_S, ...message }] });
  if (contacts) {
    const change = (body.entry as Json[])[0]?.changes as Json[];
    (change[0]?.value as Json).contacts = contacts;
  }
  expect((await postSigned(w.app, body)).status).toBe(200);
  await w.sender.drain();
  return w.graph.sent.slice(before).map((s) => s.body);
}

const text = (body: string) => ({ type: 'text', text: { body } });
const conversations = () =>
  w.h.core.db.prepare("SELECT chat_id FROM conversations WHERE channel = 'wacloud'").pluck().all();

describe('WhatsApp identities', () => {
  it('answers a citizen known only by a business-scoped id at that id (`recipient`, no `to`)', async () => {
    const sent = await post({ from_user_id: 'ID.1234567890123456', ...text('halo') });
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[0]).toMatchObject({ recipient: 'ID.1234567890123456' });
    expect(sent[0]).not.toHaveProperty('to');
  });

  it('takes the sender from the one contact of the change when a message names none', async () => {
    const sent = await post(text('halo'), [{ profile: { name: 'Warga' }, user_id: 'ID.777' }]);
    expect(sent[0]).toMatchObject({ recipient: 'ID.777' });
    // With two contacts it cannot be told whose the message is: skipped, answered 200, nothing sent.
    expect(await post(text('halo'), [{ user_id: 'ID.1' }, { user_id: 'ID.2' }])).toEqual([]);
  });

  it('keeps one conversation when a BSUID-only citizen later writes with the phone as well', async () => {
    await post({ from_user_id: 'ID.555', ...text('halo') });
    const sent = await post({ from: '6281355550000', from_user_id: 'ID.555', ...text('ya') });
    expect(conversations()).toEqual(['ID.555']);
    // The phone is known now: replies go to it.
    expect(sent[0]).toMatchObject({ to: '6281355550000' });
  });

  it('follows the citizen to a new number (system user_changed_number), with a new BSUID from Meta', async () => {
    await post({ from: '6281211110000', ...text('halo') });
    await post({
      from: '6281211110000',
      type: 'system',
      system: {
        body: 'User A changed from 6281211110000 to 6281322220000',
        wa_id: '6281322220000',
        type: 'user_changed_number',
      },
    });
    const sent = await post({ from: '6281322220000', from_user_id: 'ID.999', ...text('ya') });
    expect(conversations()).toEqual(['6281211110000']);
    expect(sent[0]).toMatchObject({ to: '6281322220000' });
  });

  it('stays silent for group messages and placeholder senders', async () => {
    expect(
      await post({ from_user_id: 'ID.1', group_id: '120363000000000000@g.us', ...text('harga?') }),
    ).toEqual([]);
    expect(await post({ from: 'REDACTED', ...text('halo') })).toEqual([]);
    expect(conversations()).toEqual([]);
  });
});
