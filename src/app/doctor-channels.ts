// The doctor's channel checks: the Telegram bot and the WhatsApp Cloud number answer, whatsapp-web's chromium runs.
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { Config } from './config.js';
import { type Check, errorText, fail, ok } from './doctor-check.js';

const TelegramMe = z.object({ ok: z.literal(true), result: z.object({ username: z.string().optional() }) });
const GraphPhone = z.object({
  display_phone_number: z.string().optional(),
  verified_name: z.string().optional(),
});
const GraphError = z.object({
  error: z.object({ code: z.number().optional(), message: z.string().optional() }),
});

async function getJson(
  f: typeof fetch,
  url: string,
  timeoutMs: number,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  const res = await f(url, { headers, signal: AbortSignal.timeout(timeoutMs) });
  const body: unknown = await res.json().catch(() => null);
  return { status: res.status, body };
}

export async function checkTelegram(
  t: NonNullable<Config['channels']['telegram']>,
  f: typeof fetch,
  ms: number,
) {
  const name = 'telegram';
  try {
    const { status, body } = await getJson(f, `${t.apiRoot}/bot${t.token}/getMe`, ms);
    const me = TelegramMe.safeParse(body);
    if (status === 200 && me.success) {
      return ok(name, `the bot @${me.data.result.username ?? '?'} answers (${t.mode})`);
    }
    if (status === 401 || status === 404) {
      return fail(
        name,
        `${t.apiRoot} rejects the token (HTTP ${status})`,
        'get the token again from @BotFather (/mybots → API Token) and set TELEGRAM_BOT_TOKEN',
      );
    }
    return fail(name, `getMe answered HTTP ${status}`, `check TELEGRAM_API_ROOT (${t.apiRoot})`);
  } catch (err) {
    return fail(
      name,
      `cannot reach ${t.apiRoot}: ${errorText(err)}`,
      'check internet access, DNS, a proxy or the firewall from this server to the Bot API',
    );
  }
}

export async function checkWaCloud(
  w: NonNullable<Config['channels']['waCloud']>,
  f: typeof fetch,
  ms: number,
) {
  const name = 'wacloud';
  try {
    const { status, body } = await getJson(
      f,
      `${w.graphUrl}/${w.phoneNumberId}?fields=display_phone_number,verified_name`,
      ms,
      { authorization: `Bearer ${w.accessToken}` },
    );
    if (status === 200) {
      const p = GraphPhone.safeParse(body);
      const who = p.success
        ? [p.data.display_phone_number, p.data.verified_name].filter(Boolean).join(' ')
        : '';
      return ok(name, `phone number ${w.phoneNumberId} reachable${who ? ` (${who})` : ''}`);
    }
    const e = GraphError.safeParse(body);
    const code = e.success ? e.data.error.code : undefined;
    if (status === 401 || code === 190) {
      return fail(
        name,
        `the Graph API rejects WACLOUD_ACCESS_TOKEN (HTTP ${status}${code ? `, code ${code}` : ''})`,
        'create a permanent system-user token with whatsapp_business_messaging and set WACLOUD_ACCESS_TOKEN',
      );
    }
    if (code === 100 || status === 404) {
      return fail(
        name,
        `phone number id ${w.phoneNumberId} is unknown to this token (HTTP ${status})`,
        'copy the Phone number ID from WhatsApp → API Setup into WACLOUD_PHONE_NUMBER_ID',
      );
    }
    return fail(name, `the Graph API answered HTTP ${status}`, `check WACLOUD_GRAPH_URL (${w.graphUrl})`);
  } catch (err) {
    return fail(
      name,
      `cannot reach ${w.graphUrl}: ${errorText(err)}`,
      'check internet access, DNS, a proxy or the firewall from this server to graph.facebook.com',
    );
  }
}

export async function checkWaWeb(w: NonNullable<Config['channels']['waWeb']>): Promise<Check> {
  const fix = "install Debian's chromium (apt-get install chromium) or set WHATSAPP_CHROMIUM_PATH";
  try {
    const s = await stat(w.chromiumPath);
    if (!s.isFile()) return fail('whatsapp', `${w.chromiumPath} is not a file`, fix);
    await access(w.chromiumPath, constants.X_OK);
    return ok('whatsapp', `chromium at ${w.chromiumPath} is executable`);
  } catch (err) {
    const missing = err instanceof Error && 'code' in err && err.code === 'ENOENT';
    return fail('whatsapp', `${w.chromiumPath} ${missing ? 'does not exist' : 'is not executable'}`, fix);
  }
}
