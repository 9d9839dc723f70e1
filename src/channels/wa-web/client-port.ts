// The slice of the whatsapp-web.js Client the adapter uses, so tests inject a fake and no puppeteer type leaks.

/** What `sendMessage` resolves to: only the platform id is read. */
export type SentMessageLike = { id?: { _serialized?: string } } | undefined;

/** A `{ lid, pn }` pair as `getContactLidAndPhone` returns it (serialized ids; either may be missing). */
export type LidAndPhone = { lid?: string | null; pn?: string | null };

/** A file to send: whatsapp-web.js's MessageMedia fields (the bytes in base64). */
export type WaMedia = { mimetype: string; data: string; filename: string };

/** How a file goes: with a caption, and as a document rather than a picture. */
export type WaMediaOptions = { caption?: string; sendMediaAsDocument?: boolean };

export interface WaClientPort {
  /** Events used: qr, code, authenticated, auth_failure, ready, disconnected, message, message_revoke_everyone. */
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  removeAllListeners(event?: string): unknown;
  /** Launches the browser and opens WhatsApp Web; can hang without network (the adapter times it out). */
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string): Promise<SentMessageLike>;
  /** `sendMessage` with a MessageMedia made of these fields. */
  sendMedia(chatId: string, media: WaMedia, options: WaMediaOptions): Promise<SentMessageLike>;
  /** whatsapp-web.js ≥ 1.32: maps `…@lid` and `…@c.us` ids to each other, when WhatsApp knows the pair. */
  getContactLidAndPhone(userIds: string[]): Promise<LidAndPhone[]>;
}

/** Options the real factory needs; the adapter passes them through untouched. */
export type WaClientOptions = {
  sessionDir: string;
  chromiumPath: string;
  /** Digits with country code: log in with an 8-character pairing code instead of a QR. */
  pairPhone: string | null;
};

export type WaClientFactory = (options: WaClientOptions) => WaClientPort | Promise<WaClientPort>;
