// The Open311 server's GET answers the pin of every ticket as it was given, whatever the identity mode: a location is
// about the problem, not the person, and the agency needs it to act (its forwarded copy and its pages carry the same
// pin). The reporter never comes with it: no name, NIK or phone of a rahasia or anonim ticket.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdentityMode } from '../../src/domain/complaint.js';
import type { createApp } from '../../src/http/app.js';
import { IDENTITY } from '../forwarding/ticket-fixture.js';
import { PUPR, ROAD, fileTicket } from '../helpers/assignment-fixture.js';
import { Harness } from '../helpers/harness.js';
import { officerApp } from '../helpers/officer-app.js';
import { integrationKey, open311Client } from '../helpers/open311-client.js';

/** A pin in Banjarmasin, to the centimetre. */
const PIN = { lat: -3.3186427, lon: 114.5944118 };

describe('Open311 GET and the pin', () => {
  let h: Harness;
  let app: ReturnType<typeof createApp>;
  let key = '';
  const { get } = open311Client(() => app);

  beforeEach(() => {
    h = new Harness();
    key = integrationKey(h, 'sistem-pupr', [PUPR]);
    app = officerApp(h);
  });
  afterEach(() => h.close());

  it.each<IdentityMode>(['biasa', 'rahasia', 'anonim'])(
    'answers a %s ticket’s exact lat/long',
    async (mode) => {
      const who = mode === 'anonim' ? { name: null, nik: null, phone: null } : IDENTITY;
      const number = fileTicket(h, `warga-${mode}`, {
        ...ROAD,
        ...who,
        identityMode: mode,
        story: 'Lampu jalan mati di depan rumah.',
        location: PIN,
      });
      const res = await get(`/requests/${number}.json`, key);
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(JSON.parse(text)[0]).toMatchObject({ service_request_id: number, lat: PIN.lat, long: PIN.lon });
      for (const secret of [IDENTITY.name, IDENTITY.nik, '81234567890']) expect(text).not.toContain(secret);
    },
  );
});
