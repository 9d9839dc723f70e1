// The WhatsApp Web (whatsapp-web.js) settings: a zod fragment of the environment, parsed by the composition root.
import { z } from 'zod';

/** An unset or empty variable takes the default. */
const blankIsUnset = (v: unknown) => (v === '' ? undefined : v);

export const WaWebEnvSchema = z.object({
  /** 1 to run the WhatsApp Web channel (a logged-in phone number, QR login). */
  WHATSAPP_WEB: z.preprocess(
    blankIsUnset,
    z
      .enum(['0', '1', 'true', 'false', 'yes', 'no'])
      .default('0')
      .transform((v) => v === '1' || v === 'true' || v === 'yes'),
  ),
  WHATSAPP_CHROMIUM_PATH: z.preprocess(blankIsUnset, z.string().min(1).default('/usr/bin/chromium')),
  /** How long `initialize()` may take before the client is destroyed and retried (it can hang offline). */
  WHATSAPP_INIT_TIMEOUT_S: z.preprocess(blankIsUnset, z.coerce.number().int().min(5).max(900).default(90)),
  /** Optional: the bot's own number (digits, with country code) to log in with a pairing code instead of a QR. */
  WHATSAPP_PAIR_PHONE: z.preprocess(
    blankIsUnset,
    z
      .string()
      .regex(/^[1-9][0-9]{7,14}$/, 'digits with country code, no +, e.g. 6281234567890')
      .optional(),
  ),
  /** Optional: a secret the operator QR page and status require (?token=… or Authorization: Bearer …). */
  WHATSAPP_OPERATOR_TOKEN: z.preprocess(blankIsUnset, z.string().min(16).optional()),
});

export type WaWebConfig = {
  enabled: boolean;
  chromiumPath: string;
  initTimeoutMs: number;
  pairPhone: string | null;
  operatorToken: string | null;
};

export type WaWebConfigResult = { ok: true; config: WaWebConfig } | { ok: false; problems: string[] };

/** Reads only the WHATSAPP_* keys of the environment it is given; never the process environment itself. */
export function waWebConfigFromEnv(env: Record<string, string | undefined>): WaWebConfigResult {
  const parsed = WaWebEnvSchema.safeParse({
    WHATSAPP_WEB: env.WHATSAPP_WEB,
    WHATSAPP_CHROMIUM_PATH: env.WHATSAPP_CHROMIUM_PATH,
    WHATSAPP_INIT_TIMEOUT_S: env.WHATSAPP_INIT_TIMEOUT_S,
    WHATSAPP_PAIR_PHONE: env.WHATSAPP_PAIR_PHONE,
    WHATSAPP_OPERATOR_TOKEN: env.WHATSAPP_OPERATOR_TOKEN,
  });
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    };
  }
  const d = parsed.data;
  return {
    ok: true,
    config: {
      enabled: d.WHATSAPP_WEB,
      chromiumPath: d.WHATSAPP_CHROMIUM_PATH,
      initTimeoutMs: d.WHATSAPP_INIT_TIMEOUT_S * 1000,
      pairPhone: d.WHATSAPP_PAIR_PHONE ?? null,
      operatorToken: d.WHATSAPP_OPERATOR_TOKEN ?? null,
    },
  };
}
