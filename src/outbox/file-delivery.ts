// An officer's files with a message: the channel sends each one it can (within its size and type limits), the rest
// become one message of signed, expiring links (or a sentence saying a file was attached, without a public address).
// A retry after a failure part way resumes after what was already sent (kept with the outbox row until the row is
// marked sent, so a restart too, even one after the last part): no file is sent twice. Only a crash between a
// part's send and its record can repeat that one part.
import type { OutboundFile, RenderedMessage } from '../domain/reply.js';
import type { SentParts } from '../storage/outbox-parts.js';
import type { OutboundChannel, SendProgress, SendResult } from './outbound-channel.js';
import { SendError } from './outbound-channel.js';

/** What a channel that can send files offers: whether one fits its limits, and the send (the platform's id). */
export type FileSending = {
  fits(file: OutboundFile): boolean;
  sendFile(chatId: string, file: OutboundFile, data: Uint8Array): Promise<string | null>;
};

export type FileDeliveryDeps = {
  /** The file's bytes from the file store, read when sending. */
  read(file: OutboundFile): Promise<Uint8Array>;
  /** The text of the message that stands for files not sent as files (links, or the sentence without them). */
  fallbackText(chatId: string, files: readonly OutboundFile[]): string;
  log?: { warn(obj: object, msg: string): void };
};

type Progress = SentParts & { key: string };

/** Wraps a channel: messages without files go through untouched. */
export function withFiles(
  channel: OutboundChannel,
  sending: FileSending | null,
  deps: FileDeliveryDeps,
): OutboundChannel {
  // Without an outbox row to keep it in (a caller that passes no progress), the progress lives in memory.
  const partial = new Map<string, Progress>();
  const send = async (chatId: string, message: RenderedMessage, kept?: SendProgress): Promise<SendResult> => {
    const { files = [], ...text } = message;
    if (files.length === 0) return channel.send(chatId, message);
    const key = JSON.stringify(message);
    const inMemory = partial.get(chatId);
    const start = kept ? kept.saved : inMemory?.key === key ? inMemory : null;
    const p: Progress = { key, done: 0, textId: null, fallback: [], ...start };
    const save = () =>
      kept ? kept.save({ done: p.done, textId: p.textId, fallback: p.fallback }) : partial.set(chatId, p);
    // Steps: the text, each file, then one message for the files that could not go as files. The outbox forgets
    // the progress when it marks the row sent, not here: a crash before that record resumes after the last step.
    if (p.done === 0) {
      p.textId = (await channel.send(chatId, text)).platformMessageId;
      p.done = 1;
      save();
    }
    for (; p.done <= files.length; p.done++, save()) {
      const file = files[p.done - 1];
      if (!file) continue;
      if (!sending?.fits(file)) {
        p.fallback.push(file.id);
        continue;
      }
      try {
        await sending.sendFile(chatId, file, await deps.read(file));
      } catch (err) {
        if (!(err instanceof SendError) || err.retryable || err.recipientBlocked) throw err;
        deps.log?.warn(
          { channel: channel.channel, file: file.id, reason: err.message },
          'file refused: sent as a link',
        );
        p.fallback.push(file.id);
      }
    }
    const linked = files.filter((f) => p.fallback.includes(f.id));
    if (linked.length > 0 && p.done === files.length + 1) {
      await channel.send(chatId, { text: deps.fallbackText(chatId, linked), choices: [], expecting: 'none' });
      p.done++;
      save();
    }
    partial.delete(chatId);
    return { platformMessageId: p.textId };
  };
  return {
    channel: channel.channel,
    send,
    ...(channel.state ? { state: () => channel.state?.() ?? 'connected' } : {}),
    ...(channel.delayFor ? { delayFor: (chatId: string) => channel.delayFor?.(chatId) ?? 0 } : {}),
  };
}
