// The webhook routes: the subscription handshake, signatures, statuses, message kinds, redelivery, failures.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signBody } from '../../../src/channels/wa-cloud/signature.js';
import { t } from '../../../src/i18n/locales.js';
import { Citizen, SECRET, VERIFY, WaWorld, postSigned, readable, webhookBody } from './wa-cloud-helpers.js';

describe('wacloud webhook', () => {
  let w: WaWorld;
  beforeEach(async () => {
    w = await WaWorld.create({ maxMediaBytes: 1024 * 1024 });
  });
  afterEach(() => w.close());

  const verify = (query: string) => w.app.request(`/channels/wacloud/webhook?${query}`);

  it('answers the verification handshake with the challenge, and only with the right token', async () => {
    const ok = await verify(`hub.mode=subscribe&hub.verify_token=${VERIFY}&hub.challenge=1158201444`);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('1158201444');
    const wrong = await verify('hub.mode=subscribe&hub.verify_token=guess-token&hub.challenge=1158201444');
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).not.toContain('1158201444');
    expect((await verify(`hub.mode=unsubscribe&hub.verify_token=${VERIFY}&hub.challenge=1`)).status).toBe(
      403,
    );
    expect((await verify(`hub.mode=subscribe&hub.challenge=1`)).status).toBe(403);
  });

  it('accepts a correctly signed body and rejects a wrong, missing or stale signature with 403', async () => {
    const body = webhookBody({
      messages: [
        {
          from: '6281234567890',
          id: 'wamid.sig.1',
          timestamp: '1795400000',
          type: 'text',
          text: { body: 'halo' },
        },
      ],
    });
    const raw = JSON.stringify(body);
    const post = (headers: Record<string, string>, payload = raw) =>
      w.app.request('/channels/wacloud/webhook', { method: 'POST', headers, body: payload });

    expect((await post({ 'x-hub-signature-256': signBody(raw, 'another-secret') })).status).toBe(403);
    expect((await post({})).status).toBe(403);
    expect((await post({ 'x-hub-signature-256': 'sha256=abc' })).status).toBe(403);
    // The signature of the original body does not cover a tampered one.
    const tampered = raw.replace('halo', 'hal0');
    expect((await post({ 'x-hub-signature-256': signBody(raw, SECRET) }, tampered)).status).toBe(403);
    expect(w.delivered).toEqual([]);

    const ok = await post({ 'x-hub-signature-256': signBody(raw, SECRET) });
    expect(ok.status).toBe(200);
    expect(w.delivered).toEqual(['wamid.sig.1']);
  });

  it('rejects signed bodies that are not JSON or not a webhook (400), and waits for start (503)', async () => {
    const raw = 'not json';
    const res = await w.app.request('/channels/wacloud/webhook', {
      method: 'POST',
      headers: { 'x-hub-signature-256': signBody(raw, SECRET) },
      body: raw,
    });
    expect(res.status).toBe(400);
    expect((await postSigned(w.app, { entry: 'x' })).status).toBe(400);
    await w.channel.stop();
    expect((await postSigned(w.app, webhookBody({ messages: [] }))).status).toBe(503);
  });

  it('processes a redelivered message once (the wamid is the deduplication key)', async () => {
    const citizen = new Citizen(w);
    const msg = {
      from: '6281234567890',
      id: 'wamid.dup',
      timestamp: '1795400000',
      type: 'text',
      text: { body: 'halo' },
    };
    await w.send(msg);
    await w.send(msg);
    const count = w.h.core.db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get();
    expect(count).toBe(1);
    expect(w.delivered).toEqual(['wamid.dup']); // the redelivery is known before it is handed over: no second download
  });

  it('hands statuses to onStatus with millisecond timestamps and the first error', async () => {
    const res = await postSigned(
      w.app,
      webhookBody({
        statuses: [
          { id: 'wamid.out.1', status: 'delivered', timestamp: '1795400000', recipient_id: '6281234567890' },
          {
            id: 'wamid.out.2',
            status: 'failed',
            timestamp: '1795400060',
            recipient_id: '6281234567890',
            errors: [{ code: 131026, title: 'Message undeliverable' }],
          },
          { id: 'wamid.out.3', status: 'something_new', timestamp: '1795400061' },
        ],
      }),
    );
    expect(res.status).toBe(200);
    expect(w.statuses).toEqual([
      ['wamid.out.1', 'delivered', 1795400000000, undefined],
      ['wamid.out.2', 'failed', 1795400060000, { code: 131026, title: 'Message undeliverable' }],
    ]);
  });

  it('answers 500 when deliver fails, so that Meta delivers the message again', async () => {
    await w.channel.stop();
    let fail = true;
    await w.channel.start(async (msg) => {
      if (fail) throw new Error('database is locked');
      w.delivered.push(msg.messageId);
    });
    const body = webhookBody({
      messages: [
        {
          from: '6281234567890',
          id: 'wamid.retry',
          timestamp: '1795400000',
          type: 'text',
          text: { body: 'x' },
        },
      ],
    });
    expect((await postSigned(w.app, body)).status).toBe(500);
    fail = false;
    expect((await postSigned(w.app, body)).status).toBe(200);
    expect(w.delivered).toEqual(['wamid.retry']);
  });

  it('skips updates for another phone number of the same app', async () => {
    const body = webhookBody(
      {
        messages: [
          { from: '6281234567890', id: 'wamid.other', timestamp: '1', type: 'text', text: { body: 'x' } },
        ],
      },
      '999999999',
    );
    expect((await postSigned(w.app, body)).status).toBe(200);
    expect(w.delivered).toEqual([]);
  });

  it('reads locations, contacts, voice notes, documents, template button taps and replies', async () => {
    const citizen = new Citizen(w);
    const handled: unknown[] = [];
    await w.channel.stop();
    await w.channel.start(async (msg) => {
      handled.push({
        ...msg,
        media: msg.media?.map((m) => ({
          kind: m.kind,
          mime: m.mime,
          filename: m.filename,
          size: m.data.length,
        })),
      });
    });
    w.graph.addMedia('voice.1', new Uint8Array([0x4f, 0x67, 0x67, 0x53]), 'audio/ogg; codecs=opus');
    w.graph.addMedia('doc.1', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]), 'application/pdf');
    await citizen.raw('location', { location: { latitude: -3.3194, longitude: 114.5908, name: 'Pasar' } });
    await citizen.raw('contacts', {
      contacts: [
        {
          name: { formatted_name: 'Pak RT' },
          phones: [{ phone: '+62 812-1111-2222', wa_id: '6281211112222' }],
        },
      ],
    });
    await citizen.raw('audio', {
      audio: { id: 'voice.1', mime_type: 'audio/ogg; codecs=opus', voice: true },
    });
    await citizen.raw('document', {
      document: { id: 'doc.1', mime_type: 'application/pdf', filename: 'surat.pdf', caption: 'suratnya' },
    });
    await citizen.raw('button', { button: { payload: 'Lihat', text: 'Lihat' } });
    // A reply quoting one of our messages: Meta names it by its wamid in `context`.
    await citizen.raw('text', {
      text: { body: 'sudah saya kirim fotonya' },
      context: { from: '15550000000', id: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjA=' },
    });
    expect(handled).toMatchObject([
      {
        channel: 'wacloud',
        chatId: '6281234567890',
        channelPhone: '+6281234567890',
        location: { lat: -3.3194, lon: 114.5908 },
        place: { name: 'Pasar' },
      },
      { contact: { phone: '+62 812-1111-2222', name: 'Pak RT', own: false } },
      { media: [{ kind: 'voice', mime: 'audio/ogg; codecs=opus', size: 4 }] },
      {
        text: 'suratnya',
        media: [{ kind: 'document', mime: 'application/pdf', filename: 'surat.pdf', size: 5 }],
      },
      { text: 'Lihat' },
      { text: 'sudah saya kirim fotonya', replyTo: 'wamid.HBgNNjI4MTIzNDU2Nzg5MBUCABEYEjA=' },
    ]);
  });

  it('tells the citizen about unsupported messages and files over the limit; ignores reactions', async () => {
    const citizen = new Citizen(w);
    let out = await citizen.raw('reaction', { reaction: { message_id: 'wamid.out.1', emoji: '👍' } });
    expect(out).toEqual([]);
    out = await citizen.raw('unsupported', { errors: [{ code: 131051, title: 'Message type unknown' }] });
    expect(readable(out)).toBe(t('id', 'channel.unsupported'));
    w.graph.addMedia('big.1', new Uint8Array(1_100_000), 'image/jpeg');
    out = await citizen.image('big.1');
    expect(readable(out)).toBe(t('id', 'channel.file_too_large', { max: 1 }));
    expect(w.graph.mediaRequests).toEqual(['info:big.1']); // the size was announced: never downloaded
    w.graph.addMedia('big.2', new Uint8Array(1_100_000), 'image/jpeg', { announceSize: false });
    out = await citizen.image('big.2', 'fotonya');
    expect(w.graph.mediaRequests).toEqual(['info:big.1', 'info:big.2', 'file:big.2']);
    // The caption still counts; the citizen is told about the file.
    expect(readable(out)).toContain(t('id', 'channel.file_too_large', { max: 1 }));
    // Every message reaches the runtime, notices included: they are queued in its deduplicated transaction.
    expect(w.delivered).toHaveLength(3);
  });

  it('sends the "can\'t read this yet" notice once, however often Meta redelivers the body', async () => {
    const body = webhookBody({
      messages: [
        { from: '6281234567890', id: 'wamid.order.1', timestamp: '1795400000', type: 'order', order: {} },
      ],
    });
    const before = w.graph.sent.length;
    for (let i = 0; i < 3; i++) {
      expect((await postSigned(w.app, body)).status).toBe(200);
      await w.sender.drain();
    }
    const sent = w.graph.sent.slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.body.text.body).toBe(t('id', 'channel.unsupported'));
  });

  it('answers 500 when Meta cannot serve a media file right now, and takes it on the redelivery', async () => {
    w.graph.addMedia('m.1', new Uint8Array([0xff, 0xd8, 0xff]), 'image/jpeg');
    w.graph.failNextMedia(503);
    const body = webhookBody({
      messages: [
        {
          from: '6281234567890',
          id: 'wamid.media',
          timestamp: '1',
          type: 'image',
          image: { id: 'm.1', mime_type: 'image/jpeg' },
        },
      ],
    });
    expect((await postSigned(w.app, body)).status).toBe(500);
    expect(w.delivered).toEqual([]);
    expect((await postSigned(w.app, body)).status).toBe(200);
    expect(w.delivered).toEqual(['wamid.media']);
  });
});
