// The e-mail an Open311 reporter gets when their ticket changes: in their language, the dated lines the chat and the
// status page would show (the new status with the officer's reason and message, an officer's message, a field
// check), the state now and the running deadline. Never anyone's identity: only what the officers told the reporter.
import type { TicketStatus } from '../domain/complaint.js';
import type { Lang } from '../domain/reply.js';
import { witaDate, witaWallClock } from '../domain/wita.js';
import { t } from '../i18n/locales.js';
import { type OpenStage, stageText } from '../tickets/stage-words.js';
import type { StatusLine } from '../tickets/status-lookup.js';

function when(lang: Lang, at: number): string {
  const clock = witaWallClock(at);
  const time = `${String(clock.getUTCHours()).padStart(2, '0')}.${String(clock.getUTCMinutes()).padStart(2, '0')}`;
  return t(lang, 'status_page.when', { date: { date: witaDate(at), precision: 'day' }, time });
}

function lineText(lang: Lang, line: StatusLine): string[] {
  if (line.kind === 'filed') return [t(lang, 'status_page.filed')];
  if (line.kind === 'replied') return [t(lang, 'ticket.update.message', { message: line.text })];
  if (line.kind === 'field_check')
    return [
      t(lang, 'status_page.field_check', { date: { date: line.due, precision: 'day' }, reason: line.reason }),
    ];
  return [
    t(lang, 'status_page.changed', { status: { key: `ticket.status.${line.status}` } }),
    ...(line.reason ? [t(lang, 'ticket.update.reason', { reason: line.reason })] : []),
    ...(line.message ? [t(lang, 'ticket.update.message', { message: line.message })] : []),
  ];
}

export function reporterMail(
  lang: Lang,
  ticket: { number: string; status: TicketStatus; category: string },
  lines: readonly StatusLine[],
  deadline: OpenStage | null,
): { subject: string; text: string } {
  const status = t(lang, `ticket.status.${ticket.status}`);
  const body = [
    t(lang, 'georeport.mail.intro', {
      ticket: ticket.number,
      category: { key: `category.${ticket.category}` },
    }),
    ...lines.map((l) => `${when(lang, l.at)}\n${lineText(lang, l).join('\n')}`),
    t(lang, 'georeport.mail.now', { status, deadline: stageText(lang, deadline) }),
    t(lang, 'georeport.mail.footer'),
  ];
  return {
    subject: t(lang, 'georeport.mail.subject', { ticket: ticket.number, status }),
    text: body.join('\n\n'),
  };
}
