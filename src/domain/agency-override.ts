// An admin's changes to one agency of the directory file, kept in the database: its destinations and opening hours.
import { z } from 'zod';
import { Destination } from './destination.js';

/** Opening hours of one day in WITA, "08:00-16:00", or null when closed. */
export const DayHours = z
  .string()
  .regex(
    /^(?:[01]\d|2[0-3]):[0-5]\d-(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/,
    'expected hours like "08:00-16:00"',
  )
  .refine((s) => s.slice(0, 5) < s.slice(6), 'opening time must be before closing time')
  .nullable();

export const WeeklyHours = z.object({
  mon: DayHours,
  tue: DayHours,
  wed: DayHours,
  thu: DayHours,
  fri: DayHours,
  sat: DayHours,
  sun: DayHours,
});

/** https, or plain http to this machine only (a local relay or a test receiver). */
export function safeWebhookUrl(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol === 'https:') return true;
  return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
}

/**
 * A destination as the database may keep it: a webhook's secret and an Open311 key only by the name of their
 * ADUAN_SECRET_* variable (a secret is never stored), and a webhook's URL https (http only to this machine).
 */
export const StoredDestination = Destination.refine(
  (d) =>
    (d.method !== 'webhook' || (typeof d.secret !== 'string' && safeWebhookUrl(d.url))) &&
    (d.method !== 'open311' || d.apiKey === undefined || typeof d.apiKey !== 'string'),
  'secrets only by their environment name, webhooks over https',
);

/** What replaces the file's value for one agency; null keeps the file's. */
export const AgencyOverride = z.object({
  destinations: z.array(StoredDestination).nullable(),
  hours: WeeklyHours.nullable(),
});
export type AgencyOverride = z.infer<typeof AgencyOverride>;
