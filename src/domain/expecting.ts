// What the citizen is asked for by an outbound message: the one list of values, later work adds to it.
import { z } from 'zod';

export const EXPECTING = [
  'consent',
  'story',
  'region',
  'category',
  'agency',
  'incident_date',
  'location',
  'prior_report',
  'prior_result',
  'expectation',
  'evidence',
  'identity_mode',
  'name',
  'nik',
  'phone',
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
  'none',
] as const;

export const Expecting = z.enum(EXPECTING);
export type Expecting = z.infer<typeof Expecting>;
