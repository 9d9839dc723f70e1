// A real SMTP server (smtp-server) on 127.0.0.1 for tests: records what arrives (mailparser), fails on demand.
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

/** What the next message meets at DATA. */
export type SmtpFault =
  /** A reply instead of 250: 451 (try later), 550/554 (refused). */
  | { kind: 'reject'; code: number; message: string }
  /** The server hangs up once the message is in, without a reply. */
  | { kind: 'close' }
  /** The reply comes only after this long (past the client's socket timeout). */
  | { kind: 'slow'; ms: number };

export type ReceivedMail = {
  raw: Buffer;
  parsed: ParsedMail;
  envelope: { from: string | null; to: string[] };
  /** False when a fault refused or cut it. */
  accepted: boolean;
};

/** An error smtp-server replies with: its responseCode becomes the SMTP reply code. */
class SmtpReply extends Error {
  constructor(
    readonly responseCode: number,
    message: string,
  ) {
    super(message);
  }
}

async function readAll(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export class SmtpReceiver {
  /** Every message that reached DATA, in order, refused ones included (a retry's second copy too). */
  readonly attempts: ReceivedMail[] = [];
  readonly logins: string[] = [];
  port = 0;
  private readonly server: SMTPServer;
  private readonly faults: SmtpFault[] = [];
  private readonly unknown = new Set<string>();

  /** With `auth`, the server asks for these credentials (AUTH PLAIN/LOGIN without TLS, for the test only). */
  constructor(private readonly auth: { user: string; pass: string } | null = null) {
    this.server = new SMTPServer({
      logger: false,
      closeTimeout: 200,
      disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
      authOptional: !auth,
      allowInsecureAuth: true,
      onAuth: (login, _session, callback) => {
        if (login.username === auth?.user && login.password === auth?.pass) {
          this.logins.push(login.username ?? '');
          callback(null, { user: login.username });
        } else callback(new SmtpReply(535, '5.7.8 Authentication credentials invalid'));
      },
      onRcptTo: (address, _session, callback) => {
        callback(
          this.unknown.has(address.address.toLowerCase())
            ? new SmtpReply(550, `5.1.1 <${address.address}>: Recipient address rejected: no such user`)
            : null,
        );
      },
      onData: (stream, session, callback) => {
        this.receive(stream, session, callback).catch((err: unknown) =>
          callback(new SmtpReply(451, String(err))),
        );
      },
    });
    this.server.on('error', () => {});
  }

  /** An SMTP URL for this server, with the credentials when it asks for them. */
  get url(): string {
    const login = this.auth
      ? `${encodeURIComponent(this.auth.user)}:${encodeURIComponent(this.auth.pass)}@`
      : '';
    return `smtp://${login}127.0.0.1:${this.port}`;
  }

  /** Messages the server accepted. */
  get messages(): ReceivedMail[] {
    return this.attempts.filter((m) => m.accepted);
  }

  /** The next `times` messages meet `fault`, one each. */
  failNext(fault: SmtpFault, times = 1): void {
    for (let i = 0; i < times; i++) this.faults.push(fault);
  }

  /** RCPT TO this address gets 550 no such user. */
  rejectRecipient(address: string): void {
    this.unknown.add(address.toLowerCase());
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    const address: AddressInfo | string | null = this.server.server.address();
    this.port = typeof address === 'object' && address ? address.port : 0;
    return this;
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async receive(
    stream: SMTPServerDataStream,
    session: SMTPServerSession,
    callback: (err?: Error | null, message?: string) => void,
  ): Promise<void> {
    const raw = await readAll(stream);
    const fault = this.faults.shift();
    const envelope = {
      from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
      to: session.envelope.rcptTo.map((r) => r.address),
    };
    const refused = fault?.kind === 'reject' || fault?.kind === 'close';
    this.attempts.push({ raw, parsed: await simpleParser(raw), envelope, accepted: !refused });
    const queued = `OK: queued as Q${this.attempts.length}`;
    if (!fault) return callback(null, queued);
    if (fault.kind === 'reject') return callback(new SmtpReply(fault.code, fault.message));
    if (fault.kind === 'slow') {
      setTimeout(() => callback(null, queued), fault.ms);
      return;
    }
    for (const connection of this.server.connections) {
      if (connection.session.id === session.id) connection.close();
    }
  }
}
