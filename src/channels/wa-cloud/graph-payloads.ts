// The Graph API message bodies this channel sends (POST /<phone-number-id>/messages), and their size limits.
import type { WaSender } from '../../ports/wa-cloud-chat-store.js';

/** Limits from Meta's interactive message reference. */
export const LIMITS = {
  text: 4096,
  interactiveBody: 1024,
  buttons: 3,
  buttonTitle: 20,
  buttonId: 256,
  listRows: 10,
  listButton: 20,
  rowTitle: 24,
  rowDescription: 72,
  rowId: 200,
} as const;

export type TextBody = { type: 'text'; text: { body: string; preview_url?: boolean } };

export type ButtonsBody = {
  type: 'interactive';
  interactive: {
    type: 'button';
    body: { text: string };
    action: { buttons: { type: 'reply'; reply: { id: string; title: string } }[] };
  };
};

export type ListRow = { id: string; title: string; description?: string };

export type ListBody = {
  type: 'interactive';
  interactive: {
    type: 'list';
    body: { text: string };
    action: { button: string; sections: { title?: string; rows: ListRow[] }[] };
  };
};

export type TemplateBody = {
  type: 'template';
  template: { name: string; language: { code: string } };
};

/** A file uploaded first (POST /<phone-number-id>/media), sent by its media id. */
export type ImageBody = { type: 'image'; image: { id: string; caption?: string } };
export type DocumentBody = { type: 'document'; document: { id: string; filename: string; caption?: string } };

/** One message's content, without the envelope (`messaging_product`, `recipient_type`, `to` or `recipient`). */
export type GraphBody = TextBody | ButtonsBody | ListBody | TemplateBody | ImageBody | DocumentBody;

/** The addressee: `to` a phone number, or `recipient` a business-scoped user id when no phone is known. */
export type GraphMessage = GraphBody & {
  messaging_product: 'whatsapp';
  recipient_type: 'individual';
} & ({ to: string } | { recipient: string });

export function envelope(to: WaSender, body: GraphBody): GraphMessage {
  const address = to.phone ? { to: to.phone } : { recipient: to.userId ?? '' };
  return { messaging_product: 'whatsapp', recipient_type: 'individual', ...address, ...body };
}
