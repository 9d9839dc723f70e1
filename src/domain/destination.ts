// Where an agency receives its tickets besides the built-in inbox: the delivery methods and their settings (data).
import { z } from 'zod';

/** A secret written in the agencies file, or the name of an environment variable (ADUAN_SECRET_*) that holds it. */
export const SecretRef = z.union([
  z.string().min(16),
  z.object({ env: z.string().regex(/^ADUAN_SECRET_[A-Z0-9_]+$/) }),
]);
export type SecretRef = z.infer<typeof SecretRef>;

const Base = {
  /** Stable within the agency: part of the idempotency key, so never reuse one for another endpoint. */
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
};

export const WebhookDestination = z.object({
  ...Base,
  method: z.literal('webhook'),
  url: z.url(),
  secret: SecretRef,
  timeoutMs: z.number().int().min(1000).max(60_000).default(10_000),
});

export const EmailDestination = z.object({
  ...Base,
  method: z.literal('email'),
  to: z.array(z.email()).min(1).max(10),
  cc: z.array(z.email()).max(10).default([]),
});

export const TelegramDestination = z.object({
  ...Base,
  method: z.literal('telegram'),
  /** The officers' group (negative id) or channel the bot was added to. */
  chatId: z.string().regex(/^-?\d{1,20}$|^@[A-Za-z0-9_]{5,32}$/),
});

export const Open311Destination = z.object({
  ...Base,
  method: z.literal('open311'),
  /** The GeoReport v2 base URL; `requests.json` is appended. */
  endpoint: z.url(),
  apiKey: SecretRef.optional(),
  jurisdictionId: z.string().max(100).optional(),
  /** Our category id → the endpoint's service_code, where they differ. */
  serviceCodes: z.record(z.string(), z.string()).default({}),
  timeoutMs: z.number().int().min(1000).max(60_000).default(10_000),
});

export const Destination = z.discriminatedUnion('method', [
  WebhookDestination,
  EmailDestination,
  TelegramDestination,
  Open311Destination,
]);
export type Destination = z.infer<typeof Destination>;
export type DeliveryMethodName = Destination['method'];

/** A secret resolved against the ADUAN_SECRET_* variables the composition root passes in; null when unset. */
export function resolveSecret(ref: SecretRef, secrets: Readonly<Record<string, string>>): string | null {
  return typeof ref === 'string' ? ref : (secrets[ref.env] ?? null);
}
