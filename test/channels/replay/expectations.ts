// What a platform and a citizen expect from each KIND of webhook body, and which kind each replayed file is.
// Written to the behaviour being built (not to what the code does today): a failing row is a finding, not a typo.
//
// expect:  'reply'        the flow answers (≥1 message, not the "can't read" notice, no template) on the first POST
//          'notice'       exactly the "can't read this yet" notice (channel.unsupported), once
//          'group-notice' at most one "please write to me privately" (channel.private_only), never twice
//          'none'         no message at all
// http:    '2xx'          what the platform must hear for a body it really sends (else it redelivers for days)
//          'non5xx'       a body the platform never sends as it is: refusing it (4xx) or dropping it (2xx) is fine
// Every body is POSTed twice: the second POST must send nothing more (redelivery is deduplicated).

export type Platform = 'telegram' | 'wacloud';
export type Expect = 'reply' | 'notice' | 'group-notice' | 'none';
export type Http = '2xx' | 'non5xx';

export type Row = {
  kind: string;
  expect: Expect;
  http: Http;
  /** Batched bodies: one reply per distinct message id at least. */
  repliesAtLeast?: number;
  /** Batched bodies: messages committed (deduplicated) after both POSTs. */
  committed?: number;
};

export const TELEGRAM_KINDS = [
  // --- private chat, readable: the citizen is talking to the service ---
  { kind: 'private text', expect: 'reply', http: '2xx' }, // plain words, with or without entities or a quote
  { kind: 'private command', expect: 'reply', http: '2xx' }, // /start opens the conversation; other commands are text
  { kind: 'private forwarded message', expect: 'reply', http: '2xx' }, // forward_from / forward_origin: part of the story
  { kind: 'private photo', expect: 'reply', http: '2xx' }, // evidence; the caption is the text
  { kind: 'private document', expect: 'reply', http: '2xx' }, // a PDF letter, a scan
  { kind: 'private voice note', expect: 'reply', http: '2xx' }, // many citizens talk rather than type
  { kind: 'private audio file', expect: 'reply', http: '2xx' }, // a recording sent as a file
  { kind: 'private video', expect: 'reply', http: '2xx' }, // a video of the flood, the broken road
  { kind: 'private video note', expect: 'reply', http: '2xx' }, // the round video: still a video
  { kind: 'private animation (GIF)', expect: 'reply', http: '2xx' }, // arrives as `animation` AND `document`: one file
  { kind: 'private sticker', expect: 'reply', http: '2xx' }, // kept as an image; the flow answers (often "tell me more")
  { kind: 'private location', expect: 'reply', http: '2xx' }, // where it happened
  { kind: 'private venue', expect: 'reply', http: '2xx' }, // a named place: its pin (and title/address) is the location
  { kind: "someone else's contact card", expect: 'reply', http: '2xx' }, // evidence (a number to report), not the phone
  { kind: "the sender's own contact card", expect: 'reply', http: '2xx' }, // contact.user_id == from.id: the phone answer
  { kind: 'private album part', expect: 'reply', http: '2xx' }, // buffered ~800 ms; alone it is flushed alone, answered
  { kind: 'private album, all parts', expect: 'reply', http: '2xx' }, // parts arriving together: ONE message, one answer
  { kind: 'album part redelivered after the answer', expect: 'none', http: '2xx' }, // same part again: deduplicated
  { kind: 'button press', expect: 'reply', http: '2xx' }, // callback_query with the private message: a choice
  { kind: 'button press on an inaccessible message', expect: 'reply', http: '2xx' }, // date 0 message: still the chat
  { kind: 'private edited message', expect: 'reply', http: '2xx' }, // a correction: recorded and answered
  { kind: 'private message without known content', expect: 'notice', http: '2xx' }, // nothing readable: say so, once
  // --- private chat, not usable as a complaint ---
  { kind: 'private poll', expect: 'notice', http: '2xx' }, // a poll is no complaint: "send text, a photo…"
  { kind: 'private dice', expect: 'notice', http: '2xx' }, // a game emoji
  { kind: 'private story', expect: 'notice', http: '2xx' }, // a forwarded story: its content is not in the update
  // --- groups and channels: complaints are private ---
  { kind: 'group service message', expect: 'none', http: '2xx' }, // pins, joins, title changes: nobody spoke to us
  { kind: 'group message', expect: 'group-notice', http: '2xx' }, // at most one "write to me privately" an hour
  { kind: 'channel post', expect: 'none', http: '2xx' }, // not subscribed; a channel cannot be answered privately
  // A citizen blocking or unblocking the bot (subscribed): held messages wait or go, nothing is written back.
  { kind: 'my_chat_member (blocked, unblocked, kicked)', expect: 'none', http: '2xx' },
  // --- updates the bot does not subscribe to (ALLOWED_UPDATES): ignored quietly if they ever arrive ---
  { kind: 'message_reaction', expect: 'none', http: '2xx' }, // a 👍 is no message
  { kind: 'message_reaction_count', expect: 'none', http: '2xx' }, // anonymous counts in a channel
  { kind: 'inline_query', expect: 'none', http: '2xx' }, // the bot has no inline mode
  { kind: 'button press on an inline-mode message', expect: 'none', http: '2xx' }, // no `message`: no chat of ours
  // --- bodies Telegram never sends as they are ---
  { kind: 'update without update_id', expect: 'none', http: 'non5xx' }, // printed by a library without its id
  { kind: 'callback_query with "message": null', expect: 'none', http: 'non5xx' }, // Telegram omits, never nulls
] as const satisfies readonly Row[];

