// A ticket's deadlines by stage (after SP4N-LAPOR!) and the ladder climbed when one is missed: the words a machine reads.
import { z } from 'zod';

/**
 * `verify`: from filing (or from reaching a new agency) to the agency's first action; `answer`: from verification to
 * the first officer message to the citizen or `selesai`; `field_check`: an answer stage the officer lengthened (up
 * to 60 days) to check on the spot, with a reason the citizen is told.
 */
export const DeadlineStage = z.enum(['verify', 'answer', 'field_check']);
export type DeadlineStage = z.infer<typeof DeadlineStage>;

/**
 * The steps after a missed stage: the agency's officers reminded; later the kab/kota's complaint coordinator made a
 * watcher with the right to reassign; later still Ombudsman Kalsel given a copy.
 */
export const LadderLevel = z.enum(['reminder', 'coordinator', 'ombudsman']);
export type LadderLevel = z.infer<typeof LadderLevel>;

/** One stage of one ticket, as stored. `dueOn` is a WITA date: the stage is missed from the day after it. */
export type StageClock = {
  id: number;
  ticketId: number;
  stage: DeadlineStage;
  agencyId: string | null;
  startedAt: number;
  dueOn: string;
  /** Paused since (the officers wait for the citizen, `menunggu_pelapor`), or null. */
  pausedAt: number | null;
  metAt: number | null;
  /** Ended without being met (moved on, closed, withdrawn, replaced by a field check), or null. */
  endedAt: number | null;
  /** Why a field check was needed (told to the citizen), else null. */
  reason: string | null;
};

/** Working days per stage, from the settings (`VERIFY_DAYS`, `ANSWER_DAYS`) or an agency's and category's own. */
export type StageDays = { verifyDays: number; answerDays: number };

/** The longest a field check may run, in calendar days. */
export const FIELD_CHECK_MAX_DAYS = 60;
