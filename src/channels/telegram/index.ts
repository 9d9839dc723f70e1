// The Telegram channel's public surface for the service: its config parser and its adapter.
export { TelegramChannel, type TelegramChannelOptions, type ChannelLog } from './telegram-channel.js';
export {
  TelegramConfig,
  telegramConfigFromEnv,
  type TelegramConfigResult,
  type TelegramSettings,
} from './telegram-config.js';
