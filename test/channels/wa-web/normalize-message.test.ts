// Normalizing whatsapp-web.js messages: what is delivered, what is ignored, what gets a notice; lid resolution.
import { describe, expect, it } from 'vitest';
import {
  type NormalizeDeps,
  normalizeMessage,
  normalizeRevoke,
} from '../../../src/channels/wa-web/normalize-message.js';
import { SenderDirectory } from '../../../src/channels/wa-web/sender-directory.js';
import { parseVCard } from '../../../src/channels/wa-web/vcard.js';
import { FakeMessage, FakeWwebClient } from '../../fakes/fake-wweb-client.js';

const quiet = { warn: () => {} };
const SITI = '6281234567890@c.us';
const SITI_LID = '118830163341418@lid';

function setup(maxMediaBytes = 10 * 1024 * 1024) {
  const fake = new FakeWwebClient();
  let now = 0;
  const senders = new SenderDirectory({ client: () => fake, now: () => now, log: quiet });
  const deps: NormalizeDeps = { resolveSender: (from) => senders.resolve(from), maxMediaBytes, log: quiet };
  return {
    fake,
    deps,
    senders,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

describe('normalizeMessage', () => {
  it('maps a text from a phone id, with the phone WhatsApp vouches for', async () => {
    const { fake, deps } = setup();
    const msg = fake.text(SITI, 'pak mau lapor');
    expect(await normalizeMessage(msg, deps)).toEqual({
      kind: 'deliver',
      message: {
        channel: 'whatsapp',
        chatId: SITI,
        messageId: msg.id._serialized,
        text: 'pak mau lapor',
        channelPhone: '+6281234567890',
      },
      notices: [],
    });
  });

  it('names the message a reply quotes (its stanza id), so the reply reaches that message’s ticket', async () => {
    const { fake, deps } = setup();
    const msg = fake.text(SITI, 'sudah saya foto pak');
    msg._data.quotedStanzaID = '3EB0C767D26A1D7B42F1';
    expect(await normalizeMessage(msg, deps)).toMatchObject({
      kind: 'deliver',
      message: { text: 'sudah saya foto pak', replyTo: '3EB0C767D26A1D7B42F1' },
    });
  });

  it('downloads a photo (base64 → bytes), keeping the caption as text', async () => {
    const { fake, deps } = setup();
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 8, 7]);
    const msg = fake.image(SITI, { caption: 'jalan rusak', bytes });
    const out = await normalizeMessage(msg, deps);
    expect(out.kind).toBe('deliver');
    if (out.kind !== 'deliver') return;
    expect(out.message.text).toBe('jalan rusak');
    expect(out.message.media).toHaveLength(1);
    expect(out.message.media?.[0]?.kind).toBe('photo');
    expect(out.message.media?.[0]?.mime).toBe('image/jpeg');
    expect([...(out.message.media?.[0]?.data ?? [])]).toEqual([...bytes]);
    expect(msg.downloads).toBe(1);
  });

  it('maps documents, voice notes and their mime types', async () => {
    const { fake, deps } = setup();
    const doc = await normalizeMessage(
      fake.document(SITI, 'surat.pdf', 'application/pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46])),
      deps,
    );
    expect(doc.kind === 'deliver' && doc.message.media?.[0]).toMatchObject({
      kind: 'document',
      mime: 'application/pdf',
      filename: 'surat.pdf',
    });
    expect(doc.kind === 'deliver' && doc.message.text).toBeUndefined();
    const voice = await normalizeMessage(fake.voiceNote(SITI), deps);
    expect(voice.kind === 'deliver' && voice.message.media?.[0]).toMatchObject({
      kind: 'voice',
      mime: 'audio/ogg',
    });
  });

  it('refuses a file over the limit before downloading it, and after downloading when the size was unknown', async () => {
    const { fake, deps } = setup(1000);
    const announced = fake.image(SITI, { size: 5_000_000 });
    expect(await normalizeMessage(announced, deps)).toMatchObject({
      kind: 'notice',
      chatId: SITI,
      notices: [{ kind: 'too_large', maxMb: 0 }],
    });
    expect(announced.downloads).toBe(0);
    const big = fake.image(SITI, { bytes: new Uint8Array(1001), caption: 'ini fotonya' });
    const out = await normalizeMessage(big, deps);
    // The caption still reaches the conversation; the citizen is told about the file.
    expect(out).toMatchObject({
      kind: 'deliver',
      message: { text: 'ini fotonya' },
      notices: [{ kind: 'too_large' }],
    });
    expect(out.kind === 'deliver' && out.message.media).toBeUndefined();
  });

  it('tells the citizen when the media cannot be downloaded', async () => {
    const { fake, deps } = setup();
    for (const media of ['gone', 'error'] as const) {
      expect(await normalizeMessage(fake.image(SITI, { media }), deps)).toMatchObject({
        kind: 'notice',
        notices: [{ kind: 'media_failed' }],
      });
    }
  });

  it('maps a location pin and ignores its thumbnail body', async () => {
    const { fake, deps } = setup();
    const out = await normalizeMessage(fake.location(SITI, -3.3194, 114.5908, 'Pasar', 'Jl. Pramuka'), deps);
    expect(out).toMatchObject({ kind: 'deliver', message: { location: { lat: -3.3194, lon: 114.5908 } } });
    expect(out.kind === 'deliver' && out.message.text).toBeUndefined();
    // Coordinates as strings (the library's typings say string) are accepted too.
    const stringy = new FakeMessage({ from: SITI, type: 'location', body: '' });
    Object.assign(stringy, { location: { latitude: '-3.44', longitude: '114.83' } });
    expect(await normalizeMessage(stringy, deps)).toMatchObject({
      message: { location: { lat: -3.44, lon: 114.83 } },
    });
  });

  it('reads the phone from a shared contact card', async () => {
    const { fake, deps } = setup();
    const out = await normalizeMessage(
      fake.vcard(SITI, 'Ahmad Fauzi', '6285212345678', '+62 852-1234-5678'),
      deps,
    );
    expect(out).toMatchObject({
      kind: 'deliver',
      message: { contact: { phone: '+6285212345678', name: 'Ahmad Fauzi' } },
    });
    expect(out.kind === 'deliver' && out.message.text).toBeUndefined();
  });

  it('ignores groups, status updates, the bot itself and system messages', async () => {
    const { fake, deps } = setup();
    const cases: [FakeMessage, string][] = [
      [fake.groupText('120363041234567890@g.us', SITI, 'halo semua'), 'group'],
      [fake.statusUpdate(SITI, 'status saya'), 'status'],
      [fake.own(SITI, 'balasan petugas'), 'own'],
      [new FakeMessage({ from: SITI, type: 'e2e_notification' }), 'system'],
      [new FakeMessage({ from: '120363000000000000@newsletter', type: 'chat', body: 'x' }), 'not_personal'],
      [fake.text(SITI, '   '), 'empty'],
    ];
    for (const [msg, reason] of cases) {
      expect(await normalizeMessage(msg, deps)).toEqual({ kind: 'ignore', reason });
    }
    expect(await normalizeMessage({ from: 42 }, deps)).toEqual({ kind: 'ignore', reason: 'invalid' });
    expect(fake.lidLookups).toEqual([]);
  });

  it('answers content it cannot take (a poll) with a notice', async () => {
    const { fake, deps } = setup();
    expect(await normalizeMessage(fake.poll(SITI), deps)).toEqual({
      kind: 'notice',
      chatId: SITI,
      notices: [{ kind: 'unsupported' }],
    });
  });

  it('resolves a lid to the phone id once, and falls back to the lid when WhatsApp does not know it', async () => {
    const { fake, deps, tick } = setup();
    fake.lids.set(SITI_LID, SITI);
    for (let i = 0; i < 3; i++) {
      expect(await normalizeMessage(fake.text(SITI_LID, `pesan ${i}`), deps)).toMatchObject({
        message: { chatId: SITI, channelPhone: '+6281234567890' },
      });
    }
    expect(fake.lidLookups).toHaveLength(1);

    const stranger = '99887766554433@lid';
    const out = await normalizeMessage(fake.text(stranger, 'halo'), deps);
    expect(out).toMatchObject({ message: { chatId: stranger } });
    expect(out.kind === 'deliver' && out.message.channelPhone).toBeUndefined();
    // A failed lookup is not repeated at once (lookups are rate-sensitive), but later.
    await normalizeMessage(fake.text(stranger, 'halo lagi'), deps);
    expect(fake.lidLookups).toHaveLength(2);
    tick(11 * 60_000);
    await normalizeMessage(fake.text(stranger, 'masih di sini'), deps);
    expect(fake.lidLookups).toHaveLength(3);
  });

  it('reports a deleted message by its id', async () => {
    const { fake, deps } = setup();
    const msg = fake.text(SITI, 'salah kirim');
    const id = msg.id._serialized;
    fake.revoke(msg);
    expect(await normalizeRevoke(msg, undefined, deps)).toEqual({
      messageId: id,
      chatId: SITI,
      relatedIds: [],
    });
    const group = fake.groupText('120363041234567890@g.us', SITI, 'x');
    expect(await normalizeRevoke(group, undefined, deps)).toBeNull();
  });
});

describe('parseVCard', () => {
  it('prefers the waid, unfolds lines, and falls back to the typed number', () => {
    expect(
      parseVCard(
        'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Siti\r\n  Rahmah\r\nTEL;type=CELL;waid=6281234567890:+62 812-3456-7890\r\nEND:VCARD',
      ),
    ).toEqual({ phone: '+6281234567890', name: 'Siti Rahmah' });
    expect(parseVCard('BEGIN:VCARD\nTEL;TYPE=HOME:0511-3252 123\nEND:VCARD')).toEqual({
      phone: '05113252123',
    });
    expect(parseVCard('BEGIN:VCARD\nFN:Tanpa Nomor\nEND:VCARD')).toBeNull();
  });
});
