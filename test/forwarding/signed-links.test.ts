// Signed attachment links: the URL shape, expiry to the second, and every kind of tampering refused.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/clock.js';
import {
  makeLinkSigner,
  signAttachmentUrl,
  verifyAttachmentSignature,
} from '../../src/forwarding/signed-links.js';

const SECRET = 'k'.repeat(40);
const EXPIRES = Date.parse('2026-11-17T06:05:00Z');

const parts = (url: string) => {
  const u = new URL(url);
  return {
    path: u.pathname,
    exp: u.searchParams.get('exp') ?? undefined,
    sig: u.searchParams.get('sig') ?? undefined,
  };
};

describe('signAttachmentUrl and verifyAttachmentSignature', () => {
  const url = signAttachmentUrl({
    baseUrl: 'https://aduan.test/',
    secret: SECRET,
    attachmentId: 'a1',
    expiresAt: EXPIRES,
  });
  const { exp, sig } = parts(url);

  it('builds /files/<id>?exp=<unix seconds>&sig=<base64url HMAC> under the base URL', () => {
    const mac = createHmac('sha256', SECRET).update('a1.1794895500').digest('base64url');
    expect(url).toBe(`https://aduan.test/files/a1?exp=1794895500&sig=${mac}`);
  });

  it('accepts the link until it expires, then says expired', () => {
    expect(verifyAttachmentSignature(SECRET, 'a1', exp, sig, EXPIRES - 1)).toBe('ok');
    expect(verifyAttachmentSignature(SECRET, 'a1', exp, sig, EXPIRES)).toBe('expired');
    expect(verifyAttachmentSignature(SECRET, 'a1', exp, sig, EXPIRES + 86_400_000)).toBe('expired');
  });

  it('refuses a changed id, expiry, signature or secret, and missing or malformed parameters', () => {
    const now = EXPIRES - 1000;
    const flipped = `${sig?.slice(0, -1)}${sig?.endsWith('A') ? 'B' : 'A'}`;
    expect(verifyAttachmentSignature(SECRET, 'a2', exp, sig, now)).toBe('bad');
    expect(verifyAttachmentSignature(SECRET, 'a1', String(Number(exp) + 3600), sig, now)).toBe('bad');
    expect(verifyAttachmentSignature(SECRET, 'a1', exp, flipped, now)).toBe('bad');
    expect(verifyAttachmentSignature(SECRET, 'a1', exp, `${sig}=`, now)).toBe('bad');
    expect(verifyAttachmentSignature('j'.repeat(40), 'a1', exp, sig, now)).toBe('bad');
    expect(verifyAttachmentSignature(SECRET, 'a1', undefined, sig, now)).toBe('bad');
    expect(verifyAttachmentSignature(SECRET, 'a1', exp, undefined, now)).toBe('bad');
    expect(verifyAttachmentSignature(SECRET, 'a1', `${exp}.5`, sig, now)).toBe('bad');
    // An altered expiry in the past is still 'bad', not 'expired': nothing is learnt without the secret.
    expect(verifyAttachmentSignature(SECRET, 'a1', '1', sig, now)).toBe('bad');
  });

  it('percent-encodes an id that needs it, and verifies against the decoded id', () => {
    const odd = signAttachmentUrl({
      baseUrl: 'https://aduan.test',
      secret: SECRET,
      attachmentId: 'a/b c',
      expiresAt: EXPIRES,
    });
    const p = parts(odd);
    expect(p.path).toBe('/files/a%2Fb%20c');
    expect(verifyAttachmentSignature(SECRET, 'a/b c', p.exp, p.sig, EXPIRES - 1)).toBe('ok');
  });
});

describe('makeLinkSigner', () => {
  const ref = { id: 'a1', kind: 'photo' as const, mime: 'image/jpeg', size: 10, sha256: 'a'.repeat(64) };

  it('signs links that expire ttl after now, with the expiry the link carries', () => {
    const clock = new ManualClock(Date.parse('2026-11-03T06:05:00.250Z'));
    const sign = makeLinkSigner({
      baseUrl: 'https://aduan.test',
      secret: SECRET,
      ttlMs: 14 * 86_400_000,
      clock,
    });
    const link = sign(ref);
    expect(link?.expiresAt).toBe('2026-11-17T06:05:00.000Z');
    const { exp, sig } = parts(link?.url ?? '');
    expect(verifyAttachmentSignature(SECRET, 'a1', exp, sig, Date.parse('2026-11-17T06:04:59Z'))).toBe('ok');
    expect(verifyAttachmentSignature(SECRET, 'a1', exp, sig, Date.parse('2026-11-17T06:05:00Z'))).toBe(
      'expired',
    );
  });

  it('gives no links while no public base URL is configured, and refuses a short secret', () => {
    const clock = new ManualClock(0);
    expect(makeLinkSigner({ baseUrl: null, secret: '', ttlMs: 1000, clock })(ref)).toBeNull();
    expect(() =>
      makeLinkSigner({ baseUrl: 'https://aduan.test', secret: 'pendek', ttlMs: 1000, clock }),
    ).toThrow(/at least 32/);
  });
});
