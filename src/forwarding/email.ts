// Tickets to an agency mailbox over SMTP (nodemailer): text and HTML, a Message-ID stable across retries, no NIK.
import nodemailer, {
  type Attachment,
  type SMTPSentMessageInfo,
  type SMTPTransportOptions,
  type Transporter,
} from 'nodemailer';
import { detectExtension } from 'nodemailer/lib/mime-funcs';
import { z } from 'zod';
import type { DeliveryJob, DeliveryMethod, DeliveryOutcome } from './method.js';
import { categoryLabel, officerEmailHtml, officerPlainText } from './officer-text.js';
import { type TicketPayload, withoutNik } from './payload.js';

export type EmailAttachmentSource = {
  /** Files are attached in the payload's order while they add up to at most this; the others stay links. */
  maxTotalBytes: number;
  /** The file's bytes, or null when it is gone (it is then only linked). */
  read(id: string): Promise<Buffer | null>;
};

export type EmailMethodOptions = {
  /** Nodemailer SMTP transport options, or an SMTP URL (smtp://user:pass@host:587, smtps://…:465). */
  transport: SMTPTransportOptions | string;
  /** The From header, e.g. `Aduan Kalsel <aduan@example.go.id>`. */
  from: string;
  /** The right-hand side of every Message-ID. */
  messageIdDomain: string;
  /** Null: files are only linked, never attached. */
  attachments: EmailAttachmentSource | null;
};

/** Nodemailer waits up to ten minutes on a silent socket; an agency mail server gets far less. */
const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 60_000 };

const MAX_ERROR_LENGTH = 500;

/** What an SMTP failure from nodemailer carries; `permanent` is set from 5xx replies (except 503). */
const SmtpFailure = z.object({
  message: z.string(),
  code: z.string().optional(),
  responseCode: z.number().optional(),
  permanent: z.boolean().optional(),
});

/** `<key@domain>`: the key percent-encoded so that any character it may hold is valid in a Message-ID. */
function emailMessageId(idempotencyKey: string, domain: string): string {
  const local = encodeURIComponent(idempotencyKey).replace(
    /[.()]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `<${local}@${domain}>`;
}

function emailSubject(p: TicketPayload): string {
  return `[Aduan ${p.ticket.number}] ${categoryLabel(p.complaint.category)} — ${p.complaint.kabkota.name}`;
}

function failure(err: unknown, signal: AbortSignal): DeliveryOutcome {
  if (signal.aborted) return { ok: false, retryable: true, error: 'email: aborted' };
  const parsed = SmtpFailure.safeParse(err);
  if (!parsed.success) {
    return { ok: false, retryable: true, error: `email: ${String(err).slice(0, MAX_ERROR_LENGTH)}` };
  }
  const e = parsed.data;
  const error = `email ${e.code ?? 'error'}: ${e.message.slice(0, MAX_ERROR_LENGTH)}`;
  // A 5xx reply is final (550 no such user, 552 too large); 4xx, dropped connections and timeouts may pass later.
  // Refused credentials are the operator's to fix, so those tickets wait instead of being given up.
  return { ok: false, retryable: e.permanent !== true || e.code === 'EAUTH', error };
}

export class EmailMethod implements DeliveryMethod {
  readonly method = 'email';
  private readonly mailer: Transporter<SMTPSentMessageInfo, SMTPTransportOptions>;

  constructor(private readonly opts: EmailMethodOptions) {
    const settings = typeof opts.transport === 'string' ? { url: opts.transport } : opts.transport;
    this.mailer = nodemailer.createTransport({ ...TIMEOUTS, ...settings });
  }

  async deliver(job: DeliveryJob, signal: AbortSignal): Promise<DeliveryOutcome> {
    const dest = job.destination;
    if (dest.method !== 'email') {
      return { ok: false, retryable: false, error: `email cannot deliver to a ${dest.method} destination` };
    }
    const payload = withoutNik(job.payload);
    try {
      const { attached, files } = await this.files(payload);
      const info = await this.mailer.sendMail({
        from: this.opts.from,
        to: dest.to,
        cc: dest.cc,
        subject: emailSubject(payload),
        messageId: emailMessageId(job.idempotencyKey, this.opts.messageIdDomain),
        headers: { 'X-Aduan-Ticket': payload.ticket.number, 'Auto-Submitted': 'auto-generated' },
        text: officerPlainText(payload, { attached }),
        html: officerEmailHtml(payload, { attached }),
        attachments: files,
        disableFileAccess: true,
        disableUrlAccess: true,
        signal,
      });
      return { ok: true, remoteId: info.serverMessageId ?? info.response };
    } catch (err) {
      return failure(err, signal);
    }
  }

  private async files(p: TicketPayload): Promise<{ attached: Set<string>; files: Attachment[] }> {
    const attached = new Set<string>();
    const files: Attachment[] = [];
    const source = this.opts.attachments;
    if (!source) return { attached, files };
    let total = 0;
    for (const [i, a] of p.attachments.entries()) {
      if (total + a.size > source.maxTotalBytes) continue;
      const content = await source.read(a.id);
      if (!content || total + content.byteLength > source.maxTotalBytes) continue;
      total += content.byteLength;
      attached.add(a.id);
      files.push({
        filename: `${p.ticket.number}-${i + 1}.${detectExtension(a.mime)}`,
        content,
        contentType: a.mime,
      });
    }
    return { attached, files };
  }
}
