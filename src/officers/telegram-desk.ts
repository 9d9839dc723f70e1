// What an officer does from the agency's Telegram group: link the Telegram user (`/tautkan`), press a ticket's
// button (a status change with the linked account's own scope and rights), write to the citizen with `/balas`.
// Officers read Indonesian in the group; the private chat's answer follows the Telegram client's language.
import type { Lang } from '../domain/reply.js';
import { parseTicketButton } from '../domain/ticket-buttons.js';
import { t } from '../i18n/locales.js';
import type { Store } from '../storage/store.js';
import type { TelegramLinking } from './telegram-linking.js';
import type { ActionProblem, TicketActions } from './ticket-actions.js';
import { mustSetUpTwoFactor } from './two-factor.js';

export type TelegramDeskDeps = {
  store: Store;
  actions: TicketActions;
  linking: TelegramLinking;
};

type Press = { answer: string; alert: boolean; announce: { ticket: string; text: string } | null };

/** A refusal as the group reads it: outside the account's rights, or a move not allowed from the ticket's status. */
const refusal = (problem: ActionProblem) =>
  problem === 'not_found' || problem === 'read_only' ? 'officer.bot.refused' : 'officer.bot.not_allowed';

export class TelegramDesk {
  constructor(private readonly deps: TelegramDeskDeps) {}

  link(telegramUserId: string, code: string, lang: Lang): string {
    if (!code) return t(lang, 'officer.bot.link_usage');
    const r = this.deps.linking.redeem(telegramUserId, code);
    if (r.ok) return t(lang, 'officer.bot.linked', { username: r.officer.username });
    if (r.problem === 'throttled')
      return t(lang, 'officer.bot.link_throttled', { minutes: Math.max(1, Math.ceil(r.retryInMs / 60_000)) });
    return t(lang, 'officer.bot.link_wrong');
  }

  exposedCode(code: string): string {
    if (code) this.deps.linking.burn(code);
    return t('id', 'officer.bot.link_in_group');
  }

  press(telegramUserId: string, data: string): Press {
    const button = parseTicketButton(data);
    if (!button) return { answer: '', alert: false, announce: null };
    const officer = this.deps.linking.officerOf(telegramUserId);
    if (!officer) return { answer: t('id', 'officer.bot.not_linked'), alert: true, announce: null };
    if (mustSetUpTwoFactor(this.deps.store, officer))
      return { answer: t('id', 'officer.bot.two_factor_needed'), alert: true, announce: null };
    const vars = { ticket: button.ticket, status: t('id', `officer.status.${button.status}`) };
    const moved = this.deps.actions.changeStatus(officer, button.ticket, button.status, {
      message: null,
      reason: null,
    });
    if (!moved.ok) return { answer: t('id', refusal(moved.problem), vars), alert: true, announce: null };
    const name = officer.name ?? officer.username;
    return {
      answer: t('id', 'officer.bot.moved', vars),
      alert: false,
      announce: { ticket: button.ticket, text: t('id', 'officer.bot.announce', { ...vars, name }) },
    };
  }

  reply(p: { telegramUserId: string; chatId: string; replyTo: number | null; text: string }): string {
    const officer = this.deps.linking.officerOf(p.telegramUserId);
    if (!officer) return t('id', 'officer.bot.not_linked');
    if (mustSetUpTwoFactor(this.deps.store, officer)) return t('id', 'officer.bot.two_factor_needed');
    const ticket = p.replyTo === null ? null : this.deps.store.telegramOfficers.ticketOf(p.chatId, p.replyTo);
    if (!ticket || !p.text) return t('id', 'officer.bot.reply_help');
    const written = this.deps.actions.write(officer, ticket, 'reply', p.text);
    if (written.ok) return t('id', 'officer.bot.replied', { ticket });
    if (written.problem === 'empty') return t('id', 'officer.bot.reply_help');
    return t('id', 'officer.bot.refused', { ticket });
  }

  posted(chatId: string, messageId: number, ticket: string): void {
    this.deps.store.telegramOfficers.recordMessage(chatId, messageId, ticket);
  }
}
