// The admins' agency forms as they arrive (zod): a destination (webhook, e-mail, Telegram group) and weekly hours.
import { z } from 'zod';
import { WeeklyHours, safeWebhookUrl } from '../domain/agency-override.js';
import type { Destination } from '../domain/destination.js';
import type { WeeklyHours as Hours } from '../domain/opening-hours.js';

/** What a form may be refused for: the page's `?done=` flash names it. */
export type AgencyFormProblem =
  | 'invalid'
  | 'bad_id'
  | 'bad_url'
  | 'bad_secret'
  | 'bad_email'
  | 'bad_chat'
  | 'bad_hours';

export const DESTINATION_ID = /^[a-z0-9][a-z0-9_-]{0,39}$/;
const SECRET_ENV = /^ADUAN_SECRET_[A-Z0-9_]+$/;
/** A Telegram group or supergroup: a negative number. */
const GROUP_CHAT = /^-\d{5,20}$/;

export const DestinationForm = z.object({
  method: z.enum(['webhook', 'email', 'telegram']),
  /** Empty: a new id is made from the method. */
  id: z.string().trim().max(40).default(''),
  /** The id of the destination this form edits; empty when it adds one. */
  original: z.string().max(40).default(''),
  url: z.string().trim().max(500).default(''),
  secret_env: z.string().trim().max(80).default(''),
  to: z.string().max(1000).default(''),
  chat_id: z.string().trim().max(30).default(''),
});
export type DestinationForm = z.infer<typeof DestinationForm>;

export const RemoveForm = z.object({ destination: z.string().max(40) });

const DAY_FIELDS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export const HoursForm = z.object(
  Object.fromEntries(DAY_FIELDS.map((d) => [d, z.string().trim().max(20).default('')])),
);

/** The destination a valid form describes, with `id` as its id, or the reason it is refused. */
export function destinationOf(
  form: DestinationForm,
  id: string,
): { ok: true; destination: Destination } | { ok: false; problem: AgencyFormProblem } {
  if (!DESTINATION_ID.test(id)) return { ok: false, problem: 'bad_id' };
  if (form.method === 'webhook') {
    if (!safeWebhookUrl(form.url)) return { ok: false, problem: 'bad_url' };
    if (!SECRET_ENV.test(form.secret_env)) return { ok: false, problem: 'bad_secret' };
    return {
      ok: true,
      destination: {
        id,
        method: 'webhook',
        url: form.url,
        secret: { env: form.secret_env },
        timeoutMs: 10_000,
      },
    };
  }
  if (form.method === 'email') {
    const to = form.to.split(/[\s,;]+/).filter((a) => a !== '');
    const emails = z.array(z.email()).min(1).max(10).safeParse(to);
    if (!emails.success) return { ok: false, problem: 'bad_email' };
    return { ok: true, destination: { id, method: 'email', to: emails.data, cc: [] } };
  }
  if (!GROUP_CHAT.test(form.chat_id)) return { ok: false, problem: 'bad_chat' };
  return { ok: true, destination: { id, method: 'telegram', chatId: form.chat_id } };
}

/** The week a valid hours form describes (an empty day is closed), or null. */
export function hoursOf(form: z.infer<typeof HoursForm>): Hours | null {
  const week = WeeklyHours.safeParse(
    Object.fromEntries(DAY_FIELDS.map((d) => [d, form[d] === '' || form[d] === undefined ? null : form[d]])),
  );
  return week.success ? week.data : null;
}
