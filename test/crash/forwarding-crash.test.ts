// The service SIGKILLed mid-delivery (the agency's receiver acknowledged, Aduan had not yet recorded it): after the
// restart the delivery is repeated once, with the same idempotency key, and the receiver keeps one ticket.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FakeWebhookReceiver } from '../fakes/webhook-receiver.js';
import { ROOT, type ServiceChild, killAll, startService, tsxAvailable } from './child.js';

const SECRET = 'crash-test-webhook-secret-0123456789';
const DIALOGUE = [
  'halo',
  'setuju',
  'KTP-el saya belum dicetak sudah 3 bulan di Disdukcapil Kota Banjarmasin',
  'selesai',
  'ya',
  'Jl. Pramuka, Banjarmasin Timur',
  'belum',
  'KTP saya segera dicetak',
  'lewati',
  '2',
  'Siti Rahmah',
  'lewati',
  '081234567890',
];

const Row = z.object({ status: z.string(), attempts: z.number(), key: z.string() });

let dir = '';
let hook: FakeWebhookReceiver;

beforeAll(async () => {
  expect(tsxAvailable()).toBe(true);
  hook = await FakeWebhookReceiver.start({ secret: SECRET, now: () => Date.now() });
});

afterEach(async () => {
  await killAll();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

afterAll(async () => {
  await hook?.close();
});

function deliveryRows(dataDir: string): { status: string; attempts: number; key: string }[] {
  const db = new Database(join(dataDir, 'aduan.db'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT status, attempts, idempotency_key AS key FROM deliveries ORDER BY id')
      .all()
      .map((r) => Row.parse(r));
  } finally {
    db.close();
  }
}

describe('forwarding survives a kill mid-delivery', () => {
  it('repeats only the cut-off delivery, once, under the same key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'aduan-fwd-crash-'));
    const agencies = JSON.parse(readFileSync(join(ROOT, 'src/data/agencies.json'), 'utf8'));
    for (const a of agencies.agencies) {
      if (a.id === '6371-disdukcapil')
        a.destinations = [
          {
            id: 'sistem',
            method: 'webhook',
            url: hook.url,
            secret: { env: 'ADUAN_SECRET_HOOK' },
            timeoutMs: 1000,
          },
        ];
    }
    writeFileSync(join(dir, 'agencies.json'), JSON.stringify(agencies));
    const env = {
      DATA_DIR: join(dir, 'data'),
      AGENCIES_FILE: join(dir, 'agencies.json'),
      ADUAN_SECRET_HOOK: SECRET,
      OUTBOX_LEASE_S: '5',
    };
    const first: ServiceChild = await startService({ ...env, ADUAN_FAULT: 'mid_delivery' });
    for (const [i, text] of DIALOGUE.entries()) await first.post('warga-crash', `m${i}`, text);
    // Confirming files the ticket; its delivery is acknowledged by the receiver and the process dies.
    await first.post('warga-crash', 'send', 'kirim').catch(() => null);
    const exit = await first.waitExit(15_000);
    expect(exit, first.output()).toEqual({ code: null, signal: 'SIGKILL' });
    expect(hook.stored.size).toBe(1);
    const [key] = [...hook.stored.keys()];
    expect(deliveryRows(env.DATA_DIR)).toEqual([{ status: 'sending', attempts: 1, key }]);

    const second = await startService(env);
    for (let i = 0; i < 150 && deliveryRows(env.DATA_DIR)[0]?.status !== 'delivered'; i++) await sleep(100);
    expect(deliveryRows(env.DATA_DIR), second.output()).toEqual([{ status: 'delivered', attempts: 2, key }]);
    // The receiver saw the same key twice and kept one ticket.
    expect(hook.arrivals.map((a) => a.key)).toEqual([key, key]);
    expect(hook.repeats).toEqual([key]);
    expect(hook.stored.size).toBe(1);
    await second.stop();
  }, 60_000);
});
