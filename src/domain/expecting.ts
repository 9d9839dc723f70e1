// What the citizen is asked for by an outbound message: the one list of values, later work adds to it.
import { z } from 'zod';

/** The complaint's fields, in the order of its summary: the question for each field expects it by its name. */
export const FIELDS = [
  'story',
  'category',
  'agency',
  'region',
  'location',
  'incident_date',
  'prior_report',
  'prior_result',
  'expectation',
  'evidence',
  'identity_mode',
  'name',
  'nik',
  'phone',
] as const;

export const EXPECTING = [
  'consent',
  ...FIELDS,
  'confirm',
  'confirm_guess',
  'edit_field',
  'cancel_confirm',
  'after_submit',
  'which_ticket',
  'escalate',
  'duplicate',
  'resolved',
  'rating',
  'rating_comment',
  'identity_consent',
  'none',
] as const;

export const Expecting = z.enum(EXPECTING);
export type Expecting = z.infer<typeof Expecting>;
