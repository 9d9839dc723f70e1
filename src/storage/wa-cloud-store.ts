// SQLite backing for the WhatsApp Cloud API channel's per-chat memory and the delivery statuses Meta reports.
import { z } from 'zod';
import { Expecting } from '../domain/expecting.js';
import type { RenderedMessage } from '../domain/reply.js';
import { type WaCloudStore, type WaSender, addressOfChatId } from '../ports/wa-cloud-chat-store.js';
import { type WaStatusKind, type WaStatusRecord, advancesStatus } from '../ports/wa-message-status.js';
import type { Db } from './db.js';

const Message = z.object({
  text: z.string(),
  choices: z.array(z.object({ id: z.string(), label: z.string() })),
  expecting: Expecting,
  wordChoices: z.boolean().optional(),
});

function parseMessage(raw: unknown): RenderedMessage | null {
  if (typeof raw !== 'string') return null;
  const r = Message.safeParse(JSON.parse(raw));
  return r.success ? r.data : null;
}

const StatusRow = z.object({
  wamid: z.string(),
  status: z.enum(['sent', 'delivered', 'read', 'failed']),
  at: z.number(),
  error_code: z.number().nullable(),
  error_title: z.string().nullable(),
});

export function sqliteWaCloudStore(db: Db): WaCloudStore & {
  recordStatus(
    wamid: string,
    status: WaStatusKind,
    at: number,
    error?: { code: number; title: string },
  ): void;
  status(wamid: string): WaStatusRecord | null;
  /**
   * WhatsApp says the window is closed (131047): the chat's last inbound time is forgotten, unless the citizen wrote
   * after `sentAt` (the failed message's send), so the next send goes behind the template.
   */
  closeWindow(chatId: string, sentAt: number): void;
  /** The template did not arrive: the next message held for the chat sends it again. */
  forgetTemplate(chatId: string): void;
  /**
   * Takes the latest held copy of `message` held at `heldBy` or before (by the send that failed, not a later one)
   * out of the chat's held messages; false when there is none.
   */
  unhold(chatId: string, message: RenderedMessage, heldBy: number): boolean;
} {
  const upsert = (column: 'last_inbound_at' | 'last_template_at' | 'menu') =>
    db.prepare(
      `INSERT INTO wacloud_chats (chat_id, ${column}) VALUES (?, ?)
       ON CONFLICT (chat_id) DO UPDATE SET ${column} = excluded.${column}`,
    );
  const setInbound = db.prepare(
    `INSERT INTO wacloud_chats (chat_id, last_inbound_at) VALUES (?, ?)
     ON CONFLICT (chat_id) DO UPDATE SET last_inbound_at = max(coalesce(last_inbound_at, 0), excluded.last_inbound_at)`,
  );
  const setTemplate = upsert('last_template_at');
  const setMenu = upsert('menu');
  const chat = db.prepare(
    'SELECT last_inbound_at, last_template_at, menu FROM wacloud_chats WHERE chat_id = ?',
  );
  const insertHeld = db.prepare('INSERT INTO wacloud_held (chat_id, payload, held_at) VALUES (?, ?, ?)');
  const heldFor = db.prepare('SELECT payload FROM wacloud_held WHERE chat_id = ? ORDER BY id').pluck();
  const dropHeld = db.prepare('DELETE FROM wacloud_held WHERE chat_id = ?');
  const getStatus = db.prepare('SELECT * FROM wacloud_statuses WHERE wamid = ?');
  const forgetInbound = db.prepare(
    'UPDATE wacloud_chats SET last_inbound_at = NULL WHERE chat_id = ? AND last_inbound_at <= ?',
  );
  const dropTemplate = db.prepare('UPDATE wacloud_chats SET last_template_at = NULL WHERE chat_id = ?');
  const heldRows = db.prepare(
    'SELECT id, payload FROM wacloud_held WHERE chat_id = ? AND held_at <= ? ORDER BY id DESC',
  );
  const dropOneHeld = db.prepare('DELETE FROM wacloud_held WHERE id = ?');
  const HeldRow = z.object({ id: z.number(), payload: z.string() });
  const putStatus = db.prepare(
    `INSERT INTO wacloud_statuses (wamid, status, at, error_code, error_title) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (wamid) DO UPDATE SET status = excluded.status, at = excluded.at,
       error_code = excluded.error_code, error_title = excluded.error_title`,
  );
  const findLink = db.prepare('SELECT chat_id FROM wacloud_addresses WHERE address = ?').pluck();
  const putLink = db.prepare(
    `INSERT INTO wacloud_addresses (address, chat_id) VALUES (?, ?)
     ON CONFLICT (address) DO UPDATE SET chat_id = excluded.chat_id`,
  );
  const setPhone = db.prepare(
    `INSERT INTO wacloud_chats (chat_id, phone) VALUES (?, ?)
     ON CONFLICT (chat_id) DO UPDATE SET phone = excluded.phone`,
  );
  const setUserId = db.prepare(
    `INSERT INTO wacloud_chats (chat_id, user_id) VALUES (?, ?)
     ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id`,
  );
  const addressRow = db.prepare('SELECT phone, user_id FROM wacloud_chats WHERE chat_id = ?');
  const AddressRow = z.object({ phone: z.string().nullable(), user_id: z.string().nullable() });
  const linked = (address: string): string | null => {
    const r = z.string().safeParse(findLink.get(address));
    return r.success ? r.data : null;
  };
  const link = (chatId: string, sender: WaSender) => {
    if (sender.phone) {
      putLink.run(`p:${sender.phone}`, chatId);
      setPhone.run(chatId, sender.phone);
    }
    if (sender.userId) {
      putLink.run(`u:${sender.userId}`, chatId);
      setUserId.run(chatId, sender.userId);
    }
  };
  const chatFor = db.transaction((sender: WaSender): string => {
    const byPhone = sender.phone ? linked(`p:${sender.phone}`) : null;
    const byUser = sender.userId ? linked(`u:${sender.userId}`) : null;
    const chatId = byPhone ?? byUser ?? sender.phone ?? sender.userId ?? '';
    // Only what is new is written: a citizen already known costs two lookups per message, no writes.
    link(chatId, {
      ...(sender.phone && byPhone !== chatId ? { phone: sender.phone } : {}),
      ...(sender.userId && byUser !== chatId ? { userId: sender.userId } : {}),
    });
    return chatId;
  });
  const ChatRow = z.object({
    last_inbound_at: z.number().nullable(),
    last_template_at: z.number().nullable(),
    menu: z.string().nullable(),
  });
  const row = (chatId: string) => {
    const r = ChatRow.safeParse(chat.get(chatId));
    return r.success ? r.data : null;
  };
  const status = (wamid: string): WaStatusRecord | null => {
    const r = StatusRow.safeParse(getStatus.get(wamid));
    return r.success
      ? {
          wamid: r.data.wamid,
          status: r.data.status,
          at: r.data.at,
          errorCode: r.data.error_code,
          errorTitle: r.data.error_title,
        }
      : null;
  };
  return {
    chatFor: (sender) => chatFor(sender),
    addressOf: (chatId) => {
      const r = AddressRow.safeParse(addressRow.get(chatId));
      if (!r.success || (r.data.phone === null && r.data.user_id === null)) return addressOfChatId(chatId);
      return {
        ...(r.data.phone ? { phone: r.data.phone } : {}),
        ...(r.data.user_id ? { userId: r.data.user_id } : {}),
      };
    },
    changeNumber: (chatId, newPhone) => link(chatId, { phone: newPhone }),
    lastInbound: (chatId) => row(chatId)?.last_inbound_at ?? null,
    recordInbound: (chatId, at) => {
      setInbound.run(chatId, at);
    },
    hold: (chatId, message, at) => {
      insertHeld.run(chatId, JSON.stringify(message), at);
    },
    takeHeld: (chatId) =>
      db.transaction(() => {
        const list = heldFor.all(chatId).flatMap((raw) => {
          const m = parseMessage(raw);
          return m ? [m] : [];
        });
        dropHeld.run(chatId);
        return list;
      })(),
    lastTemplate: (chatId) => row(chatId)?.last_template_at ?? null,
    recordTemplate: (chatId, at) => {
      setTemplate.run(chatId, at);
    },
    saveMenu: (chatId, message) => {
      setMenu.run(chatId, JSON.stringify(message));
    },
    menu: (chatId) => parseMessage(row(chatId)?.menu ?? null),
    recordStatus: (wamid, next, at, error) => {
      if (!advancesStatus(status(wamid), next)) return;
      putStatus.run(wamid, next, at, error?.code ?? null, error?.title ?? null);
    },
    status,
    closeWindow: (chatId, sentAt) => {
      forgetInbound.run(chatId, sentAt);
    },
    forgetTemplate: (chatId) => {
      dropTemplate.run(chatId);
    },
    unhold: (chatId, message, heldBy) => {
      const wanted = JSON.stringify(Message.parse(message));
      for (const raw of heldRows.all(chatId, heldBy)) {
        const r = HeldRow.safeParse(raw);
        if (!r.success) continue;
        const held = parseMessage(r.data.payload);
        if (held && JSON.stringify(held) === wanted) return dropOneHeld.run(r.data.id).changes > 0;
      }
      return false;
    },
  };
}
