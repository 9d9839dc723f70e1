// Reads one WhatsApp webhook message as what the runtime understands (InboundMessage), downloading its media.
import { InboundMessage, type MediaKind } from '../../conversation/inbound.js';
import type { Downloaded } from './graph-client.js';
import { morePage } from './render-message.js';
import type { MediaRef, WaMessage } from './webhook-payload.js';

/** Downloads a media id; null when Meta no longer has it (a 4xx), so the rest of the message still counts. */
export type MediaFetcher = (mediaId: string) => Promise<Downloaded | null>;

export type Interpretation =
  /** For the runtime. `templateButton`: a tap on the template's quick reply (it only reopens the window). */
  | { type: 'message'; message: InboundMessage; templateButton: boolean; fileTooLarge: boolean }
  /** A tap on a long menu's "more choices" row: the channel sends that page itself. */
  | { type: 'more'; page: number }
  /** A file over the size limit and nothing else in the message. */
  | { type: 'too_large' }
  /** A kind of message the service cannot use (a poll, an order, a contact without a number…). */
  | { type: 'unsupported' }
  /** Reactions and system notices: nothing to answer. */
  | { type: 'ignore' };

const MEDIA: { field: 'image' | 'document' | 'audio' | 'voice' | 'video' | 'sticker'; kind: MediaKind }[] = [
  { field: 'image', kind: 'photo' },
  { field: 'document', kind: 'document' },
  { field: 'audio', kind: 'voice' },
  { field: 'voice', kind: 'voice' },
  { field: 'video', kind: 'video' },
  { field: 'sticker', kind: 'sticker' },
];

const IGNORED = new Set(['reaction', 'system', 'request_welcome', 'ephemeral']);

/** "audio/ogg; codecs=opus" → "audio/ogg": the file store matches bare types. */
const bareMime = (mime: string) => mime.split(';')[0]!.trim().toLowerCase();

function replyText(m: WaMessage): string | undefined {
  const i = m.interactive;
  if (!i) return undefined;
  return (i.type === 'button_reply' ? i.button_reply?.id : i.list_reply?.id) ?? undefined;
}

function contactOf(m: WaMessage): InboundMessage['contact'] {
  for (const c of m.contacts ?? []) {
    for (const p of c.phones ?? []) {
      const phone = p.phone?.trim() || (p.wa_id ? `+${p.wa_id}` : '');
      if (phone) return { phone: phone.slice(0, 40), name: c.name?.formatted_name?.slice(0, 200) };
    }
  }
  return undefined;
}

export async function interpret(m: WaMessage, download: MediaFetcher): Promise<Interpretation> {
  if (IGNORED.has(m.type)) return { type: 'ignore' };
  const reply = m.type === 'interactive' ? replyText(m) : undefined;
  if (reply !== undefined) {
    const page = morePage(reply);
    if (page !== null) return { type: 'more', page };
  }

  const ref = MEDIA.map((x) => ({ ...x, ref: m[x.field] as MediaRef | undefined })).find(
    (x) => x.field === m.type && x.ref,
  );
  let fileTooLarge = false;
  const media: InboundMessage['media'] = [];
  if (ref?.ref) {
    const got = await download(ref.ref.id);
    if (got?.ok) {
      media.push({
        kind: ref.kind === 'voice' || ref.ref.voice ? 'voice' : ref.kind,
        mime: bareMime(ref.ref.mime_type ?? got.mime).slice(0, 200),
        filename: ref.ref.filename?.slice(0, 255),
        data: got.data,
      });
    } else if (got && !got.ok) {
      fileTooLarge = true;
    }
  }

  const text =
    m.type === 'text'
      ? m.text?.body
      : m.type === 'button'
        ? (m.button?.text ?? m.button?.payload)
        : (reply ?? ref?.ref?.caption);
  const location =
    m.type === 'location' && m.location ? { lat: m.location.latitude, lon: m.location.longitude } : undefined;
  const contact = m.type === 'contacts' ? contactOf(m) : undefined;

  const hasText = text !== undefined && text.trim().length > 0;
  if (!hasText && media.length === 0 && !location && !contact) {
    return fileTooLarge ? { type: 'too_large' } : { type: 'unsupported' };
  }
  const parsed = InboundMessage.safeParse({
    channel: 'wacloud',
    chatId: m.from,
    messageId: m.id,
    text: hasText ? text : undefined,
    media: media.length > 0 ? media : undefined,
    location,
    contact,
    channelPhone: `+${m.from}`,
  });
  if (!parsed.success) return { type: 'unsupported' };
  return { type: 'message', message: parsed.data, templateButton: m.type === 'button', fileTooLarge };
}
