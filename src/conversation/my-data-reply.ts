// The answer to "data saya": what Aduan holds about this chat (its address masked; each ticket with its state, identity
// mode, the identity held with NIK and phone masked, and its files; a draft in progress), how long it is kept, and how
// to erase it.
import type { Lang, RenderedMessage } from '../domain/reply.js';
import { t } from '../i18n/locales.js';
import type { Store } from '../storage/store.js';
import { maskNik } from '../understand/nik.js';
import { maskPhone } from '../understand/phone.js';
import type { RetentionSettings } from './retention-settings.js';

/** The chat's address as the citizen may see it in a message: a phone number masked, an id by its end only. */
function chatLabel(lang: Lang, channel: string, chatId: string): string {
  const tail = `…${chatId.slice(-4)}`;
  if (channel === 'telegram') return t(lang, 'mydata.chat.telegram', { id: tail });
  if (channel === 'wacloud' || channel === 'whatsapp') {
    const digits = chatId.replace(/@.*$/, '');
    return t(lang, 'mydata.chat.whatsapp', {
      id: /^\d{8,15}$/.test(digits) ? maskPhone(`+${digits}`) : tail,
    });
  }
  if (channel === 'web') return t(lang, 'mydata.chat.web');
  return t(lang, 'mydata.chat.other', { channel });
}

export function myDataMessage(
  store: Pick<Store, 'erasure' | 'tickets' | 'attachments'>,
  conv: { id: number; channel: string; chatId: string },
  draft: boolean,
  lang: Lang,
  settings: RetentionSettings,
): RenderedMessage {
  const tickets = store.erasure.chatTickets(conv.id).flatMap((ticket) => {
    const c = store.tickets.complaint(ticket.id);
    const summary = store.tickets.findForChat(conv.id, ticket.number);
    if (!c || !summary) return [];
    const identity =
      c.identityMode === 'anonim'
        ? t(lang, 'mydata.identity_none')
        : t(lang, 'mydata.identity', {
            name: c.name ?? '–',
            nik: c.nik ? maskNik(c.nik) : '–',
            phone: c.phone ? maskPhone(c.phone) : '–',
          });
    return [
      t(lang, 'mydata.ticket', {
        ticket: ticket.number,
        status: { key: `ticket.status.${summary.status}` },
        mode: { key: `identity.${c.identityMode}` },
        identity,
        files: store.attachments.ofTicket(ticket.id).length,
      }),
    ];
  });
  const text = [
    t(lang, 'mydata.title', { chat: chatLabel(lang, conv.channel, conv.chatId) }),
    tickets.length > 0 ? [t(lang, 'mydata.tickets'), ...tickets].join('\n') : t(lang, 'mydata.no_tickets'),
    ...(draft ? [t(lang, 'mydata.draft')] : []),
    t(lang, 'mydata.kept', { days: settings.days, draftDays: settings.draftDays }),
    t(lang, 'mydata.erase_hint'),
  ].join('\n\n');
  return { text, choices: [], expecting: 'none' };
}
