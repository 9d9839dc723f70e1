// Assignment through the JSON API: POST /api/v1/tickets/{number}/assign per account (admin, supervisor, the agency's
// officer, another agency's officer, no token), 422 for an account the ticket may not go to, the assignee on the list
// and the ticket, `assigned=me|none` on GET /api/v1/tickets, and the OpenAPI document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { type AssignmentFixture, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';

describe('api v1 assignment', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};

  const call = apiCaller(() => app, tokens);
  const assign = (who: string | null, number: string, officerId: unknown) =>
    call(who, 'POST', `/v1/tickets/${number}/assign`, { officerId });
  const numbers = async (who: string, query: string): Promise<string[]> => {
    const res = await call(who, 'GET', `/v1/tickets?${query}`);
    expect(res.status, query).toBe(200);
    return (await res.json()).items.map((i: { number: string }) => i.number);
  };

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    issueTokens(h, ['admin', 'korbjm', 'budi', 'lain'], tokens);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('assigns for an admin, a supervisor who took over and the agency’s officer; 404 and 401 otherwise', async () => {
    let res = await assign('admin', f.road, f.sari.id);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ number: f.road, officerId: f.sari.id });

    res = await assign('korbjm', f.road, null);
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('read_only');
    expect((await call('korbjm', 'POST', `/v1/tickets/${f.road}/takeover`)).status).toBe(200);
    expect((await assign('korbjm', f.road, null)).status).toBe(200);

    expect((await assign('budi', f.road, f.budi.id)).status).toBe(200);
    res = await assign('lain', f.road, f.lain.id);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toBe('not_found');
    res = await assign(null, f.road, f.budi.id);
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('unauthorized');

    const ticket = await (await call('admin', 'GET', `/v1/tickets/${f.road}`)).json();
    expect(ticket.assignee).toEqual({ id: f.budi.id, name: 'Budi Santoso' });
    expect(ticket.events.filter((e: { type: string }) => e.type === 'assigned')).toHaveLength(3);
  });

  it('answers 422 for an account the ticket may not go to, and for a body that is not valid', async () => {
    for (const officerId of [f.dina.id, f.lain.id, f.coordinator.id, 9999]) {
      const res = await assign('budi', f.road, officerId);
      expect(res.status, String(officerId)).toBe(422);
      expect((await res.json()).error.code).toBe('unknown_officer');
    }
    for (const officerId of ['budi', 0, 1.5, undefined]) {
      const res = await assign('budi', f.road, officerId);
      expect(res.status, String(officerId)).toBe(422);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
    // Outside the scope, 404 comes before the body's account is looked at.
    expect((await assign('lain', f.road, 9999)).status).toBe(404);
  });

  it('filters the list by `assigned` and shows each ticket’s assignee', async () => {
    await assign('budi', f.road, f.budi.id);
    expect(await numbers('budi', 'assigned=me')).toEqual([f.road]);
    expect(await numbers('budi', 'assigned=none')).toEqual([f.drain]);
    expect(await numbers('admin', 'assigned=none')).toEqual([f.drain, f.health]);
    expect(await numbers('admin', 'assigned=me')).toEqual([]);
    const list = await (await call('budi', 'GET', '/v1/tickets')).json();
    expect(list.items.map((i: { assignee: unknown }) => i.assignee)).toEqual([
      null,
      { id: f.budi.id, name: 'Budi Santoso' },
    ]);
    expect((await call('budi', 'GET', '/v1/tickets?assigned=saya')).status).toBe(422);
  });

  it('lists the operation and the filter in the OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const op = doc.paths['/v1/tickets/{number}/assign'].post;
    expect(Object.keys(op.responses).sort()).toEqual(['200', '401', '404', '409', '422']);
    const params = doc.paths['/v1/tickets'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toContain('assigned');
    expect(doc.components.schemas.Assign).toBeDefined();
  });
});
