// The WhatsApp Cloud API channel's settings: a zod fragment of the environment and its parsed, checked form.
import { z } from 'zod';

/** An unset variable and an empty one (`WACLOUD_APP_SECRET=`) mean the same: absent. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), schema.optional());

/** The environment variables of this channel; the composition root may merge this shape into its own schema. */
export const WaCloudEnvShape = {
  /** The business phone number's id in the Graph API; the channel is off when it is absent. */
  WACLOUD_PHONE_NUMBER_ID: optional(z.string().regex(/^[0-9]{5,30}$/, 'digits only')),
  WACLOUD_ACCESS_TOKEN: optional(z.string().min(10).max(1000)),
  /** The Meta app's secret: signs every webhook body (X-Hub-Signature-256). */
  WACLOUD_APP_SECRET: optional(z.string().min(8).max(200)),
  /** The token Meta echoes in the subscription handshake (GET /webhook). */
  WACLOUD_VERIFY_TOKEN: optional(z.string().min(8).max(200)),
  WACLOUD_GRAPH_URL: optional(z.url({ protocol: /^https?$/ })),
  /** The approved template sent when the 24-hour window is closed (e.g. `aduan_update`), without parameters. */
  WACLOUD_TEMPLATE_NAME: optional(z.string().regex(/^[a-z0-9_]{1,512}$/, 'lowercase letters, digits, _')),
  WACLOUD_TEMPLATE_LANG: optional(z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'like id or en_US')),
};

export const WaCloudEnv = z.object(WaCloudEnvShape);

export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com/v21.0';

export type WaCloudConfig = {
  phoneNumberId: string;
  accessToken: string;
  appSecret: string;
  verifyToken: string;
  /** Without a trailing slash, version included: https://graph.facebook.com/v21.0 */
  graphUrl: string;
  templateName: string;
  templateLang: string;
};

export type WaCloudConfigResult =
  | { ok: true; config: WaCloudConfig | null }
  | { ok: false; problems: string[] };

const REQUIRED = [
  'WACLOUD_ACCESS_TOKEN',
  'WACLOUD_APP_SECRET',
  'WACLOUD_VERIFY_TOKEN',
  'WACLOUD_TEMPLATE_NAME',
] as const;

/** The channel's config from an environment record (never the process environment itself); `config: null` = channel off. */
export function waCloudConfigFromEnv(env: Record<string, string | undefined>): WaCloudConfigResult {
  const parsed = WaCloudEnv.safeParse(env);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`),
    };
  }
  const e = parsed.data;
  if (e.WACLOUD_PHONE_NUMBER_ID === undefined) {
    const stray = REQUIRED.filter((k) => e[k] !== undefined);
    return stray.length > 0
      ? { ok: false, problems: [`WACLOUD_PHONE_NUMBER_ID: required when ${stray.join(', ')} is set`] }
      : { ok: true, config: null };
  }
  const missing = REQUIRED.filter((k) => e[k] === undefined);
  if (missing.length > 0) {
    return { ok: false, problems: missing.map((k) => `${k}: required when WACLOUD_PHONE_NUMBER_ID is set`) };
  }
  return {
    ok: true,
    config: {
      phoneNumberId: e.WACLOUD_PHONE_NUMBER_ID,
      accessToken: e.WACLOUD_ACCESS_TOKEN!,
      appSecret: e.WACLOUD_APP_SECRET!,
      verifyToken: e.WACLOUD_VERIFY_TOKEN!,
      graphUrl: (e.WACLOUD_GRAPH_URL ?? DEFAULT_GRAPH_URL).replace(/\/+$/, ''),
      templateName: e.WACLOUD_TEMPLATE_NAME!,
      templateLang: e.WACLOUD_TEMPLATE_LANG ?? 'id',
    },
  };
}