export const WACLOUD_KINDS = [
  // --- a citizen's message the service can read ---
  { kind: 'text', expect: 'reply', http: '2xx' }, // the common case
  { kind: 'text replying to a business message', expect: 'reply', http: '2xx' }, // `context`: still the citizen's words
  { kind: 'forwarded text', expect: 'reply', http: '2xx' }, // context.forwarded / frequently_forwarded: part of the story
  { kind: 'text from an ad (referral)', expect: 'reply', http: '2xx' }, // click-to-WhatsApp: a first message
  { kind: 'text from a business-scoped user id, no from', expect: 'reply', http: '2xx' }, // BSUID era: answer the BSUID
  { kind: 'text with from and from_user_id', expect: 'reply', http: '2xx' }, // both ids: the phone number is the chat
  { kind: 'image', expect: 'reply', http: '2xx' }, // evidence
  { kind: 'image with caption', expect: 'reply', http: '2xx' }, // evidence and its words
  { kind: 'video', expect: 'reply', http: '2xx' }, // evidence (here with a caption, forwarded)
  { kind: 'document', expect: 'reply', http: '2xx' }, // a PDF letter
  { kind: 'zip document', expect: 'reply', http: '2xx' }, // a file type not kept: the caption still counts, answered
  { kind: 'audio file', expect: 'reply', http: '2xx' }, // audio with voice: false
  { kind: 'voice note', expect: 'reply', http: '2xx' }, // audio with voice: true
  { kind: 'sticker', expect: 'reply', http: '2xx' }, // static or animated webp: kept like an image
  { kind: 'current location', expect: 'reply', http: '2xx' }, // a pin
  { kind: 'chosen place', expect: 'reply', http: '2xx' }, // a pin with name and address
  { kind: 'named location', expect: 'reply', http: '2xx' }, // the same from another capture
  { kind: 'contact cards with phones', expect: 'reply', http: '2xx' }, // evidence (a number), or the phone on request
  { kind: 'interactive button_reply', expect: 'reply', http: '2xx' }, // a tap on one of our buttons
  { kind: 'interactive list_reply', expect: 'reply', http: '2xx' }, // a row of one of our lists
  { kind: 'template quick-reply button', expect: 'reply', http: '2xx' }, // `button`: reopens the window, then answered
  { kind: 'button from a sender with from_user_id', expect: 'reply', http: '2xx' }, // BSUID-era quick reply
  { kind: 'edit of a caption', expect: 'reply', http: '2xx' }, // `type: edit`: a correction, recorded and answered
  {
    kind: 'batched body, two distinct messages',
    expect: 'reply',
    http: '2xx',
    repliesAtLeast: 2,
    committed: 2,
  }, // one reply each
  { kind: 'batched body, one message id twice', expect: 'reply', http: '2xx', committed: 1 }, // the 2nd is a duplicate
  // --- a citizen's message the service cannot use: say so once ---
  { kind: 'contact card without any phone', expect: 'notice', http: '2xx' }, // nothing to keep
  { kind: 'unsupported', expect: 'notice', http: '2xx' }, // type unsupported + 131051: WhatsApp could not show it
  { kind: 'type unknown (2022 era)', expect: 'notice', http: '2xx' }, // the older name of the same thing
  { kind: 'order', expect: 'notice', http: '2xx' }, // a catalog order: no complaint
  { kind: 'flow reply (nfm_reply)', expect: 'notice', http: '2xx' }, // we send no Flows: nothing to read in it
  { kind: 'interactive without the object, value-level errors', expect: 'notice', http: '2xx' }, // 131000
  // --- nothing to answer ---
  { kind: 'reaction', expect: 'none', http: '2xx' }, // an emoji on a message, or its removal
  { kind: 'system: user changed number', expect: 'none', http: '2xx' }, // a notice from WhatsApp, not the citizen
  { kind: 'system: customer identity changed', expect: 'none', http: '2xx' }, // security notice
  { kind: 'delivery status', expect: 'none', http: '2xx' }, // sent, delivered, read, played: recorded only
  { kind: 'failed delivery status', expect: 'none', http: '2xx' }, // 131047/130429/131026/…: never answered by a message
  { kind: 'value-level errors only', expect: 'none', http: '2xx' }, // no message, no status: logged
  { kind: 'group message', expect: 'none', http: '2xx' }, // group_id: complaints are one-to-one
  // --- bodies WhatsApp never sends as they are ---
  { kind: 'placeholder sender', expect: 'none', http: 'non5xx' }, // from REDACTED / PHONE_NUMBER(_ID): nobody to answer
] as const satisfies readonly Row[];

