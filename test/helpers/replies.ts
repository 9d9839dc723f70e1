// What a citizen reads of the replies to one message: their texts together, and what the last one expects.
import type { RenderedMessage } from '../../src/domain/reply.js';

export const textOf = (replies: readonly RenderedMessage[]): string => replies.map((r) => r.text).join('\n');

export const expectingOf = (replies: readonly RenderedMessage[]): string | undefined =>
  replies.at(-1)?.expecting;
