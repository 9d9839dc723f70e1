// What leaves Aduan follows the identity mode: biasa names the reporter, rahasia and anonim never do, in any method.
import { describe, expect, it } from 'vitest';
import type { Complaint } from '../../src/domain/complaint.js';
import {
  officerEmailHtml,
  officerPlainText,
  officerTelegramParts,
} from '../../src/forwarding/officer-text.js';
import { open311Form } from '../../src/forwarding/open311.js';
import { buildTicketPayload, withoutNik } from '../../src/forwarding/payload.js';

const NAME = 'Siti Rahmah Binti Fulan';
const NIK = '6371045708900001';
const PHONE = '+6281234567890';

const complaint = (identityMode: Complaint['identityMode']): Complaint => ({
  story: 'KTP-el belum dicetak tiga bulan. <script>alert(1)</script>',
  category: 'adminduk',
  agency: 'Disdukcapil Kota Banjarmasin',
  kabkotaCode: '63.71',
  kecamatanCode: null,
  address: 'Jl. Pramuka',
  location: null,
  incidentDate: null,
  priorReport: { done: false, result: null },
  expectation: 'KTP segera dicetak',
  attachments: [],
  identityMode,
  name: identityMode === 'anonim' ? null : NAME,
  nik: identityMode === 'anonim' ? null : NIK,
  phone: identityMode === 'anonim' ? null : PHONE,
  consent: { at: '2026-11-23T02:00:00.000Z', version: 'v1' },
  channel: 'web',
  lang: 'id',
});

const payload = (mode: Complaint['identityMode']) =>
  buildTicketPayload(
    {
      ticket: {
        number: 'ADU-2611-ABCD',
        createdAt: Date.parse('2026-11-23T02:00:00Z'),
        dueDate: '2026-11-30',
      },
      agency: { id: '6371-disdukcapil', name: 'Disdukcapil Kota Banjarmasin' },
      routing: { rule: 'adminduk-kabkota', reason: 'Kategori adminduk di Kota Banjarmasin', fallback: false },
      complaint: complaint(mode),
      kabkotaName: 'Kota Banjarmasin',
      kecamatanName: null,
      related: [],
    },
    () => null,
  );

const everything = (mode: Complaint['identityMode']) => {
  const p = payload(mode);
  const destination = {
    id: 'lapor',
    method: 'open311' as const,
    endpoint: 'http://127.0.0.1:1/open311/v2',
    serviceCodes: {},
    timeoutMs: 10_000,
  };
  return [
    JSON.stringify(p),
    officerPlainText(withoutNik(p)),
    officerEmailHtml(withoutNik(p)),
    ...officerTelegramParts(withoutNik(p), { footerId: 'k' }),
    open311Form(p, destination, null).toString(),
  ].join('\n');
};

describe('identity in forwarded tickets', () => {
  for (const mode of ['rahasia', 'anonim'] as const) {
    it(`${mode}: no name, NIK or phone in the webhook payload, e-mail, Telegram or Open311 text`, () => {
      const out = everything(mode);
      for (const secret of [NAME, 'Siti', NIK, PHONE, '81234567890']) expect(out).not.toContain(secret);
      expect(payload(mode).reporter).toEqual({ identityMode: mode, name: null, nik: null, phone: null });
    });
  }

  it('biasa: the agency sees who reported, but the NIK only in the signed webhook payload', () => {
    const p = payload('biasa');
    expect(p.reporter).toEqual({ identityMode: 'biasa', name: NAME, nik: NIK, phone: PHONE });
    expect(officerPlainText(withoutNik(p))).toContain(NAME);
    expect(officerEmailHtml(withoutNik(p))).not.toContain(NIK);
    expect(officerEmailHtml(withoutNik(p))).not.toContain('<script>');
  });
});
