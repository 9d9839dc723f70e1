// The webhook signature as a receiver checks it: good, tampered, stale, wrong secret, malformed, rotated.
import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from '../../src/forwarding/signature.js';
import { SECRET } from './fixtures.js';

const NOW = 1_795_000_000;
const body = JSON.stringify({ schema: 'aduan.ticket/1', ticket: { number: 'ADN-0001' } });

describe('webhook signature', () => {
  it('verifies a body signed with the secret', () => {
    const header = signBody(SECRET, body, NOW);
    expect(header).toMatch(/^t=1795000000,v1=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, header, body, NOW)).toBe(true);
    expect(verifySignature(SECRET, header, Buffer.from(body), NOW + 299)).toBe(true);
  });

  it('refuses a tampered body and another secret', () => {
    const header = signBody(SECRET, body, NOW);
    expect(verifySignature(SECRET, header, body.replace('0001', '0002'), NOW)).toBe(false);
    expect(verifySignature(`${SECRET}x`, header, body, NOW)).toBe(false);
  });

  it('refuses a timestamp beyond the tolerance, in the past or the future', () => {
    expect(verifySignature(SECRET, signBody(SECRET, body, NOW - 301), body, NOW)).toBe(false);
    expect(verifySignature(SECRET, signBody(SECRET, body, NOW + 301), body, NOW)).toBe(false);
    expect(verifySignature(SECRET, signBody(SECRET, body, NOW - 60), body, NOW, 30)).toBe(false);
  });

  it('refuses malformed headers and a timestamp that was not signed', () => {
    const v1 = signBody(SECRET, body, NOW).split(',')[1];
    for (const h of [null, undefined, '', 'garbage', `t=abc,${v1}`, `t=${NOW}`, `t=${NOW},v1=xyz`, `${v1}`]) {
      expect(verifySignature(SECRET, h, body, NOW), String(h)).toBe(false);
    }
    expect(verifySignature(SECRET, `t=${NOW + 1},${v1}`, body, NOW)).toBe(false);
  });

  it('accepts any matching v1 while a secret is rotated', () => {
    const good = signBody(SECRET, body, NOW).split(',')[1];
    const old = signBody('old-secret-0123456789', body, NOW).split(',')[1];
    expect(verifySignature(SECRET, `t=${NOW},${old},${good}`, body, NOW)).toBe(true);
  });
});
