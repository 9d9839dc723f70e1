// A whole complaint over the WhatsApp Cloud webhook: buttons, a paged list, typed numbers, a photo, a ticket.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Citizen, WaWorld, interactiveIds, readable } from './wa-cloud-helpers.js';

describe('wacloud: a complaint from first message to ticket', () => {
  let w: WaWorld;
  beforeEach(async () => {
    w = await WaWorld.create();
  });
  afterEach(() => w.close());

  it('files a complaint answering buttons and lists the way a citizen taps them', async () => {
    const citizen = new Citizen(w);
    const kind = (s: { body: { type: string; interactive?: { type: string } } }) =>
      s.body.interactive?.type ?? s.body.type;

    let out = await citizen.text('halo');
    expect(out.map(kind)).toEqual(['button']);
    expect(interactiveIds(out[0]!)).toEqual(['yes', 'no']);
    expect(out[0]?.body.to).toBe('6281234567890');
    expect(out[0]?.phoneNumberId).toBe('106540352242922');

    out = await citizen.tap(out, 'yes');
    expect(out.map(kind)).toEqual(['text']);
    out = await citizen.text('petugas minta uang tambahan waktu saya mengurus surat');
    out = await citizen.tap(out, 'done');
    expect(out.map(kind)).toEqual(['text']);
    out = await citizen.text('dekat pasar lama');

    // 13 kabupaten/kota: every one numbered in the text, the list pages 9 + "more".
    expect(out.map(kind)).toEqual(['list']);
    const regions = out[0]!.body.interactive;
    expect(regions.body.text).toContain('13. Kabupaten Tapin');
    expect(regions.body.text).toContain('14. Tidak tahu');
    expect(regions.body.text).toContain('1–14');
    expect(interactiveIds(out[0]!)).toHaveLength(10);
    expect(interactiveIds(out[0]!).at(-1)).toBe('__more:1');
    const delivered = w.delivered.length;
    out = await citizen.tap(out, '__more:1');
    // The channel answered the page itself; the tap is only recorded, so a redelivered tap gets no second page.
    expect(w.delivered).toHaveLength(delivered + 1);
    expect(interactiveIds(out[0]!)).toEqual(['63.09', '63.10', '63.01', '63.05', 'unknown']);
    const tapId = w.delivered.at(-1) ?? '';
    const again = await w.send({
      from: '6281234567890',
      id: tapId,
      timestamp: String(Math.floor(w.h.clock.now() / 1000)),
      type: 'interactive',
      interactive: { type: 'list_reply', list_reply: { id: '__more:1', title: 'Pilihan lain' } },
    });
    expect(again).toEqual([]);
    out = await citizen.tap(out, '63.01'); // Tanah Laut, on the second page

    // 19 categories: typed as a number from the numbered text.
    expect(out[0]!.body.interactive.body.text).toContain('19. Lainnya');
    out = await citizen.text('5');
    expect(readable(out)).toContain('Tidak tahu');
    out = await citizen.tap(out, 'unknown');
    out = await citizen.text('kemarin');
    out = await citizen.tap(out, 'no');
    out = await citizen.text('uangnya dikembalikan');

    w.graph.addMedia('media.1', new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]), 'image/jpeg');
    out = await citizen.image('media.1');
    expect(w.graph.mediaRequests).toEqual(['info:media.1', 'file:media.1']);
    expect(interactiveIds(out[0]!)).toEqual(['biasa', 'rahasia', 'anonim']);
    out = await citizen.tap(out, 'biasa');
    // A road: no NIK is asked, and WhatsApp vouches for the phone.
    out = await citizen.text('Siti Rahmah');

    // The summary takes typed words: keywords in the text, no widget.
    expect(out.map(kind)).toEqual(['text']);
    expect(readable(out)).toContain('*Kirim*');
    expect(readable(out)).toContain('+6281234567890'); // the number WhatsApp vouches for
    out = await citizen.text('kirim');
    expect(readable(out)).toMatch(/ADU-\d{4}-\w+/);

    const [filed] = w.h.complaints();
    expect(filed?.complaint).toMatchObject({
      channel: 'wacloud',
      kabkotaCode: '63.01',
      category: 'infrastruktur',
      name: 'Siti Rahmah',
      phone: '+6281234567890',
      attachments: [{ kind: 'photo', mime: 'image/jpeg', size: 7 }],
    });
    // Every outbox entry was sent and carries the wamid Meta returned.
    const rows = w.h.core.db
      .prepare(`SELECT status, platform_message_id AS wamid FROM outbox WHERE channel = 'wacloud'`)
      .all() as { status: string; wamid: string | null }[];
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.status).toBe('sent');
      expect(r.wamid).toMatch(/^wamid\.out\./);
    }
  });
});