export type TelegramKind = (typeof TELEGRAM_KINDS)[number]['kind'];
export type WaCloudKind = (typeof WACLOUD_KINDS)[number]['kind'];

export function rowOf(platform: Platform, kind: string): Row {
  const rows: readonly Row[] = platform === 'telegram' ? TELEGRAM_KINDS : WACLOUD_KINDS;
  const row = rows.find((r) => r.kind === kind);
  if (!row) throw new Error(`no ${platform} kind "${kind}" in the table`);
  return row;
}

// --- the real payloads in ../shared/data/real-payloads (see SOURCES.md there) ---

export const REAL_TELEGRAM: Record<string, TelegramKind> = {
  'tg-text-private.json': 'private text',
  'tg-entities-nested-bold-italic.json': 'private text',
  'tg-reply-with-quote.json': 'private text',
  'tg-command-start.json': 'private command',
  'tg-command-test.json': 'private command',
  'tg-forwarded-custom-emoji.json': 'private forwarded message',
  'tg-forward-origin-user.json': 'private forwarded message',
  'tg-photo-caption.json': 'private photo',
  'tg-photo-caption-entities.json': 'private photo',
  'tg-document-pdf.json': 'private document',
  'tg-voice.json': 'private voice note',
  'tg-audio.json': 'private audio file',
  'tg-video.json': 'private video',
  'tg-video-note.json': 'private video note',
  'tg-animation-gif.json': 'private animation (GIF)',
  'tg-sticker-animated.json': 'private sticker',
  'tg-location.json': 'private location',
  'tg-venue.json': 'private venue',
  'tg-contact.json': "someone else's contact card", // no user_id: a card for "911"
  'tg-album-part-photo-private.json': 'private album part',
  'tg-album-part-video-forwarded.json': 'private album part',
  'tg-callback-query.json': 'button press',
  'tg-callback-query-inaccessible-message.json': 'button press on an inaccessible message',
  'tg-edited-message.json': 'private edited message',
  'tg-edited-message-reply.json': 'private edited message',
  'tg-empty-message-private.json': 'private message without known content',
  'tg-poll-message.json': 'private poll',
  'tg-dice-private.json': 'private dice',
  'tg-story-private.json': 'private story',
  'tg-group-pinned-message-service.json': 'group service message',
  'tg-group-dice.json': 'group message',
  'tg-group-story.json': 'group message',
  'tg-group-command-reply-to-story.json': 'group message',
  'tg-channel-post.json': 'channel post',
  'tg-my-chat-member-kicked-private.json': 'my_chat_member (blocked, unblocked, kicked)',
  // These two are my_chat_member too, but printed without their update_id: that decides.
  'tg-my-chat-member-blocked-private.json': 'update without update_id',
  'tg-my-chat-member-unblocked-private.json': 'update without update_id',
  'tg-message-reaction-group.json': 'message_reaction',
  'tg-message-reaction-count-channel.json': 'message_reaction_count',
  'tg-inline-query.json': 'inline_query',
  'tg-callback-query-inline-message.json': 'button press on an inline-mode message',
  'tg-callback-query-message-null.json': 'callback_query with "message": null',
};

