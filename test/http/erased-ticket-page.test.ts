// The ticket page after its reporter erased their data ("hapus data saya") or retention ran, for each kind of account:
// the complaint is still there to act on, the reporter is gone and the page says why; other agencies still get a 404.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { accountWithSession } from '../helpers/page-session.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const DAY = 86_400_000;

describe('an erased ticket’s page', () => {
  let h: Harness;
  let number = '';
  let agency = '';

  beforeEach(() => {
    h = new Harness();
    const d = DIALOGUES.find((x) => x.name === 'a formal citizen files a complete complaint');
    for (const turn of d?.turns ?? []) if ('say' in turn) h.say('warga', turn.say);
    number = h.complaints()[0]?.number ?? '';
    agency = String(h.core.db.prepare('SELECT agency_id FROM tickets WHERE number = ?').pluck().get(number));
  });
  afterEach(() => h.close());

  const page = async (who: 'admin' | 'supervisor' | 'officer' | 'other' | null) => {
    const account =
      who === null
        ? null
        : who === 'admin'
          ? accountWithSession(h, 'admin', 'admin', null)
          : who === 'supervisor'
            ? accountWithSession(h, 'korbjm', 'supervisor', '6371-koordinator')
            : accountWithSession(h, who, 'officer', who === 'officer' ? agency : '6371-dishub');
    const res = await officerApp(h).request(`/petugas/tiket/${number}`, {
      headers: account ? { cookie: `__Host-aduan_petugas=${account.cookie}` } : {},
    });
    return { status: res.status, html: await res.text(), location: res.headers.get('location') };
  };

  it.each([
    ['admin', 200],
    ['supervisor', 200],
    ['officer', 200],
    ['other', 404],
    [null, 303],
  ] as const)('after "hapus data saya", %s gets %i', async (who, status) => {
    h.say('warga', 'hapus data saya');
    h.say('warga', 'ya');
    const res = await page(who);
    expect(res.status).toBe(status);
    if (status === 303) expect(res.location).toBe('/petugas/masuk');
    if (status !== 200) return;
    expect(res.html).toContain('Identitas dihapus atas permintaan pelapor');
    expect(res.html).toContain('KTP-el saya belum selesai dicetak');
    expect(res.html).not.toContain('Siti Rahmah');
    expect(res.html).not.toContain('6371045708900001');
    expect(res.html).not.toContain('0812');
  });

  it('says when retention erased it', async () => {
    const conv = h.core.store.conversations.find('simulate', 'warga');
    h.core.store.tx(() => h.core.tickets.withdraw(conv?.id ?? 0, number, h.clock.now()));
    h.clock.advance(731 * DAY);
    h.core.retention.sweep();
    const res = await page('admin');
    expect(res.html).toContain('Identitas dihapus: masa simpan sesudah ditutup sudah habis');
    expect(res.html).not.toContain('Siti Rahmah');
  });
});
