// The webhook body Meta posts (object whatsapp_business_account), as zod schemas: an envelope, then each item.
import { z } from 'zod';

const WaError = z.object({
  code: z.coerce.number(),
  title: z.string().max(1000).optional(),
  message: z.string().max(2000).optional(),
});

/** Errors Meta reports in a webhook (value-level or per item): logged by code and title, never with content. */
export const WaErrors = z.array(WaError).max(50);

/** A phone number as WhatsApp writes it: digits only, international. */
const PhoneDigits = z.string().regex(/^[0-9]{5,20}$/);
/**
 * A business-scoped user id, stored and sent back exactly as received: Meta's are a country code, a dot and an
 * alphanumeric string (US.13491208655302741918), but the format is Meta's to change, so only its characters are
 * checked.
 */
const BusinessScopedId = z.string().regex(/^[A-Za-z0-9._-]{2,160}$/);

/** A `contacts[]` entry of the value: who wrote, when a message carries no sender of its own. */
export const WaContact = z.object({
  wa_id: PhoneDigits.optional(),
  user_id: BusinessScopedId.optional(),
});

/**
 * The envelope is checked strictly enough to know where things are; messages and statuses stay unknown here
 * and are parsed one by one, so that one odd item (a new message type) never rejects its whole batch.
 */
export const WebhookEnvelope = z.object({
  object: z.string(),
  entry: z
    .array(
      z.object({
        id: z.string().optional(),
        changes: z
          .array(
            z.object({
              field: z.string(),
              value: z
                .object({
                  messaging_product: z.string().optional(),
                  metadata: z
                    .object({ phone_number_id: z.string(), display_phone_number: z.string().optional() })
                    .optional(),
                  contacts: z.array(z.unknown()).max(1000).optional(),
                  messages: z.array(z.unknown()).max(1000).optional(),
                  statuses: z.array(z.unknown()).max(1000).optional(),
                  errors: z.array(z.unknown()).max(1000).optional(),
                })
                .optional(),
            }),
          )
          .max(1000),
      }),
    )
    .max(1000),
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelope>;

const MediaRef = z.object({
  id: z.string().min(1).max(200),
  mime_type: z.string().max(200).optional(),
  sha256: z.string().max(200).optional(),
  caption: z.string().max(100_000).optional(),
  filename: z.string().max(1000).optional(),
  /** Audio recorded in WhatsApp (a voice note) rather than an audio file. */
  voice: z.boolean().optional(),
});
export type MediaRef = z.infer<typeof MediaRef>;

const Reply = z.object({ id: z.string().min(1).max(256), title: z.string().max(100).optional() });

/** A message's content: `type` says which of the optional objects is present (also the content of an edit). */
const Content = {
  type: z.string().max(50),
  text: z.object({ body: z.string().max(100_000) }).optional(),
  image: MediaRef.optional(),
  document: MediaRef.optional(),
  audio: MediaRef.optional(),
  voice: MediaRef.optional(),
  video: MediaRef.optional(),
  sticker: MediaRef.optional(),
  location: z
    .object({
      latitude: z.coerce.number().min(-90).max(90),
      longitude: z.coerce.number().min(-180).max(180),
      name: z.string().max(1000).optional(),
      address: z.string().max(2000).optional(),
    })
    .optional(),
  interactive: z
    .object({
      type: z.string().max(50),
      button_reply: Reply.optional(),
      list_reply: Reply.extend({ description: z.string().max(200).optional() }).optional(),
    })
    .optional(),
  /** A tap on a template's quick-reply button. */
  button: z
    .object({ payload: z.string().max(1000).optional(), text: z.string().max(1000).optional() })
    .optional(),
  contacts: z
    .array(
      z.object({
        name: z.object({ formatted_name: z.string().max(500).optional() }).optional(),
        phones: z
          .array(z.object({ phone: z.string().max(100).optional(), wa_id: z.string().max(100).optional() }))
          .max(50)
          .optional(),
      }),
    )
    .max(50)
    .optional(),
  /** Forwarded by the citizen (`forwarded`, `frequently_forwarded`), or a reply to one of our messages (`id`). */
  context: z
    .object({
      forwarded: z.boolean().optional(),
      frequently_forwarded: z.boolean().optional(),
      id: z.string().max(300).optional(),
    })
    .optional(),
};

/** One incoming message. A sender is named by the phone (`from`), a business-scoped id, or both. */
export const WaMessage = z
  .object({
    ...Content,
    from: PhoneDigits.optional(),
    from_user_id: BusinessScopedId.optional(),
    /** The wamid: the same on a redelivery, so it is the deduplication key. */
    id: z.string().min(1).max(300),
    timestamp: z
      .string()
      .regex(/^[0-9]{1,13}$/)
      .optional(),
    /** Sent in a WhatsApp group the business is in: complaints are taken in private chats only. */
    group_id: z.string().max(300).optional(),
    /** A shared contact that answers the business's request for the citizen's own number. */
    origin: z.string().max(100).optional(),
    /** The citizen edited an earlier message: its id and the new content. */
    edit: z
      .object({ original_message_id: z.string().min(1).max(300), message: z.object(Content) })
      .optional(),
    /** `user_changed_number` (the new number in `wa_id` or `new_wa_id`), `customer_identity_changed`. */
    system: z
      .object({
        type: z.string().max(100).optional(),
        wa_id: PhoneDigits.optional(),
        new_wa_id: PhoneDigits.optional(),
      })
      .optional(),
    errors: z.array(WaError).max(50).optional(),
  })
  .refine((m) => m.from !== undefined || m.from_user_id !== undefined, { message: 'no sender' });
export type WaMessage = z.infer<typeof WaMessage>;
export type WaContent = Pick<WaMessage, keyof typeof Content>;

/** A delivery status of a message we sent. */
export const WaStatus = z.object({
  id: z.string().min(1).max(300),
  status: z.string().max(50),
  timestamp: z.string().regex(/^[0-9]{1,13}$/),
  recipient_id: z.string().max(100).optional(),
  errors: z.array(WaError).max(50).optional(),
});
export type WaStatus = z.infer<typeof WaStatus>;
