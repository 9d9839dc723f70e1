// Test data for the forwarding tests: a migrated temp database, minimal tickets, payloads built the real way.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Complaint } from '../../src/domain/complaint.js';
import type { DeliveryMethodName } from '../../src/domain/destination.js';
import type { ForwarderLog } from '../../src/forwarding/forwarder.js';
import { type TicketPayload, buildTicketPayload } from '../../src/forwarding/payload.js';
import { type Db, openDb } from '../../src/storage/db.js';
import { type Deliveries, deliveryKey } from '../../src/storage/deliveries.js';

/** Monday 23 November 2026, 10:00 WITA. */
export const T0 = Date.parse('2026-11-23T02:00:00Z');

export const SECRET = 'test-secret-0123456789abcdef';

/** A migrated database in a fresh temp directory (a file, so a test can close and reopen it). */
export function tempDb(): { db: Db; path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'aduan-fwd-')), 'aduan.db');
  return { db: openDb(path), path };
}

/** A complaint row and its ticket, just enough for the deliveries' foreign key; returns the ticket id. */
export function addTicket(db: Db, number: string, now = T0): number {
  const complaint = db
    .prepare(
      `INSERT INTO complaints (data, category, kabkota_code, identity_mode, created_at)
       VALUES ('{}', 'infrastruktur', '63.71', 'biasa', ?)`,
    )
    .run(now).lastInsertRowid;
  return Number(
    db
      .prepare(
        `INSERT INTO tickets (number, complaint_id, status, due_date, created_at, updated_at)
         VALUES (?, ?, 'baru', '2026-11-30', ?, ?)`,
      )
      .run(number, complaint, now, now).lastInsertRowid,
  );
}

/** Tickets ADN-0001… each queued for one destination; returns the ticket ids in order. */
export function queueTickets(
  deliveries: Deliveries,
  db: Db,
  count: number,
  to: { agencyId: string; destinationId: string; method: DeliveryMethodName },
  now = T0,
): number[] {
  const ids: number[] = [];
  for (let i = 1; i <= count; i++) {
    const number = `ADN-${to.destinationId}-${String(i).padStart(4, '0')}`;
    const ticketId = addTicket(db, number, now);
    deliveries.enqueue({
      ticketId,
      ...to,
      idempotencyKey: deliveryKey(number, to.agencyId, to.destinationId),
      now,
    });
    ids.push(ticketId);
  }
  return ids;
}

export function complaint(over: Partial<Complaint> = {}): Complaint {
  return {
    story: 'Jalan di depan SDN 3 berlubang besar sejak dua bulan, sudah ada motor yang jatuh.',
    category: 'infrastruktur',
    maladministration: null,
    agency: 'Dinas PUPR Kota Banjarmasin',
    kabkotaCode: '63.71',
    kecamatanCode: '63.71.02',
    address: 'Jl. Pramuka dekat pasar',
    location: { lat: -3.32987, lon: 114.62698 },
    incidentDate: null,
    priorReport: { done: false, result: null },
    expectation: 'Jalan segera ditambal',
    attachments: [
      { id: 'att1', kind: 'photo', mime: 'image/jpeg', size: 1234, sha256: 'a'.repeat(64) },
      { id: 'att2', kind: 'photo', mime: 'image/jpeg', size: 4321, sha256: 'b'.repeat(64) },
    ],
    identityMode: 'biasa',
    name: 'Siti Rahmah Aulia',
    nik: '6371045708900001',
    phone: '+6281234567890',
    consent: { at: '2026-11-23T02:00:00.000Z', version: '1' },
    channel: 'telegram',
    lang: 'id',
    ...over,
  };
}

/** The payload of a ticket as the runtime builds it, attachments signed as https://aduan.test/f/<id>. */
export function payloadOf(number: string, over: Partial<Complaint> = {}): TicketPayload {
  return buildTicketPayload(
    {
      ticket: { number, createdAt: T0, dueDate: '2026-11-30' },
      agency: { id: 'pupr-bjm', name: 'Dinas PUPR Kota Banjarmasin' },
      routing: { rule: 'category-area', reason: 'infrastruktur di Kota Banjarmasin', fallback: false },
      complaint: complaint(over),
      kabkotaName: 'Kota Banjarmasin',
      kecamatanName: 'Banjarmasin Timur',
      related: [],
    },
    (a) => ({ url: `https://aduan.test/f/${a.id}`, expiresAt: '2026-11-30T02:00:00.000Z' }),
  );
}

/** A log that keeps what was said, by level. */
export function recordingLog(): ForwarderLog & { lines: { level: string; msg: string; obj: object }[] } {
  const lines: { level: string; msg: string; obj: object }[] = [];
  const at = (level: string) => (obj: object, msg: string) => {
    lines.push({ level, msg, obj });
  };
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}
