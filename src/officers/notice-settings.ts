// An account's own notification settings: read with the defaults, and changed from a form (validated with zod),
// the change audited in the same transaction (the e-mail address itself stays out of the audit log).
import { z } from 'zod';
import type { Clock } from '../clock.js';
import { type NoticeSettings, NoticeVia } from '../domain/officer-notice.js';
import type { Officer } from '../domain/officer.js';
import type { Store } from '../storage/store.js';

/** The form: an optional e-mail address and one choice per kind. */
export const NoticeForm = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((s) => (s === '' ? null : s))
    .pipe(z.email().nullable()),
  newTicket: NoticeVia,
  reply: NoticeVia,
  deadline: NoticeVia,
});

export function noticeSettingsOf(store: Store, officer: Officer): NoticeSettings {
  return store.officerNotices.settings(officer.id);
}

/** Saves the account's settings from a posted form; false when the form is not valid (nothing changes). */
export function saveNoticeSettings(
  deps: { store: Store; clock: Clock },
  officer: Officer,
  body: unknown,
): { ok: true } | { ok: false; problem: 'email' | 'form' } {
  const form = NoticeForm.safeParse(body);
  if (!form.success) {
    const emailWrong = form.error.issues.some((i) => i.path[0] === 'email');
    return { ok: false, problem: emailWrong ? 'email' : 'form' };
  }
  const { store, clock } = deps;
  const now = clock.now();
  store.tx(() => {
    store.officerNotices.saveSettings(officer.id, form.data, now);
    store.audit.record({
      at: now,
      actor: `officer:${officer.id}`,
      type: 'officer.notifications_changed',
      data: {
        email: form.data.email ? 'set' : 'none',
        newTicket: form.data.newTicket,
        reply: form.data.reply,
        deadline: form.data.deadline,
      },
    });
  });
  return { ok: true };
}
