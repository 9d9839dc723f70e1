// Reads one WhatsApp webhook message as what the runtime understands (InboundMessage), downloading its media.
import { type ChannelNotice, InboundMessage, type MediaKind, placeOf } from '../../conversation/inbound.js';
import type { Downloaded } from './graph-client.js';
import { morePage } from './render-message.js';
import type { MediaRef, WaContent, WaMessage } from './webhook-payload.js';

/** Downloads a media id; null when Meta no longer has it (a 4xx), so the rest of the message still counts. */
export type MediaFetcher = (mediaId: string) => Promise<Downloaded | null>;

export type Interpretation =
  /**
   * For the runtime; a message Aduan cannot read comes as one with only the "can't read this yet" notice, so a
   * redelivery never sends it twice. `templateButton`: a tap on the template's quick reply (it reopens the window).
   */
  | { type: 'message'; message: InboundMessage; templateButton: boolean }
  /** A tap on a long menu's "more choices" row: the channel sends that page itself. */
  | { type: 'more'; page: number }
  /** Reactions, system notices, group messages: nothing to answer. */
  | { type: 'ignore' };

/** Who the message is for in Aduan: its chat, and the phone the channel vouches for when WhatsApp gives one. */
export type Addressed = { chatId: string; phone?: string; maxMediaMb: number };

const MEDIA: { field: 'image' | 'document' | 'audio' | 'voice' | 'video' | 'sticker'; kind: MediaKind }[] = [
  { field: 'image', kind: 'photo' },
  { field: 'document', kind: 'document' },
  { field: 'audio', kind: 'voice' },
  { field: 'voice', kind: 'voice' },
  { field: 'video', kind: 'video' },
  { field: 'sticker', kind: 'sticker' },
];

const IGNORED = new Set(['reaction', 'system', 'request_welcome', 'ephemeral']);

function replyText(m: WaContent): string | undefined {
  const i = m.interactive;
  if (!i) return undefined;
  return (i.type === 'button_reply' ? i.button_reply?.id : i.list_reply?.id) ?? undefined;
}

/** The first card with a phone; `own` when it answers the business's request for the citizen's number. */
function contactOf(m: WaContent, own: boolean): InboundMessage['contact'] {
  for (const c of m.contacts ?? []) {
    for (const p of c.phones ?? []) {
      const phone = p.phone?.trim() || (p.wa_id ? `+${p.wa_id}` : '');
      if (phone) return { phone: phone.slice(0, 40), name: c.name?.formatted_name?.slice(0, 200), own };
    }
  }
  return undefined;
}

export async function interpret(
  m: WaMessage,
  to: Addressed,
  download: MediaFetcher,
): Promise<Interpretation> {
  if (IGNORED.has(m.type) || m.group_id !== undefined) return { type: 'ignore' };
  // An edit carries the new content of the message it edits; it is read like that content.
  const content: WaContent = m.type === 'edit' && m.edit ? m.edit.message : m;
  const reply = content.type === 'interactive' ? replyText(content) : undefined;
  if (reply !== undefined) {
    const page = morePage(reply);
    if (page !== null) return { type: 'more', page };
  }

  const ref = MEDIA.map((x) => ({ ...x, ref: content[x.field] as MediaRef | undefined })).find(
    (x) => x.field === content.type && x.ref,
  );
  const notices: ChannelNotice[] = [];
  const media: InboundMessage['media'] = [];
  // An edit changes a caption, never the file: the file of the original is already kept.
  if (ref?.ref && m.type !== 'edit') {
    const got = await download(ref.ref.id);
    if (got?.ok) {
      media.push({
        kind: ref.kind === 'voice' || ref.ref.voice ? 'voice' : ref.kind,
        // Only a hint: the runtime takes the type from the bytes.
        mime: (ref.ref.mime_type ?? got.mime).slice(0, 200),
        filename: ref.ref.filename?.slice(0, 255),
        data: got.data,
      });
    } else if (got && !got.ok) {
      notices.push({ key: 'channel.file_too_large', vars: { max: to.maxMediaMb } });
    }
  }

  const text =
    content.type === 'text'
      ? content.text?.body
      : content.type === 'button'
        ? (content.button?.text ?? content.button?.payload)
        : (reply ?? ref?.ref?.caption);
  const location =
    content.type === 'location' && content.location
      ? { lat: content.location.latitude, lon: content.location.longitude }
      : undefined;
  const own = m.origin?.startsWith('contact_request') === true;
  const contact = content.type === 'contacts' ? contactOf(content, own) : undefined;

  const hasText = text !== undefined && text.trim().length > 0;
  if (!hasText && media.length === 0 && !location && !contact && notices.length === 0) {
    notices.push({ key: 'channel.unsupported' });
  }
  const forwarded = content.context?.forwarded === true || content.context?.frequently_forwarded === true;
  const parsed = InboundMessage.safeParse({
    channel: 'wacloud',
    chatId: to.chatId,
    messageId: m.id,
    text: hasText ? text : undefined,
    media: media.length > 0 ? media : undefined,
    location,
    place: location ? placeOf(content.location?.name, content.location?.address) : undefined,
    contact,
    channelPhone: to.phone ? `+${to.phone}` : undefined,
    forwarded: forwarded || undefined,
    // A reply quoting one of our messages; a button's answer carries its message's id too, which is never a
    // ticket's (questions are not tied to tickets).
    replyTo: content.context?.id,
    edits: m.type === 'edit' ? m.edit?.original_message_id : undefined,
    notices: notices.length > 0 ? notices : undefined,
  });
  if (!parsed.success) return { type: 'ignore' };
  return { type: 'message', message: parsed.data, templateButton: m.type === 'button' };
}