export const REAL_WACLOUD: Record<string, WaCloudKind> = {
  'wa-text.json': 'text',
  'wa-text-reply-context.json': 'text replying to a business message',
  'wa-text-frequently-forwarded.json': 'forwarded text',
  'wa-text-ad-referral.json': 'text from an ad (referral)',
  // No `from`; the sender is only contacts[0].user_id (BSUID_123). Its phone_number_id is rewritten.
  'wa-text-bsuid-only-no-from.json': 'text from a business-scoped user id, no from',
  'wa-image.json': 'image',
  'wa-rfb-image-caption.json': 'image with caption',
  'wa-video-caption-forwarded.json': 'video',
  'wa-document-caption-forwarded.json': 'document',
  'wa-rfb-document-zip.json': 'zip document',
  'wa-audio-file.json': 'audio file',
  'wa-audio-voice-note.json': 'voice note',
  'wa-rfb-audio-voice.json': 'voice note',
  'wa-sticker-static.json': 'sticker',
  'wa-sticker-animated.json': 'sticker',
  'wa-location-current.json': 'current location',
  'wa-location-chosen-place.json': 'chosen place',
  'wa-rfb-location-named.json': 'named location',
  'wa-contacts-three-cards.json': 'contact cards with phones',
  // A phone shared on the business's request, sender known only by contacts[0].user_id (no from, no from_user_id).
  'wa-rfb-contacts-request-bsuid-no-from.json': 'contact cards with phones',
  'wa-interactive-button-reply.json': 'interactive button_reply',
  'wa-interactive-list-reply.json': 'interactive list_reply',
  'wa-button-template-quick-reply.json': 'template quick-reply button',
  // The file has `from` as well as `from_user_id`.
  'wa-button-quick-reply-from-user-id.json': 'button from a sender with from_user_id',
  'wa-edit-image-caption.json': 'edit of a caption',
  'wa-rfb-contacts-no-phone.json': 'contact card without any phone',
  'wa-unsupported.json': 'unsupported',
  'wa-unsupported-with-type.json': 'unsupported',
  'wa-rfb-unknown-type-131051.json': 'type unknown (2022 era)',
  'wa-order.json': 'order',
  'wa-interactive-without-object-value-errors.json': 'interactive without the object, value-level errors',
  'wa-reaction.json': 'reaction',
  'wa-reaction-removed.json': 'reaction',
  'wa-system-user-changed-number.json': 'system: user changed number',
  'wa-system-identity-changed.json': 'system: customer identity changed',
  'wa-status-sent.json': 'delivery status',
  'wa-status-delivered.json': 'delivery status',
  'wa-status-read.json': 'delivery status',
  'wa-status-played.json': 'delivery status',
  'wa-status-sent-django-crm.json': 'delivery status',
  'wa-status-read-django-crm.json': 'delivery status',
  'wa-status-failed-130472.json': 'failed delivery status',
  'wa-status-failed-131053.json': 'failed delivery status',
  'wa-rfb-status-failed-131026.json': 'failed delivery status', // phone_number_id REDACTED: rewritten
  'wa-rfb-text-group-bsuid-no-from.json': 'group message',
  'wa-rfb-contacts-redacted.json': 'placeholder sender', // from "REDACTED"
  // Both messages come from "PHONE_NUMBER" and share wamid.ID: with a real sender it would be ONE reply (the
  // second a duplicate), but its only sender is a placeholder. Own fixtures cover batching with real senders.
  'wa-batch-two-changes.json': 'placeholder sender',
  // An nfm_reply, but from "PHONE_NUMBER_ID" (and a numeric timestamp): the placeholder decides. The flow-reply
  // notice is covered by the own fixture interactive-nfm-reply.json.
  'wa-interactive-nfm-reply-flow.json': 'placeholder sender',
};

// --- the project's own fixtures in test/fixtures/payloads ---

export const OWN_TELEGRAM: Record<string, TelegramKind> = {
  'text-jalan-rusak-martapura.json': 'private text',
  'text-entities-bold-link.json': 'private text',
  'text-reply-with-quote.json': 'private text',
  'command-start.json': 'private command',
  'command-bantuan.json': 'private command',
  'forwarded-from-user-legacy.json': 'private forwarded message',
  'forward-origin-channel.json': 'private forwarded message',
  'forward-origin-hidden-user.json': 'private forwarded message',
  'photo-caption-banjir.json': 'private photo',
  'document-pdf-surat.json': 'private document',
  'voice-note.json': 'private voice note',
  'audio-file-mp3.json': 'private audio file',
  'video-caption.json': 'private video',
  'video-note.json': 'private video note',
  'animation-gif-also-document.json': 'private animation (GIF)',
  'sticker-static-webp.json': 'private sticker',
  'sticker-animated-tgs.json': 'private sticker',
  'location-pin.json': 'private location',
  'venue-banjarmasin.json': 'private venue',
  'contact-someone-else.json': "someone else's contact card",
  'contact-own.json': "the sender's own contact card",
  'album-alone-part.json': 'private album part',
  'album-two-part1.json': 'private album part',
  'album-two-part2.json': 'private album part',
  'callback-button.json': 'button press',
  'callback-inaccessible-message.json': 'button press on an inaccessible message',
  'edited-text.json': 'private edited message',
  'message-without-content.json': 'private message without known content',
  'poll-private.json': 'private poll',
  'dice-private.json': 'private dice',
  'story-private.json': 'private story',
  'group-pinned-message.json': 'group service message',
  'group-new-members.json': 'group service message',
  'group-command-lapor.json': 'group message',
  'group-dice.json': 'group message',
  'group-story.json': 'group message',
  'channel-post.json': 'channel post',
  'my-chat-member-blocked.json': 'my_chat_member (blocked, unblocked, kicked)',
  'my-chat-member-unblocked.json': 'my_chat_member (blocked, unblocked, kicked)',
  'message-reaction.json': 'message_reaction',
  'message-reaction-count.json': 'message_reaction_count',
  'inline-query.json': 'inline_query',
  'callback-inline-message.json': 'button press on an inline-mode message',
  'update-without-update-id.json': 'update without update_id',
  'callback-message-null.json': 'callback_query with "message": null',
};

