// The WHATSAPP_* settings: defaults, validation, and nothing read from process.env.
import { describe, expect, it } from 'vitest';
import { waWebConfigFromEnv } from '../../../src/channels/wa-web/wa-web-config.js';

describe('waWebConfigFromEnv', () => {
  it('defaults to disabled, system Chromium and a 90 s initialize timeout', () => {
    expect(waWebConfigFromEnv({})).toEqual({
      ok: true,
      config: {
        enabled: false,
        chromiumPath: '/usr/bin/chromium',
        initTimeoutMs: 90_000,
        pairPhone: null,
        operatorToken: null,
      },
    });
  });

  it('reads the settings and treats empty values as unset', () => {
    const r = waWebConfigFromEnv({
      WHATSAPP_WEB: '1',
      WHATSAPP_CHROMIUM_PATH: '/opt/chromium/chrome',
      WHATSAPP_INIT_TIMEOUT_S: '30',
      WHATSAPP_PAIR_PHONE: '',
    });
    expect(r).toMatchObject({
      ok: true,
      config: { enabled: true, chromiumPath: '/opt/chromium/chrome', initTimeoutMs: 30_000, pairPhone: null },
    });
  });

  it('lists every problem', () => {
    const r = waWebConfigFromEnv({
      WHATSAPP_WEB: 'maybe',
      WHATSAPP_INIT_TIMEOUT_S: '0',
      WHATSAPP_PAIR_PHONE: '+62 812',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.split(':')[0])).toEqual([
      'WHATSAPP_WEB',
      'WHATSAPP_INIT_TIMEOUT_S',
      'WHATSAPP_PAIR_PHONE',
    ]);
  });
});
