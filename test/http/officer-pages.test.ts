// The officers' pages through app.request: sign-in with CSRF and throttling, the inbox and ticket pages scoped by the
// queries (another agency's ticket is a 404), a status change that reaches the citizen, sign-out, and HTTPS only.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { hashPassword } from '../../src/officers/passwords.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { Jar, csrfIn, pageClient } from '../helpers/page-session.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

const PASSWORD = 'kata-sandi-panjang-1';

describe('officer pages', () => {
  let h: Harness;
  let secure = true;
  let app: ReturnType<typeof createApp>;
  let mine = '';
  let theirs = '';

  const fileDialogue = (chat: string, name: string) => {
    const d = DIALOGUES.find((x) => x.name === name);
    for (const turn of d?.turns ?? []) if ('say' in turn) h.say(chat, turn.say);
  };
  const { get, post, secondStep } = pageClient(() => app);
  const signIn = async (username: string, password = PASSWORD) => {
    const jar = new Jar();
    const page = await get(jar, '/petugas/masuk');
    const res = await post(jar, '/petugas/masuk', { username, password, csrf: csrfIn(await page.text()) });
    if (res.status === 303) await secondStep(jar, username, res);
    return { jar, res };
  };

  beforeEach(() => {
    h = new Harness();
    fileDialogue('warga-jalan', 'an informal citizen with chat abbreviations');
    fileDialogue('warga-ktp', 'a formal citizen files a complete complaint');
    const rows = h.core.store.ticketInbox.inbox({ kind: 'all' });
    const road = rows.find((r) => r.category === 'infrastruktur');
    const ktp = rows.find((r) => r.category === 'adminduk');
    mine = road?.number ?? '';
    theirs = ktp?.number ?? '';
    const add = (username: string, agency: string) =>
      h.core.store.officers.add(
        {
          username,
          name: `Petugas ${username}`,
          role: 'officer',
          passwordHash: hashPassword(PASSWORD),
          agencies: [agency],
        },
        h.clock.now(),
      );
    add('pupr', road?.agencyId ?? '');
    add('capil', ktp?.agencyId ?? '');
    secure = true;
    app = officerApp(h, () => secure);
  });
  afterEach(() => h.close());

  it('sends a visitor to the sign-in form, whose fields are username and password', async () => {
    const jar = new Jar();
    const inbox = await get(jar, '/petugas');
    expect(inbox.status).toBe(303);
    expect(inbox.headers.get('location')).toBe('/petugas/masuk');
    const page = await get(jar, '/petugas/masuk');
    const html = await page.text();
    expect(html).toContain('name="username"');
    expect(html).toContain('name="password"');
    expect(page.headers.getSetCookie().join()).toMatch(
      /__Host-aduan_masuk=.*Secure.*|__Host-aduan_masuk=.*HttpOnly/,
    );
  });

  it('refuses a wrong password, then makes the next try wait (a growing delay, not a lockout)', async () => {
    const wrong = await signIn('pupr', 'bukan-sandinya-1');
    expect(wrong.res.status).toBe(401);
    expect(await wrong.res.text()).toContain('Nama pengguna atau kata sandi salah.');
    const early = await signIn('pupr');
    expect(early.res.status).toBe(429);
    h.clock.advance(1500);
    const ok = await signIn('pupr');
    expect(ok.res.status).toBe(303);
    expect(ok.res.headers.get('location')).toBe('/petugas');
    const forged = new Jar();
    await get(forged, '/petugas/masuk');
    const noCsrf = await post(forged, '/petugas/masuk', { username: 'pupr', password: PASSWORD, csrf: 'x' });
    expect(noCsrf.status).toBe(403);
  });

  it('lists only the officer’s tickets and answers 404 for another agency’s, by page and by guessed URL', async () => {
    const { jar } = await signIn('pupr');
    const inbox = await (await get(jar, '/petugas')).text();
    expect(inbox).toContain(mine);
    expect(inbox).not.toContain(theirs);
    expect((await get(jar, `/petugas/tiket/${theirs}`)).status).toBe(404);
    const page = await get(jar, `/petugas/tiket/${mine}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('rusak parah');
    expect(html).toContain('anonim');
    const csrf = csrfIn(html);
    expect((await post(jar, `/petugas/tiket/${theirs}/status`, { status: 'diproses', csrf })).status).toBe(
      404,
    );
  });

  it('changes the status with a message that reaches the citizen, and shows it in the history', async () => {
    const { jar } = await signIn('pupr');
    const html = await (await get(jar, `/petugas/tiket/${mine}`)).text();
    const forged = await post(jar, `/petugas/tiket/${mine}/status`, { status: 'diproses', csrf: 'nope' });
    expect(forged.status).toBe(403);
    const done = await post(jar, `/petugas/tiket/${mine}/status`, {
      status: 'diproses',
      message: 'Besok tim kami turun ke lokasi.',
      csrf: csrfIn(html),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`/petugas/tiket/${mine}?done=ok`);
    const told = h.core.store.outbox.latest('simulate', 'warga-jalan', 1)[0]?.message.text ?? '';
    expect(told).toContain('Besok tim kami turun ke lokasi.');
    const after = await (await get(jar, `/petugas/tiket/${mine}?done=ok`)).text();
    expect(after).toContain('Tersimpan. Pelapor sudah dikabari.');
    expect(after).toContain('Besok tim kami turun ke lokasi.');
    const notAllowed = await post(jar, `/petugas/tiket/${mine}/status`, {
      status: 'baru',
      csrf: csrfIn(after),
    });
    expect(notAllowed.headers.get('location')).toBe(`/petugas/tiket/${mine}?done=not_allowed`);
  });

  it('writes to the citizen, keeps internal notes from them, and marks the citizen’s answer as a new reply', async () => {
    const { jar } = await signIn('pupr');
    let html = await (await get(jar, `/petugas/tiket/${mine}`)).text();
    const empty = await post(jar, `/petugas/tiket/${mine}/balas`, { text: '   ', csrf: csrfIn(html) });
    expect(empty.headers.get('location')).toBe(`/petugas/tiket/${mine}?done=empty`);
    const sent = await post(jar, `/petugas/tiket/${mine}/balas`, {
      text: 'Mohon kirim foto lubangnya dari dekat.',
      csrf: csrfIn(html),
    });
    expect(sent.headers.get('location')).toBe(`/petugas/tiket/${mine}?done=replied`);
    const told = h.core.store.outbox.latest('simulate', 'warga-jalan', 1)[0]?.message.text ?? '';
    expect(told).toContain('Mohon kirim foto lubangnya dari dekat.');
    expect(told).toContain(mine);
    await post(jar, `/petugas/tiket/${mine}/catatan`, {
      text: 'Sudah dicek tim lapangan.',
      csrf: csrfIn(html),
    });
    expect(h.core.store.outbox.latest('simulate', 'warga-jalan', 1)[0]?.message.text).toBe(told);
    html = await (await get(jar, `/petugas/tiket/${mine}?done=noted`)).text();
    expect(html).toContain('Catatan tersimpan.');
    expect(html).toContain('Sudah dicek tim lapangan.');
    expect(await (await get(jar, '/petugas?balasan=1')).text()).not.toContain(mine);

    h.say('warga-jalan', 'ini fotonya pak, lubangnya makin besar');
    h.say('warga-jalan', '1');
    const replies = await (await get(jar, '/petugas?balasan=1')).text();
    expect(replies).toContain(mine);
    expect(replies).toContain('balasan baru');
    expect(await (await get(jar, `/petugas/tiket/${mine}`)).text()).toContain('lubangnya makin besar');
  });

  it('offers a supervisor to take the ticket over, and then its forms', async () => {
    h.core.store.officers.add(
      {
        username: 'korbjm',
        name: null,
        role: 'supervisor',
        passwordHash: hashPassword(PASSWORD),
        agencies: ['6371-koordinator'],
      },
      h.clock.now(),
    );
    const { jar } = await signIn('korbjm');
    const page = await (await get(jar, `/petugas/tiket/${mine}`)).text();
    expect(page).toContain('Anda dapat melihat tiket ini, tetapi tidak mengubahnya.');
    expect(page).not.toContain('name="status"');
    const taken = await post(jar, `/petugas/tiket/${mine}/ambil-alih`, { csrf: csrfIn(page) });
    expect(taken.headers.get('location')).toBe(`/petugas/tiket/${mine}?done=taken_over`);
    const after = await (await get(jar, `/petugas/tiket/${mine}?done=taken_over`)).text();
    expect(after).toContain('Tiket ini sekarang Anda tangani.');
    expect(after).toContain('name="status"');
    expect(after).toContain('diambil alih koordinator');
  });

  it('moves the ticket to another agency from the page', async () => {
    const { jar } = await signIn('pupr');
    const page = await (await get(jar, `/petugas/tiket/${mine}`)).text();
    expect(page).toContain('<option value="6371-dishub">');
    const res = await post(jar, `/petugas/tiket/${mine}/alihkan`, {
      agency: '6371-dishub',
      reason: 'Urusan lampu lalu lintas',
      csrf: csrfIn(page),
    });
    expect(res.headers.get('location')).toBe(`/petugas/tiket/${mine}?done=reassigned`);
    const after = await (await get(jar, `/petugas/tiket/${mine}?done=reassigned`)).text();
    expect(after).toContain('Dialihkan. Pelapor sudah dikabari.');
    expect(after).toContain('Anda dapat melihat tiket ini, tetapi tidak mengubahnya.');
  });

  it('serves the ticket’s files only through the ticket, to who may see it, and records each view', async () => {
    const { jar } = await signIn('pupr');
    const html = await (await get(jar, `/petugas/tiket/${mine}`)).text();
    const link = /\/petugas\/tiket\/ADU-[\w-]+\/lampiran\/([\w-]+)/.exec(html);
    expect(link).not.toBeNull();
    const file = await get(jar, link?.[0] ?? '');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    const audit = h.core.db.prepare(
      "SELECT count(*) AS n FROM audit_events WHERE type = 'officer.viewed_attachment'",
    );
    expect(audit.get()).toEqual({ n: 1 });
    const other = await signIn('capil');
    expect((await get(other.jar, link?.[0] ?? '')).status).toBe(404);
    // Its own ticket's URL with this file's id: still nothing.
    expect((await get(other.jar, `/petugas/tiket/${theirs}/lampiran/${link?.[1]}`)).status).toBe(404);
    expect(audit.get()).toEqual({ n: 1 });
  });

  it('narrows the inbox with the filter form and keeps only the valid filters', async () => {
    h.core.store.officers.add(
      { username: 'admin', name: null, role: 'admin', passwordHash: hashPassword(PASSWORD), agencies: [] },
      h.clock.now(),
    );
    const { jar } = await signIn('admin');
    const all = await (await get(jar, '/petugas')).text();
    expect(all).toContain(mine);
    expect(all).toContain(theirs);
    expect(all).toContain('name="category"');
    const roads = await get(jar, '/petugas?category=infrastruktur&rating=9&from=kemarin');
    expect(roads.status).toBe(200);
    const html = await roads.text();
    expect(html).toContain(mine);
    expect(html).not.toContain(theirs);
    // The status tabs keep the filter.
    expect(html).toContain('/petugas?category=infrastruktur&amp;status=diproses');
    expect(await (await get(jar, '/petugas?overdue=1')).text()).not.toContain(mine);
  });

  it('shows the NIK masked, and in full to an admin who asks for it (recorded), never to an officer', async () => {
    h.core.store.officers.add(
      { username: 'admin', name: null, role: 'admin', passwordHash: hashPassword(PASSWORD), agencies: [] },
      h.clock.now(),
    );
    const officer = await signIn('capil');
    const asOfficer = await (await get(officer.jar, `/petugas/tiket/${theirs}`)).text();
    expect(asOfficer).not.toContain('6371045708900001');
    expect(asOfficer).not.toContain('/nik"');
    const forced = await post(officer.jar, `/petugas/tiket/${theirs}/nik`, { csrf: csrfIn(asOfficer) });
    expect(await forced.text()).not.toContain('6371045708900001');
    const { jar } = await signIn('admin');
    const page = await (await get(jar, `/petugas/tiket/${theirs}`)).text();
    expect(page).not.toContain('6371045708900001');
    expect(page).toContain(`/petugas/tiket/${theirs}/nik`);
    const revealed = await post(jar, `/petugas/tiket/${theirs}/nik`, { csrf: csrfIn(page) });
    expect(await revealed.text()).toContain('6371045708900001');
    const rows = h.core.db
      .prepare("SELECT actor FROM audit_events WHERE type = 'officer.revealed_nik'")
      .all();
    expect(rows).toHaveLength(1);
  });

  it('lists the linked similar tickets the officer may see, and only counts the others', async () => {
    const id = (n: string) => h.core.store.ticketInbox.forOfficer(n, { kind: 'all' })?.id ?? -1;
    h.core.store.tickets.link(id(mine), id(theirs), 0.8, 'test', h.clock.now());
    const { jar } = await signIn('pupr');
    const html = await (await get(jar, `/petugas/tiket/${mine}`)).text();
    expect(html).not.toContain(theirs);
    expect(html).toContain('1 pengaduan serupa lain di luar wilayah kerja Anda');
  });

  it('signs out, and refuses the pages over plain HTTP from elsewhere', async () => {
    const { jar } = await signIn('capil');
    const inbox = await (await get(jar, '/petugas')).text();
    expect(inbox).toContain(theirs);
    await post(jar, '/petugas/keluar', { csrf: csrfIn(inbox) });
    expect((await get(jar, '/petugas')).status).toBe(303);
    secure = false;
    const refused = await get(new Jar(), '/petugas/masuk');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('HTTPS');
  });
});
