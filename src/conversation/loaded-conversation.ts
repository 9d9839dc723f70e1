// A stored conversation as the runtime steps it: its flow's definition and its parsed snapshot.
import { type StoredSnapshot, readStored } from '../../flows/index.js';
import { type FlowDefinition, flowOf } from '../../flows/registry.js';
import type { ConversationRow } from '../storage/conversations.js';

export type LoadedConversation = {
  id: number;
  flow: FlowDefinition;
  stored: StoredSnapshot | null;
  channel: string;
  chatId: string;
};

export function toLoaded(conv: ConversationRow): LoadedConversation {
  return {
    id: conv.id,
    flow: flowOf(conv.flow),
    stored: conv.snapshot === null ? null : readStored(conv.snapshot),
    channel: conv.channel,
    chatId: conv.chatId,
  };
}
