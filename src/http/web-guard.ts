// Middleware for the web chat API: a per-IP rate limit (429 + Retry-After) and an Origin check on state changes.
import { isIP } from 'node:net';
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../clock.js';
import { type Bucket, LruMap, bucketTake, bucketWait, fullBucket } from '../conversation/sender-limits.js';

export type WebGuardOptions = {
  clock?: Clock;
  /** Requests per IP per minute (a token bucket: a burst of this many, then a steady rate). Default 60. */
  requestsPerMinute?: number;
  /**
   * Behind a reverse proxy (nginx, Caddy): the client is the LAST address of `X-Forwarded-For`, the one our own
   * proxy appended (earlier ones are whatever the client sent). `X-Forwarded-Host` then also counts as our host.
   * `true`: always; `'loopback'`: only when the connection comes from this machine (a proxy on the same host;
   * nobody else can open a loopback connection); `false` (default): the socket's address, headers ignored.
   */
  trustProxy?: boolean | 'loopback';
  /** Full origins also allowed to POST, e.g. `https://aduan.kalselprov.go.id` (the public name behind a proxy). */
  allowedOrigins?: string[];
  /** Also count GET requests (the page polls every 3 s: about 20 a minute per open tab). Default true. */
  limitReads?: boolean;
  /** Clients remembered (least recently seen forgotten first). Default 50,000. */
  maxClients?: number;
  /** The socket's address; by default read from @hono/node-server's `c.env.incoming`. */
  remoteAddress?: (c: Context) => string | undefined;
};

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The address hono's node server saw (`c.env.incoming.socket.remoteAddress`), read without casts. */
function socketAddress(c: Context): string | undefined {
  const env: unknown = c.env;
  if (!env || typeof env !== 'object' || !('incoming' in env)) return undefined;
  const incoming: unknown = env.incoming;
  if (!incoming || typeof incoming !== 'object' || !('socket' in incoming)) return undefined;
  const socket: unknown = incoming.socket;
  if (!socket || typeof socket !== 'object' || !('remoteAddress' in socket)) return undefined;
  return typeof socket.remoteAddress === 'string' ? socket.remoteAddress : undefined;
}

/**
 * The rate-limit key of an address: IPv4 as is, IPv4-mapped IPv6 as IPv4, other IPv6 by its /64 (one subscriber
 * usually holds a whole /64, so per-address limits would be trivial to escape).
 */
export function clientKey(address: string | undefined): string {
  const a = (address ?? '').trim().toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (mapped?.[1]) return mapped[1];
  if (isIP(a) === 4) return a;
  if (isIP(a) !== 6) return 'unknown';
  const [head = '', tail = ''] = a.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = a.includes('::')
    ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

const LOOPBACK = /^(?:127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

function proxyTrusted(c: Context, opts: WebGuardOptions): boolean {
  if (opts.trustProxy === 'loopback') return LOOPBACK.test((opts.remoteAddress ?? socketAddress)(c) ?? '');
  return opts.trustProxy === true;
}

export function clientAddress(c: Context, opts: WebGuardOptions): string | undefined {
  if (proxyTrusted(c, opts)) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .pop();
    if (last) return last;
  }
  return (opts.remoteAddress ?? socketAddress)(c);
}

/**
 * Whether a request came over HTTPS (its URL, or `X-Forwarded-Proto: https` from a trusted proxy) or from this machine:
 * officers sign in only then.
 */
export function requestIsSecure(c: Context, opts: WebGuardOptions): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (proxyTrusted(c, opts) && c.req.header('x-forwarded-proto')?.split(',').pop()?.trim() === 'https')
    return true;
  const forwardedFor = proxyTrusted(c, opts) ? c.req.header('x-forwarded-for') : undefined;
  return !forwardedFor && LOOPBACK.test((opts.remoteAddress ?? socketAddress)(c) ?? '');
}

function hostOf(origin: string): string | null {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

function normalOrigin(origin: string): string | null {
  try {
    const u = new URL(origin);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request may proceed.
 * - With an `Origin`: it must name this host (the `Host` header, or `X-Forwarded-Host` behind a trusted proxy;
 *   scheme not compared, since TLS usually ends at the proxy) or one of `allowedOrigins`. `Origin: null`
 *   (sandboxed frames, some redirects) is foreign.
 * - Without one: browsers send `Origin` on every cross-site POST, and `Sec-Fetch-Site` on every request, so a
 *   request with neither is not a browser (curl, the CLIs, tests) and cannot carry a victim's cookie: allowed.
 *   Without `Origin` but with `Sec-Fetch-Site`, only `same-origin` and `none` (typed by the user) pass.
 * The session cookie is SameSite=Strict as well; this check is the second layer.
 */
export function originAllowed(c: Context, opts: WebGuardOptions): boolean {
  const origin = c.req.header('origin');
  if (origin === undefined) {
    const site = c.req.header('sec-fetch-site');
    return site === undefined || site === 'same-origin' || site === 'none';
  }
  const host = hostOf(origin);
  if (host === null) return false;
  const own = [
    c.req.header('host') ?? new URL(c.req.url).host,
    proxyTrusted(c, opts) ? c.req.header('x-forwarded-host') : undefined,
  ]
    .flatMap((h) => (h ? h.split(',').map((s) => s.trim().toLowerCase()) : []))
    .filter(Boolean);
  if (own.includes(host)) return true;
  const normal = normalOrigin(origin);
  return (opts.allowedOrigins ?? []).some((o) => normalOrigin(o) === normal);
}

export function webGuard(opts: WebGuardOptions = {}): MiddlewareHandler {
  const clock = opts.clock ?? { now: () => Date.now() };
  const perMinute = opts.requestsPerMinute ?? 60;
  const clients = new LruMap<string, Bucket>(opts.maxClients ?? 50_000);
  return async (c, next) => {
    const unsafe = !SAFE_METHODS.has(c.req.method);
    if (unsafe && !originAllowed(c, opts)) return c.json({ error: 'forbidden_origin' }, 403);
    if (unsafe || (opts.limitReads ?? true)) {
      const key = clientKey(clientAddress(c, opts));
      const now = clock.now();
      const bucket = clients.get(key) ?? fullBucket(perMinute, 60_000, now);
      clients.set(key, bucket);
      const wait = bucketWait(bucket, perMinute, 60_000, now);
      if (wait > 0) {
        const retryAfter = Math.max(1, Math.ceil(wait / 1000));
        c.header('Retry-After', String(retryAfter));
        return c.json({ error: 'rate_limited', retryAfter }, 429);
      }
      bucketTake(bucket, 60_000);
    }
    await next();
  };
}
