// A ticket's running deadline as its readers see it (officers, the citizen in the chat and on the status page, the
// API): the open stage, its date, whether it stands still, and those in words from the locales.
import type { DeadlineStage, StageClock } from '../domain/deadline.js';
import type { Lang, Paragraph } from '../domain/reply.js';
import { t } from '../i18n/locales.js';

/** The open stage: what the agency owes now and by when (a paused one waits for the citizen). */
export type OpenStage = { stage: DeadlineStage; dueOn: string; paused: boolean; reason: string | null };

export function openStage(clock: StageClock | null): OpenStage | null {
  return clock
    ? { stage: clock.stage, dueOn: clock.dueOn, paused: clock.pausedAt !== null, reason: clock.reason }
    : null;
}

/**
 * The open stage in words ("menunggu verifikasi instansi, paling lambat 26 November 2026", "cek lapangan sampai …
 * (alasan)", the clock stopped while the citizen is asked), or that no deadline runs.
 */
export function stageWords(s: OpenStage | null): Paragraph {
  if (!s) return { key: 'deadline.none' };
  if (s.paused) return { key: 'deadline.paused' };
  const date = { date: s.dueOn, precision: 'day' as const };
  return s.stage === 'field_check'
    ? { key: 'deadline.field_check', vars: { date, reason: s.reason ?? '' } }
    : { key: `deadline.${s.stage}`, vars: { date } };
}

/** `stageWords` as text in a reader's language. */
export function stageText(lang: Lang, s: OpenStage | null): string {
  const words = stageWords(s);
  return t(lang, words.key, words.vars);
}
