// Effects are data: what a flow step asks the runtime to do, never done by the flow itself.
import type { AttachmentRef, Complaint } from '../src/domain/complaint.js';
import type { ReplyEffect } from '../src/domain/reply.js';
import type { RouteQuery } from '../src/ports/routing.js';

export type Effect =
  | ReplyEffect
  /** File the complaint; the runtime answers with a `ticket.created` event in the same transaction. */
  | { type: 'submit'; complaint: Complaint; allowDuplicate: boolean }
  /** Find the agency for the draft; the runtime answers with a `routed` event in the same transaction. */
  | {
      type: 'route';
      query: RouteQuery;
    }
  | { type: 'append'; ticket: string; text: string | null; attachments: AttachmentRef[] }
  | { type: 'withdraw'; ticket: string }
  /** The citizen says a ticket the agency called done is not solved: it goes back to the agency. */
  | { type: 'reopen'; ticket: string }
  /** The citizen's score (1–5) and comment for a ticket the agency called done. */
  | { type: 'rate'; ticket: string; score: number; comment: string | null }
  /**
   * The reporter's answer to "may your identity go to Ombudsman?": their name (null: the one on the ticket) and NIK,
   * or null (refused). The held copy to Ombudsman goes then, with or without it.
   */
  | { type: 'identity'; ticket: string; given: { name: string | null; nik: string } | null }
  /** List the sender's own tickets, or one of them. */
  | { type: 'status'; ticket: string | null; lang: 'id' | 'en' }
  /** Consent refused: forget what this chat sent so far. */
  | { type: 'forget' }
  /** The citizen asks for a person: the runtime opens a hand-off and answers with `handoff.opened`. */
  | { type: 'handoff' }
  /** "Data saya": the runtime answers with what Aduan holds about this chat (`draft`: a complaint is in progress). */
  | { type: 'my_data'; draft: boolean }
  /**
   * "Hapus data saya", confirmed: the runtime erases this chat's identity (the draft's and the tickets' names, NIKs
   * and phones given here) and its messages, and answers with what was erased and what was kept.
   */
  | { type: 'erase'; known: { names: string[]; niks: string[]; phones: string[] } };
