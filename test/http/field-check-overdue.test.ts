// A field check refused over an answer stage already missed (it would restart the ladder and keep Ombudsman from its
// copy): the page's POST flashes `overdue` on the deadline card, the API answers 409 `overdue`, for each account
// (admin, supervisor, the agency's officer, another agency's officer, signed out); on the due date itself it is allowed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { type AssignmentFixture, PASSWORD, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { day } from '../helpers/ladder-fixture.js';
import { officerApp } from '../helpers/officer-app.js';
import { type Jar, csrfIn, pageClient } from '../helpers/page-session.js';

const REASON = 'Perlu pengukuran jalan bersama tim teknis';

describe('a field check over a missed answer stage', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  let client: ReturnType<typeof pageClient>;
  const tokens: Record<string, string> = {};
  const call = apiCaller(() => app, tokens);
  const as = (username: string | null) => client.signIn(username, PASSWORD);
  const mark = async (jar: Jar, number: string) => {
    const html = await (await client.get(jar, '/petugas')).text();
    return client.post(jar, `/petugas/tiket/${number}/cek-lapangan`, {
      csrf: csrfIn(html),
      days: '14',
      reason: REASON,
    });
  };
  const stage = () =>
    h.core.store.ticketDeadlines.current(
      h.core.store.ticketInbox.forOfficer(f.road, { kind: 'all' })?.id ?? -1,
    );

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    issueTokens(h, ['admin', 'korbjm', 'budi', 'lain'], tokens);
    app = officerApp(h);
    client = pageClient(app);
    // PUPR works on the road ticket (Monday 23 November): its answer is due Monday 30 November.
    expect(h.core.actions.changeStatus(f.budi, f.road, 'diproses', { message: null, reason: null }).ok).toBe(
      true,
    );
  });
  afterEach(() => h.close());

  it('is refused on the page the day after the due date, with the card saying why', async () => {
    h.clock.set(day('2026-12-01'));
    const cases: [string | null, number, string | null][] = [
      ['admin', 303, `/petugas/tiket/${f.road}?done=overdue#tenggat`],
      ['korbjm', 303, `/petugas/tiket/${f.road}?done=read_only#tenggat`],
      ['budi', 303, `/petugas/tiket/${f.road}?done=overdue#tenggat`],
      ['lain', 404, null],
    ];
    for (const [who, status, location] of cases) {
      const res = await mark(await as(who), f.road);
      expect(res.status, String(who)).toBe(status);
      if (location) expect(res.headers.get('location'), String(who)).toBe(location);
    }
    const out = await client.post(await as(null), `/petugas/tiket/${f.road}/cek-lapangan`, {
      days: '14',
      reason: REASON,
    });
    expect(out.status).not.toBe(200);
    expect(stage()).toMatchObject({ stage: 'answer', dueOn: '2026-11-30' });
    const html = await (await client.get(await as('budi'), `/petugas/tiket/${f.road}?done=overdue`)).text();
    expect(html).toContain('Batas waktu jawaban sudah terlewati: cek lapangan tidak bisa lagi menggantinya.');
    // Past its due date the form is no longer offered; on the due date it still is.
    expect(html).not.toContain(`action="/petugas/tiket/${f.road}/cek-lapangan"`);
    h.clock.set(day('2026-11-30'));
    const onTime = await (await client.get(await as('budi'), `/petugas/tiket/${f.road}`)).text();
    expect(onTime).toContain(`action="/petugas/tiket/${f.road}/cek-lapangan"`);
  });

  it('is refused through the API with 409 overdue, and allowed on the due date itself', async () => {
    h.clock.set(day('2026-12-01'));
    const body = { days: 14, reason: REASON };
    const codes: [string | null, number, string | null][] = [
      ['admin', 409, 'overdue'],
      ['korbjm', 409, 'read_only'],
      ['budi', 409, 'overdue'],
      ['lain', 404, 'not_found'],
      [null, 401, null],
    ];
    for (const [who, status, code] of codes) {
      const res = await call(who, 'POST', `/v1/tickets/${f.road}/field-check`, body);
      expect(res.status, String(who)).toBe(status);
      if (code) expect((await res.json()).error.code, String(who)).toBe(code);
    }
    const refused = await (await call('budi', 'POST', `/v1/tickets/${f.road}/field-check`, body)).json();
    expect(refused.error.message).toBe(
      'Batas waktu jawaban sudah terlewati; cek lapangan tidak bisa lagi menggantinya.',
    );
    expect(stage()?.stage).toBe('answer');
    h.clock.set(day('2026-11-30'));
    const ok = await call('budi', 'POST', `/v1/tickets/${f.road}/field-check`, body);
    expect(ok.status).toBe(200);
    expect(stage()?.stage).toBe('field_check');
  });
});
