// Checks a secret a caller presents (a webhook's secret token, a bearer token) in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/**
 * A check against one configured secret. Both sides are compared as sha256 digests, so neither the length nor the
 * content of the secret leaks through timing; the configured side is hashed once, not on every request.
 */
export function secretCheck(expected: string): (given: string) => boolean {
  const want = digest(expected);
  return (given) => timingSafeEqual(digest(given), want);
}