export const OWN_WACLOUD: Record<string, WaCloudKind> = {
  'text-jalan-rusak.json': 'text',
  'text-reply-context.json': 'text replying to a business message',
  'text-forwarded.json': 'forwarded text',
  'text-ad-referral.json': 'text from an ad (referral)',
  'text-bsuid-no-from.json': 'text from a business-scoped user id, no from',
  'text-from-and-user-id.json': 'text with from and from_user_id',
  'image.json': 'image',
  'image-caption.json': 'image with caption',
  'video-caption.json': 'video',
  'document-pdf-caption.json': 'document',
  'document-zip.json': 'zip document',
  'audio-file.json': 'audio file',
  'voice-note.json': 'voice note',
  'sticker-static.json': 'sticker',
  'sticker-animated.json': 'sticker',
  'location-current.json': 'current location',
  'location-chosen-place-banjarbaru.json': 'chosen place',
  'location-named.json': 'named location',
  'contacts-with-phones.json': 'contact cards with phones',
  'interactive-button-reply.json': 'interactive button_reply',
  'interactive-list-reply.json': 'interactive list_reply',
  'button-template-quick-reply.json': 'template quick-reply button',
  'button-from-user-id-only.json': 'button from a sender with from_user_id',
  'edit-image-caption.json': 'edit of a caption',
  'batch-two-distinct-messages.json': 'batched body, two distinct messages',
  'batch-same-id-twice.json': 'batched body, one message id twice',
  'contacts-no-phone.json': 'contact card without any phone',
  'unsupported.json': 'unsupported',
  'unknown-type-2022.json': 'type unknown (2022 era)',
  'order.json': 'order',
  'interactive-nfm-reply.json': 'flow reply (nfm_reply)',
  'interactive-without-object-errors.json': 'interactive without the object, value-level errors',
  'reaction.json': 'reaction',
  'reaction-removed.json': 'reaction',
  'system-user-changed-number.json': 'system: user changed number',
  'system-identity-changed.json': 'system: customer identity changed',
  'status-sent.json': 'delivery status',
  'status-delivered.json': 'delivery status',
  'status-read.json': 'delivery status',
  'status-played.json': 'delivery status',
  'status-failed-131047.json': 'failed delivery status',
  'status-failed-130429.json': 'failed delivery status',
  'status-failed-131026.json': 'failed delivery status',
  'value-errors-only.json': 'value-level errors only',
  'group-text.json': 'group message',
  'placeholder-from-redacted.json': 'placeholder sender',
  'text-from-new-number.json': 'text',
};

/** Own fixtures replayed in order on ONE service; each step's bodies are posted back to back (twice in all). */
export type Sequence = {
  name: string;
  platform: Platform;
  steps: { files: string[]; kind: string }[];
};

export const OWN_SEQUENCES: Sequence[] = [
  {
    name: 'a two-part album answered once, then part 1 redelivered',
    platform: 'telegram',
    steps: [
      { files: ['album-two-part1.json', 'album-two-part2.json'], kind: 'private album, all parts' },
      { files: ['album-two-part1.json'], kind: 'album part redelivered after the answer' },
    ],
  },
  {
    name: 'the citizen changes number, then writes from the new one',
    platform: 'wacloud',
    steps: [
      { files: ['system-user-changed-number.json'], kind: 'system: user changed number' },
      { files: ['text-from-new-number.json'], kind: 'text' },
    ],
  },
];
