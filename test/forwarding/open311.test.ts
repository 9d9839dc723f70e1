// The Open311 method against a GeoReport v2 endpoint on loopback: form fields, identity only when shared, answers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import { Open311Destination } from '../../src/domain/destination.js';
import { DESCRIPTION_MAX } from '../../src/domain/open311-mapping.js';
import type { DeliveryJob } from '../../src/forwarding/method.js';
import { Open311Method } from '../../src/forwarding/open311.js';
import type { TicketPayload } from '../../src/forwarding/payload.js';
import { FakeOpen311Server } from '../fakes/open311-server.js';
import { T0, payloadOf } from './fixtures.js';

const API_KEY = 'open311-key-0123456789';

function job(endpoint: string, payload: TicketPayload, over: Record<string, unknown> = {}): DeliveryJob {
  return {
    deliveryId: 1,
    idempotencyKey: `aduan-${payload.ticket.number}-pupr-bjm-lapor`,
    attempt: 1,
    agency: { id: 'pupr-bjm', name: 'Dinas PUPR Kota Banjarmasin' },
    destination: Open311Destination.parse({
      id: 'lapor',
      method: 'open311',
      endpoint,
      apiKey: { env: 'ADUAN_SECRET_OPEN311' },
      jurisdictionId: 'banjarmasinkota.go.id',
      serviceCodes: { infrastruktur: 'JALAN-RUSAK' },
      ...over,
    }),
    payload,
  };
}

describe('open311 method', () => {
  let server: FakeOpen311Server;
  let method: Open311Method;
  const signal = () => AbortSignal.timeout(5000);
  beforeEach(async () => {
    server = await FakeOpen311Server.start({ apiKey: API_KEY });
    method = new Open311Method({ secrets: { ADUAN_SECRET_OPEN311: API_KEY }, clock: new ManualClock(T0) });
  });
  afterEach(() => server.close());

  it('posts one service request with the GeoReport fields and the idempotency key', async () => {
    const outcome = await method.deliver(job(server.endpoint, payloadOf('ADN-0001')), signal());
    expect(outcome).toEqual({ ok: true, remoteId: 'SR-1' });
    expect(server.requests).toHaveLength(1);
    const r = server.requests[0];
    expect(r?.key).toBe('aduan-ADN-0001-pupr-bjm-lapor');
    expect(r?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(r?.form).toEqual({
      api_key: API_KEY,
      jurisdiction_id: 'banjarmasinkota.go.id',
      service_code: 'JALAN-RUSAK',
      description:
        '[Aduan ADN-0001] Jalan di depan SDN 3 berlubang besar sejak dua bulan, sudah ada motor yang jatuh.' +
        '\n\nHarapan pelapor: Jalan segera ditambal',
      lat: '-3.32987',
      long: '114.62698',
      media_url: 'https://aduan.test/f/att1',
      'attribute[aduan_ticket]': 'ADN-0001',
      first_name: 'Siti',
      last_name: 'Rahmah Aulia',
      phone: '+6281234567890',
    });
  });

  it('sends no identity for a rahasia payload, and an address when there is no location', async () => {
    const payload = payloadOf('ADN-0002', { identityMode: 'rahasia', location: null, attachments: [] });
    expect(payload.reporter).toEqual({ identityMode: 'rahasia', name: null, nik: null, phone: null });
    await method.deliver(job(server.endpoint, payload, { serviceCodes: {} }), signal());
    const form = server.requests[0]?.form ?? {};
    for (const field of ['first_name', 'last_name', 'phone', 'email', 'lat', 'long', 'media_url']) {
      expect(form, field).not.toHaveProperty(field);
    }
    expect(form.address_string).toBe('Jl. Pramuka dekat pasar, Banjarmasin Timur, Kota Banjarmasin');
    expect(form.service_code).toBe('infrastruktur');
    expect(JSON.stringify(form)).not.toContain('Siti');
    expect(JSON.stringify(form)).not.toContain('6371045708900001');
  });

  it('never sends the NIK, and keeps a long description within 4,000 characters with its ticket number', async () => {
    const payload = payloadOf('ADN-0003', { story: 'Lubang. '.repeat(2400).trim() });
    await method.deliver(job(server.endpoint, payload), signal());
    const form = server.requests[0]?.form ?? {};
    expect(JSON.stringify(form)).not.toContain('6371045708900001');
    expect(form.description).toHaveLength(DESCRIPTION_MAX);
    expect(form.description?.startsWith('[Aduan ADN-0003] Lubang.')).toBe(true);
    expect(form.description?.endsWith('…\n\nHarapan pelapor: Jalan segera ditambal')).toBe(true);
  });

  it('takes a token as the remote id when the endpoint answers with one', async () => {
    const tokens = await FakeOpen311Server.start({ answer: 'token' });
    try {
      const outcome = await method.deliver(
        job(`${tokens.endpoint}/`, payloadOf('ADN-0004'), { apiKey: undefined }),
        signal(),
      );
      expect(outcome).toEqual({ ok: true, remoteId: 'token:tok-SR-1' });
      expect(tokens.requests[0]?.form).not.toHaveProperty('api_key');
    } finally {
      await tokens.close();
    }
  });

  it('makes a 400 with GeoReport errors final and a 503 retryable', async () => {
    server.failNext(400, [{ code: 400, description: 'service_code JALAN-RUSAK not found' }]);
    server.failNext(503);
    expect(await method.deliver(job(server.endpoint, payloadOf('ADN-0005')), signal())).toEqual({
      ok: false,
      retryable: false,
      error: 'HTTP 400 Bad Request: 400 service_code JALAN-RUSAK not found',
    });
    expect(await method.deliver(job(server.endpoint, payloadOf('ADN-0005')), signal())).toMatchObject({
      ok: false,
      retryable: true,
    });
  });

  it('reports an unset api key without calling the endpoint', async () => {
    const bare = new Open311Method({ secrets: {}, clock: new ManualClock(T0) });
    expect(await bare.deliver(job(server.endpoint, payloadOf('ADN-0006')), signal())).toEqual({
      ok: false,
      retryable: true,
      error: 'ADUAN_SECRET_OPEN311 is not set: the Open311 request cannot be made',
    });
    expect(server.requests).toEqual([]);
  });
});
