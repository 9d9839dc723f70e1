// `npm run deliveries`: what waits and what is dead in plain words, redelivery by id or all, and the CLI itself.
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveriesCommand } from '../../src/ops/deliveries-admin.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { Deliveries } from '../../src/storage/deliveries.js';
import { T0, queueTickets, tempDb } from './fixtures.js';

const to = (destinationId: string, method: 'webhook' | 'email') => ({
  agencyId: 'pupr-bjm',
  destinationId,
  method,
});

describe('deliveries admin', () => {
  let db: Db;
  let path: string;
  let d: Deliveries;
  beforeEach(() => {
    ({ db, path } = tempDb());
    d = new Deliveries(db);
  });
  afterEach(() => db.close());

  /** Two webhook tickets (one dead after 3 tries, one waiting) and an e-mail being sent. */
  function scene(): { dead: number; waiting: number } {
    queueTickets(d, db, 2, to('hook', 'webhook'));
    queueTickets(d, db, 1, to('mail', 'email'));
    const [dead, waiting, mail] = d.listWaiting();
    for (let i = 0; i < 3; i++) {
      d.claim(dead?.id ?? 0, T0 + 60_000);
      if (i < 2) d.retry(dead?.id ?? 0, T0, 'HTTP 503 Service Unavailable');
    }
    d.dead(dead?.id ?? 0, 'HTTP 410 Gone: endpoint retired');
    d.claim(waiting?.id ?? 0, T0 + 60_000);
    d.retry(waiting?.id ?? 0, T0 + 30_000, 'network error: ECONNREFUSED');
    d.claim(mail?.id ?? 0, T0 + 60_000);
    return { dead: dead?.id ?? 0, waiting: waiting?.id ?? 0 };
  }

  it('says when nothing waits and nothing is dead', () => {
    expect(deliveriesCommand({ command: 'list' }, d, T0)).toEqual({
      code: 0,
      lines: ['nothing waits and nothing is dead: every ticket was delivered / semua terkirim'],
    });
    expect(deliveriesCommand({ command: 'list', dead: true }, d, T0).lines).toEqual([
      'no dead deliveries / tidak ada pengiriman yang gagal',
    ]);
  });

  it('does not call tickets delivered when no one at their agency receives them', () => {
    const unreceived = [
      { agencyId: '6371-pupr', tickets: 3 },
      { agencyId: '6303-disdik', tickets: 1 },
    ];
    expect(deliveriesCommand({ command: 'list' }, d, T0, unreceived).lines).toEqual([
      'nothing waits and nothing is dead among the deliveries that exist',
      '4 open tickets reach no one at their agency (no destination, no officer account); their coordinators or the admins hold them / belum ada penerima:',
      '  6371-pupr: 3',
      '  6303-disdik: 1',
      'fix: npm run user -- add --role officer --agency ID …, or a destination in AGENCIES_FILE',
    ]);
  });

  it('lists what waits and what is dead, or only the dead', () => {
    scene();
    expect(deliveriesCommand({ command: 'list' }, d, T0)).toEqual({
      code: 0,
      lines: [
        '2 waiting, 1 dead (email: 1 waiting, 0 dead; webhook: 1 waiting, 1 dead)',
        '#2 ticket ADN-hook-0002 → pupr-bjm / hook (webhook): waiting, next try 2026-11-23 02:00 UTC (1 try so far); last error: network error: ECONNREFUSED; queued 2026-11-23 02:00 UTC',
        '#3 ticket ADN-mail-0001 → pupr-bjm / mail (email): being sent (try 1); queued 2026-11-23 02:00 UTC',
        '#1 ticket ADN-hook-0001 → pupr-bjm / hook (webhook): dead after 3 tries; last error: HTTP 410 Gone: endpoint retired; queued 2026-11-23 02:00 UTC',
      ],
    });
    expect(deliveriesCommand({ command: 'list', dead: true }, d, T0).lines).toHaveLength(1);
  });

  it('redelivers one dead delivery by id, and refuses what is not dead or not there', () => {
    const { dead, waiting } = scene();
    expect(deliveriesCommand({ command: 'redeliver', id: String(waiting) }, d, T0)).toEqual({
      code: 1,
      lines: ['delivery #2 is pending, not dead: only dead deliveries are sent again'],
    });
    expect(deliveriesCommand({ command: 'redeliver', id: '99' }, d, T0).code).toBe(1);
    expect(deliveriesCommand({ command: 'redeliver', id: 'x1' }, d, T0).code).toBe(2);
    const later = T0 + 3_600_000;
    expect(deliveriesCommand({ command: 'redeliver', id: String(dead) }, d, later)).toEqual({
      code: 0,
      lines: [
        '#1 ticket ADN-hook-0001 → pupr-bjm / hook (webhook): waiting, next try 2026-11-23 03:00 UTC (0 tries so far); last error: HTTP 410 Gone: endpoint retired; queued 2026-11-23 03:00 UTC',
        'queued again: the running service sends it on its next pass / dikirim ulang',
      ],
    });
    expect(d.listDead()).toEqual([]);
  });

  it('redelivers every dead delivery with --all-dead', () => {
    scene();
    expect(deliveriesCommand({ command: 'redeliver', allDead: true }, d, T0).lines).toEqual([
      '1 dead delivery queued again: the running service sends them on its next pass / dikirim ulang',
    ]);
    expect(deliveriesCommand({ command: 'redeliver', allDead: true }, d, T0).lines).toEqual([
      'no dead deliveries to send again / tidak ada pengiriman yang gagal',
    ]);
    expect(deliveriesCommand({ command: 'redeliver', id: '1', allDead: true }, d, T0).code).toBe(2);
    expect(deliveriesCommand({ command: 'redeliver' }, d, T0).code).toBe(2);
    expect(deliveriesCommand({ command: 'bogus' }, d, T0).code).toBe(2);
  });

  it('runs as npm run deliveries over the configured database', async () => {
    const { dead } = scene();
    db.close();
    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/deliveries.ts', ...args], {
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
    const listed = await run(['list', '--dead']);
    expect(listed).toMatchObject({ code: 0, stderr: '' });
    expect(listed.stdout).toMatch(/^#1 ticket ADN-hook-0001 .* dead after 3 tries/);
    const redone = await run(['redeliver', String(dead)]);
    expect(redone).toMatchObject({ code: 0, stderr: '' });
    expect(await run(['redeliver'])).toMatchObject({ code: 2 });
    expect((await run(['list', '--nope'])).code).toBe(2);
    db = openDb(path);
    expect(new Deliveries(db).listDead()).toEqual([]);
  });
});
