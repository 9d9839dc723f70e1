// normalizeUpdate: private chats only, texts and commands, files, locations, contacts, buttons, edits, albums.
import { describe, expect, it } from 'vitest';
import { normalizeUpdate } from '../../../src/channels/telegram/normalize-update.js';

const chat = { id: 555, type: 'private', first_name: 'Siti' };
const from = { id: 555, is_bot: false, first_name: 'Siti' };
const msg = (fields: Record<string, unknown>, id = 7) => ({
  update_id: 1,
  message: { message_id: id, date: 1_795_000_000, chat, from, ...fields },
});

describe('normalizeUpdate', () => {
  it('passes texts and commands (with @BotName) as text, dedup key <chat>:<message_id>', () => {
    expect(normalizeUpdate(msg({ text: 'jalan rusak' }))).toEqual({
      kind: 'message',
      chatId: '555',
      messageId: '555:7',
      text: 'jalan rusak',
      files: [],
    });
    for (const command of ['/start', '/batal', '/bantuan', '/status', '/start@AduanKalselBot']) {
      const n = normalizeUpdate(msg({ text: command }));
      expect(n.kind === 'message' && n.text).toBe(command);
    }
  });

  it('keeps the same dedup key for a redelivered update even with another update_id', () => {
    const a = normalizeUpdate({ ...msg({ text: 'halo' }), update_id: 1 });
    const b = normalizeUpdate({ ...msg({ text: 'halo' }), update_id: 99 });
    expect(a).toEqual(b);
  });

  it('answers groups with "private only", but stays silent in officers groups', () => {
    const group = {
      update_id: 2,
      message: { message_id: 3, chat: { id: -100123, type: 'supergroup' }, from, text: 'lapor pak' },
    };
    expect(normalizeUpdate(group)).toEqual({ kind: 'reply', chatId: '-100123', key: 'channel.private_only' });
    expect(normalizeUpdate(group, { officerChatIds: ['-100123'] })).toMatchObject({ kind: 'ignore' });
    const basic = { ...group, message: { ...group.message, chat: { id: -42, type: 'group' } } };
    expect(normalizeUpdate(basic)).toMatchObject({ kind: 'reply', key: 'channel.private_only' });
  });

  it('takes the largest photo size and the caption', () => {
    const n = normalizeUpdate(
      msg({
        caption: 'ini buktinya',
        photo: [
          { file_id: 'small', width: 90, height: 90, file_size: 1000 },
          { file_id: 'big', width: 1280, height: 960, file_size: 90_000 },
          { file_id: 'mid', width: 320, height: 240, file_size: 9000 },
        ],
      }),
    );
    expect(n).toMatchObject({
      kind: 'message',
      text: 'ini buktinya',
      files: [{ kind: 'photo', fileId: 'big', mime: 'image/jpeg', size: 90_000 }],
    });
  });

  it('maps documents, voice notes, videos and stickers to files to fetch', () => {
    const doc = normalizeUpdate(
      msg({
        document: { file_id: 'd1', file_name: 'surat.pdf', mime_type: 'application/pdf', file_size: 5 },
      }),
    );
    expect(doc).toMatchObject({
      files: [{ kind: 'document', fileId: 'd1', mime: 'application/pdf', filename: 'surat.pdf', size: 5 }],
    });
    const voice = normalizeUpdate(msg({ voice: { file_id: 'v1', duration: 3, mime_type: 'audio/ogg' } }));
    expect(voice).toMatchObject({ files: [{ kind: 'voice', fileId: 'v1', mime: 'audio/ogg' }] });
    const video = normalizeUpdate(msg({ video: { file_id: 'x1', width: 1, height: 1, duration: 1 } }));
    expect(video).toMatchObject({ files: [{ kind: 'video', fileId: 'x1', mime: 'video/mp4' }] });
    const sticker = normalizeUpdate(
      msg({ sticker: { file_id: 's1', width: 512, height: 512, type: 'regular' } }),
    );
    expect(sticker).toMatchObject({ files: [{ kind: 'sticker', fileId: 's1', mime: 'image/webp' }] });
    const animated = normalizeUpdate(
      msg({
        sticker: {
          file_id: 's2',
          is_animated: true,
          width: 512,
          height: 512,
          thumbnail: { file_id: 's2-thumb', width: 128, height: 128 },
        },
      }),
    );
    expect(animated).toMatchObject({ files: [{ kind: 'sticker', fileId: 's2-thumb' }] });
  });

  it('reads locations, venues and shared contacts', () => {
    expect(normalizeUpdate(msg({ location: { latitude: -3.32, longitude: 114.59 } }))).toMatchObject({
      kind: 'message',
      location: { lat: -3.32, lon: 114.59 },
      files: [],
    });
    expect(
      normalizeUpdate(msg({ venue: { location: { latitude: -3.4, longitude: 114.8 }, title: 'Pasar' } })),
    ).toMatchObject({ location: { lat: -3.4, lon: 114.8 } });
    expect(
      normalizeUpdate(msg({ contact: { phone_number: '6281234567890', first_name: 'Siti', user_id: 555 } })),
    ).toMatchObject({ kind: 'message', contact: { phone: '+6281234567890', name: 'Siti' } });
  });

  it('turns a button press into its choice id, deduplicated by the callback id', () => {
    const n = normalizeUpdate({
      update_id: 5,
      callback_query: {
        id: '9876',
        from,
        chat_instance: 'x',
        message: { message_id: 12, date: 1, chat },
        data: 'yes',
      },
    });
    expect(n).toEqual({
      kind: 'message',
      chatId: '555',
      messageId: 'cb:9876',
      text: 'yes',
      files: [],
      callbackQueryId: '9876',
    });
  });

  it('passes an edited message as a correction with its own dedup key', () => {
    const n = normalizeUpdate({
      update_id: 6,
      edited_message: { message_id: 7, date: 1, edit_date: 1_795_000_100, chat, from, text: 'di Banjarbaru' },
    });
    expect(n).toMatchObject({
      kind: 'message',
      messageId: 'edit:555:7:1795000100',
      text: 'di Banjarbaru',
      edits: '555:7',
    });
    // A live location moving is an edit without text: nothing to correct.
    expect(
      normalizeUpdate({
        update_id: 7,
        edited_message: {
          message_id: 8,
          date: 1,
          edit_date: 2,
          chat,
          location: { latitude: 1, longitude: 2 },
        },
      }),
    ).toMatchObject({ kind: 'ignore' });
  });

  it('keeps what a message says about itself: forwarded, a venue, whose contact card, a GIF', () => {
    expect(
      normalizeUpdate(msg({ text: 'info dari grup RT', forward_origin: { type: 'hidden_user' } })),
    ).toMatchObject({
      forwarded: true,
    });
    expect(
      normalizeUpdate(msg({ text: 'lama', forward_date: 1, forward_sender_name: 'Acil' })),
    ).toMatchObject({
      forwarded: true,
    });
    expect(normalizeUpdate(msg({ text: 'tulisan saya' }))).not.toHaveProperty('forwarded');
    const venue = {
      location: { latitude: -3.3194, longitude: 114.5908 },
      title: 'Pasar Lama',
      address: 'Jl. Pasar Lama, Banjarmasin Tengah',
    };
    expect(normalizeUpdate(msg({ venue, location: venue.location }))).toMatchObject({
      location: { lat: -3.3194, lon: 114.5908 },
      place: { name: 'Pasar Lama', address: 'Jl. Pasar Lama, Banjarmasin Tengah' },
    });
    const own = { phone_number: '6281234567890', first_name: 'Siti', user_id: 555 };
    expect(normalizeUpdate(msg({ contact: own }))).toMatchObject({
      contact: { phone: '+6281234567890', name: 'Siti', own: true },
    });
    const other = { phone_number: '6281100001111', first_name: 'Pak RT' };
    expect(normalizeUpdate(msg({ contact: other }))).toMatchObject({ contact: { own: false } });
    expect(normalizeUpdate(msg({ contact: { ...other, user_id: 999 } }))).toMatchObject({
      contact: { own: false },
    });
    const gif = { file_id: 'g1', file_name: 'lubang.mp4', mime_type: 'video/mp4' };
    const n = normalizeUpdate(msg({ animation: gif, document: gif }));
    expect(n.kind === 'message' && n.files[0]?.kind).toBe('animation');
  });

  it('marks album photos as parts of one album', () => {
    const n = normalizeUpdate(
      msg(
        { media_group_id: 'g1', caption: 'tiga foto', photo: [{ file_id: 'p1', width: 10, height: 10 }] },
        20,
      ),
    );
    expect(n).toEqual({
      kind: 'album_part',
      chatId: '555',
      albumKey: 'album:555:g1',
      messageId: 20,
      caption: 'tiga foto',
      file: { kind: 'photo', fileId: 'p1', mime: 'image/jpeg', filename: 'foto.jpg' },
    });
  });

  it('answers what it cannot read, ignores service messages, and never throws on junk', () => {
    // The notice goes with the message through the runtime, deduplicated by its key like any other reply.
    expect(normalizeUpdate(msg({ poll: { id: 'p', question: 'q' } }))).toEqual({
      kind: 'message',
      chatId: '555',
      messageId: '555:7',
      files: [],
      notices: [{ key: 'channel.unsupported' }],
    });
    expect(normalizeUpdate(msg({ pinned_message: { message_id: 1 } }))).toMatchObject({ kind: 'ignore' });
    // A pin in a group is a service message too: no "private only" answer.
    const pinned = {
      update_id: 3,
      message: {
        message_id: 4,
        chat: { id: -100123, type: 'supergroup' },
        pinned_message: { message_id: 1 },
      },
    };
    expect(normalizeUpdate(pinned)).toMatchObject({ kind: 'ignore' });
    // Telegram never sends `"message": null`; a button of an inline-mode message has no chat of ours.
    const cb = { id: '1', from, chat_instance: 'x', data: 'yes' };
    expect(normalizeUpdate({ update_id: 4, callback_query: { ...cb, message: null } })).toMatchObject({
      kind: 'ignore',
    });
    expect(
      normalizeUpdate({ update_id: 5, callback_query: { ...cb, inline_message_id: 'AAA' } }),
    ).toMatchObject({ kind: 'ignore', callbackQueryId: '1' });
    for (const junk of [null, 42, 'x', {}, { update_id: 'a' }, { update_id: 1, message: { chat: 1 } }]) {
      expect(normalizeUpdate(junk).kind).toBe('ignore');
    }
  });

  it('reads a private my_chat_member as a block (kicked) or an unblock (member), and nothing else', () => {
    const bot = { id: 4242, is_bot: true, first_name: 'Aduan' };
    const member = (status: string, on: object = chat) => ({
      update_id: 6,
      my_chat_member: {
        chat: on,
        from,
        date: 1_795_000_100,
        old_chat_member: { user: bot, status: 'member' },
        new_chat_member: { user: bot, status, ...(status === 'kicked' ? { until_date: 0 } : {}) },
      },
    });
    expect(normalizeUpdate(member('kicked'))).toEqual({ kind: 'chat_blocked', chatId: '555', blocked: true });
    expect(normalizeUpdate(member('member'))).toEqual({
      kind: 'chat_blocked',
      chatId: '555',
      blocked: false,
    });
    // The bot added to or removed from a group, or another status: nothing for a citizen's chat.
    const group = { id: -100123, type: 'supergroup', title: 'Petugas' };
    expect(normalizeUpdate(member('kicked', group))).toMatchObject({ kind: 'ignore' });
    expect(normalizeUpdate(member('left'))).toMatchObject({ kind: 'ignore' });
    // A body printed without its update_id (Telegram always sends one): ignored, not acted on.
    const { update_id: _, ...noId } = member('kicked');
    expect(normalizeUpdate(noId)).toMatchObject({ kind: 'ignore' });
  });
});
