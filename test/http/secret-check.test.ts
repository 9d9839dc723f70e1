// The one secret check the webhooks and operator routes share: equal secrets pass, anything else fails.
import { describe, expect, it } from 'vitest';
import { secretCheck } from '../../src/http/secret-check.js';

describe('secretCheck', () => {
  const matches = secretCheck('s3cret-token-of-the-webhook');

  it('accepts the configured secret', () => {
    expect(matches('s3cret-token-of-the-webhook')).toBe(true);
  });

  it('refuses another secret, a prefix, a longer one and an empty one', () => {
    expect(matches('s3cret-token-of-the-webhooK')).toBe(false);
    expect(matches('s3cret-token')).toBe(false);
    expect(matches('s3cret-token-of-the-webhook ')).toBe(false);
    expect(matches('')).toBe(false);
  });
});
