// Invented citizens for `npm run screenshots`: one files a complaint through the harness by answering each question
// the bot asks (anonim, so no personal data), and the receipt's ticket number and status PIN are read back.
import type { Expecting } from '../../src/domain/expecting.js';
import type { RenderedMessage } from '../../src/domain/reply.js';
import type { Harness } from '../../test/helpers/harness.js';

/** What an invented citizen says: the story and where, the rest is answered the same for everyone. */
export type Facts = { story: string; place: string };

/** The ticket number and the status PIN of a receipt (`🔑 … PIN *123456* …`), when this text is one. */
export function readReceipt(text: string): { number: string; pin: string } | null {
  const number = /ADU-\d{4}-[A-Z0-9]{4}/.exec(text)?.[0];
  const pin = /PIN \*(\d{6})\*/.exec(text)?.[1];
  return number && pin ? { number, pin } : null;
}

function answerFor(expecting: Expecting, facts: Facts): string {
  switch (expecting) {
    case 'consent':
      return 'iy';
    case 'story':
      return facts.story;
    case 'confirm_guess':
      return 'y';
    case 'location':
    case 'region':
      return facts.place;
    case 'incident_date':
      return '2 minggu lalu';
    case 'prior_report':
      return 'blm';
    case 'expectation':
      return 'tlg segera diperbaiki';
    case 'evidence':
      return 'lewati';
    case 'identity_mode':
      return '3';
    case 'confirm':
      return 'ok kirim';
    default:
      throw new Error(`the invented citizen has no answer for "${expecting}"`);
  }
}

/** Files one complaint in `chat`, answering what is asked; throws when no receipt comes within 20 messages. */
export function fileComplaint(h: Harness, chat: string, facts: Facts): { number: string; pin: string } {
  let batch: RenderedMessage[] = h.say(chat, 'p');
  for (let step = 0; step < 20; step++) {
    const receipt = readReceipt(batch.map((m) => m.text).join('\n'));
    if (receipt) return receipt;
    const last = batch.at(-1);
    if (!last) throw new Error(`${chat}: the bot did not answer`);
    batch = h.say(chat, answerFor(last.expecting, facts));
    // A story may wait for the quiet time before the guess comes.
    if (batch.length === 0) batch = h.advance(5 * 60_000, chat);
  }
  throw new Error(`${chat}: no receipt after 20 messages`);
}
