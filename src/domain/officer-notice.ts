// Officers' notifications: what they are told of (kinds), by which way, and each account's settings with defaults.
import { z } from 'zod';

/** How an account is told of one kind: not at all, by e-mail, by Telegram (private chat with the bot), or both. */
export const NoticeVia = z.enum(['none', 'email', 'telegram', 'both']);
export type NoticeVia = z.infer<typeof NoticeVia>;

/** The kinds an account chooses for: new tickets of its agencies, a citizen's reply, a deadline (due soon, overdue). */
export const NOTICE_SETTINGS = ['newTicket', 'reply', 'deadline'] as const;
export type NoticeSetting = (typeof NOTICE_SETTINGS)[number];

/** What a queued notice is about. */
export type NoticeKind = 'new_ticket' | 'reply' | 'due_soon' | 'overdue';

export type NoticeSettings = { email: string | null } & Record<NoticeSetting, NoticeVia>;

/** An account that chose nothing yet: new tickets and replies by Telegram (when linked), deadlines by both. */
export const DEFAULT_NOTICE_SETTINGS: NoticeSettings = {
  email: null,
  newTicket: 'telegram',
  reply: 'telegram',
  deadline: 'both',
};

/** The channels a choice names. */
export function channelsOf(via: NoticeVia): ('email' | 'telegram')[] {
  if (via === 'both') return ['email', 'telegram'];
  return via === 'none' ? [] : [via];
}
