// From an inbound message to what the flow reads: its text, its body and logged kind, what it answers (for a later
// edit), the chat's open tickets it may be about, and its event (an edit of an answered message corrects the answer).
import { z } from 'zod';
import type { MessageBody, StoredSnapshot } from '../../flows/index.js';
import { Field } from '../../flows/intake-context.js';
import type { ChatTickets, EditTarget, IntakeEvent } from '../../flows/intake-events.js';
import type { AttachmentRef } from '../domain/complaint.js';
import type { InboundLog } from '../storage/inbound.js';
import type { Store } from '../storage/store.js';
import { isOpen } from '../tickets/transitions.js';
import { findCoordinates } from '../understand/coordinates.js';
import { type PinResult, locatePin } from '../understand/geo.js';
import { parsePhone } from '../understand/phone.js';
import type { InboundMessage } from './inbound.js';
import type { LoadedConversation } from './loaded-conversation.js';

/** The longest text the flow reads; the rest is cut and the citizen told so. */
export const MAX_TEXT = 4000;

/** The text the flow reads: what was typed, or what a place or someone else's contact card says. */
export function messageText(msg: InboundMessage): string {
  if (msg.text?.trim()) return msg.text;
  if (msg.location && msg.place) return [msg.place.name, msg.place.address].filter(Boolean).join(', ');
  if (msg.contact && msg.contact.own === false) {
    return [msg.contact.name, msg.contact.phone].filter(Boolean).join(' ');
  }
  return msg.text ?? '';
}

/**
 * The message as the flow reads it (its body, `text` cut to MAX_TEXT), whether it carries anything the flow can use,
 * and its kind as the inbound log records it. `rejected`: how many of its files were not accepted.
 */
export function readMessage(
  msg: InboundMessage,
  text: string,
  attachments: AttachmentRef[],
  rejected: number,
  locate: ((lat: number, lon: number) => PinResult) | undefined,
): { body: MessageBody; content: boolean; kind: string } {
  const own = msg.contact !== undefined && msg.contact.own !== false;
  // Coordinates typed into the text ("-3.3190, 114.6170", "3°19'S 114°37'E") are a location, as a pin is.
  const point = msg.location ?? findCoordinates(text.slice(0, MAX_TEXT)) ?? undefined;
  const body: MessageBody = {
    text: text.slice(0, MAX_TEXT),
    attachments,
    location: point ?? null,
    pin: point ? (locate ?? locatePin)(point.lat, point.lon) : null,
    contactPhone: own ? (msg.contact?.phone ?? null) : null,
    channelPhone: msg.channelPhone ? (parsePhone(msg.channelPhone).ok ? msg.channelPhone : null) : null,
    ...(msg.forwarded || (msg.contact && !own) ? { foreign: true } : {}),
  };
  const content = body.text.trim() !== '' || attachments.length > 0 || !!point || own;
  const kind = msg.answeredByChannel
    ? 'menu'
    : !content
      ? rejected > 0
        ? 'media'
        : msg.notices?.length
          ? 'notice'
          : 'text'
      : attachments.length > 0
        ? 'media'
        : msg.location
          ? 'location'
          : own
            ? 'contact'
            : 'text';
  return { body, content, kind };
}

/** The chat's open tickets (newest first) and the one the replied-to message was about. */
export function chatTickets(store: Store, conversationId: number, replyTo: string | undefined): ChatTickets {
  const open = store.tickets
    .listForChat(conversationId)
    .filter((t) => isOpen(t.status))
    .map((t) => ({ number: t.number, category: t.category, status: t.status }));
  const replied = replyTo ? store.outbox.ticketOfReply(conversationId, replyTo) : null;
  return { replied, open };
}

/** What an edit reads back from the message it edits. */
const OriginalBody = z.object({
  text: z.string().optional(),
  answers: z.union([Field, z.enum(['note', 'ticket'])]).optional(),
});

/** What a message arriving now answers, from where the conversation stands: recorded for a later edit of it. */
export function answering(stored: StoredSnapshot | null): EditTarget {
  const value = stored?.value ?? 'idle';
  if (value === 'asking') {
    const ctx = stored?.context;
    const field = ctx && typeof ctx === 'object' && 'field' in ctx ? Field.safeParse(ctx.field) : null;
    return field?.success ? field.data : 'note';
  }
  if (value === 'story' || value === 'guess' || value === 'guessFix') return 'story';
  // The identity asked for Ombudsman's copy: hidden from agencies in the conversation officers read, as at intake.
  if (value === 'identityName') return 'name';
  if (value === 'identityConsent' || value === 'identityNik') return 'nik';
  if (value === 'submitted' || value === 'afterSubmit' || value === 'withdrawConfirm') return 'ticket';
  return 'note';
}

/**
 * The flow event for a message: an edit of a message the conversation answered is a correction of that answer;
 * an edit before anything was asked (or of a message never seen) is an ordinary message.
 */
export function eventFor(
  inbound: InboundLog,
  msg: InboundMessage,
  body: MessageBody,
  conv: LoadedConversation,
  now: number,
): IntakeEvent {
  const state = conv.stored?.value ?? 'idle';
  if (msg.edits === undefined || state === 'idle' || state === 'declined')
    return conv.flow.classify(body, now);
  const original = inbound.find(msg.channel, msg.edits);
  const known = original !== null && original.conversationId === conv.id;
  const recorded = known ? OriginalBody.safeParse(original.body) : null;
  const target = recorded?.success ? (recorded.data.answers ?? 'note') : 'note';
  // An edit of an edited message replaces what the citizen last saw there: the latest edit's text.
  const before = known ? inbound.lastEditText(conv.id, msg.channel, msg.edits, msg.messageId) : null;
  return {
    type: 'edit',
    now,
    target,
    text: body.text,
    original: before ?? (recorded?.success ? (recorded.data.text ?? null) : null),
    state,
  };
}
