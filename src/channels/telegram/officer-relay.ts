// The officer desk's Telegram side: answers a ticket button, `/balas` and `/tautkan` with the words the desk gives
// (the desk, built in the composition, decides; the channel only carries), outside the citizens' conversations.
import type { Telegraf } from 'telegraf';
import type { Lang } from '../../domain/reply.js';
import { redactToken } from '../../platforms/telegram/send-errors.js';
import type { OfficerUpdate } from './officer-updates.js';

/** A button's outcome: the answer to the press (an alert when refused), and a line for the group when done. */
export type DeskPress = { answer: string; alert: boolean; announce: { ticket: string; text: string } | null };

/** What the channel asks of the officers' side. Every method commits before it returns; a throw is redelivered. */
export interface OfficerDesk {
  /** `/tautkan KODE` in a private chat: links the Telegram user; the answer for that chat. */
  link(telegramUserId: string, code: string, lang: Lang): string;
  /** `/tautkan KODE` typed in a group: the code stops working; the answer for the group. */
  exposedCode(code: string): string;
  /** A ticket button pressed by this Telegram user. */
  press(telegramUserId: string, data: string): DeskPress;
  /** `/balas <text>` in a group, as a reply to `replyTo` (null: not a reply); the answer for the group. */
  reply(p: { telegramUserId: string; chatId: string; replyTo: number | null; text: string }): string;
  /** The bot posted a line about a ticket in a group: a `/balas` to it reaches that ticket too. */
  posted(chatId: string, messageId: number, ticket: string): void;
}

type Log = { warn(obj: object, msg: string): void };

const describe = (err: unknown) => redactToken(err instanceof Error ? err.message : String(err));

export class OfficerRelay {
  constructor(
    private readonly bot: Telegraf,
    private readonly desk: OfficerDesk | undefined,
    private readonly limiter: { acquire(chatId: string): Promise<void> },
    private readonly log: Log,
  ) {}

  /** Resolves once the desk committed and the answers were sent (a failed send is logged, never redelivered). */
  async handle(u: OfficerUpdate): Promise<void> {
    const desk = this.desk;
    if (u.action === 'press') {
      const r = desk?.press(u.userId, u.data);
      await this.bot.telegram
        .answerCbQuery(u.queryId, r?.answer || undefined, { show_alert: r?.alert ?? false })
        .catch((err: unknown) =>
          this.log.warn({ err: describe(err) }, 'telegram answerCallbackQuery failed'),
        );
      const sent = r?.announce ? await this.say(u.chatId, r.announce.text, u.messageId) : null;
      if (desk && r?.announce && sent !== null) desk.posted(u.chatId, sent, r.announce.ticket);
      return;
    }
    if (!desk || !this.addressedHere(u.mention)) return;
    if (u.action === 'link') {
      await this.say(u.chatId, desk.link(u.userId, u.rest, u.lang), null);
      return;
    }
    const text =
      u.action === 'exposed_code'
        ? desk.exposedCode(u.rest)
        : desk.reply({ telegramUserId: u.userId, chatId: u.chatId, replyTo: u.replyTo, text: u.rest });
    await this.say(u.chatId, text, u.messageId);
  }

  /** `/balas@OtherBot` is another bot's command; unnamed or named after this bot, it is ours. */
  private addressedHere(mention: string | null): boolean {
    const me = this.bot.botInfo?.username;
    return mention === null || me === undefined || mention.toLowerCase() === me.toLowerCase();
  }

  /** Sends a plain line (as a reply to `replyTo`), within the send limits; its message id, or null when it failed. */
  private async say(chatId: string, text: string, replyTo: number | null): Promise<number | null> {
    await this.limiter.acquire(chatId);
    try {
      const extra =
        replyTo === null
          ? {}
          : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } };
      return (await this.bot.telegram.sendMessage(chatId, text, extra)).message_id;
    } catch (err) {
      this.log.warn({ chatId, err: describe(err) }, 'telegram officer answer not sent');
      return null;
    }
  }
}
