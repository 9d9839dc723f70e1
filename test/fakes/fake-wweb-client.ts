// A fake whatsapp-web.js client: an EventEmitter with the client-port methods, recording what it sends, and
// helpers that emit Message objects shaped like the library's (ids, types, bodies, downloadMedia, vCards).
import { EventEmitter } from 'node:events';
import type {
  LidAndPhone,
  WaClientPort,
  WaMedia,
  WaMediaOptions,
} from '../../src/channels/wa-web/client-port.js';

export type FakeMedia = {
  mimetype: string;
  data: string;
  filename?: string | null;
  filesize?: number | null;
};

let seq = 0;
/** WhatsApp message ids look like "3EB0C767D26A1D7B42F1" (web) or 32 hex digits (Android). */
const nextId = () => `3EB0${(++seq).toString(16).toUpperCase().padStart(16, '0')}`;

/** Shaped like whatsapp-web.js's Message: plain fields plus methods that need `this`. */
export class FakeMessage {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string };
  from: string;
  to: string;
  author?: string;
  fromMe: boolean;
  isStatus: boolean;
  broadcast = false;
  type: string;
  body: string;
  hasMedia: boolean;
  timestamp: number;
  location?: { latitude: number; longitude: number; name?: string; address?: string; description?: string };
  vCards: string[];
  protocolMessageKey?: { _serialized: string };
  _data: Record<string, unknown>;
  downloads = 0;

  constructor(
    init: {
      from: string;
      type: string;
      body?: string;
      fromMe?: boolean;
      author?: string;
      media?: FakeMedia | 'gone' | 'error';
      location?: { latitude: number; longitude: number; name?: string; address?: string };
      vCards?: string[];
      size?: number;
      me?: string;
    },
    private readonly media?: FakeMedia | 'gone' | 'error',
  ) {
    const id = nextId();
    const fromMe = init.fromMe ?? false;
    const remote = init.from;
    this.id = { fromMe, remote, id, _serialized: `${fromMe}_${remote}_${id}` };
    this.from = init.from;
    this.to = init.me ?? '6281100000000@c.us';
    if (init.author) this.author = init.author;
    this.fromMe = fromMe;
    this.isStatus = init.from === 'status@broadcast';
    this.type = init.type;
    this.body = init.body ?? '';
    this.hasMedia = init.media !== undefined;
    this.timestamp = Math.floor(Date.now() / 1000);
    if (init.location) {
      const { name, address } = init.location;
      this.location = {
        ...init.location,
        description: name && address ? `${name}\n${address}` : (name ?? address ?? ''),
      };
    }
    this.vCards = init.vCards ?? [];
    this._data = {
      id: this.id,
      type: init.type,
      t: this.timestamp,
      ...(init.size ? { size: init.size } : {}),
    };
  }

  async downloadMedia(): Promise<FakeMedia | undefined> {
    // Like the library: the method reads the instance (a detached call would lose it).
    if (!(this instanceof FakeMessage)) throw new TypeError('downloadMedia called without its message');
    this.downloads++;
    if (this.media === 'error') throw new Error('Evaluation failed: download');
    if (this.media === 'gone' || this.media === undefined) return undefined;
    return this.media;
  }
}

export class FakeWwebClient extends EventEmitter implements WaClientPort {
  readonly sent: { chatId: string; text: string }[] = [];
  /** Files sent (MessageMedia fields and the send options), in order. */
  readonly sentMedia: { chatId: string; media: WaMedia; options: WaMediaOptions }[] = [];
  initializeCalls = 0;
  destroyCalls = 0;
  /** 'resolve' (default), 'hang' (never settles), 'reject', or a custom implementation. */
  initialize_: 'resolve' | 'hang' | 'reject' | (() => Promise<void>) = 'resolve';
  /** lid → phone id, as WhatsApp knows them. */
  readonly lids = new Map<string, string>();
  readonly lidLookups: string[][] = [];
  /** Errors thrown by the next sendMessage calls, in order. */
  readonly sendFailures: Error[] = [];
  /** Addresses that refuse messages the way a LID-only contact refuses its phone id. */
  readonly lidOnly = new Set<string>();
  readonly me = '6281100000000@c.us';

  async initialize(): Promise<void> {
    this.initializeCalls++;
    const how = this.initialize_;
    if (how === 'hang') return new Promise<void>(() => {});
    if (how === 'reject') throw new Error('Failed to launch the browser process');
    if (typeof how === 'function') return how();
  }

  async destroy(): Promise<void> {
    this.destroyCalls++;
  }

  async sendMessage(chatId: string, content: string) {
    const failure = this.sendFailures.shift();
    if (failure) throw failure;
    if (this.lidOnly.has(chatId)) throw new Error('Evaluation failed: Error: No LID for user');
    this.sent.push({ chatId, text: content });
    const id = nextId();
    return { id: { fromMe: true, remote: chatId, id, _serialized: `true_${chatId}_${id}` } };
  }

