// What the channel must remember per chat (24-hour window, held messages, long menus); the service backs it.
import type { RenderedMessage } from '../../i18n/locales.js';

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

/** Everything the channel keeps; every call is synchronous (SQLite in the service, Maps in tests). */
export type WaCloudStore = WindowStore & HeldStore & MenuStore;

/** A Map-backed store: tests, and a development fallback (forgets everything on restart). */
export function memoryWaCloudStore(): WaCloudStore {
  const inbound = new Map<string, number>();
  const templates = new Map<string, number>();
  const held = new Map<string, RenderedMessage[]>();
  const menus = new Map<string, RenderedMessage>();
  return {
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
