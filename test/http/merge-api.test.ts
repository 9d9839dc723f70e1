// Merging through the JSON API: POST /api/v1/tickets/{number}/merge per account (admin, supervisor before and after
// taking over, the agency's officer, another agency's officer, no token), its 409 and 422 answers, and the OpenAPI
// document.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { apiCaller, issueTokens } from '../helpers/api-client.js';
import { Harness } from '../helpers/harness.js';
import { type MergeFixture, mergeFixture } from '../helpers/merge-fixture.js';
import { officerApp } from '../helpers/officer-app.js';

describe('api v1 merge', () => {
  let h: Harness;
  let f: MergeFixture;
  let app: ReturnType<typeof createApp>;
  const tokens: Record<string, string> = {};

  const call = apiCaller(() => app, tokens);
  const merge = (who: string | null, number: string, into: unknown) =>
    call(who, 'POST', `/v1/tickets/${number}/merge`, { into });
  const code = async (res: Response) => (await res.json()).error.code;

  beforeEach(() => {
    h = new Harness();
    f = mergeFixture(h);
    issueTokens(h, ['admin', 'korbjm', 'budi', 'lain'], tokens);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('merges for the agency’s officer, an admin and a supervisor who took over; 404, 409 and 401 otherwise', async () => {
    let res = await merge(null, f.twin, f.road);
    expect(res.status).toBe(401);
    res = await merge('lain', f.twin, f.road);
    expect(res.status).toBe(404);
    expect(await code(res)).toBe('not_found');
    res = await merge('korbjm', f.twin, f.road);
    expect(res.status).toBe(409);
    expect(await code(res)).toBe('read_only');
    expect((await call('korbjm', 'POST', `/v1/tickets/${f.gap}/takeover`)).status).toBe(200);
    expect((await call('korbjm', 'POST', `/v1/tickets/${f.road}/takeover`)).status).toBe(200);
    res = await merge('korbjm', f.gap, f.road);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ number: f.gap, into: f.road });

    res = await merge('budi', f.twin, f.road);
    expect(res.status).toBe(200);
    res = await merge('admin', f.drain, f.twin);
    expect(res.status).toBe(409);
    expect(await code(res)).toBe('into_closed');
    res = await merge('admin', f.twin, f.drain);
    expect(res.status).toBe(409);
    expect(await code(res)).toBe('not_allowed');

    const ticket = await (await call('budi', 'GET', `/v1/tickets/${f.road}`)).json();
    expect(ticket.events.filter((e: { type: string }) => e.type === 'merged')).toHaveLength(2);
    const twin = await (await call('budi', 'GET', `/v1/tickets/${f.twin}`)).json();
    expect(twin.status).toBe('ditutup');
    expect(twin.events.at(-1)).toMatchObject({
      type: 'merged',
      from: 'baru',
      to: 'ditutup',
      reason: 'merged',
    });
  });

  it('answers 422 for a ticket it may not be merged into, and for a body that is not valid', async () => {
    const cases: [string, string][] = [
      [f.twin, 'same_ticket'],
      [f.health, 'unknown_ticket'],
      ['ADU-0000-XXXX', 'unknown_ticket'],
      ['ADU-12', 'unknown_ticket'],
    ];
    for (const [into, expected] of cases) {
      const res = await merge('budi', f.twin, into);
      expect(res.status, into).toBe(422);
      expect(await code(res)).toBe(expected);
    }
    const other = await merge('admin', f.twin, f.health);
    expect(other.status).toBe(422);
    expect(await code(other)).toBe('other_agency');
    for (const into of ['', 7, undefined]) {
      const res = await merge('budi', f.twin, into);
      expect(res.status, String(into)).toBe(422);
      expect(await code(res)).toBe('invalid_request');
    }
    // Outside the scope, 404 comes before the body is looked at.
    expect((await merge('lain', f.twin, 'ADU-12')).status).toBe(404);
  });

  it('lists the operation in the OpenAPI document', async () => {
    const doc = await (await app.request('/api/openapi.json')).json();
    const op = doc.paths['/v1/tickets/{number}/merge'].post;
    expect(Object.keys(op.responses).sort()).toEqual(['200', '401', '404', '409', '422']);
    expect(doc.components.schemas.Merge).toBeDefined();
  });
});
