// The buttons under a ticket in its agency's officers' Telegram group follow the ticket over the fake Bot API: a
// change from the web page, the API or the group's own buttons queues an update with the change, and the forwarder's drain edits them
// (editMessageReplyMarkup) to the moves valid now; "message is not modified" and a deleted message end the update;
// a move to another agency takes them away in the old group; only a change that happened edits anything.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildForwarder } from '../../src/app/build-forwarder.js';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import type { Forwarder } from '../../src/forwarding/forwarder.js';
import type { createApp } from '../../src/http/app.js';
import { TelegramDesk } from '../../src/officers/telegram-desk.js';
import { TelegramLinking } from '../../src/officers/telegram-linking.js';
import { FakeTelegram } from '../fakes/telegram-bot-api.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import {
  type AssignmentFixture,
  PASSWORD,
  PUPR,
  ROAD,
  assignmentFixture,
  fileTicket,
} from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { csrfIn, pageClient } from '../helpers/page-session.js';

const GROUP = '-100555000111';

describe('the ticket’s buttons in the officers’ group follow its status', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let fake: FakeTelegram;
  let forwarder: Forwarder;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};

  /** The callback data of each editMessageReplyMarkup the fake saw, one list per edit. */
  const edits = () =>
    fake.callsTo('editMessageReplyMarkup').map((c) => {
      const markup = c.body.reply_markup as { inline_keyboard: { callback_data: string }[][] };
      return markup.inline_keyboard.flat().map((b) => b.callback_data);
    });
  const status = async (username: string | null, to: string) => {
    const client = pageClient(app);
    const jar = await client.signIn(username, PASSWORD);
    // Someone who may not see the ticket takes the token from the inbox.
    const csrf =
      csrfIn(await (await client.get(jar, `/petugas/tiket/${f.road}`)).text()) ||
      csrfIn(await (await client.get(jar, '/petugas')).text());
    const res = await client.post(jar, `/petugas/tiket/${f.road}/status`, {
      status: to,
      message: '',
      reason: '',
      csrf,
    });
    return `${res.status} ${res.headers.get('location') ?? ''}`.trim();
  };
  const drain = async () => {
    await forwarder.drain();
  };
  const updatesWaiting = () =>
    h.core.store.deliveries.listWaiting().filter((d) => d.idempotencyKey.includes('#tombol-')).length;

  beforeEach(async () => {
    fake = await new FakeTelegram().start();
    h = new Harness();
    // PUPR Kota Banjarmasin takes its tickets in a Telegram group too (as an admin sets on /petugas/instansi).
    h.core.directory.applyOverrides(
      new Map([[PUPR, { destinations: [{ id: 'grup', method: 'telegram', chatId: GROUP }], hours: null }]]),
    );
    f = assignmentFixture(h);
    app = officerApp(h);
    issueTokens(h, ['budi'], tokens);
    const config = loadConfig({
      DATA_DIR: h.dir,
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
    });
    forwarder = buildForwarder({
      config,
      store: h.core.store,
      files: h.core.files,
      directory: h.core.directory,
      clock: h.clock,
      ids: h.core.ids,
      log: createLogger('silent'),
      secret: 's'.repeat(32),
    });
    await drain();
  });
  afterEach(async () => {
    await forwarder.stop();
    await fake.close();
    h.close();
  });

  it('posts the ticket with Terima, Proses, Selesai, and edits them after each change from the web page', async () => {
    const post = fake.callsTo('sendMessage').find((c) => String(c.body.text).includes(f.road));
    const buttons = (post?.body.reply_markup as { inline_keyboard: { callback_data: string }[][] })
      .inline_keyboard[0];
    expect(buttons?.map((b) => b.callback_data)).toEqual([
      `aduan:${f.road}:diverifikasi`,
      `aduan:${f.road}:diproses`,
      `aduan:${f.road}:selesai`,
    ]);
    expect(await status('budi', 'diproses')).toBe(`303 /petugas/tiket/${f.road}?done=ok`);
    expect(fake.callsTo('editMessageReplyMarkup')).toHaveLength(0); // queued, not sent inside the change
    expect(updatesWaiting()).toBe(1);
    await drain();
    const [edit] = fake.callsTo('editMessageReplyMarkup');
    expect(String(edit?.body.chat_id)).toBe(GROUP);
    expect(Number(edit?.body.message_id)).toBe(fake.messageIdOf(f.road));
    expect(edits()).toEqual([[`aduan:${f.road}:selesai`]]);
    // selesai may be reopened (Proses); ditutup offers nothing.
    await status('budi', 'selesai');
    await drain();
    await status('budi', 'ditutup');
    await drain();
    expect(edits().slice(1)).toEqual([[`aduan:${f.road}:diproses`], []]);
    expect(updatesWaiting()).toBe(0);
  });

  it('edits them after a change through the API and after a press in the group', async () => {
    const call = apiCaller(() => app, tokens);
    const res = await call('budi', 'POST', `/v1/tickets/${f.road}/status`, { status: 'diverifikasi' });
    expect(res.status).toBe(200);
    await drain();
    expect(edits()).toEqual([[`aduan:${f.road}:diproses`, `aduan:${f.road}:selesai`]]);
    const { store, actions } = h.core;
    store.telegramOfficers.link('4242', f.budi.id, h.clock.now());
    const linking = new TelegramLinking({ store, clock: h.clock, random: h.core.ids.random });
    const desk = new TelegramDesk({ store, actions, linking });
    expect(desk.press('4242', `aduan:${f.road}:diproses`).alert).toBe(false);
    await drain();
    expect(edits().at(-1)).toEqual([`aduan:${f.road}:selesai`]);
  });

  it('takes "message is not modified" and a deleted message as done, and retries a Telegram failure', async () => {
    fake.failNext(
      'editMessageReplyMarkup',
      400,
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    );
    await status('budi', 'diverifikasi');
    await drain();
    expect(updatesWaiting()).toBe(0);
    fake.failNext('editMessageReplyMarkup', 400, 'Bad Request: message to edit not found');
    await status('budi', 'diproses');
    await drain();
    expect(updatesWaiting()).toBe(0);
    expect(h.core.store.deliveries.listDead()).toEqual([]);
    fake.failNext('editMessageReplyMarkup', 502, 'Bad Gateway');
    await status('budi', 'selesai');
    await drain();
    expect(updatesWaiting()).toBe(1);
    h.clock.advance(2 * 3_600_000);
    await drain();
    expect(updatesWaiting()).toBe(0);
    expect(edits().at(-1)).toEqual([`aduan:${f.road}:diproses`]);
  });

  it('posts a ticket changed before it went out with the buttons valid then, and queues no update', async () => {
    const late = fileTicket(h, 'warga-telat', { ...ROAD, story: 'Lampu jalan mati di Jl. Sutoyo S.' });
    expect(h.core.actions.changeStatus(f.budi, late, 'diproses', { message: null, reason: null })).toEqual({
      ok: true,
    });
    expect(updatesWaiting()).toBe(0);
    await drain();
    const post = fake.callsTo('sendMessage').find((c) => String(c.body.text).includes(late));
    const markup = post?.body.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    expect(markup.inline_keyboard.flat().map((b) => b.callback_data)).toEqual([`aduan:${late}:selesai`]);
    expect(fake.callsTo('editMessageReplyMarkup')).toEqual([]);
  });

  it('takes the buttons away in the old agency’s group when the ticket moves to another agency', async () => {
    const moved = h.core.actions.reassign(f.budi, f.road, '6371-dinkes', 'Urusan kesehatan lingkungan');
    expect(moved).toMatchObject({ ok: true });
    await drain();
    expect(edits()).toEqual([[]]);
  });

  it('edits only after a change that happened: admin and the agency’s officer; not a watcher, another agency, or nobody', async () => {
    const cases: [string | null, string, string, number][] = [
      ['korbjm', 'diverifikasi', `303 /petugas/tiket/${f.road}?done=read_only`, 0],
      ['lain', 'diverifikasi', '404', 0],
      [null, 'diverifikasi', '401', 0],
      ['admin', 'diverifikasi', `303 /petugas/tiket/${f.road}?done=ok`, 1],
      ['budi', 'diproses', `303 /petugas/tiket/${f.road}?done=ok`, 2],
    ];
    for (const [who, to, answer, count] of cases) {
      expect(await status(who, to), String(who)).toBe(answer);
      await drain();
      expect(fake.callsTo('editMessageReplyMarkup'), String(who)).toHaveLength(count);
    }
  });
});
