// The chats retention erases whole once they are quiet: conversations that hold no ticket still inside retention (each
// one erased, or none filed) whose citizen last wrote at or before a cutoff; read a window of conversations at a time.
import { z } from 'zod';
import type { Db } from './db.js';

/** A quiet chat: its conversation and address. */
export type QuietChat = { id: number; chatId: string };

const Rows = z.array(z.object({ id: z.number(), chat_id: z.string() }));

export class QuietChats {
  private readonly windowEnd;
  private readonly quietIn;

  constructor(db: Db) {
    this.windowEnd = db
      .prepare('SELECT max(id) FROM (SELECT id FROM conversations WHERE id > ? ORDER BY id LIMIT ?)')
      .pluck();
    // The last message in: the newest row of the chat's inbound index (ids grow with time).
    this.quietIn = db.prepare(
      `SELECT c.id, c.chat_id FROM conversations c
       WHERE c.id > @after AND c.id <= @last AND c.chat_id NOT LIKE 'erased:%'
         AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.conversation_id = c.id AND t.erased_at IS NULL)
         AND coalesce((SELECT i.received_at FROM inbound_messages i WHERE i.conversation_id = c.id
                       ORDER BY i.id DESC LIMIT 1), c.created_at) <= @cutoff
       ORDER BY c.id`,
    );
  }

  /**
   * The quiet chats among the `size` conversations after `after`, and the last conversation that window reached
   * (null when none is left after `after`: the next window starts from the beginning again).
   */
  window(after: number, size: number, cutoff: number): { quiet: QuietChat[]; last: number | null } {
    const last = z.number().nullable().parse(this.windowEnd.get(after, size));
    if (last === null) return { quiet: [], last: null };
    const quiet = Rows.parse(this.quietIn.all({ after, last, cutoff })).map((r) => ({
      id: r.id,
      chatId: r.chat_id,
    }));
    return { quiet, last };
  }
}
