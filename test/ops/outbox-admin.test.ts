// `npm run outbox`: what waits, is held for a citizen who blocked the bot, or died, without text or whole phone
// numbers; redelivery of a dead or held message by id, or of every dead one; and the CLI itself.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskChat, outboxCommand } from '../../src/ops/outbox-admin.js';
import { ChatBlocks } from '../../src/storage/chat-blocks.js';
import { Conversations } from '../../src/storage/conversations.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { OutboxReview } from '../../src/storage/outbox-review.js';
import { Outbox } from '../../src/storage/outbox.js';

const T0 = Date.parse('2026-11-23T02:00:00Z');
const MIN = 60_000;
const PHONE = '6281234567890';
const TICKET = 'Tiket Anda: ADU-2611-4K7Q';

describe('outbox admin', () => {
  let db: Db;
  let path: string;
  let outbox: Outbox;
  let review: OutboxReview;
  beforeEach(() => {
    path = join(mkdtempSync(join(tmpdir(), 'aduan-outbox-')), 'aduan.db');
    db = openDb(path);
    outbox = new Outbox(db);
    review = new OutboxReview(db);
  });
  afterEach(() => db.close());

  const add = (channel: string, chatId: string, text = TICKET): number => {
    const conv = new Conversations(db).findOrCreate(channel, chatId, 'intake', 1, T0);
    return outbox.add(conv.id, channel, chatId, null, { text, choices: [], expecting: 'none' }, T0);
  };

  /**
   * #1 wacloud dead (131026), #2 telegram waiting for a retry, #3 telegram held (the citizen blocked the bot),
   * #4 telegram being sent, #5 web sent.
   */
  function scene() {
    const dead = add('wacloud', PHONE);
    outbox.claim(dead, T0 + MIN);
    outbox.markSent(dead, T0, 'wamid.1');
    outbox.deadSent(dead, 'wamid.1', '131026 Receiver is incapable of receiving this message');
    const waiting = add('telegram', '7770001');
    outbox.claim(waiting, T0 + MIN);
    outbox.retryLater(waiting, T0 + 5 * MIN, 'telegram 502: Bad Gateway');
    const held = add('telegram', '7770002');
    outbox.claim(held, T0 + MIN);
    outbox.holdForBlockedChat(
      held,
      { channel: 'telegram', chatId: '7770002' },
      T0,
      'telegram 403: Forbidden',
    );
    const sending = add('telegram', '7770003');
    outbox.claim(sending, T0 + MIN);
    const sent = add('web', 'web-abc');
    outbox.markSent(sent, T0, null);
    return { dead, waiting, held, sending, sent };
  }

  it('masks chat ids to their last four characters', () => {
    expect(maskChat(PHONE)).toBe('…7890');
    expect(maskChat(`${PHONE}@c.us`)).toBe('…7890');
    expect(maskChat('US.13491208655302741918')).toBe('…1918');
    expect(maskChat('42')).toBe('…');
  });

  it('says when nothing waits and nothing is dead', () => {
    expect(outboxCommand({ command: 'list' }, review, T0)).toEqual({
      code: 0,
      lines: ['nothing waits and nothing is dead: every message was sent / semua terkirim'],
    });
    expect(outboxCommand({ command: 'list', dead: true }, review, T0).lines).toEqual([
      'no dead messages / tidak ada pesan yang gagal',
    ]);
  });

  it('lists what waits, what is held and what is dead, without text or whole phone numbers', () => {
    scene();
    const later = T0 + 2 * 3600_000;
    const listed = outboxCommand({ command: 'list' }, review, later);
    expect(listed).toEqual({
      code: 0,
      lines: [
        '3 waiting (1 held for citizens who blocked the bot), 1 dead (telegram: 3 waiting, 1 held, 0 dead; wacloud: 0 waiting, 0 held, 1 dead)',
        '#2 telegram …0001: waiting, next try 2026-11-23 02:05 UTC (1 try so far); last error: telegram 502: Bad Gateway; queued 2 h ago',
        '#3 telegram …0002: held: the citizen blocked the bot 2026-11-23 02:00 UTC (0 tries so far); last error: telegram 403: Forbidden; queued 2 h ago',
        '#4 telegram …0003: being sent (try 1); queued 2 h ago',
        '#1 wacloud …7890: dead after 1 try; last error: 131026 Receiver is incapable of receiving this message; queued 2 h ago',
      ],
    });
    const all = JSON.stringify(listed);
    expect(all).not.toContain(PHONE);
    expect(all).not.toContain('ADU-2611');
    expect(outboxCommand({ command: 'list', dead: true }, review, later).lines).toHaveLength(1);
    expect(outboxCommand({ command: 'list', channel: 'wacloud' }, review, later).lines).toEqual([
      '0 waiting (0 held for citizens who blocked the bot), 1 dead (wacloud: 0 waiting, 0 held, 1 dead)',
      listed.lines[4],
    ]);
    expect(outboxCommand({ command: 'list', dead: true, channel: 'telegram' }, review, later).lines).toEqual([
      'no dead messages / tidak ada pesan yang gagal',
    ]);
    expect(outboxCommand({ command: 'list', channel: 'sms' }, review, later).code).toBe(2);
  });

  it('redelivers a dead message with its attempts reset', () => {
    const { dead } = scene();
    const later = T0 + 3 * 24 * 3600_000;
    expect(outboxCommand({ command: 'redeliver', id: String(dead) }, review, later)).toEqual({
      code: 0,
      lines: [
        '#1 wacloud …7890: waiting, next try 2026-11-26 02:00 UTC (0 tries so far); last error: 131026 Receiver is incapable of receiving this message; queued 3 d ago',
        'queued again: the running service sends it on its next pass / dikirim ulang',
      ],
    });
    expect(outbox.dueInChat({ channel: 'wacloud', chatId: PHONE }, later, 10)).toEqual([dead]);
  });

  it('redelivers a held message by lifting the block; refuses what is neither dead nor held', () => {
    const { held, waiting, sending, sent } = scene();
    const result = outboxCommand({ command: 'redeliver', id: String(held) }, review, T0 + MIN);
    expect(result.code).toBe(0);
    expect(result.lines.at(-1)).toBe(
      'the chat is no longer taken as blocking the bot: if it still does, the message is held again',
    );
    expect(new ChatBlocks(db).since('telegram', '7770002')).toBeNull();
    expect(outbox.dueInChat({ channel: 'telegram', chatId: '7770002' }, T0 + MIN, 10)).toEqual([held]);
    for (const id of [waiting, sending, sent]) {
      expect(outboxCommand({ command: 'redeliver', id: String(id) }, review, T0).code).toBe(1);
    }
    expect(outboxCommand({ command: 'redeliver', id: String(waiting) }, review, T0).lines).toEqual([
      'message #2 is pending, not dead or held: only those are sent again',
    ]);
    expect(outboxCommand({ command: 'redeliver', id: '99' }, review, T0).code).toBe(1);
    expect(outboxCommand({ command: 'redeliver', id: 'x1' }, review, T0).code).toBe(2);
  });

  it('redelivers every dead message with --all-dead, lifting their chats’ blocks', () => {
    scene();
    const gone = add('telegram', '7770009');
    outbox.claim(gone, T0 + MIN);
    const month = 30 * 24 * 3600_000;
    outbox.holdForBlockedChat(
      gone,
      { channel: 'telegram', chatId: '7770009' },
      T0 - month - MIN,
      'telegram 403',
    );
    expect(outbox.expireBlocked(T0 - month, 'blocked by the citizen')).toEqual([
      { id: gone, channel: 'telegram' },
    ]);
    expect(outboxCommand({ command: 'redeliver', allDead: true }, review, T0).lines).toEqual([
      '2 dead messages queued again: the running service sends them on its next pass / dikirim ulang',
      '1 chat is no longer taken as blocking the bot',
    ]);
    expect(review.dead()).toEqual([]);
    expect(new ChatBlocks(db).since('telegram', '7770009')).toBeNull();
    expect(new ChatBlocks(db).since('telegram', '7770002')).not.toBeNull(); // its message was held, not dead
    expect(outboxCommand({ command: 'redeliver', allDead: true }, review, T0).lines).toEqual([
      'no dead messages to send again / tidak ada pesan yang gagal',
    ]);
    expect(outboxCommand({ command: 'redeliver', id: '1', allDead: true }, review, T0).code).toBe(2);
    expect(outboxCommand({ command: 'redeliver' }, review, T0).code).toBe(2);
    expect(outboxCommand({ command: 'bogus' }, review, T0).code).toBe(2);
  });

  it('runs as npm run outbox over the configured database', async () => {
    const { dead } = scene();
    db.close();
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/outbox.ts', ...args], {
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dirname(path) },
        });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (c) => {
          stdout += String(c);
        });
        child.stderr.on('data', (c) => {
          stderr += String(c);
        });
        child.on('close', (code) => resolve({ code, stdout, stderr }));
      });
    const listed = await run(['list', '--dead', '--channel', 'wacloud']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(/^#1 wacloud …7890: dead after 1 try/);
    expect(await run(['redeliver', String(dead)])).toMatchObject({ code: 0, stderr: '' });
    expect(await run(['redeliver'])).toMatchObject({ code: 2 });
    expect((await run(['list', '--nope'])).code).toBe(2);
    db = openDb(path);
    expect(new OutboxReview(db).dead()).toEqual([]);
  });
});
