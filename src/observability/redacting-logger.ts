// A pino logger that keeps personal data and secrets out at any depth: keyed fields, NIKs, phones and bot tokens.
import pino, { type Logger } from 'pino';

/** Fields whose value is never written, at any depth (compared case-insensitively). */
export const SENSITIVE_KEYS: readonly string[] = [
  'text',
  'caption',
  'body',
  'nik',
  'phone',
  'name',
  'complaint',
  'chatId',
  'contact',
  'location',
  'token',
  'accessToken',
  'authorization',
  'cookie',
  'secret',
  'password',
];

/**
 * The same fields as pino redact paths, a second net behind the scrub (first two levels; `*.name` is left to the
 * scrub, which keeps an error's class name).
 */
export const REDACT: string[] = SENSITIVE_KEYS.flatMap((k) => (k === 'name' ? [k] : [k, `*.${k}`]));

const CENSOR = '[redacted]';
const SENSITIVE = new Set(SENSITIVE_KEYS.map((k) => k.toLowerCase()));
const MAX_DEPTH = 8;
const ERROR_NAME = /^[A-Z][A-Za-z]*(?:Error|Exception)$/;

/** Patterns replaced inside every string that is logged (messages, error messages, stacks, values). */
const PATTERNS: readonly [RegExp, string][] = [
  // Telegram bot tokens in Bot API URLs: https://api.telegram.org/bot123456:ABC-def/getUpdates
  [/bot\d+:[A-Za-z0-9_-]+/g, 'bot<token>'],
  // Tokens in query strings (Graph API access_token=…, ?token=… of the operator pages).
  [/\b(access_token|token|secret|key)=[^&\s"']+/gi, '$1=<redacted>'],
  // One-time password links (a request path in an error log): /petugas/sandi/<token>.
  [/\/petugas\/sandi\/[\w-]+/g, '/petugas/sandi/<token>'],
  [/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 <redacted>'],
  // A NIK: 16 digits, also typed in groups ("6371 0457 0890 0001").
  [/(?<![\d])\d(?:[ .-]?\d){15}(?![\d])/g, '<nik>'],
  // Indonesian mobile numbers: +62 8…, 62 8… (also inside WhatsApp ids like 62812…@c.us), 08….
  [/(?<![\d+])(?:\+62|62|0)[ .-]?8\d(?:[ .-]?\d){6,11}(?![\d])/g, '<phone>'],
  // Landlines with an area code: 0511-3352000, +62 511 3352000.
  [/(?<![\d+])(?:\+62[ .-]?|0)\(?[1-79]\d{1,3}\)?[ .-]?\d{3,4}[ .-]?\d{3,4}(?![\d])/g, '<phone>'],
];

/** Replaces NIKs, phone numbers and tokens inside a string. */
export function scrubText(s: string): string {
  let out = s;
  for (const [re, to] of PATTERNS) out = out.replace(re, to);
  return out;
}

function scrubError(err: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const out: Record<string, unknown> = {
    type: err.name,
    message: scrubText(err.message),
    stack: err.stack === undefined ? undefined : scrubText(err.stack),
  };
  for (const [k, v] of Object.entries(err)) {
    if (k in out) continue;
    out[k] = SENSITIVE.has(k.toLowerCase()) ? CENSOR : scrubValue(v, depth + 1, seen);
  }
  if (err.cause !== undefined) out.cause = scrubValue(err.cause, depth + 1, seen);
  return out;
}

/** A deep copy with sensitive fields censored and every string scrubbed; cycles and depth are bounded. */
export function scrubValue(value: unknown, depth = 0, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const s = String(value);
    const scrubbed = scrubText(s);
    return scrubbed === s ? value : scrubbed;
  }
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[deep]';
  if (value instanceof Uint8Array) return `[${value.byteLength} bytes]`;
  if (value instanceof Date) return value;
  // `seen` holds the ancestors only: an object logged twice side by side is not a cycle.
  if (seen.has(value)) return '[circular]';
  seen.add(value);
  try {
    if (value instanceof Error) return scrubError(value, depth, seen);
    if (Array.isArray(value)) return value.map((v) => scrubValue(v, depth + 1, seen));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // `{ name: 'TypeError', message, stack }` (an error copied into a plain object) keeps its class name.
      const errorName = k === 'name' && typeof v === 'string' && ERROR_NAME.test(v);
      out[k] = SENSITIVE.has(k.toLowerCase()) && !errorName ? CENSOR : scrubValue(v, depth + 1, seen);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function scrubRecord(value: object): Record<string, unknown> {
  const out = scrubValue(value);
  return out !== null && typeof out === 'object' && !Array.isArray(out) && !(out instanceof Date)
    ? { ...out }
    : { value: out };
}

/**
 * Same signature as `createLogger` in src/logger.ts. Every call's arguments are scrubbed before pino sees them
 * (`hooks.logMethod`: the merging object, errors with their message and stack, the message and its interpolation
 * values), child bindings too (`formatters.bindings`), and pino `redact` stays as a second net.
 * A person's name or a complaint's text inside a free-form string cannot be recognised: callers log ids and counts.
 */
export function createRedactingLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'aduan' },
      redact: { paths: REDACT, censor: CENSOR },
      // Errors were already turned into scrubbed `{ type, message, stack, … }` by the hook below.
      serializers: { err: (err: unknown) => err },
      formatters: { bindings: (bindings) => scrubRecord(bindings) },
      hooks: {
        logMethod(args, method) {
          const [first, ...rest] = args;
          const tail = rest.map((a) => scrubValue(a));
          if (first instanceof Error) {
            const err = scrubValue(first);
            const msg = tail.length > 0 ? tail : [scrubText(first.message)];
            return Reflect.apply(method, this, [{ err }, ...msg]);
          }
          if (first !== null && typeof first === 'object') {
            return Reflect.apply(method, this, [scrubRecord(first), ...tail]);
          }
          return Reflect.apply(method, this, [scrubValue(first), ...tail]);
        },
      },
    },
    destination,
  );
}
