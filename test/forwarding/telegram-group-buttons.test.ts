// The buttons under a ticket posted to an officers' group (Terima, Proses, Selesai; never a move that needs a reason
// or a question), on the last part only, and each posted part recorded as the ticket's message exactly once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Destination } from '../../src/domain/destination.js';
import { TICKET_BUTTONS, parseTicketButton, ticketButtonData } from '../../src/domain/ticket-buttons.js';
import { TelegramGroupMethod } from '../../src/forwarding/telegram-group.js';
import { canMove } from '../../src/tickets/transitions.js';
import { FakeTelegram } from '../fakes/telegram-bot-api.js';
import { TICKET, job, payload } from './ticket-fixture.js';

const GROUP = '-1001234567890';
const dest: Extract<Destination, { method: 'telegram' }> = { id: 'grup', method: 'telegram', chatId: GROUP };
const live = () => new AbortController().signal;

const keyboardOf = (body: Record<string, unknown> | undefined) => {
  const markup = body?.reply_markup;
  return typeof markup === 'object' && markup !== null && 'inline_keyboard' in markup
    ? markup.inline_keyboard
    : null;
};

describe('ticket buttons in the officers group', () => {
  let tg: FakeTelegram;
  let posted: [string, number, string][];
  let method: TelegramGroupMethod;
  beforeEach(async () => {
    tg = await new FakeTelegram().start();
    posted = [];
    method = new TelegramGroupMethod({
      token: tg.token,
      apiRoot: tg.apiRoot,
      posted: (chatId, messageId, ticket) => posted.push([chatId, messageId, ticket]),
    });
  });
  afterEach(() => tg.close());

  it('offers Terima, Proses and Selesai, moves a forwarded ticket may make without a reason or a question', () => {
    expect(TICKET_BUTTONS).toEqual(['diverifikasi', 'diproses', 'selesai']);
    for (const status of TICKET_BUTTONS) {
      expect(canMove('baru', status)).toBe(true);
      expect(canMove('dialihkan', status)).toBe(true);
      const data = ticketButtonData('ADU-2612-ZZZZ', status);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
      expect(parseTicketButton(data)).toEqual({ ticket: 'ADU-2612-ZZZZ', status });
    }
    for (const data of [
      `aduan:${TICKET}:ditolak`,
      `aduan:${TICKET}:menunggu_pelapor`,
      'aduan:ADU-2611-0000:selesai',
      `aduan:${TICKET}:selesai:x`,
      `lain:${TICKET}:selesai`,
      'yes',
    ])
      expect(parseTicketButton(data)).toBeNull();
  });

  it('puts the buttons under the ticket and records its message', async () => {
    expect(await method.deliver(job(payload(), dest), live())).toEqual({ ok: true, remoteId: '1' });
    expect(keyboardOf(tg.callsTo('sendMessage')[0]?.body)).toEqual([
      [
        { text: 'Terima', callback_data: `aduan:${TICKET}:diverifikasi` },
        { text: 'Proses', callback_data: `aduan:${TICKET}:diproses` },
        { text: 'Selesai', callback_data: `aduan:${TICKET}:selesai` },
      ],
    ]);
    expect(posted).toEqual([[GROUP, 1, TICKET]]);
  });

  it('puts them under the last part of a long ticket only, and records each part once across a retry', async () => {
    const story = Array.from({ length: 360 }, (_, i) => `Kalimat ke-${i} tentang antrean yang panjang.`).join(
      ' ',
    );
    tg.failNext('sendMessage', 429, 'Too Many Requests: retry after 1', { retry_after: 1 }, 1);
    expect((await method.deliver(job(payload({ story }), dest), live())).ok).toBe(false);
    expect((await method.deliver(job(payload({ story }), dest, 2), live())).ok).toBe(true);
    const calls = tg.callsTo('sendMessage');
    const ok = [calls[0], ...calls.slice(2)];
    expect(ok.length).toBeGreaterThanOrEqual(3);
    expect(ok.slice(0, -1).map((c) => keyboardOf(c?.body))).toEqual(ok.slice(0, -1).map(() => null));
    expect(keyboardOf(ok.at(-1)?.body)).not.toBeNull();
    expect(posted.map(([, id]) => id)).toEqual(ok.map((_, i) => i + 1));
    expect(new Set(posted.map(([chat, , ticket]) => `${chat} ${ticket}`))).toEqual(
      new Set([`${GROUP} ${TICKET}`]),
    );
  });
});
