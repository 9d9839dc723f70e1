// SQLite backing for the WhatsApp Cloud API channel's per-chat memory and the delivery statuses Meta reports.
import { z } from 'zod';
import type { WaCloudStore } from '../channels/wa-cloud/chat-store.js';
import {
  type WaStatusKind,
  type WaStatusRecord,
  advancesStatus,
} from '../channels/wa-cloud/message-status.js';
import { Expecting } from '../conversation/expecting.js';
import type { RenderedMessage } from '../i18n/locales.js';
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
  const putStatus = db.prepare(
    `INSERT INTO wacloud_statuses (wamid, status, at, error_code, error_title) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (wamid) DO UPDATE SET status = excluded.status, at = excluded.at,
       error_code = excluded.error_code, error_title = excluded.error_title`,
  );
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
  };
}
