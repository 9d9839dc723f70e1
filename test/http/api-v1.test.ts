// The officers' JSON API through app.request: bearer tokens only (401 before any lookup), a ticket outside the scope
// is 404 before any other check, then 409 for a move not allowed and 422 for a body that is not; the OpenAPI document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { userCommand } from '../../src/officers/user-command.js';
import { apiCaller } from '../helpers/api-client.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { DIALOGUES } from '../transcripts/dialogues.js';

describe('api v1', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let mine = '';
  let theirs = '';
  const tokens: Record<string, string> = {};

  const file = (chat: string, name: string) => {
    for (const turn of DIALOGUES.find((d) => d.name === name)?.turns ?? [])
      if ('say' in turn) h.say(chat, turn.say);
  };
  const account = (username: string, role: string, agency: string) => {
    const run = (command: string) =>
      userCommand(
        { command, username, role, agencies: agency ? [agency] : [] },
        {
          store: h.core.store,
          directory: h.core.directory,
          readPassword: () => 'sandi-yang-panjang-1',
          now: 0,
        },
      );
    expect(run('add').code).toBe(0);
    const out = run('token');
    tokens[username] = out.lines.at(-1) ?? '';
  };
  const call = apiCaller(() => app, tokens);

  beforeEach(() => {
    h = new Harness();
    file('jalan', 'an informal citizen with chat abbreviations');
    file('ktp', 'a formal citizen files a complete complaint');
    const rows = h.core.store.ticketInbox.inbox({ kind: 'all' });
    const road = rows.find((r) => r.category === 'infrastruktur');
    mine = road?.number ?? '';
    theirs = rows.find((r) => r.category === 'adminduk')?.number ?? '';
    account('pupr', 'officer', road?.agencyId ?? '');
    account('korbjm', 'supervisor', '6371-koordinator');
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('words its errors in Indonesian, or in English when Accept-Language asks for it', async () => {
    const id = await (await call('pupr', 'GET', `/v1/tickets/${theirs}`)).json();
    expect(id).toEqual({ error: { code: 'not_found', message: 'Tiket tidak ditemukan.' } });
    const en = await app.request(`/api/v1/tickets/${theirs}`, {
      headers: { authorization: `Bearer ${tokens.pupr}`, 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(await en.json()).toEqual({ error: { code: 'not_found', message: 'No such ticket.' } });
    const bad = await (await call('pupr', 'GET', '/v1/tickets?rating=9')).json();
    expect(bad.error.code).toBe('invalid_request');
    expect(bad.error.message).toMatch(/^Permintaan tidak valid: rating: /);
  });

  it('answers 401 in one error shape without a token, with a wrong one, and for a revoked one', async () => {
    for (const who of [null, 'aduan_bukan-token-yang-benar-sama-sekali']) {
      const res = await call(who, 'GET', `/v1/tickets/${mine}`);
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
    }
    expect((await call('pupr', 'GET', '/v1/agencies')).status).toBe(200);
    userCommand(
      { command: 'token', username: 'pupr', agencies: [], revoke: true },
      { store: h.core.store, directory: h.core.directory, readPassword: () => null, now: 0 },
    );
    expect((await call('pupr', 'GET', '/v1/agencies')).status).toBe(401);
  });

  it('lists and shows only tickets in scope; another agency’s ticket is 404 even for a move that is not allowed', async () => {
    const list = await (await call('pupr', 'GET', '/v1/tickets')).json();
    expect(list.items.map((t: { number: string }) => t.number)).toEqual([mine]);
    expect((await call('pupr', 'GET', `/v1/tickets/${theirs}`)).status).toBe(404);
    expect((await call('pupr', 'POST', `/v1/tickets/${theirs}/status`, { status: 'ditutup' })).status).toBe(
      404,
    );
    const one = await (await call('pupr', 'GET', `/v1/tickets/${mine}`)).json();
    expect(one).toMatchObject({
      number: mine,
      status: 'baru',
      rating: null,
      reporter: { identityMode: 'anonim' },
    });
    expect(one.events.map((e: { type: string }) => e.type)).toEqual(['filed', 'routed']);
    const coordinator = await (await call('korbjm', 'GET', '/v1/tickets')).json();
    expect(coordinator.items).toHaveLength(2);
  });

  it('changes the status (409 when not allowed, 422 for a bad body or a missing reason) and writes', async () => {
    expect((await call('pupr', 'POST', `/v1/tickets/${mine}/status`, { status: 'ditutup' })).status).toBe(
      409,
    );
    expect((await call('pupr', 'POST', `/v1/tickets/${mine}/status`, { status: 'ditolak' })).status).toBe(
      422,
    );
    const bad = await call('pupr', 'POST', `/v1/tickets/${mine}/status`, { status: 'terbang' });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_request' } });
    const ok = await call('pupr', 'POST', `/v1/tickets/${mine}/status`, {
      status: 'diproses',
      message: 'Segera.',
    });
    expect(ok.status).toBe(200);
    expect(h.core.store.outbox.latest('simulate', 'jalan', 1)[0]?.message.text).toContain('Segera.');
    expect(
      (await call('pupr', 'POST', `/v1/tickets/${mine}/replies`, { text: 'Kami datang Kamis.' })).status,
    ).toBe(201);
    expect((await call('korbjm', 'POST', `/v1/tickets/${mine}/replies`, { text: 'Halo' })).status).toBe(409);
    expect((await call('korbjm', 'POST', `/v1/tickets/${mine}/notes`, { text: 'Dipantau.' })).status).toBe(
      201,
    );
    expect((await call('pupr', 'POST', `/v1/tickets/${mine}/takeover`)).status).toBe(409);
    expect((await call('korbjm', 'POST', `/v1/tickets/${mine}/takeover`)).status).toBe(200);
    const mine2 = await call('korbjm', 'POST', `/v1/tickets/${mine}/replies`, { text: 'Saya tangani.' });
    expect(mine2.status).toBe(201);
    const events = (await (await call('pupr', 'GET', `/v1/tickets/${mine}`)).json()).events;
    expect(events.slice(-5).map((e: { type: string; text: string | null }) => [e.type, e.text])).toEqual([
      ['status_changed', 'Segera.'],
      ['replied', 'Kami datang Kamis.'],
      ['noted', 'Dipantau.'],
      ['taken_over', null],
      ['replied', 'Saya tangani.'],
    ]);
  });

  it('searches stories, additions and notes as normalized text: abbreviations and prefixes match', async () => {
    const find = async (q: string) =>
      (await (await call('korbjm', 'GET', `/v1/tickets?q=${encodeURIComponent(q)}`)).json()).items.map(
        (t: { number: string }) => t.number,
      );
    expect(await find('jalan rusak')).toEqual([mine]);
    expect(await find('RUMAH')).toEqual([mine]);
    expect(await find('ktp')).toEqual([theirs]);
    expect(await find('jembatan')).toEqual([]);
    expect(await find('"; DROP TABLE tickets; --')).toEqual([]);
    await call('korbjm', 'POST', `/v1/tickets/${mine}/notes`, {
      text: 'Koordinasi dengan kelurahan Pekauman',
    });
    expect(await find('pekauman')).toEqual([mine]);
  });

  it('moves a ticket to another agency with a reason (422 without, 404 outside the scope)', async () => {
    expect(
      (await call('pupr', 'POST', `/v1/tickets/${theirs}/reassign`, { agency: '6371-dishub', reason: 'x' }))
        .status,
    ).toBe(404);
    expect(
      (await call('pupr', 'POST', `/v1/tickets/${mine}/reassign`, { agency: 'tidak-ada', reason: 'x' }))
        .status,
    ).toBe(422);
    const ok = await call('pupr', 'POST', `/v1/tickets/${mine}/reassign`, {
      agency: '6371-dishub',
      reason: 'Urusan Dishub',
    });
    expect(ok.status).toBe(200);
    const after = await (await call('pupr', 'GET', `/v1/tickets/${mine}`)).json();
    expect(after).toMatchObject({ status: 'dialihkan', agency: { id: '6371-dishub' } });
    expect((await call('pupr', 'POST', `/v1/tickets/${mine}/status`, { status: 'diproses' })).status).toBe(
      409,
    );
  });

  it('serves its OpenAPI 3.1 document and a page that lists it', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/v1/agencies',
        '/v1/tickets',
        '/v1/tickets/{number}',
        '/v1/tickets/{number}/status',
      ]),
    );
    expect(doc.components.schemas.StatusChange).toBeDefined();
    const page = await (await app.request('/api/docs')).text();
    expect(page).toContain('/api/v1/tickets/{number}/replies');
  });
});
