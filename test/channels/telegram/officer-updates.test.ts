// Which updates go to the officer desk and never to the citizen flow: `/tautkan` in a private chat, a ticket button
// and `/balas` in an officers' group; everything else keeps its old way (chatter ignored, other groups told to write
// privately, a citizen's own buttons and texts to the flow).
import { describe, expect, it } from 'vitest';
import { normalizeUpdate } from '../../../src/channels/telegram/normalize-update.js';

const OFFICERS = { officerChatIds: ['-100123'] };
const group = { id: -100123, type: 'supergroup' };
const from = { id: 42, is_bot: false, first_name: 'Budi', language_code: 'en' };
const msg = (chat: Record<string, unknown>, text: string, extra: Record<string, unknown> = {}) => ({
  update_id: 1,
  message: { message_id: 9, date: 1_795_000_000, chat, from, text, ...extra },
});
const tap = (chat: Record<string, unknown>, data: string) => ({
  update_id: 2,
  callback_query: { id: 'cb1', from, message: { message_id: 5, chat }, data },
});

describe('officer updates', () => {
  it('takes /tautkan in a private chat for the desk, in the client’s language', () => {
    expect(normalizeUpdate(msg({ id: 42, type: 'private' }, '/tautkan  abcd efgh 23 '), OFFICERS)).toEqual({
      kind: 'officer',
      action: 'link',
      chatId: '42',
      userId: '42',
      messageId: 9,
      mention: null,
      rest: 'abcd efgh 23',
      replyTo: null,
      lang: 'en',
    });
    // A citizen's other commands still reach the flow.
    expect(normalizeUpdate(msg({ id: 42, type: 'private' }, '/balas halo'), OFFICERS)).toMatchObject({
      kind: 'message',
      text: '/balas halo',
    });
  });

  it('takes ticket buttons and /balas in an officers group, with the message replied to', () => {
    expect(normalizeUpdate(tap(group, 'aduan:ADU-2611-4K7Q:diproses'), OFFICERS)).toEqual({
      kind: 'officer',
      action: 'press',
      chatId: '-100123',
      userId: '42',
      queryId: 'cb1',
      messageId: 5,
      data: 'aduan:ADU-2611-4K7Q:diproses',
    });
    const reply = { reply_to_message: { message_id: 5 } };
    expect(
      normalizeUpdate(msg(group, '/balas@AduanKalselBot Tim kami\nsurvei Kamis.', reply), OFFICERS),
    ).toMatchObject({
      kind: 'officer',
      action: 'reply',
      mention: 'AduanKalselBot',
      rest: 'Tim kami\nsurvei Kamis.',
      replyTo: 5,
    });
    expect(normalizeUpdate(msg(group, '/tautkan ABCD'), OFFICERS)).toMatchObject({ action: 'exposed_code' });
  });

  it('leaves chatter, other buttons and other groups as they were', () => {
    expect(
      normalizeUpdate(msg(group, 'rapat jam 9', { reply_to_message: { message_id: 5 } }), OFFICERS),
    ).toMatchObject({
      kind: 'ignore',
    });
    expect(normalizeUpdate(tap(group, 'yes'), OFFICERS)).toMatchObject({
      kind: 'ignore',
      callbackQueryId: 'cb1',
    });
    const other = { id: -555, type: 'group' };
    expect(normalizeUpdate(msg(other, '/balas halo'), OFFICERS)).toMatchObject({
      kind: 'reply',
      key: 'channel.private_only',
    });
    expect(normalizeUpdate(tap(other, 'aduan:ADU-2611-4K7Q:selesai'), OFFICERS)).toMatchObject({
      kind: 'ignore',
    });
    expect(
      normalizeUpdate(msg(group, '/balas halo', { from: { ...from, is_bot: true } }), OFFICERS),
    ).toMatchObject({
      kind: 'ignore',
    });
  });
});
