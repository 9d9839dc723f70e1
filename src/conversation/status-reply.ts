// The answer to "status": one of the chat's tickets (status, date, category, deadline now), or all of them.
import type { Lang, RenderedMessage } from '../domain/reply.js';
import { witaDate } from '../domain/wita.js';
import { t } from '../i18n/locales.js';
import type { Store } from '../storage/store.js';
import { openStage, stageText } from '../tickets/stage-words.js';

export function statusMessage(
  { tickets, ticketDeadlines }: Pick<Store, 'tickets' | 'ticketDeadlines'>,
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
        due: stageText(lang, openStage(ticketDeadlines.current(ticket.id))),
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
