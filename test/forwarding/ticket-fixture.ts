// A complete complaint and the payload and delivery job built from it, for the delivery method tests.
import type { Complaint } from '../../src/domain/complaint.js';
import type { Destination } from '../../src/domain/destination.js';
import type { DeliveryJob } from '../../src/forwarding/method.js';
import { type LinkSigner, type TicketPayload, buildTicketPayload } from '../../src/forwarding/payload.js';

export const IDENTITY = { name: 'Siti Aminah', nik: '6303014506900001', phone: '+6281234567890' };

export const TICKET = 'ADU-2611-4K7Q';
export const KEY = `aduan-${TICKET}-dinkes_banjar-surel`;

const hex = (c: string) => c.repeat(64);

export const ATTACHMENTS = {
  photo: { id: 'a1', kind: 'photo', mime: 'image/jpeg', size: 1000, sha256: hex('a') },
  scan: { id: 'a2', kind: 'document', mime: 'application/pdf', size: 5000, sha256: hex('b') },
  note: { id: 'a3', kind: 'document', mime: 'application/pdf', size: 800, sha256: hex('c') },
} as const;

export function complaint(over: Partial<Complaint> = {}): Complaint {
  return {
    story: 'Antrean di Puskesmas Gambut sangat panjang, petugas loket baru datang jam 10 pagi.',
    category: 'kesehatan',
    maladministration: 'penundaan_berlarut',
    agency: 'Puskesmas Gambut',
    kabkotaCode: '63.03',
    kecamatanCode: '63.03.03',
    address: 'Jl. A. Yani km 14',
    location: { lat: -3.43339, lon: 114.64917 },
    incidentDate: { date: '2026-11-02', precision: 'day', tooOld: false },
    priorReport: { done: true, result: 'tidak ada tanggapan' },
    expectation: 'Loket dibuka tepat jam 8.',
    attachments: [],
    identityMode: 'biasa',
    ...IDENTITY,
    consent: { at: '2026-11-03T06:00:00.000Z', version: '1' },
    channel: 'telegram',
    lang: 'id',
    ...over,
  };
}

export function payload(over: Partial<Complaint> = {}, signLink: LinkSigner = () => null): TicketPayload {
  return buildTicketPayload(
    {
      ticket: { number: TICKET, createdAt: Date.parse('2026-11-03T06:05:00Z'), dueDate: '2026-11-17' },
      agency: { id: 'dinkes_banjar', name: 'Dinas Kesehatan Kabupaten Banjar' },
      routing: {
        rule: 'kesehatan-banjar',
        reason: 'Kategori kesehatan di Kabupaten Banjar',
        fallback: false,
      },
      complaint: complaint(over),
      kabkotaName: 'Kabupaten Banjar',
      kecamatanName: 'Gambut',
      related: [],
    },
    signLink,
  );
}

export function job(p: TicketPayload, destination: Destination, attempt = 1): DeliveryJob {
  return {
    deliveryId: 7,
    idempotencyKey: KEY,
    attempt,
    agency: p.agency,
    destination,
    payload: p,
  };
}
