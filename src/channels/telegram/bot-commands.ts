// The bot's command menu (/start, /batal, /bantuan, /status) with descriptions from the locales, per language.
import type { Telegram } from 'telegraf';
import type { BotCommand } from 'telegraf/types';
import type { Lang } from '../../domain/reply.js';
import { t } from '../../i18n/locales.js';

export const BOT_COMMANDS = ['start', 'batal', 'bantuan', 'status'] as const;

export function botCommands(lang: Lang): BotCommand[] {
  return BOT_COMMANDS.map((command) => ({ command, description: t(lang, `command.${command}`) }));
}

/** Indonesian for everyone, English for clients set to English. */
export async function registerCommands(telegram: Telegram): Promise<void> {
  await telegram.setMyCommands(botCommands('id'));
  await telegram.setMyCommands(botCommands('en'), { language_code: 'en' });
}
