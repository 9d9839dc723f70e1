// The citizen's message in an event, and what it adds to the draft: story fragments, files and a pin as evidence.
import type { AttachmentRef } from '../src/domain/complaint.js';
import { type Draft, type IntakeContext, LIMITS } from './intake-context.js';
import type { EditEvent } from './intake-edits.js';
import type { IntakeEvent, MessageBody } from './intake-events.js';

export type Msg = Extract<IntakeEvent, { type: 'message' }>;

export const msg = (event: IntakeEvent): Msg | null => (event.type === 'message' ? event : null);
export const edit = (event: IntakeEvent): EditEvent | null => (event.type === 'edit' ? event : null);

export const body = (event: IntakeEvent): MessageBody =>
  event.type === 'message' || event.type === 'emergency'
    ? event
    : { text: '', attachments: [], location: null, contactPhone: null, channelPhone: null };

export function addAttachments(d: Draft, files: AttachmentRef[]): Draft {
  if (files.length === 0) return d;
  const known = new Set(d.attachments.map((a) => a.sha256));
  const fresh = files.filter((f) => !known.has(f.sha256) && f.kind !== 'sticker');
  return { ...d, attachments: [...d.attachments, ...fresh].slice(0, LIMITS.attachments) };
}

/** Files and a pin are kept as evidence whatever the question. */
export function keepExtras(d: Draft, b: MessageBody): Draft {
  const withFiles = addAttachments(d, b.attachments);
  return b.location && !withFiles.location ? { ...withFiles, location: b.location } : withFiles;
}

/** A message with only a voice note or a sticker: ask for a short text. */
export function mediaOnlyReply(b: MessageBody): 'error.voice' | 'error.sticker' | 'ack.media' | null {
  if (b.text.trim() || b.attachments.length === 0) return null;
  if (b.attachments.every((a) => a.kind === 'sticker')) return 'error.sticker';
  if (b.attachments.every((a) => a.kind === 'voice')) return 'error.voice';
  return 'ack.media';
}

/** Adds a story fragment to the draft, within the limits; files and a pin are kept as evidence. */
export function withFragment(d: Draft, text: string, b: MessageBody): Draft {
  const used = d.story.join(' ').length;
  const fragment = text.trim().slice(0, Math.max(0, LIMITS.storyChars - used));
  const story = fragment ? [...d.story, fragment].slice(0, LIMITS.storyFragments) : d.story;
  return keepExtras({ ...d, story }, b);
}

/** What a pick among tickets reads: a message, or a number typed alone (which reads as "status ADU-…"). */
export function pickText(event: IntakeEvent): string {
  if (event.type === 'command') return event.command.type === 'status' ? (event.text ?? '') : '';
  return body(event).text;
}

/** What the citizen sent after filing, kept while they are asked where it goes. */
export function pending(event: IntakeEvent): IntakeContext['pendingAfterSubmit'] {
  const b = body(event);
  return { text: b.text.trim().slice(0, LIMITS.storyChars) || null, attachments: b.attachments };
}
