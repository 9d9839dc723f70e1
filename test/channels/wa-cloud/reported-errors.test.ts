// Errors Meta reports in a webhook are logged with their codes and titles, never with the text of a message.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PHONE_ID, WaWorld, postSigned } from './wa-cloud-helpers.js';

type Line = { obj: object; msg: string };
let w: WaWorld;
const logged: Line[] = [];

beforeEach(async () => {
  logged.length = 0;
  const log = {
    warn: (obj: object, msg: string) => logged.push({ obj, msg }),
    error: (obj: object, msg: string) => logged.push({ obj, msg }),
  };
  w = await WaWorld.create({ log });
});
afterEach(async () => {
  await w.close();
});

const body = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: '1',
      changes: [
        {
          field: 'messages',
          value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PHONE_ID }, ...value },
        },
      ],
    },
  ],
});

describe('errors reported by WhatsApp', () => {
  it('are logged by code and title: value-level, per status and per message', async () => {
    const secret = 'jalan rusak di depan rumah Siti, hp 081234567890';
    const res = await postSigned(
      w.app,
      body({
        errors: [{ code: 131000, title: 'Something went wrong', message: secret }],
        statuses: [
          {
            id: 'wamid.out.9',
            status: 'failed',
            timestamp: '1795400000',
            recipient_id: '6281234567890',
            errors: [{ code: 131026, title: 'Message undeliverable', message: secret }],
          },
        ],
        messages: [
          {
            from: '6281234567890',
            id: 'wamid.in.err',
            timestamp: '1795400000',
            type: 'unsupported',
            errors: [{ code: 131051, title: 'Message type unknown', message: secret }],
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
    const text = JSON.stringify(logged);
    for (const code of [131000, 131026, 131051]) expect(text).toContain(String(code));
    expect(text).toContain('Message undeliverable');
    expect(text).not.toContain('jalan rusak');
    expect(text).not.toContain('081234567890');
    expect(text).not.toContain('6281234567890');
  });
});
