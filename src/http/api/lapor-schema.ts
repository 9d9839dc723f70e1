// The SP4N-LAPOR!-ready export's shape (`aduan.lapor/1`): one item per ticket with the fields of LAPOR!'s report form,
// named as LAPOR! names them; the CSV's columns are these keys, in this order. Part of the OpenAPI document.
import { z } from '@hono/zod-openapi';

export const LAPOR_SCHEMA = 'aduan.lapor/1';

export const LaporItem = z
  .object({
    nomor_tiket: z.string().openapi({ description: 'Aduan’s ticket number, to find the ticket again' }),
    judul: z
      .string()
      .openapi({ description: 'a short title: the category and the place (kecamatan, kab/kota)' }),
    isi: z.string().openapi({ description: 'the story in the citizen’s words' }),
    tanggal_kejadian: z
      .string()
      .nullable()
      .openapi({
        description:
          'when it happened as precisely as the citizen said it: `YYYY-MM-DD` (a day, or the first day of a week), ' +
          '`YYYY-MM` (a month) or `YYYY` (a year); null when unknown',
      }),
    lokasi: z
      .string()
      .openapi({ description: 'the address or landmark, kecamatan and kab/kota in one line' }),
    kecamatan: z.string().nullable(),
    kabkota: z.string(),
    lintang: z
      .number()
      .nullable()
      .openapi({ description: 'the pin’s latitude (WGS 84), null without a pin' }),
    bujur: z.number().nullable().openapi({ description: 'the pin’s longitude (WGS 84), null without a pin' }),
    instansi_tujuan: z.string().nullable().openapi({ description: 'the agency the ticket is routed to' }),
    kategori: z.string().openapi({
      description:
        'LAPOR!’s category for Aduan’s (src/officers/lapor-categories.ts), or Aduan’s own label when it has none',
    }),
    kategori_aduan: z.string().openapi({ description: 'Aduan’s category id' }),
    lampiran: z
      .array(
        z.object({
          jenis: z.string().openapi({ description: 'photo, document, voice, video…' }),
          url: z.string().nullable().openapi({
            description: 'a signed link that expires (LINK_TTL_DAYS); null without PUBLIC_BASE_URL',
          }),
          berlaku_sampai: z
            .string()
            .nullable()
            .openapi({ description: 'when the link stops working (ISO 8601)' }),
        }),
      )
      .openapi({ description: 'the evidence; the CSV writes the links one per line in one cell' }),
    anonim: z.boolean(),
    rahasia: z.boolean(),
    nama_pelapor: z
      .string()
      .nullable()
      .openapi({ description: 'as the ticket page shows it to this account' }),
    telepon_pelapor: z.string().nullable(),
    nik_pelapor: z.string().nullable().openapi({ description: 'always masked' }),
  })
  .openapi('LaporItem');
export type LaporItem = z.infer<typeof LaporItem>;

export const LaporDocument = z
  .object({
    schema: z.literal(LAPOR_SCHEMA),
    generatedAt: z.string().openapi({ description: 'when the file was made (ISO 8601)' }),
    items: z.array(LaporItem),
  })
  .openapi('LaporDocument');
