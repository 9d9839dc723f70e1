// telegramConfigFromEnv: off without a token, defaults, webhook secret rules, readable problems.
import { describe, expect, it } from 'vitest';
import { telegramConfigFromEnv } from '../../../src/channels/telegram/telegram-config.js';

const TOKEN = '123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw';

describe('telegramConfigFromEnv', () => {
  it('is off (null) without a token', () => {
    expect(telegramConfigFromEnv({})).toEqual({ ok: true, config: null });
    expect(telegramConfigFromEnv({ TELEGRAM_BOT_TOKEN: '' })).toEqual({ ok: true, config: null });
    expect(telegramConfigFromEnv({ TELEGRAM_MODE: 'webhook' })).toEqual({ ok: true, config: null });
  });

  it('defaults to polling on the real API with 10 MB files', () => {
    expect(telegramConfigFromEnv({ TELEGRAM_BOT_TOKEN: TOKEN })).toEqual({
      ok: true,
      config: {
        token: TOKEN,
        mode: 'polling',
        webhookSecret: null,
        webhookUrl: null,
        apiRoot: 'https://api.telegram.org',
        maxFileBytes: 10 * 1024 * 1024,
        officerChatIds: [],
      },
    });
  });

  it('requires a well-formed secret in webhook mode', () => {
    const missing = telegramConfigFromEnv({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: 'webhook' });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.problems.join()).toMatch(/TELEGRAM_WEBHOOK_SECRET: required/);
    const bad = telegramConfigFromEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: 'has spaces!',
    });
    expect(!bad.ok && bad.problems.join()).toMatch(/TELEGRAM_WEBHOOK_SECRET/);
    const long = telegramConfigFromEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: 'a'.repeat(257),
    });
    expect(long.ok).toBe(false);
    const good = telegramConfigFromEnv({
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: 'Abc_123-xyz',
      TELEGRAM_WEBHOOK_URL: 'https://aduan.example.id/channels/telegram/webhook',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      TELEGRAM_MAX_FILE_MB: '5',
      TELEGRAM_OFFICER_CHAT_IDS: '-100123, -100456',
    });
    expect(good).toMatchObject({
      ok: true,
      config: {
        mode: 'webhook',
        webhookSecret: 'Abc_123-xyz',
        apiRoot: 'http://127.0.0.1:8081',
        maxFileBytes: 5 * 1024 * 1024,
        officerChatIds: ['-100123', '-100456'],
      },
    });
  });

  it('explains wrong values without echoing the token', () => {
    const r = telegramConfigFromEnv({
      TELEGRAM_BOT_TOKEN: 'not-a-token',
      TELEGRAM_MODE: 'push',
      TELEGRAM_API_ROOT: 'ftp://x',
      TELEGRAM_MAX_FILE_MB: 'ten',
    });
    expect(r.ok).toBe(false);
    const text = r.ok ? '' : r.problems.join('\n');
    for (const name of ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_MODE', 'TELEGRAM_API_ROOT', 'TELEGRAM_MAX_FILE_MB']) {
      expect(text).toContain(name);
    }
    expect(text).not.toContain('not-a-token');
  });
});
