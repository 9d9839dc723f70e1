// What officers read: Indonesian labels, the reporter as the identity mode allows, optional fields left out.
import { describe, expect, it } from 'vitest';
import {
  officerEmailHtml,
  officerPlainText,
  officerTelegramParts,
} from '../../src/forwarding/officer-text.js';
import type { TicketPayload } from '../../src/forwarding/payload.js';
import { ATTACHMENTS, IDENTITY, payload } from './ticket-fixture.js';

describe('officer text', () => {
  it('labels an anonim reporter, a fallback route, similar tickets and a file without a link', () => {
    const p: TicketPayload = {
      ...payload({
        identityMode: 'anonim',
        attachments: [ATTACHMENTS.scan],
        priorReport: { done: false, result: null },
      }),
      routing: { rule: 'fallback', reason: 'Tidak ada aturan untuk kategori ini', fallback: true },
      related: ['ADU-2611-22AB', 'ADU-2611-33CD'],
    };
    const text = officerPlainText(p);
    for (const line of [
      'Pelapor: anonim',
      'Alasan penerusan: Tidak ada aturan untuk kategori ini (instansi cadangan)',
      'Pengaduan serupa: ADU-2611-22AB, ADU-2611-33CD',
      'Pengaduan sebelumnya: belum',
      '1. dokumen (application/pdf, 4,9 KB): tautan tidak tersedia',
    ]) {
      expect(text).toContain(line);
    }
  });

  it('leaves out what the citizen did not give', () => {
    const text = officerPlainText(
      payload({
        address: null,
        location: null,
        incidentDate: null,
        maladministration: null,
        kecamatanCode: null,
      }),
    );
    expect(text).toContain('Wilayah: Kabupaten Banjar\n');
    for (const label of ['Alamat:', 'Lokasi:', 'Waktu kejadian:', 'Dugaan maladministrasi:', 'Lampiran:']) {
      expect(text).not.toContain(label);
    }
  });

  it('never shows the identity of a rahasia reporter, even when a payload still carries it', () => {
    const leaky: TicketPayload = {
      ...payload({ identityMode: 'rahasia' }),
      reporter: { identityMode: 'rahasia', ...IDENTITY },
    };
    const all = [
      officerPlainText(leaky),
      officerEmailHtml(leaky),
      ...officerTelegramParts(leaky, { footerId: 'k' }),
    ];
    for (const rendered of all) {
      expect(rendered).toMatch(/Pelapor:?(<\/b>|<\/th><td[^>]*>)? ?dirahasiakan/);
      for (const value of Object.values(IDENTITY)) expect(rendered).not.toContain(value);
    }
  });

  it('falls back to the category id when the locale has no label for it', () => {
    const p = payload();
    const unknown: TicketPayload = { ...p, complaint: { ...p.complaint, category: 'kategori_baru' } };
    expect(officerPlainText(unknown)).toContain('Kategori: kategori_baru');
  });
});
