// A made-up citizen on a running service's web chat API (X-Dev-Sender, WEB_DEV_SENDERS=1), answering each question by
// what it expects: works against any version that has the web chat, so the upgrade fixture and drill use it.
import { z } from 'zod';

const Reply = z.object({ id: z.number(), text: z.string(), expecting: z.string() });
const Replies = z.object({ replies: z.array(Reply) });
const Complaints = z.object({ complaints: z.array(z.object({ ticket: z.string() })) });

export type Identity = 'biasa' | 'rahasia' | 'anonim';

export type Citizen = {
  /** The X-Dev-Sender value (8–128 letters, digits, - or _); the chat's id becomes `dev-<sender>`. */
  sender: string;
  story: string;
  /** Sent with the story as a made-up JPEG (its bytes differ by `sender`). */
  photo?: boolean;
  expectation: string;
  identity: Identity;
  name?: string;
  nik?: string;
  phone?: string;
};

const IDENTITY_CHOICE: Record<Identity, string> = { biasa: '1', rahasia: '2', anonim: '3' };
const TICKET = /ADU-\d{4}-[A-Z0-9]{4}/;
const MAX_TURNS = 40;

/** JPEG magic and a made-up body: enough for the file-type check, unique per seed. */
export function madeUpJpeg(seed: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(`aduan-fixture:${seed}`, 'utf8')]);
}

export class WebChat {
  private cursor = 0;

  constructor(
    private readonly base: string,
    readonly sender: string,
  ) {
    // What the web chat accepts as a session id; any other header is ignored and each message starts a new chat.
    if (!/^[a-zA-Z0-9_-]{8,128}$/.test(sender))
      throw new Error(`X-Dev-Sender ${sender}: 8–128 letters, digits, - or _`);
  }

  private headers(): Record<string, string> {
    return { 'x-dev-sender': this.sender, origin: this.base, 'content-type': 'application/json' };
  }

  private take(replies: z.infer<typeof Reply>[]): z.infer<typeof Reply>[] {
    for (const r of replies) this.cursor = Math.max(this.cursor, r.id);
    return replies;
  }

  /** One message; the replies it got at once, or (a story's quiet pause) the next ones within 30 s. */
  async say(body: { text?: string; media?: { filename: string; mime: string; base64: string } }) {
    const res = await fetch(`${this.base}/api/chat/messages`, {
      method: 'POST',
      headers: this.headers(),
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`web chat POST: ${res.status} ${await res.text()}`);
    const now = this.take(Replies.parse(await res.json()).replies);
    if (now.length > 0) return now;
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      const later = await fetch(`${this.base}/api/chat/messages?after=${this.cursor}`, {
        headers: this.headers(),
      });
      const replies = this.take(Replies.parse(await later.json()).replies);
      if (replies.length > 0) return replies;
    }
    return [];
  }

  /** The numbers of this chat's complaints, as its page lists them. */
  async complaints(): Promise<string[]> {
    const res = await fetch(`${this.base}/api/chat/complaints`, { headers: this.headers() });
    return Complaints.parse(await res.json()).complaints.map((c) => c.ticket);
  }
}

/** What the citizen answers to a question, by its `expecting`; anything else is skipped. */
function answer(
  c: Citizen,
  expecting: string,
): { text: string; media?: { filename: string; mime: string; base64: string } } {
  switch (expecting) {
    case 'consent':
    case 'confirm_guess':
      return { text: 'ya' };
    case 'story':
      return {
        text: c.story,
        ...(c.photo
          ? {
              media: {
                filename: 'bukti.jpg',
                mime: 'image/jpeg',
                base64: madeUpJpeg(c.sender).toString('base64'),
              },
            }
          : {}),
      };
    case 'prior_report':
      return { text: 'belum' };
    case 'expectation':
      return { text: c.expectation };
    case 'identity_mode':
      return { text: IDENTITY_CHOICE[c.identity] };
    case 'name':
      return { text: c.name ?? 'lewati' };
    case 'nik':
      return { text: c.nik ?? 'lewati' };
    case 'phone':
      return { text: c.phone ?? 'lewati' };
    case 'confirm':
      return { text: 'kirim' };
    default:
      return { text: 'lewati' };
  }
}

/** Files one complete complaint; returns its ticket number and how many messages it took. */
export async function fileComplaint(base: string, c: Citizen): Promise<{ number: string; messages: number }> {
  const chat = new WebChat(base, c.sender);
  let replies = await chat.say({ text: 'halo' });
  const asked: string[] = [];
  for (let turn = 1; turn <= MAX_TURNS; turn++) {
    const number = replies.map((r) => TICKET.exec(r.text)?.[0]).find((n) => n !== undefined);
    if (number) return { number, messages: turn };
    const last = replies.at(-1);
    if (!last) throw new Error(`${c.sender}: no reply after ${turn} messages (asked: ${asked.join(' ')})`);
    asked.push(last.expecting);
    replies = await chat.say(answer(c, last.expecting));
  }
  throw new Error(`${c.sender}: no ticket after ${MAX_TURNS} messages (asked: ${asked.join(' ')})`);
}
