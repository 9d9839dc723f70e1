// What the channel must remember per chat (24-hour window, held messages, long menus); the service backs it.
import type { RenderedMessage } from '../domain/reply.js';

/** When the citizen last wrote: free-form messages may only be sent within 24 hours of it. */
export interface WindowStore {
  lastInbound(chatId: string): number | null;
  recordInbound(chatId: string, at: number): void;
}

/** Messages kept while the window is closed, and when the template that announced them went out. */
export interface HeldStore {
  hold(chatId: string, message: RenderedMessage, at: number): void;
  /** Removes and returns the chat's held messages, oldest first. */
  takeHeld(chatId: string): RenderedMessage[];
  lastTemplate(chatId: string): number | null;
  recordTemplate(chatId: string, at: number): void;
}

/** The last long (paged) menu sent to a chat, so that a `__more:<page>` reply can be answered. */
export interface MenuStore {
  saveMenu(chatId: string, message: RenderedMessage): void;
  menu(chatId: string): RenderedMessage | null;
}

/** How WhatsApp names a sender: the phone number (digits), a business-scoped user id (BSUID), or both. */
export type WaSender = { phone?: string; userId?: string };

/**
 * One citizen, one chat: a phone and the business-scoped ids Meta issues (a new one when the number changes) are
 * linked to the chat id the conversation and tickets are kept under.
 */
export interface IdentityStore {
  /** The chat of this sender, linking any address not known yet; a new chat (named by the phone, else the id). */
  chatFor(sender: WaSender): string;
  /** Where replies to a chat go: its phone where known, else its business-scoped id. */
  addressOf(chatId: string): WaSender;
  /** `system` user_changed_number: the new number reaches the same chat (the old one stays linked). */
  changeNumber(chatId: string, newPhone: string): void;
}

/** Everything the channel keeps; every call is synchronous (SQLite in the service, Maps in tests). */
export type WaCloudStore = WindowStore & HeldStore & MenuStore & IdentityStore;

/** A chat id that names itself: digits are a phone (chats from before identities were linked), else a BSUID. */
export function addressOfChatId(chatId: string): WaSender {
  return /^[0-9]+$/.test(chatId) ? { phone: chatId } : { userId: chatId };
}

/** A Map-backed store: tests, and a development fallback (forgets everything on restart). */
export function memoryWaCloudStore(): WaCloudStore {
  const inbound = new Map<string, number>();
  const templates = new Map<string, number>();
  const held = new Map<string, RenderedMessage[]>();
  const menus = new Map<string, RenderedMessage>();
  const links = new Map<string, string>();
  const addresses = new Map<string, WaSender>();
  const link = (chatId: string, sender: WaSender) => {
    if (sender.phone) links.set(`p:${sender.phone}`, chatId);
    if (sender.userId) links.set(`u:${sender.userId}`, chatId);
    const known = addresses.get(chatId) ?? {};
    addresses.set(chatId, { ...known, ...sender });
  };
  return {
    chatFor: (sender) => {
      const chatId =
        (sender.phone ? links.get(`p:${sender.phone}`) : undefined) ??
        (sender.userId ? links.get(`u:${sender.userId}`) : undefined) ??
        sender.phone ??
        sender.userId ??
        '';
      link(chatId, sender);
      return chatId;
    },
    addressOf: (chatId) => addresses.get(chatId) ?? addressOfChatId(chatId),
    changeNumber: (chatId, newPhone) => {
      link(chatId, { phone: newPhone });
    },
    lastInbound: (chatId) => inbound.get(chatId) ?? null,
    recordInbound: (chatId, at) => {
      inbound.set(chatId, Math.max(at, inbound.get(chatId) ?? 0));
    },
    hold: (chatId, message) => {
      held.set(chatId, [...(held.get(chatId) ?? []), message]);
    },
    takeHeld: (chatId) => {
      const list = held.get(chatId) ?? [];
      held.delete(chatId);
      return list;
    },
    lastTemplate: (chatId) => templates.get(chatId) ?? null,
    recordTemplate: (chatId, at) => {
      templates.set(chatId, at);
    },
    saveMenu: (chatId, message) => {
      menus.set(chatId, message);
    },
    menu: (chatId) => menus.get(chatId) ?? null,
  };
}
