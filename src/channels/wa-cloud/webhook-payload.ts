// The webhook body Meta posts (object whatsapp_business_account), as zod schemas: an envelope, then each item.
import { z } from 'zod';

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

/** One incoming message; `type` says which of the optional objects is present. */
export const WaMessage = z.object({
  /** The sender's WhatsApp id: the phone number in international format, digits only. */
  from: z.string().regex(/^[0-9]{5,20}$/),
  /** The wamid: the same on a redelivery, so it is the deduplication key. */
  id: z.string().min(1).max(300),
  timestamp: z
    .string()
    .regex(/^[0-9]{1,13}$/)
    .optional(),
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
});
export type WaMessage = z.infer<typeof WaMessage>;

/** A delivery status of a message we sent. */
export const WaStatus = z.object({
  id: z.string().min(1).max(300),
  status: z.string().max(50),
  timestamp: z.string().regex(/^[0-9]{1,13}$/),
  recipient_id: z.string().max(100).optional(),
  errors: z
    .array(
      z.object({
        code: z.coerce.number(),
        title: z.string().max(1000).optional(),
        message: z.string().optional(),
      }),
    )
    .max(50)
    .optional(),
});
export type WaStatus = z.infer<typeof WaStatus>;
