// The Open311 server's GET through app.request: an Ombudsman integration key reads the tickets copied to Ombudsman
// (its tembusan), and a field check's reason in service_notice comes masked like status_notes.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { createApp } from '../../src/http/app.js';
import { IDENTITY } from '../forwarding/ticket-fixture.js';
import { type AssignmentFixture, PUPR, assignmentFixture } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { OMBUDSMAN } from '../helpers/ladder-fixture.js';
import { officerApp } from '../helpers/officer-app.js';
import { integrationKey, open311Client } from '../helpers/open311-client.js';

describe('Open311 GET: Ombudsman’s copies and the field check’s notice', () => {
  let h: Harness;
  let f: AssignmentFixture;
  let app: ReturnType<typeof createApp>;
  const keys = { pupr: '', ombudsman: '' };
  const { get } = open311Client(() => app);
  const numbers = async (key: string) =>
    JSON.parse(await (await get('/requests.json', key)).text()).map(
      (r: { service_request_id: string }) => r.service_request_id,
    );

  beforeEach(() => {
    h = new Harness();
    f = assignmentFixture(h);
    keys.pupr = integrationKey(h, 'sistem-pupr', [PUPR]);
    keys.ombudsman = integrationKey(h, 'sistem-ombudsman', [OMBUDSMAN]);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it('lets an Ombudsman integration key read a ticket copied to Ombudsman, and no other', async () => {
    expect((await get(`/requests/${f.road}.json`, keys.ombudsman)).status).toBe(404);
    expect(await numbers(keys.ombudsman)).toEqual([]);
    const road = h.core.store.ticketInbox.forOfficer(f.road, { kind: 'all' });
    h.core.store.ticketCopies.add(road?.id ?? -1, OMBUDSMAN, 'citizen', h.clock.now());
    const one = await get(`/requests/${f.road}.json`, keys.ombudsman);
    expect(one.status).toBe(200);
    expect(JSON.parse(await one.text())[0].service_request_id).toBe(f.road);
    expect(await numbers(keys.ombudsman)).toEqual([f.road]);
    expect((await get(`/requests/${f.drain}.json`, keys.ombudsman)).status).toBe(404);
    expect((await get(`/requests/${f.health}.json`, keys.ombudsman)).status).toBe(404);
  });

  it('masks the reporter in the field check’s reason in service_notice, as in status_notes', async () => {
    expect(h.core.actions.changeStatus(f.budi, f.road, 'diproses', { message: null, reason: null })).toEqual({
      ok: true,
    });
    const reason = `Tim ukur datang bersama Ibu ${IDENTITY.name} (0812-3456-7890)`;
    expect(h.core.actions.fieldCheck(f.budi, f.road, { days: 14, reason })).toMatchObject({ ok: true });
    const text = await (await get(`/requests/${f.road}.json`, keys.pupr)).text();
    const [view] = JSON.parse(text);
    expect(view.service_notice).toContain('Tim ukur datang bersama Ibu');
    for (const secret of [IDENTITY.name, 'Siti', 'Aminah', '0812-3456-7890', '3456'])
      expect(text, secret).not.toContain(secret);
  });
});
