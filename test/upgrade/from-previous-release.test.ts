// Upgrading a database made by the previous release, and rolling back (the short version of the upgrade drill).
//
// The fixture (test/fixtures/upgrade/v0.1.0.*) was made by v0.1.0's own code: `git worktree add /tmp/v010 v0.1.0`,
// `ln -s "$PWD/node_modules" /tmp/v010/node_modules`, then `npm run fixture:upgrade -- --previous /tmp/v010`
// (scripts/make-upgrade-fixture.ts): v0.1.0's service and `npm run user` in that worktree, three accounts with API
// tokens, five made-up citizens on its web chat (biasa, rahasia, anonim, two photos), a reply and status changes
// through its API. Each release makes it again for the next (README → "Releases").
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadConfig } from '../../src/app/config.js';
import { createLogger } from '../../src/app/logger.js';
import type { Service } from '../../src/app/service.js';
import { startUp, startingMarker } from '../../src/app/start-up.js';
import { ManualClock, seededIds } from '../../src/clock.js';
import { newToken, tokenHash } from '../../src/officers/tokens.js';
import { listAttachmentFiles } from '../../src/ops/attachment-files.js';
import { restore } from '../../src/ops/restore.js';
import { MIGRATIONS } from '../../src/storage/migrations/index.js';
import { PREVIOUS, migrationsOf, schemaOf, tablesOf, unpackFixture } from '../helpers/upgrade-fixture.js';

/** A week after the fixture was made. */
const AT = Date.parse('2026-12-14T02:00:00Z');
const NEWEST = MIGRATIONS.at(-1)?.version ?? 0;
const Ticket = z.object({ status: z.string(), events: z.array(z.object({ type: z.string() })) });
const Listed = z.object({ complaints: z.array(z.object({ ticket: z.string() })) });
const Replies = z.object({ replies: z.array(z.unknown()) });