  async sendMedia(chatId: string, media: WaMedia, options: WaMediaOptions) {
    const failure = this.sendFailures.shift();
    if (failure) throw failure;
    if (this.lidOnly.has(chatId)) throw new Error('Evaluation failed: Error: No LID for user');
    this.sentMedia.push({ chatId, media, options });
    const id = nextId();
    return { id: { fromMe: true, remote: chatId, id, _serialized: `true_${chatId}_${id}` } };
  }

  async getContactLidAndPhone(userIds: string[]): Promise<LidAndPhone[]> {
    this.lidLookups.push(userIds);
    return userIds.map((id) => {
      if (id.endsWith('@lid')) return { lid: id, pn: this.lids.get(id) ?? undefined };
      const lid = [...this.lids].find(([, pn]) => pn === id)?.[0];
      return { lid, pn: id };
    });
  }

  /** Texts sent since the last call. */
  takeSent(): { chatId: string; text: string }[] {
    return this.sent.splice(0, this.sent.length);
  }

  // --- lifecycle events -------------------------------------------------------------------------------

  showQr(qr = '2@AbCdEf0123456789+/=,pubKeyB64=,identityKeyB64=,advSecret=,1'): string {
    this.emit('qr', qr);
    return qr;
  }

  connect(): void {
    this.emit('authenticated');
    this.emit('ready');
  }

  disconnect(reason = 'CONFLICT'): void {
    this.emit('disconnected', reason);
  }

  // --- incoming messages ------------------------------------------------------------------------------

  private deliver(message: FakeMessage): FakeMessage {
    this.emit('message_create', message);
    if (!message.fromMe) this.emit('message', message);
    return message;
  }

  text(from: string, body: string): FakeMessage {
    return this.deliver(new FakeMessage({ from, type: 'chat', body }));
  }

  image(
    from: string,
    opts: { caption?: string; bytes?: Uint8Array; size?: number; media?: FakeMedia | 'gone' | 'error' } = {},
  ): FakeMessage {
    const bytes = opts.bytes ?? new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]);
    const media = opts.media ?? {
      mimetype: 'image/jpeg',
      data: Buffer.from(bytes).toString('base64'),
      filename: null,
      filesize: bytes.byteLength,
    };
    return this.deliver(
      new FakeMessage({ from, type: 'image', body: opts.caption ?? '', media, size: opts.size }, media),
    );
  }

  document(from: string, filename: string, mimetype: string, bytes: Uint8Array): FakeMessage {
    const media = {
      mimetype,
      data: Buffer.from(bytes).toString('base64'),
      filename,
      filesize: bytes.byteLength,
    };
    return this.deliver(new FakeMessage({ from, type: 'document', body: '', media }, media));
  }

  voiceNote(from: string): FakeMessage {
    const media = {
      mimetype: 'audio/ogg; codecs=opus',
      data: Buffer.from('OggS\u0000voice').toString('base64'),
    };
    return this.deliver(new FakeMessage({ from, type: 'ptt', media }, media));
  }

  /** The body of a location message is its JPEG map thumbnail in base64, never text. */
  location(from: string, latitude: number, longitude: number, name?: string, address?: string): FakeMessage {
    return this.deliver(
      new FakeMessage({
        from,
        type: 'location',
        body: '/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgMCAgMDAwMEAwMEBQgFBQQEBQoHBwYIDAoMDAsKCwsNDhIQDQ4RDgsLEBYQERMUFRUVDA8XGBYUGBIUFRT/',
        location: { latitude, longitude, name, address },
      }),
    );
  }

  vcard(from: string, name: string, waid: string, display: string): FakeMessage {
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      `N:;${name};;;`,
      `FN:${name}`,
      `item1.TEL;waid=${waid}:${display}`,
      'item1.X-ABLabel:Ponsel',
      'END:VCARD',
    ].join('\n');
    return this.deliver(new FakeMessage({ from, type: 'vcard', body: card, vCards: [card] }));
  }

  poll(from: string): FakeMessage {
    return this.deliver(new FakeMessage({ from, type: 'poll_creation', body: 'Pilih' }));
  }

  groupText(group: string, author: string, body: string): FakeMessage {
    return this.deliver(new FakeMessage({ from: group, author, type: 'chat', body }));
  }

  statusUpdate(author: string, body: string): FakeMessage {
    return this.deliver(new FakeMessage({ from: 'status@broadcast', author, type: 'chat', body }));
  }

  /** The bot's own message (typed on the phone): only message_create fires, as in the library. */
  own(to: string, body: string): FakeMessage {
    return this.deliver(new FakeMessage({ from: this.me, type: 'chat', body, fromMe: true, me: to }));
  }

  /** "Delete for everyone": the message changes type in place and keeps its id. */
  revoke(message: FakeMessage): void {
    const before = Object.assign(Object.create(FakeMessage.prototype) as FakeMessage, message);
    message.type = 'revoked';
    message.body = '';
    this.emit('message_revoke_everyone', message, before);
  }
}
