// Officers' notifications (migration 028): each account's settings, who is told of a ticket, the queue of notices
// (written once per recipient, channel, kind, ticket and key; claimed with a lease, sent, retried or given up) and
// the deadline stages already noticed.
import { z } from 'zod';
import {
  DEFAULT_NOTICE_SETTINGS,
  type NoticeKind,
  type NoticeSettings,
  NoticeVia,
} from '../domain/officer-notice.js';
import { OfficerRole } from '../domain/officer.js';
import type { Db } from './db.js';

/** An enabled account that may be told, with its settings and whether a Telegram user is linked to it. */
export type NoticeRecipient = {
  officerId: number;
  role: OfficerRole;
  settings: NoticeSettings;
  linked: boolean;
};

export type QueuedNotice = {
  id: number;
  recipient: string;
  channel: 'email' | 'telegram';
  kind: NoticeKind;
  ticketId: number;
  attempts: number;
  createdAt: number;
};

/** A ticket whose deadline stage is due and not yet noticed. */
export type DeadlineTicket = {
  id: number;
  agencyId: string | null;
  kabkotaCode: string | null;
  assigneeId: number | null;
  dueDate: string;
};

/** What a notice says of its ticket: never the reporter. */
export type NoticeFacts = {
  number: string;
  category: string;
  kabkotaCode: string | null;
  agencyId: string | null;
};

/** Statuses in which the agency owes the citizen an answer (as the inbox's overdue filter). */
const AWAITING = "('baru', 'diverifikasi', 'diproses', 'dialihkan')";

const RecipientRow = z.object({
  id: z.number(),
  role: OfficerRole,
  email: z.string().nullable(),
  new_ticket: NoticeVia.nullable(),
  reply: NoticeVia.nullable(),
  deadline: NoticeVia.nullable(),
  linked: z.number(),
});
const QueueRow = z.object({
  id: z.number(),
  recipient: z.string(),
  channel: z.enum(['email', 'telegram']),
  kind: z.enum(['new_ticket', 'reply', 'due_soon', 'overdue']),
  ticket_id: z.number(),
  attempts: z.number(),
  created_at: z.number(),
});
const DeadlineRow = z.object({
  id: z.number(),
  agency_id: z.string().nullable(),
  kabkota_code: z.string().nullable(),
  assignee_id: z.number().nullable(),
  due_date: z.string(),
});
const FactsRow = z.object({
  number: z.string(),
  category: z.string(),
  kabkota_code: z.string().nullable(),
  agency_id: z.string().nullable(),
});

function toRecipient(raw: unknown): NoticeRecipient {
  const r = RecipientRow.parse(raw);
  const d = DEFAULT_NOTICE_SETTINGS;
  return {
    officerId: r.id,
    role: r.role,
    settings: {
      email: r.email,
      newTicket: r.new_ticket ?? d.newTicket,
      reply: r.reply ?? d.reply,
      deadline: r.deadline ?? d.deadline,
    },
    linked: r.linked === 1,
  };
}

const RECIPIENT = `SELECT o.id, o.role, o.email, s.new_ticket, s.reply, s.deadline,
    EXISTS (SELECT 1 FROM telegram_officer_links l WHERE l.officer_id = o.id) AS linked
  FROM officers o LEFT JOIN officer_notification_settings s ON s.officer_id = o.id`;

export class OfficerNotices {
  private readonly putSettings;
  private readonly putEmail;
  private readonly ofAccount;
  private readonly ofAgency;
  private readonly insert;
  private readonly mark;
  private readonly dueSoon;
  private readonly dueRows;
  private readonly claimRow;
  private readonly sentRow;
  private readonly skipRow;
  private readonly retryRow;
  private readonly deadRow;
  private readonly recover;
  private readonly facts;