describe(`an upgrade from ${PREVIOUS}`, () => {
  const cleanup: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0).reverse()) await f();
  });

  it('backs the database up first, migrates it, serves every ticket and chat, and rolls back to the same bytes', async () => {
    const { dataDir, dbPath, made } = unpackFixture();
    const backups = mkdtempSync(join(tmpdir(), 'aduan-upgrade-backups-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    cleanup.push(() => rmSync(backups, { recursive: true, force: true }));
    const before = { tables: tablesOf(dbPath), schema: schemaOf(dbPath), migrations: migrationsOf(dbPath) };
    expect(before.migrations.at(-1)).toBeLessThan(NEWEST);
    const attachmentsBefore = await listAttachmentFiles(join(dataDir, 'attachments'));
    expect(attachmentsBefore.length).toBeGreaterThan(0);

    const logged: string[] = [];
    const log = createLogger('info', { write: (line: string) => logged.push(line) });
    const config = loadConfig({
      DATA_DIR: dataDir,
      BACKUP_DIR: backups,
      PORT: '0',
      HOST: '127.0.0.1',
      WEB_DEV_SENDERS: '1',
    });
    const clock = new ManualClock(AT);
    const { service, upgrade } = await startUp({ config, log, clock, ids: seededIds(7) });
    let running: Service | null = service;
    cleanup.push(async () => {
      await running?.stop();
    });

    // Started: the marker the watchdog leaves alone during the backup and migrations is gone.
    expect(existsSync(startingMarker(config.dataDir))).toBe(false);
    // The backup: in BACKUP_DIR/pre-upgrade, named by the versions and the time, holding exactly what v0.1.0 left.
    if (upgrade.kind !== 'backed-up') throw new Error(`no pre-upgrade backup: ${upgrade.kind}`);
    const name = `aduan-schema-${before.migrations.at(-1)}-to-${NEWEST}-20261214T020000Z`;
    expect(upgrade.path).toBe(join(backups, 'pre-upgrade', name));
    expect(readdirSync(join(backups, 'pre-upgrade'))).toEqual([name]);
    expect(tablesOf(join(upgrade.path, 'aduan.db'))).toEqual(before.tables);
    expect(migrationsOf(join(upgrade.path, 'aduan.db'))).toEqual(before.migrations);
    expect(await listAttachmentFiles(join(upgrade.path, 'attachments'))).toEqual(attachmentsBefore);
    const line = logged.find((l) => l.includes('pre-upgrade backup written'));
    expect(line).toContain(upgrade.path);
    for (const secret of ['Siti Rahmah', '6371045708900001', '0812-3456-7890']) {
      expect(logged.join('\n')).not.toContain(secret);
    }
    // Migrated to the newest.
    expect(migrationsOf(dbPath)).toEqual(MIGRATIONS.map((m) => m.version));

    await service.start();
    const base = `http://127.0.0.1:${service.port}`;
    const { store } = service;
    const token = newToken();
    const admin = store.officers.find('admin-fixture');
    const officer = store.officers.find('petugas-dukcapil');
    if (!admin || !officer) throw new Error('the fixture accounts are gone');
    store.officers.addToken(tokenHash(token), admin.id, AT);
    for (const t of made.tickets) {
      const res = await fetch(`${base}/api/v1/tickets/${t.number}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(res.status, t.number).toBe(200);
      const ticket = Ticket.parse(await res.json());
      const types = ticket.events.map((e) => e.type);
      expect(types.slice(0, 2), t.number).toEqual(['filed', 'routed']);
      // v0.1.0's answers, in its history: each status change and the reply.
      const answers = made.answered[t.number] ?? [];
      const changes = answers.filter((a) => a !== 'reply');
      expect(types.filter((x) => x === 'status_changed').length, t.number).toBe(changes.length);
      expect(types.includes('replied'), t.number).toBe(answers.includes('reply'));
      expect(ticket.status, t.number).toBe(changes.at(-1) ?? 'baru');
    }
    // The officer's ticket page: its agency's ticket with its history, another agency's not at all.
    const [ktp, road] = made.tickets;
    if (!ktp || !road) throw new Error('the fixture has too few tickets');
    const cookie = newToken();
    store.officers.openSession(tokenHash(cookie), officer.id, newToken(), AT);
    const page = await fetch(`${base}/petugas/tiket/${ktp.number}`, {
      headers: { cookie: `__Host-aduan_petugas=${cookie}` },
    });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(ktp.number);
    expect(html).toContain('Blangko KTP-el sudah datang');
    const other = await fetch(`${base}/petugas/tiket/${road.number}`, {
      headers: { cookie: `__Host-aduan_petugas=${cookie}` },
    });
    expect(other.status).toBe(404);
    // The citizen's chat carries on: their complaints are listed and a new message is answered.
    const chat = { 'x-dev-sender': ktp.sender, origin: base };
    const listed = Listed.parse(await (await fetch(`${base}/api/chat/complaints`, { headers: chat })).json());
    expect(listed.complaints.map((c) => c.ticket)).toContain(ktp.number);
    const said = await fetch(`${base}/api/chat/messages`, {
      method: 'POST',
      headers: { ...chat, 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'after-upgrade-1', text: 'halo' }),
    });
    expect(said.status).toBe(200);
    expect(Replies.parse(await said.json()).replies.length).toBeGreaterThan(0);
    await service.stop();
    running = null;

    // Rollback, short version: `npm run restore`'s code puts the pre-upgrade backup back; v0.1.0's schema and data.
    const report = await restore({ src: upgrade.path, dbPath, dataDir, host: '127.0.0.1', port: 0 });
    expect(report.movedAside && existsSync(report.movedAside)).toBe(true);
    expect(migrationsOf(dbPath)).toEqual(before.migrations);
    expect(schemaOf(dbPath)).toEqual(before.schema);
    expect(tablesOf(dbPath)).toEqual(before.tables);
  });
});
