// The operators' block list at work: blocked senders' messages are recorded and get no flow step and no reply; the
// operator's command; what a typed sender id means on each channel.
import { DEFAULT_FLOW } from '../../flows/registry.js';
import type { Clock } from '../clock.js';
import type { InboundMessage } from '../conversation/inbound.js';
import type { HandleResult } from '../conversation/runtime.js';
import { BlockChannel, type BlockList } from '../storage/block-list.js';
import type { Store } from '../storage/store.js';
import { parsePhone } from '../understand/phone.js';

export type BlockSendersDeps = {
  blockList: BlockList;
  store: Store;
  clock: Clock;
  /** Called for each blocked message (metrics, a debug log). */
  onBlocked?: (message: InboundMessage) => void;
};

/**
 * Puts the block list in front of the runtime's `handle` (outermost, before the sender limits, so a blocked
 * sender never gets a limit notice either). A blocked sender's message is recorded in the inbound log with kind
 * `blocked` (its text and location kept as evidence, its files not stored), deduplicated like any other, and
 * nothing else happens: no flow step, no reply.
 */
export function blockSenders(
  handle: (message: InboundMessage) => HandleResult,
  deps: BlockSendersDeps,
): (message: InboundMessage) => HandleResult {
  const { blockList, store, clock } = deps;
  return (message) => {
    if (!blockList.isBlocked(message.channel, message.chatId)) return handle(message);
    deps.onBlocked?.(message);
    const now = clock.now();
    return store.tx((): HandleResult => {
      const conv = store.conversations.findOrCreate(
        message.channel,
        message.chatId,
        DEFAULT_FLOW.id,
        DEFAULT_FLOW.version,
        now,
      );
      const id = store.inbound.record(message.channel, message.messageId, conv.id, now, 'blocked', {
        text: (message.text ?? '').slice(0, 4000),
        attachments: [],
        media: (message.media ?? []).map((m) => ({ kind: m.kind, mime: m.mime, size: m.data.byteLength })),
        location: message.location ?? null,
      });
      return { duplicate: id === null, conversationId: conv.id, outgoing: [] };
    });
  };
}

/**
 * The chat id a channel uses for what an operator types: WhatsApp Web wants `62812…@c.us`, the Cloud API the
 * bare digits `62812…`; Telegram ids are integers (groups negative); web ids are taken as they are.
 * Returns null with nothing recognisable.
 */
export function normalizeSender(channel: BlockChannel, raw: string): string | null {
  const s = raw.trim();
  if (s === '' || s.length > 200) return null;
  switch (channel) {
    case 'telegram':
      return /^-?\d{1,20}$/.test(s) ? s : null;
    case 'web':
      return /^[\w:.@-]+$/.test(s) ? s : null;
    case 'whatsapp':
    case 'wacloud': {
      if (channel === 'whatsapp' && /^[0-9]{5,24}@(c\.us|lid)$/.test(s)) return s;
      const bare = s.replace(/@(c\.us|s\.whatsapp\.net)$/, '');
      const phone = parsePhone(bare);
      const digits = phone.ok ? phone.e164.slice(1) : /^\+?([1-9][0-9]{7,14})$/.exec(bare)?.[1];
      if (!digits) return null;
      return channel === 'whatsapp' ? `${digits}@c.us` : digits;
    }
  }
}

export type CommandResult = { code: number; lines: string[] };

const USAGE =
  'usage: npm run block -- add|remove|list [SENDER] [--channel telegram|whatsapp|wacloud|web] [--reason TEXT]';

const when = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The `npm run block` command over an open block list. `add` needs --channel; `remove` without one unblocks the
 * sender on every channel; `list` shows all, or one channel's.
 */
export function blockCommand(
  args: { command?: string; sender?: string; channel?: string; reason?: string },
  list: BlockList,
  now: number,
): CommandResult {
  let channel: BlockChannel | undefined;
  if (args.channel !== undefined) {
    const c = BlockChannel.safeParse(args.channel);
    if (!c.success) return { code: 2, lines: [`unknown channel "${args.channel}"`, USAGE] };
    channel = c.data;
  }
  const all: BlockChannel[] = channel ? [channel] : [...BlockChannel.options];
  switch (args.command) {
    case 'list': {
      const rows = list.list(channel);
      if (rows.length === 0)
        return { code: 0, lines: ['no blocked senders / tidak ada pengirim yang diblokir'] };
      return {
        code: 0,
        lines: rows.map((r) => `${r.channel}\t${r.chatId}\t${when(r.createdAt)}\t${r.reason ?? ''}`),
      };
    }
    case 'add': {
      if (!args.sender) return { code: 2, lines: ['add needs a SENDER', USAGE] };
      if (!channel)
        return { code: 2, lines: ['add needs --channel (telegram, whatsapp, wacloud or web)', USAGE] };
      const chatId = normalizeSender(channel, args.sender);
      if (!chatId) return { code: 2, lines: [`"${args.sender}" is not a ${channel} sender id`] };
      const added = list.add({ channel, chatId, reason: args.reason ?? null, at: now });
      return {
        code: 0,
        lines: [
          added
            ? `blocked ${channel} ${chatId}: messages are recorded, never answered / diblokir`
            : `${channel} ${chatId} was already blocked; reason updated / sudah diblokir`,
        ],
      };
    }
    case 'remove': {
      if (!args.sender) return { code: 2, lines: ['remove needs a SENDER', USAGE] };
      const removed: string[] = [];
      for (const c of all) {
        const chatId = normalizeSender(c, args.sender);
        if (chatId && list.remove(c, chatId)) removed.push(`${c} ${chatId}`);
        // An id typed exactly as listed (any shape) is removed too.
        else if (list.remove(c, args.sender.trim())) removed.push(`${c} ${args.sender.trim()}`);
      }
      return removed.length > 0
        ? { code: 0, lines: removed.map((r) => `unblocked ${r} / blokir dibuka`) }
        : {
            code: 1,
            lines: [`${args.sender} is not blocked${channel ? ` on ${channel}` : ''} / tidak diblokir`],
          };
    }
    default:
      return { code: 2, lines: [USAGE] };
  }
}
