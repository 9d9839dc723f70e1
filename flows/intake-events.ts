// Events the intake flow understands, and the pure classification of an inbound message into one of them.
import type { TicketStatus } from '../src/domain/complaint.js';
import type { AttachmentRef, GeoPoint } from '../src/domain/complaint.js';
import type { DeadlineStage, LadderLevel } from '../src/domain/deadline.js';
import { type Command, parseCommand } from '../src/understand/commands.js';
import type { Emergency } from '../src/understand/emergency-kinds.js';
import { detectEmergency } from '../src/understand/emergency.js';
import type { PinResult } from '../src/understand/geo.js';
import type { ChatTicket, Field } from './intake-context.js';

/** What an edited message answered, as the runtime recorded it when the original arrived. */
export type EditTarget = Field | 'note' | 'ticket';

/** What a citizen sent, after the runtime stored its files. */
export type MessageBody = {
  text: string;
  attachments: AttachmentRef[];
  location: GeoPoint | null;
  contactPhone: string | null;
  channelPhone: string | null;
  /** Where the pin lies, as the runtime located it (with the operator's boundaries when configured). */
  pin?: PinResult | null;
  /** Forwarded from someone else, or someone else's contact card: never the citizen's own name, NIK or phone. */
  foreign?: boolean;
  /** Given once the chat has filed: its open tickets, and the one whose message this replies to (if any). */
  tickets?: ChatTickets;
};

/** A chat's open tickets, newest first, and the ticket of the message the citizen replied to (the platform's context). */
export type ChatTickets = { replied: string | null; open: ChatTicket[] };

export type IntakeEvent =
  | ({ type: 'message'; now: number } & MessageBody)
  | ({ type: 'emergency'; now: number; kind: Emergency } & MessageBody)
  /** `text`: what was typed, where the same command means something else at a question ("tidak jadi"). */
  | { type: 'command'; now: number; command: Command; text?: string }
  | { type: 'timer'; now: number }
  | {
      type: 'ticket.created';
      now: number;
      ticket: string;
      /** The date the agency must verify it by; `due`: answer it by (`days` working days after that). */
      verifyDue: string;
      due: string;
      days: number;
      agency: string | null;
      /** Nobody at the agency receives tickets yet: held by the coordinator named, or by Aduan's admins (null). */
      heldBy?: { name: string | null } | null;
      /** The ticket's status-page PIN, for the receipt only (stored hashed). */
      pin: string;
      /** The public status page, when the server has a public address. */
      statusUrl: string | null;
    }
  /** The same chat filed a similar complaint within a day: ask before filing it again. */
  | { type: 'ticket.duplicate'; now: number; ticket: string }
  /**
   * The citizen edited an earlier message: `target` is what it answered, `original` its text, `state` where the
   * conversation stands now (from the stored snapshot).
   */
  | { type: 'edit'; now: number; target: EditTarget; text: string; original: string | null; state: string }
  /** The runtime's answer to a `route` effect. */
  | { type: 'routed'; now: number; route: RouteInfo }
  /** An officer changed one of this chat's tickets: the citizen is told what changed and the officer's message. */
  | {
      type: 'ticket.update';
      now: number;
      ticket: string;
      status: TicketStatus;
      message: string | null;
      reason: string | null;
      /** The agency that handles it now (dialihkan). */
      agency?: string;
      /** The officer marked a field check (the status is unchanged): the answer comes by `due`, for `reason`. */
      fieldCheck?: { due: string; reason: string };
    }
  /** An officer wrote to the citizen about one of this chat's tickets. */
  | { type: 'ticket.reply'; now: number; ticket: string; text: string }
  /** The runtime's answer to a `handoff` effect: someone answers soon (null), or from the office's next opening. */
  | { type: 'handoff.opened'; now: number; opens: { day: string; time: string } | null }
  /** The chat is the bot's again: an officer handed it back, the citizen asked, or nobody took it in time. */
  | {
      type: 'handoff.returned';
      now: number;
      /** `expired`: nobody took it in time; `idle`: the officer who took it stopped writing (`ticket`: the chat's). */
      why: 'officer' | 'citizen' | 'expired' | 'idle';
      ticket?: string | null;
    }
  /**
   * An officer merged this chat's ticket `ticket` into `into` (a report of the same problem), or (`into` null) merged
   * another citizen's report into it: never who that citizen is.
   */
  | { type: 'ticket.merged'; now: number; ticket: string; into: string | null }
  /**
   * A step of the escalation ladder on a missed stage of `ticket`: the agency reminded, the coordinator `agency` now
   * watching, or Ombudsman `agency` given a copy (`withheld`: without the reporter's identity, never agreed to).
   */
  | {
      type: 'ticket.ladder';
      now: number;
      ticket: string;
      level: LadderLevel;
      stage: DeadlineStage;
      due: string;
      agency: string;
      withheld?: boolean;
    }
  /** Ombudsman (`agency`) should get a copy of `ticket`: may the reporter's identity (name when `needsName`, NIK) go? */
  | { type: 'ticket.identity'; now: number; ticket: string; agency: string; needsName: boolean }
  /** That question about `ticket` lapsed: the agency acted on the stage it was asked for, or asks the citizen itself. */
  | { type: 'ticket.identity_dropped'; now: number; ticket: string }
  /**
   * A change (`status`) or an officer's message (`status` null, the text in `message`) on `ticket`, which this chat
   * follows because its own ticket `own` was merged into it: told as news, never as a question for this chat.
   */
  | {
      type: 'ticket.followed';
      now: number;
      ticket: string;
      own: string;
      status: TicketStatus | null;
      message: string | null;
      reason: string | null;
      agency?: string;
    }
  /** Retention: a draft paused on its expiry for DRAFT_RETENTION_DAYS is dropped, without a word to the citizen. */
  | { type: 'draft.expired'; now: number };

/**
 * Events that reach a conversation from outside a citizen's message, through the runtime's `dispatch`: a stored
 * deadline, an officer's change to one of the chat's tickets, an officer's message.
 */
export type DispatchEvent = Extract<
  IntakeEvent,
  {
    type:
      | 'timer'
      | 'ticket.update'
      | 'ticket.reply'
      | 'ticket.merged'
      | 'ticket.followed'
      | 'ticket.ladder'
      | 'ticket.identity'
      | 'ticket.identity_dropped'
      | 'handoff.returned'
      | 'draft.expired';
  }
>;

export type RouteInfo = {
  agencyId: string;
  agencyName: string;
  reason: string;
  offerEscalation: boolean;
  /** No rule took it: the pemda's coordinator or Ombudsman Kalsel will pass it on (it is not the office complained of). */
  fallback?: boolean;
};

/** Commands first (whole-message words such as `batal`), then emergencies, then an ordinary message. */
export function classify(body: MessageBody, now: number): IntakeEvent {
  const command = body.text && body.attachments.length === 0 ? parseCommand(body.text) : null;
  if (command) return { type: 'command', now, command, text: body.text };
  const kind = body.text ? detectEmergency(body.text) : null;
  if (kind) return { type: 'emergency', now, kind, ...body };
  return { type: 'message', now, ...body };
}
