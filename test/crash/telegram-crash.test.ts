// Crash tests for the Telegram channel: the real service (`node --import tsx src/app/main.ts`) polls the fake Bot API,
// is SIGKILLed at a fault point and restarted on the same data while the fake keeps running (and keeps the updates
// nobody confirmed). Every reply must reach the chat, a committed update served again must be a duplicate, and a
// send cut off after the platform acknowledged it may be repeated once, never more.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/locales.js';
import { FakeTelegram, TelegramUser } from '../fakes/telegram-bot-api.js';
import { type ServiceChild, killAll, startService, tsxAvailable } from './child.js';

/** The service's outbox lease, shortened (OUTBOX_LEASE_S, minimum 5) so a send cut off mid-way is retried soon. */
const LEASE_S = 5;
const TEST_TIMEOUT = 90_000;
const STORY =
  'Selamat pagi. Saya ingin melaporkan bahwa KTP-el saya belum selesai dicetak sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin.';

const CONSENT = t('id', 'ask.consent');
const STORY_QUESTION = t('id', 'ask.story');

const dirs: string[] = [];
const fakes: FakeTelegram[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aduan-tg-crash-'));
  dirs.push(dir);
  return dir;
}

async function fakeTelegram(): Promise<FakeTelegram> {
  const fake = await new FakeTelegram().start();
  fakes.push(fake);
  return fake;
}

/** The service's environment with Telegram polling the fake (and the other channels off). */
function telegramEnv(fake: FakeTelegram, dataDir: string, extra: Record<string, string> = {}) {
  return {
    DATA_DIR: dataDir,
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_MODE: 'polling',
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: '',
    TELEGRAM_WEBHOOK_SECRET: '',
    TELEGRAM_OFFICER_CHAT_IDS: '',
    OUTBOX_LEASE_S: String(LEASE_S),
    ...extra,
  };
}

type DbState = { inbound: number; integrity: string; outbox: Record<string, number> };

function inspectDb(dataDir: string): DbState {
  const db = new Database(join(dataDir, 'aduan.db'), { readonly: true, fileMustExist: true });
  try {
    const inbound = db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get() as number;
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const rows = db.prepare('SELECT status, COUNT(*) AS n FROM outbox GROUP BY status').all() as {
      status: string;
      n: number;
    }[];
    return { inbound, integrity, outbox: Object.fromEntries(rows.map((r) => [r.status, r.n])) };
  } finally {
    db.close();
  }
}

const plain = (html: string) => html.replace(/<\/?b>/g, '');

/** sendMessage calls (texts as sent, with their time) whose text shows `wanted`. */
function sendsWith(fake: FakeTelegram, wanted: string): { text: string; at: number }[] {
  return fake
    .callsTo('sendMessage')
    .map((c) => ({ text: String(c.body.text), at: c.at }))
    .filter((s) => plain(s.text).includes(wanted));
}