  constructor(db: Db) {
    this.putSettings = db.prepare(
      `INSERT INTO officer_notification_settings (officer_id, new_ticket, reply, deadline, updated_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (officer_id) DO UPDATE SET new_ticket = excluded.new_ticket,
         reply = excluded.reply, deadline = excluded.deadline, updated_at = excluded.updated_at`,
    );
    this.putEmail = db.prepare('UPDATE officers SET email = ? WHERE id = ?');
    this.ofAccount = db.prepare(`${RECIPIENT} WHERE o.id = ? AND o.disabled_at IS NULL`);
    this.ofAgency = db.prepare(
      `${RECIPIENT} JOIN officer_agencies oa ON oa.officer_id = o.id
       WHERE oa.agency_id = ? AND o.disabled_at IS NULL AND o.role != 'integration' ORDER BY o.id`,
    );
    this.insert = db.prepare(
      `INSERT OR IGNORE INTO officer_notifications
         (recipient, channel, kind, ticket_id, key, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.mark = db.prepare(
      'INSERT OR IGNORE INTO ticket_deadline_notices (ticket_id, stage, due_date) VALUES (?, ?, ?)',
    );
    const candidates = (stage: string, when: string) =>
      db.prepare(
        `SELECT t.id, t.agency_id, t.kabkota_code, t.assignee_id, t.due_date FROM tickets t
         WHERE ${when} AND t.status IN ${AWAITING}
           AND NOT EXISTS (SELECT 1 FROM ticket_deadline_notices n
                           WHERE n.ticket_id = t.id AND n.stage = '${stage}' AND n.due_date = t.due_date)
         ORDER BY t.due_date, t.id LIMIT ?`,
      );
    // Only while a stage runs (not met, ended or paused): tickets.due_date is then that stage's date.
    this.dueSoon = candidates(
      'due_soon',
      `t.due_date > ? AND t.due_date <= ? AND EXISTS (SELECT 1 FROM ticket_deadlines d WHERE d.ticket_id = t.id
         AND d.met_at IS NULL AND d.ended_at IS NULL AND d.paused_at IS NULL)`,
    );
    this.dueRows = db.prepare(
      `SELECT id, recipient, channel, kind, ticket_id, attempts, created_at FROM officer_notifications
       WHERE status IN ('pending', 'sending') AND status = 'pending' AND next_attempt_at <= ?
       ORDER BY next_attempt_at, id LIMIT ?`,
    );
    this.claimRow = db.prepare(
      `UPDATE officer_notifications SET status = 'sending', attempts = attempts + 1, lease_until = ?
       WHERE id = ? AND status = 'pending'`,
    );
    this.sentRow = db.prepare(
      "UPDATE officer_notifications SET status = 'sent', sent_at = ?, lease_until = NULL WHERE id = ?",
    );
    this.skipRow = db.prepare(
      "UPDATE officer_notifications SET status = 'skipped', last_error = ?, lease_until = NULL WHERE id = ?",
    );
    this.retryRow = db.prepare(
      `UPDATE officer_notifications SET status = 'pending', next_attempt_at = ?, last_error = ?, lease_until = NULL
       WHERE id = ?`,
    );
    this.deadRow = db.prepare(
      "UPDATE officer_notifications SET status = 'dead', last_error = ?, lease_until = NULL WHERE id = ?",
    );
    this.recover = db.prepare(
      `UPDATE officer_notifications INDEXED BY officer_notifications_due SET status = 'pending', lease_until = NULL
       WHERE status IN ('pending', 'sending') AND status = 'sending' AND lease_until < ?`,
    );
    this.facts = db.prepare(
      `SELECT t.number, c.category, t.kabkota_code, t.agency_id FROM tickets t
       JOIN complaints c ON c.id = t.complaint_id WHERE t.id = ?`,
    );
  }

  /** The account's settings (the defaults until it saves its own). */
  settings(officerId: number): NoticeSettings {
    const raw = this.ofAccount.get(officerId);
    return raw ? toRecipient(raw).settings : DEFAULT_NOTICE_SETTINGS;
  }

  saveSettings(officerId: number, s: NoticeSettings, now: number): void {
    this.putEmail.run(s.email, officerId);
    this.putSettings.run(officerId, s.newTicket, s.reply, s.deadline, now);
  }

  /** One enabled account as a recipient, or null (disabled or unknown). */
  recipient(officerId: number): NoticeRecipient | null {
    const raw = this.ofAccount.get(officerId);
    return raw ? toRecipient(raw) : null;
  }

  /** The enabled accounts that belong to an agency (its officers, or a coordinator's supervisors; no integration). */
  ofAgencyMembers(agencyId: string): NoticeRecipient[] {
    return this.ofAgency.all(agencyId).map(toRecipient);
  }

  /** Queues one notice; false when the same one was queued before (idempotent). */
  enqueue(
    n: { recipient: string; channel: 'email' | 'telegram'; kind: NoticeKind; ticketId: number; key: string },
    now: number,
  ): boolean {
    return this.insert.run(n.recipient, n.channel, n.kind, n.ticketId, n.key, now, now).changes > 0;
  }

  /** Records a ticket's deadline stage as noticed for its due date; false when it already was. */
  markDeadline(ticketId: number, stage: 'due_soon', dueDate: string): boolean {
    return this.mark.run(ticketId, stage, dueDate).changes > 0;
  }

  /**
   * Tickets whose running stage (verification, answer, field check) is due after `today` and by `by` (WITA dates),
   * not yet noticed as due soon.
   */
  dueSoonTickets(today: string, by: string, limit: number): DeadlineTicket[] {
    return this.dueSoon.all(today, by, limit).map(toDeadline);
  }

  /** Pending notices whose time has come, oldest first. */
  due(now: number, limit: number): QueuedNotice[] {
    return this.dueRows.all(now, limit).map((raw) => {
      const r = QueueRow.parse(raw);
      return {
        id: r.id,
        recipient: r.recipient,
        channel: r.channel,
        kind: r.kind,
        ticketId: r.ticket_id,
        attempts: r.attempts,
        createdAt: r.created_at,
      };
    });
  }

  /** Takes a pending notice for one try until `leaseUntil`; false when another pass has it. */
  claim(id: number, leaseUntil: number): boolean {
    return this.claimRow.run(leaseUntil, id).changes > 0;
  }

  sent(id: number, now: number): void {
    this.sentRow.run(now, id);
  }

  /** Not sendable, and never will be as queued (no address, no link, no SMTP): kept with the reason. */
  skipped(id: number, reason: string): void {
    this.skipRow.run(reason, id);
  }

  retry(id: number, at: number, error: string): void {
    this.retryRow.run(at, error, id);
  }

  dead(id: number, error: string): void {
    this.deadRow.run(error, id);
  }

  /** Notices whose try was cut off (a crash) go back in line once their lease has run out. */
  recoverExpiredLeases(now: number): void {
    this.recover.run(now);
  }

  /** The ticket's number, category, kab/kota and agency, or null. */
  factsOf(ticketId: number): NoticeFacts | null {
    const raw = this.facts.get(ticketId);
    if (!raw) return null;
    const r = FactsRow.parse(raw);
    return { number: r.number, category: r.category, kabkotaCode: r.kabkota_code, agencyId: r.agency_id };
  }
}

function toDeadline(raw: unknown): DeadlineTicket {
  const r = DeadlineRow.parse(raw);
  return {
    id: r.id,
    agencyId: r.agency_id,
    kabkotaCode: r.kabkota_code,
    assigneeId: r.assignee_id,
    dueDate: r.due_date,
  };
}
