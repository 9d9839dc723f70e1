// The field check through the JSON API: POST /api/v1/tickets/{number}/field-check per account (admin, supervisor
// before and after taking over, the agency's officer, another agency's officer, no token), its 409 and 422 answers,
// the running stage in GET /api/v1/tickets/{number}, the citizen told, and the OpenAPI document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { type AssignmentFixture, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';

const REASON = 'Perlu pengukuran jalan bersama tim teknis';

describe('api v1 field check', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};
  const call = apiCaller(() => app, tokens);
  const mark = (who: string | null, number: string, body: unknown) =>
    call(who, 'POST', `/v1/tickets/${number}/field-check`, body);
  const code = async (res: Response) => (await res.json()).error.code;

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    issueTokens(h, ['admin', 'korbjm', 'budi', 'lain'], tokens);
    app = officerApp(h);
    expect(h.core.actions.changeStatus(f.budi, f.road, 'diproses', { message: null, reason: null }).ok).toBe(
      true,
    );
  });
  afterEach(() => h.close());

  it('shows the running stage on the ticket', async () => {
    const fresh = await (await call('budi', 'GET', `/v1/tickets/${f.drain}`)).json();
    expect(fresh.deadline).toEqual({ stage: 'verify', dueOn: '2026-11-26', paused: false, reason: null });
    const worked = await (await call('admin', 'GET', `/v1/tickets/${f.road}`)).json();
    expect(worked.deadline).toEqual({ stage: 'answer', dueOn: '2026-11-30', paused: false, reason: null });
    expect(worked.dueDate).toBe('2026-11-30');
  });

  it('marks for the agency’s officer, an admin and a supervisor who took over; 401, 404 and 409 otherwise', async () => {
    const body = { days: 14, reason: REASON };
    expect((await mark(null, f.road, body)).status).toBe(401);
    let res = await mark('lain', f.road, body);
    expect(res.status).toBe(404);
    expect(await code(res)).toBe('not_found');
    res = await mark('korbjm', f.road, body);
    expect(res.status).toBe(409);
    expect(await code(res)).toBe('read_only');
    res = await mark('budi', f.road, body);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ number: f.road, stage: 'field_check', due: '2026-12-07' });
    const ticket = await (await call('korbjm', 'GET', `/v1/tickets/${f.road}`)).json();
    expect(ticket.deadline).toEqual({
      stage: 'field_check',
      dueOn: '2026-12-07',
      paused: false,
      reason: REASON,
    });
    expect(ticket.dueDate).toBe('2026-12-07');
    expect(ticket.events.at(-1)).toMatchObject({ type: 'field_check', reason: REASON });
    const told = h.core.store.outbox.latest('telegram', 'warga-jalan', 10).at(-1)?.message.text ?? '';
    expect(told).toContain(`Alasan: ${REASON}. Instansi akan menjawab paling lambat 7 Desember 2026.`);
    res = await mark('budi', f.road, body);
    expect(res.status).toBe(409);
    expect(await code(res)).toBe('not_allowed');

    res = await mark('admin', f.drain, body);
    expect(res.status).toBe(409);
    expect(await code(res)).toBe('not_allowed');
    expect(
      h.core.actions.changeStatus(f.admin, f.drain, 'diproses', { message: null, reason: null }).ok,
    ).toBe(true);
    expect((await call('korbjm', 'POST', `/v1/tickets/${f.drain}/takeover`)).status).toBe(200);
    res = await mark('korbjm', f.drain, { days: 1, reason: REASON });
    expect(res.status).toBe(200);
    expect((await res.json()).due).toBe('2026-11-24');
  });

  it('answers 422 for a body that is not valid', async () => {
    for (const body of [
      { days: 0, reason: REASON },
      { days: 61, reason: REASON },
      { days: 2.5, reason: REASON },
      { days: '14', reason: REASON },
      { days: 14, reason: ' ' },
      { days: 14 },
      { days: 14, reason: 'x'.repeat(501) },
    ]) {
      const res = await mark('budi', f.road, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(await code(res)).toBe('invalid_request');
    }
    expect(h.core.store.ticketInbox.forOfficer(f.road, { kind: 'all' })?.dueDate).toBe('2026-11-30');
  });

  it('is in the OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const op = doc.paths['/v1/tickets/{number}/field-check'].post;
    expect(Object.keys(op.responses).sort()).toEqual(['200', '401', '404', '409', '422']);
    expect(doc.components.schemas.FieldCheck.required.sort()).toEqual(['days', 'reason']);
    expect(doc.components.schemas.Ticket.properties.deadline).toBeDefined();
  });
});