/** Polls until `cond` holds; the failure message carries the children's output. */
async function until(
  cond: () => boolean,
  what: string,
  timeoutMs: number,
  children: ServiceChild[] = [],
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}\n${children.map((c) => c.output()).join('\n---\n')}`,
      );
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(() => {
  expect(tsxAvailable(), 'node_modules/.bin/tsx and node_modules/tsx must exist').toBe(true);
});

afterEach(async () => {
  await killAll();
  for (const f of fakes.splice(0)) await f.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('Telegram (polling) through the real service, killed at a fault point', () => {
  it(
    'after_commit: the reply of the committed update is sent after the restart and its lease, once; the update served again is a duplicate',
    async () => {
      const fake = await fakeTelegram();
      const dataDir = tempDir();
      const siti = new TelegramUser(5550101);
      const chatId = String(siti.chatId);

      const first = await startService(
        telegramEnv(fake, dataDir, { ADUAN_FAULT: 'after_commit', ADUAN_FAULT_AFTER: '2' }),
      );
      fake.push(siti.text('/start'));
      await until(() => sendsWith(fake, CONSENT).length === 1, 'the consent question', 15_000, [first]);
      // The next getUpdates confirms /start (offset past it): only the next update is left to be served again.
      await until(() => fake.pendingUpdates === 0, '/start to be confirmed', 15_000, [first]);

      const tap = siti.tap('yes');
      const tapId = (tap.callback_query as { id: string }).id;
      const tapUpdateId = fake.push(tap);
      const exit = await first.waitExit(15_000);
      const killedAt = Date.now();
      expect(exit, first.output()).toEqual({ code: null, signal: 'SIGKILL' });

      // Straight after the kill: the tap and its reply are committed, the reply unsent, the tap unconfirmed. The reply
      // was written already claimed for the sender (nothing was waiting in the chat), so it is 'sending' under its
      // lease: the process that died cannot be told from one still sending it.
      const killed = inspectDb(dataDir);
      expect(killed).toEqual({ inbound: 2, integrity: 'ok', outbox: { sent: 1, sending: 1 } });
      expect(sendsWith(fake, STORY_QUESTION)).toHaveLength(0);
      expect(fake.pendingUpdates).toBe(1);

      const restartedAt = Date.now();
      const second = await startService(telegramEnv(fake, dataDir));
      await until(() => sendsWith(fake, STORY_QUESTION).length >= 1, 'the story question', 15_000, [second]);
      const storyAt = sendsWith(fake, STORY_QUESTION)[0]!.at;
      // Once its lease ran out (LEASE_S from the commit before the kill), not before.
      expect(storyAt - killedAt).toBeGreaterThanOrEqual(LEASE_S * 1000 - 1500);
      // The fake served the tap again (offset 0 after the restart); the new process handled it and confirmed it.
      await until(() => fake.pendingUpdates === 0, 'the tap to be confirmed again', 15_000, [second]);
      const getUpdatesAfter = fake.callsTo('getUpdates').filter((c) => c.at >= restartedAt);
      expect(getUpdatesAfter[0]?.body.offset ?? 0).toBe(0);
      expect(getUpdatesAfter.some((c) => c.body.offset === tapUpdateId + 1)).toBe(true);
      const answers = fake.callsTo('answerCallbackQuery').filter((c) => c.body.callback_query_id === tapId);
      expect(answers.filter((c) => c.at >= restartedAt).length).toBeGreaterThanOrEqual(1);

      // A few sweeps later nothing more went out: each reply exactly once.
      await sleep(2500);
      expect(sendsWith(fake, CONSENT)).toHaveLength(1);
      expect(sendsWith(fake, STORY_QUESTION)).toHaveLength(1);
      const texts = fake.sentTexts();
      expect(new Set(texts).size, texts.join('\n---\n')).toBe(texts.length);
      expect(fake.callsTo('sendMessage').every((c) => String(c.body.chat_id) === chatId)).toBe(true);

      expect(await second.stop(), second.output()).toEqual({ code: 0, signal: null });
      expect(inspectDb(dataDir)).toEqual({ inbound: 2, integrity: 'ok', outbox: { sent: 2 } });
      console.info(
        `[telegram after_commit] sendMessage ${texts.length} (consent 1, story 1); ` +
          `story question ${storyAt - restartedAt} ms after the restart; ` +
          `answerCallbackQuery for the tap: ${answers.length} (${answers.filter((c) => c.at >= restartedAt).length} after the restart)`,
      );
    },
    TEST_TIMEOUT,
  );

  it(
    'mid_send: the acknowledged send is repeated at most once, after the lease; later replies go out once',
    async () => {
      const fake = await fakeTelegram();
      const dataDir = tempDir();
      const siti = new TelegramUser(5550202);

      const first = await startService(
        telegramEnv(fake, dataDir, { ADUAN_FAULT: 'mid_send', ADUAN_FAULT_AFTER: '1' }),
      );
      fake.push(siti.text('/start'));
      const exit = await first.waitExit(15_000);
      expect(exit, first.output()).toEqual({ code: null, signal: 'SIGKILL' });
      // The fake acknowledged the consent question; the outbox still has it in `sending` under its lease.
      expect(sendsWith(fake, CONSENT)).toHaveLength(1);
      const firstSendAt = sendsWith(fake, CONSENT)[0]!.at;
      const killed = inspectDb(dataDir);
      expect(killed).toEqual({ inbound: 1, integrity: 'ok', outbox: { sending: 1 } });
      const unconfirmedAtKill = fake.pendingUpdates;

      const restartedAt = Date.now();
      const second = await startService(telegramEnv(fake, dataDir));
      // The lease ran from the claim (just before the send): the repeat comes about LEASE_S after it.
      await until(
        () => sendsWith(fake, CONSENT).length >= 2,
        'the consent question to be repeated after the lease',
        (LEASE_S + 10) * 1000,
        [second],
      ).catch(() => undefined);
      const consentSends = sendsWith(fake, CONSENT);
      expect(consentSends.length).toBeGreaterThanOrEqual(1);
      expect(consentSends.length).toBeLessThanOrEqual(2);
      const repeatAt = consentSends[1]?.at;
      // /start itself was committed before the kill: if it is served again it is a duplicate.
      await until(() => fake.pendingUpdates === 0, '/start to be confirmed', 15_000, [second]);
      expect(inspectDb(dataDir).inbound).toBe(1);

      const before = fake.sentTexts().length;
      fake.push(siti.tap('yes'));
      await until(() => sendsWith(fake, STORY_QUESTION).length >= 1, 'the story question', 15_000, [second]);
      fake.push(siti.text(STORY));
      await until(
        () => {
          const db = inspectDb(dataDir);
          return db.inbound === 3 && Object.keys(db.outbox).join() === 'sent';
        },
        'the story to be committed and its replies sent',
        15_000,
        [second],
      );
      await until(() => fake.sentTexts().length > before + 1, 'a reply to the story', 15_000, [second]);
      await sleep(2500);

      expect(sendsWith(fake, CONSENT)).toHaveLength(consentSends.length);
      expect(sendsWith(fake, STORY_QUESTION)).toHaveLength(1);
      const later = fake.sentTexts().slice(before);
      expect(new Set(later).size, later.join('\n---\n')).toBe(later.length);

      expect(await second.stop(), second.output()).toEqual({ code: 0, signal: null });
      const end = inspectDb(dataDir);
      expect(end.integrity).toBe('ok');
      expect(end.inbound).toBe(3);
      expect(Object.keys(end.outbox)).toEqual(['sent']);
      expect(end.outbox.sent).toBe(1 + later.length);
      console.info(
        `[telegram mid_send] consent question sent ${consentSends.length}x; ` +
          `kill→restart ${restartedAt - firstSendAt} ms; /start unconfirmed at the kill: ${unconfirmedAtKill === 1}; ` +
          (repeatAt === undefined
            ? 'no repeat'
            : `repeat ${repeatAt - firstSendAt} ms after the first send, ${repeatAt - restartedAt} ms after the restart`) +
          `; later replies ${later.length}, each once: ${JSON.stringify(later.map((s) => plain(s).slice(0, 40)))}`,
      );
    },
    TEST_TIMEOUT,
  );
});
