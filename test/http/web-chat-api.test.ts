// The web chat API through app.request: cookie sessions, deduplication, polling, own complaints only, uploads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.js';
import { Harness } from '../helpers/harness.js';

type Reply = { id: number; text: string; choices: { id: string; label: string }[]; expecting: string };
type Posted = { replies: Reply[]; duplicate: boolean };

describe('web chat API', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  const silent = { error: () => {} };

  beforeEach(() => {
    h = new Harness();
    app = createApp({
      handle: (m) => h.core.runtime.handle(m),
      store: h.core.store,
      ids: h.core.ids,
      clock: h.clock,
      maxUploadBytes: 1024 * 1024,
      devSenders: false,
      log: silent,
    });
  });
  afterEach(() => h.close());

  const post = async (body: unknown, cookie?: string) => {
    const res = await app.request('/api/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    return { res, json: (await res.json()) as Posted };
  };

  it('issues an HttpOnly session cookie and continues the conversation with it', async () => {
    const first = await post({ id: 'a1', text: 'halo' });
    expect(first.res.status).toBe(200);
    const setCookie = first.res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/aduan_sid=\w+/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(first.json.replies.map((r) => r.expecting)).toEqual(['consent']);
    const cookie = setCookie.split(';')[0] ?? '';
    const second = await post({ id: 'a2', text: 'setuju' }, cookie);
    expect(second.json.replies.map((r) => r.expecting)).toEqual(['story']);
    // Without the cookie it is a different, new citizen.
    const stranger = await post({ id: 'a2', text: 'setuju' });
    expect(stranger.json.replies.map((r) => r.expecting)).toEqual(['consent']);
  });

  it('gives a reloaded page the whole conversation, both sides, in order, as the citizen saw it', async () => {
    const first = await post({ id: 'a1', text: 'halo' });
    const cookie = (first.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await post({ id: 'q-lang', text: '/lang id' }, cookie); // the page's own command: not shown again
    await post({ id: 'a2', text: 'yes' }, cookie); // a tapped "Setuju"
    await post({ id: 'a3', text: 'lampu jalan di depan rumah saya mati sudah seminggu' }, cookie);
    const res = await app.request('/api/chat/messages?after=0', { headers: { cookie } });
    const body = (await res.json()) as { replies: (Reply & { from: string })[]; lang: string };
    expect(body.lang).toBe('id');
    const who = body.replies.map((r) => r.from);
    expect(who[0]).toBe('citizen');
    expect(body.replies.filter((r) => r.from === 'citizen').map((r) => r.text)).toEqual([
      'Mulai',
      'Setuju',
      'lampu jalan di depan rumah saya mati sudah seminggu',
    ]);
    // Each message comes before the replies it got.
    expect(who.slice(0, 2)).toEqual(['citizen', 'bot']);
    expect(body.replies.every((r) => r.from === 'bot' || r.choices.length === 0)).toBe(true);
    // Polling later (after > 0) returns only the bot's new messages, as before.
    const last = Math.max(...body.replies.filter((r) => r.from === 'bot').map((r) => r.id));
    const later = await app.request(`/api/chat/messages?after=${last}`, { headers: { cookie } });
    expect(((await later.json()) as { replies: unknown[] }).replies).toEqual([]);
  });

  it('never lets a request choose its sender unless dev senders are enabled', async () => {
    const a = await app.request('/api/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-sender': 'victim1234' },
      body: JSON.stringify({ text: 'halo' }),
    });
    expect(a.headers.get('set-cookie')).toMatch(/aduan_sid=/);
    expect(h.core.store.conversations.find('web', 'dev-victim1234')).toBeNull();
  });

  it('answers a resent message with the original replies, processed once', async () => {
    const first = await post({ id: 'same', text: 'halo' });
    const cookie = (first.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const again = await post({ id: 'same', text: 'halo' }, cookie);
    expect(again.json.duplicate).toBe(true);
    expect(again.json.replies.map((r) => r.id)).toEqual(first.json.replies.map((r) => r.id));
    const count = h.core.db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get();
    expect(count).toBe(1);
  });

  it('rejects malformed bodies with 400 and never crashes on hostile text', async () => {
    const bad = await app.request('/api/chat/messages', {
      method: 'POST',
      body: 'not json',
      headers: { 'content-type': 'application/json' },
    });
    expect(bad.status).toBe(400);
    const wrong = await post({ text: 42 });
    expect(wrong.res.status).toBe(400);
    for (const text of [
      '',
      '<script>alert(1)</script>',
      "'; DROP TABLE tickets; --",
      '😀😀😀',
      'x'.repeat(10_000),
    ]) {
      const r = await post({ text });
      expect(r.res.status).toBe(200);
      expect(r.json.replies.length).toBeGreaterThan(0);
    }
  });

  it('delivers later messages (the story follow-up after quiet time) through polling', async () => {
    const first = await post({ id: '1', text: 'halo' });
    const cookie = (first.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await post({ id: '2', text: 'ya' }, cookie);
    // A first piece too short to go on with: acknowledged, then the quiet time moves on.
    const story = await post({ id: '3', text: 'Air PDAM mati' }, cookie);
    const last = story.json.replies.at(-1)?.id ?? 0;
    h.clock.advance(5 * 60_000);
    h.core.runtime.fireDue();
    const polled = await app.request(`/api/chat/messages?after=${last}`, { headers: { cookie } });
    const body = (await polled.json()) as { replies: Reply[] };
    expect(body.replies.map((r) => r.expecting)).toEqual(['confirm_guess']);
    // Another browser sees none of it.
    const other = await app.request(`/api/chat/messages?after=0`);
    expect(((await other.json()) as { replies: Reply[] }).replies).toEqual([]);
  });

  it('stores an uploaded photo by its sha256 and refuses a disallowed type politely', async () => {
    const first = await post({ id: '1', text: 'halo' });
    const cookie = (first.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    await post({ id: '2', text: 'ya' }, cookie);
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const up = await post(
      { id: '3', media: { filename: 'bukti.png', mime: 'image/png', base64: png.toString('base64') } },
      cookie,
    );
    expect(up.json.replies[0]?.text).toContain('Berkas diterima');
    const sha = h.core.db.prepare('SELECT sha256 FROM attachments').pluck().get();
    expect(typeof sha).toBe('string');
    expect(existsSync(join(h.dir, 'attachments', String(sha).slice(0, 2), String(sha)))).toBe(true);
    const exe = await post(
      { id: '4', media: { filename: 'x.exe', mime: 'application/x-msdownload', base64: 'TVqQAAMAAAAEAAAA' } },
      cookie,
    );
    expect(exe.json.replies[0]?.text).toContain('x.exe');
  });

  it('shows a citizen their own complaints only, with the NIK masked', async () => {
    const first = await post({ id: '0', text: 'halo' });
    const cookie = (first.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const script = [
      'ya',
      'KTP-el saya belum jadi sejak 3 bulan lalu di Disdukcapil Kota Banjarmasin',
      'selesai',
      'ya',
      'Jl. Pramuka, Banjarmasin Timur',
      'belum',
      'KTP segera dicetak',
      'lewati',
      '1',
      'Siti Rahmah',
      '6371045708900001',
      '081234567890',
      'kirim',
    ];
    let last: Posted | null = null;
    for (const [i, text] of script.entries()) last = (await post({ id: `s${i}`, text }, cookie)).json;
    expect(last?.replies[0]?.text).toMatch(/ADU-\d{4}-[A-Z0-9]{4}/);
    const mine = (await (await app.request('/api/chat/complaints', { headers: { cookie } })).json()) as {
      complaints: { ticket: string; complaint: { nik: string | null; name: string } }[];
    };
    expect(mine.complaints).toHaveLength(1);
    expect(mine.complaints[0]?.complaint.nik).not.toBe('6371045708900001');
    expect(mine.complaints[0]?.complaint.nik).toMatch(/\*/);
    const theirs = (await (await app.request('/api/chat/complaints')).json()) as { complaints: unknown[] };
    expect(theirs.complaints).toEqual([]);
  });

  it('processes two messages of one chat sent at once in order', async () => {
    const first = await post({ id: '1', text: 'halo' });
    const cookie = (first.res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const [a, b] = await Promise.all([
      post({ id: '2', text: 'ya' }, cookie),
      post({ id: '3', text: 'Jalan rusak di Tanjung' }, cookie),
    ]);
    expect(a.json.replies.map((r) => r.expecting)).toEqual(['story']);
    expect(b.json.replies.map((r) => r.expecting)).toEqual(['story']);
    expect(h.conversationState(cookie.split('=')[1] ?? '', 'web')).toBe('story');
  });

  it('serves the chat page and a health check', async () => {
    const page = await app.request('/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<html');
    expect((await app.request('/healthz')).status).toBe(200);
    expect((await app.request('/nope')).status).toBe(404);
  });

  it('answers 503 with Retry-After to new messages once shutdown began, and /readyz says so', async () => {
    let draining = false;
    const app2 = createApp({
      handle: (m) => h.core.runtime.handle(m),
      store: h.core.store,
      ids: h.core.ids,
      clock: h.clock,
      maxUploadBytes: 1024,
      devSenders: false,
      log: silent,
      draining: () => draining,
    });
    expect((await app2.request('/readyz')).status).toBe(200);
    draining = true;
    const res = await app2.request('/api/chat/messages', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'halo' }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await app2.request('/readyz')).status).toBe(503);
    expect(h.core.db.prepare('SELECT COUNT(*) FROM inbound_messages').pluck().get()).toBe(0);
  });
});
