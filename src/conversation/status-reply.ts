// The answer to "status": one of the chat's tickets (its status, date, category and due date), or the list of them.
import type { Lang, RenderedMessage } from '../domain/reply.js';
import { witaDate } from '../domain/wita.js';
import { t } from '../i18n/locales.js';
import type { Tickets } from '../storage/tickets.js';

export function statusMessage(
  tickets: Tickets,
  conversationId: number,
  number: string | null,
  lang: Lang,
): RenderedMessage {
  const date = (ms: number) => ({
    date: witaDate(ms),
    precision: 'day' as const,
  });
  const msg = (text: string): RenderedMessage => ({ text, choices: [], expecting: 'none' });
  if (number) {
    const ticket = tickets.findForChat(conversationId, number);
    if (!ticket) return msg(t(lang, 'status.unknown', { ticket: number }));
    return msg(
      t(lang, 'status.one', {
        ticket: ticket.number,
        status: { key: `ticket.status.${ticket.status}` },
        date: date(ticket.createdAt),
        category: { key: `category.${ticket.category}` },
        due: { date: ticket.dueDate, precision: 'day' },
      }),
    );
  }
  const list = tickets.listForChat(conversationId);
  if (list.length === 0) return msg(t(lang, 'status.none'));
  const lines = list.map((tk) =>
    t(lang, 'status.item', {
      ticket: tk.number,
      date: date(tk.createdAt),
      status: { key: `ticket.status.${tk.status}` },
      category: { key: `category.${tk.category}` },
    }),
  );
  return msg([t(lang, 'status.title'), ...lines].join('\n'));
}
