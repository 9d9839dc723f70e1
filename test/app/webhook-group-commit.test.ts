// The service's Telegram webhook over the group commit: updates that arrive together are committed together and
// each is answered 200 only after that commit; a commit the disk refuses answers 500 (Telegram redelivers), shows in
// /readyz, and the same update goes through once there is room again.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import { type Service, buildService } from '../../src/app/service.js';
import { FakeTelegram, TelegramUser } from '../fakes/telegram-bot-api.js';

const SECRET = 'group_commit_secret';

describe('webhook updates in group commits', () => {
  let service: Service;
  let tg: FakeTelegram;
  let base: string;
  beforeAll(async () => {
    tg = await new FakeTelegram().start();
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: join(mkdtempSync(join(tmpdir(), 'aduan-group-')), 'data'),
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.apiRoot,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_SEND_LIMITS: '0',
    });
    service = buildService({ config, log: createLogger('silent') });
    await service.start();
    base = `http://127.0.0.1:${service.port}`;
  }, 30_000);
  afterAll(async () => {
    await service?.stop();
    await tg?.close();
  });

  const post = (update: unknown) =>
    fetch(`${base}/channels/telegram/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
      body: JSON.stringify(update),
    });
  const stored = (chatId: string) =>
    service.db
      .prepare(
        'SELECT count(*) FROM inbound_messages i JOIN conversations c ON c.id = i.conversation_id WHERE c.chat_id = ?',
      )
      .pluck()
      .get(chatId);
  const until = async (cond: () => boolean, what: string) => {
    for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
    if (!cond()) throw new Error(`timed out waiting for ${what}`);
  };

  it('answers each of many updates sent at once after its commit, and every chat gets its reply', async () => {
    const users = Array.from({ length: 20 }, (_, i) => new TelegramUser(7700100 + i, `Warga ${i}`));
    const answers = await Promise.all(
      users.map(async (u, i) => {
        const res = await post({ update_id: 1000 + i, ...u.text('/start') });
        // Committed by the time the answer is read.
        return { status: res.status, stored: stored(String(u.chatId)) };
      }),
    );
    expect(answers).toEqual(users.map(() => ({ status: 200, stored: 1 })));
    await until(() => tg.callsTo('sendMessage').length >= users.length, 'a reply to every chat');
    const chats = new Set(tg.callsTo('sendMessage').map((c) => String(c.body.chat_id)));
    expect(chats).toEqual(new Set(users.map((u) => String(u.chatId))));
  });

  it('answers 500 when the disk refuses the commit, and takes the same update once there is room', async () => {
    const user = new TelegramUser(7700999, 'Penuh');
    const db = service.db;
    const pages = Number(db.pragma('page_count', { simple: true }));
    db.pragma(`max_page_count = ${pages}`);
    const update = { update_id: 5000, ...user.text('jalan rusak parah di depan sekolah '.repeat(120)) };
    let status = 0;
    for (let i = 0; i < 30 && status !== 500; i++) {
      status = (await post({ ...update, update_id: 5000 + i })).status;
    }
    expect(status).toBe(500);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ storage: { ok: false, code: 'SQLITE_FULL' } });

    db.pragma('max_page_count = 1073741823');
    const again = await post({ ...update, update_id: 6000 });
    expect(again.status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});
