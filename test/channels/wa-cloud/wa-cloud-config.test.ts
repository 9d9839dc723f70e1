// The channel's environment: off when unset, every problem listed when half set, defaults filled in.
import { describe, expect, it } from 'vitest';
import { waCloudConfigFromEnv } from '../../../src/channels/wa-cloud/wa-cloud-config.js';

const full = {
  WACLOUD_PHONE_NUMBER_ID: '106540352242922',
  WACLOUD_ACCESS_TOKEN: 'EAAG-some-long-token',
  WACLOUD_APP_SECRET: 'app-secret-123',
  WACLOUD_VERIFY_TOKEN: 'verify-token-123',
  WACLOUD_TEMPLATE_NAME: 'aduan_update',
};

describe('wacloud config', () => {
  it('is off without a phone number id (empty counts as unset)', () => {
    expect(waCloudConfigFromEnv({})).toEqual({ ok: true, config: null });
    expect(waCloudConfigFromEnv({ WACLOUD_PHONE_NUMBER_ID: '' })).toEqual({ ok: true, config: null });
  });

  it('fills the defaults', () => {
    expect(waCloudConfigFromEnv(full)).toEqual({
      ok: true,
      config: {
        phoneNumberId: '106540352242922',
        accessToken: 'EAAG-some-long-token',
        appSecret: 'app-secret-123',
        verifyToken: 'verify-token-123',
        graphUrl: 'https://graph.facebook.com/v21.0',
        templateName: 'aduan_update',
        templateLang: 'id',
      },
    });
    const custom = waCloudConfigFromEnv({
      ...full,
      WACLOUD_GRAPH_URL: 'http://127.0.0.1:8080/v22.0/',
      WACLOUD_TEMPLATE_LANG: 'en_US',
    });
    expect(custom).toMatchObject({
      ok: true,
      config: { graphUrl: 'http://127.0.0.1:8080/v22.0', templateLang: 'en_US' },
    });
  });

  it('lists every missing or malformed variable', () => {
    const half = waCloudConfigFromEnv({
      WACLOUD_PHONE_NUMBER_ID: '106540352242922',
      WACLOUD_APP_SECRET: 'app-secret-123',
    });
    expect(half.ok).toBe(false);
    if (!half.ok) {
      expect(half.problems.map((p) => p.split(':')[0])).toEqual([
        'WACLOUD_ACCESS_TOKEN',
        'WACLOUD_VERIFY_TOKEN',
        'WACLOUD_TEMPLATE_NAME',
      ]);
    }
    const bad = waCloudConfigFromEnv({
      ...full,
      WACLOUD_PHONE_NUMBER_ID: '+62 811',
      WACLOUD_GRAPH_URL: 'ftp://x',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.join('\n')).toMatch(/WACLOUD_PHONE_NUMBER_ID[\s\S]*WACLOUD_GRAPH_URL/);
    const stray = waCloudConfigFromEnv({ WACLOUD_ACCESS_TOKEN: 'EAAG-some-long-token' });
    expect(stray.ok).toBe(false);
  });
});
