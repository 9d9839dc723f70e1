// An officer's files with a message: the channel sends each one it can (within its size and type limits), the rest
// become one message of signed, expiring links (or a sentence saying a file was attached, without a public address).
// A retry after a failure part way resumes after what was already sent: no file is sent twice.
import type { OutboundFile, RenderedMessage } from '../domain/reply.js';
import type { OutboundChannel, SendResult } from './outbound-channel.js';
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

type Progress = { key: string; done: number; textId: string | null; fallback: OutboundFile[] };

/** Wraps a channel: messages without files go through untouched. */
export function withFiles(
  channel: OutboundChannel,
  sending: FileSending | null,
  deps: FileDeliveryDeps,
): OutboundChannel {
  const partial = new Map<string, Progress>();
  const send = async (chatId: string, message: RenderedMessage): Promise<SendResult> => {
    const { files = [], ...text } = message;
    if (files.length === 0) return channel.send(chatId, message);
    const key = JSON.stringify(message);
    const kept = partial.get(chatId);
    const p: Progress = kept?.key === key ? kept : { key, done: 0, textId: null, fallback: [] };
    partial.set(chatId, p);
    // Steps: the text, each file, then one message for the files that could not go as files.
    if (p.done === 0) {
      p.textId = (await channel.send(chatId, text)).platformMessageId;
      p.done = 1;
    }
    for (; p.done <= files.length; p.done++) {
      const file = files[p.done - 1];
      if (!file) continue;
      if (!sending?.fits(file)) {
        p.fallback.push(file);
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
        p.fallback.push(file);
      }
    }
    if (p.fallback.length > 0)
      await channel.send(chatId, {
        text: deps.fallbackText(chatId, p.fallback),
        choices: [],
        expecting: 'none',
      });
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
