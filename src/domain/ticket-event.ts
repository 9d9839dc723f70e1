// A ticket's history: each change is one typed event (who, what, when, from → to, why), written with the change itself.
import { z } from 'zod';
import type { TicketStatus } from './complaint.js';

export const TicketEventType = z.enum([
  'filed',
  'routed',
  'appended',
  'status_changed',
  'replied',
  'noted',
  'rated',
  'taken_over',
  /** Given to one account of the agency, or to nobody: `data.officerId` is the assignee or null (internal). */
  'assigned',
  /**
   * A duplicate merged into another ticket of the same agency: on the merged one `data.into` (closed, reason
   * `merged`), on the one it joined `data.from`; both ticket numbers.
   */
  'merged',
  /**
   * An officer marked a field check: the answer stage becomes `data.days` calendar days, due `data.due`; `reason`
   * (told to the citizen) says why.
   */
  'field_check',
  /** The escalation ladder reminded the agency (`data.agency`) of a missed stage (`data.stage`). */
  'reminded',
  /**
   * The ladder made the kab/kota's complaint coordinator a watcher (`data.agency`, `data.name`): its supervisors may
   * reassign the ticket.
   */
  'watcher_added',
  /**
   * The ladder's coordinator step on a ticket Ombudsman itself holds: the coordinator (`data.agency`, `data.name`) is
   * not made a watcher (a pemda may not move it out of Ombudsman's hands); only the history says so.
   */
  'watch_skipped',
  /**
   * Ombudsman got a copy (`data.to`, `data.name`): `data.why` `deadline` (the ladder) or `citizen` (asked at intake);
   * `data.identity` `given` or `withheld` (the reporter's identity did not go with it).
   */
  'escalated',
  /** The copy to Ombudsman waits: the reporter was asked in their chat whether their identity may go with it. */
  'identity_asked',
  /** The reporter gave their name and NIK for Ombudsman: the ticket became rahasia (never the values here). */
  'identity_given',
  /** The reporter would not give their identity for Ombudsman. */
  'identity_refused',
  /**
   * The question about the reporter's identity lapsed unanswered: the stage it was asked for was met, ended or paused
   * (`reason` `stage_met`, `stage_ended`, `stage_paused`) before the answer; no copy goes for it.
   */
  'identity_dropped',
  /**
   * The reporter's name, NIK, phone, files and chat link were erased (`reason` `citizen`: "hapus data saya";
   * `retention`: closed longer than RETENTION_DAYS); `data.files` how many files went. Never the erased values.
   */
  'identity_erased',
  /**
   * Filed through an Open311 client (POST requests): the reporter's consent is the client's own terms, not Aduan's
   * data notice; `officerId` is the integration account, `data.account` its username.
   */
  'consent_by_client',
]);
export type TicketEventType = z.infer<typeof TicketEventType>;

/** Who changed the ticket: the citizen in their chat, Aduan itself, or an officer's account. */
export type TicketActor = 'citizen' | 'system' | 'officer';

export type TicketEvent = {
  /** The stored event's id (read back from storage; officers' files are linked to it). */
  id?: number;
  ticketId: number;
  at: number;
  actor: TicketActor;
  type: TicketEventType;
  from: TicketStatus | null;
  to: TicketStatus | null;
  /** Why, in a word a machine can read ('citizen_withdrew', the routing rule id…). */
  reason: string | null;
  /** The account, when an officer made the change. */
  officerId?: number;
  data?: Record<string, string | number | boolean | null>;
};

/**
 * Statuses that end a ticket's life: an anonim citizen's chat is no longer linked to it after one of them. Not
 * `selesai`: the citizen is still asked then whether it is solved.
 */
export const CLOSING_STATUSES: ReadonlySet<TicketStatus> = new Set(['ditutup', 'dicabut']);
