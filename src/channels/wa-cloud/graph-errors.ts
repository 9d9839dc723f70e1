// Graph API failures and what the outbox should do about them: retry (maybe after a delay) or give up.
import { SendError } from '../../outbox/outbound-channel.js';

/** Codes from Meta's Cloud API error reference that this channel treats specially. */
export const GRAPH_CODES = {
  /** Throughput of the business number reached. */
  rateLimit: 130429,
  /** Too many messages to the same user in a short time (pair rate limit). */
  pairRateLimit: 131056,
  /** Application-level request limits. */
  appRateLimits: [4, 80007],
  /** Re-engagement: more than 24 hours since the user's last message; only a template can be sent. */
  windowClosed: 131047,
  /** Temporary failures on Meta's side. */
  temporary: [1, 2, 131000],
  /** Expired or invalid access token. */
  auth: 190,
} as const;

/** A failed Graph API call: the HTTP status (0 = network/timeout) and Meta's error code when there was one. */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: number | null,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

const GraphErrorBody = (raw: unknown): { code: number | null; message: string | null } => {
  if (typeof raw !== 'object' || raw === null || !('error' in raw)) return { code: null, message: null };
  const e = (raw as { error: unknown }).error;
  if (typeof e !== 'object' || e === null) return { code: null, message: null };
  const code = 'code' in e ? Number((e as { code: unknown }).code) : Number.NaN;
  const message = 'message' in e ? String((e as { message: unknown }).message).slice(0, 300) : null;
  return { code: Number.isFinite(code) ? code : null, message };
};

/** Reads a failed response into a GraphError (Retry-After honoured when present). */
export async function graphErrorFrom(res: Response, what: string): Promise<GraphError> {
  const body = GraphErrorBody(await res.json().catch(() => null));
  const retryAfter = Number(res.headers.get('retry-after'));
  const retryAfterMs = Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined;
  const detail = body.code !== null ? ` (#${body.code})` : '';
  return new GraphError(
    `${what}: HTTP ${res.status}${detail}${body.message ? ` ${body.message}` : ''}`,
    res.status,
    body.code,
    retryAfterMs,
  );
}

export const PAIR_RATE_DELAY_MS = 6_000;
export const RATE_DELAY_MS = 5_000;
export const AUTH_DELAY_MS = 5 * 60_000;

const has = (list: readonly number[], code: number | null) => code !== null && list.includes(code);

export function isRateLimited(err: GraphError): boolean {
  return (
    err.status === 429 ||
    err.code === GRAPH_CODES.rateLimit ||
    err.code === GRAPH_CODES.pairRateLimit ||
    has(GRAPH_CODES.appRateLimits, err.code)
  );
}

export function isAuthFailure(err: GraphError): boolean {
  return err.status === 401 || err.code === GRAPH_CODES.auth;
}

export function isWindowClosed(err: unknown): boolean {
  return err instanceof GraphError && err.code === GRAPH_CODES.windowClosed;
}

/**
 * The outbox's view of a failure: rate limits retry after Retry-After or a short pause (6 s for the pair
 * limit); 5xx, Meta's temporary codes, timeouts and network errors retry with the outbox's backoff; an
 * expired token retries slowly (an operator can renew it without losing messages); any other 4xx is final.
 */
export function toSendError(err: unknown): SendError {
  if (err instanceof SendError) return err;
  if (!(err instanceof GraphError)) {
    return new SendError(err instanceof Error ? err.message : String(err), true);
  }
  // Meta's code where it gave one, else the HTTP status (0: no answer).
  const details = { code: String(err.code ?? err.status) };
  if (isRateLimited(err)) {
    const fallback = err.code === GRAPH_CODES.pairRateLimit ? PAIR_RATE_DELAY_MS : RATE_DELAY_MS;
    return new SendError(err.message, true, err.retryAfterMs ?? fallback, details);
  }
  if (isAuthFailure(err)) return new SendError(err.message, true, AUTH_DELAY_MS, details);
  if (err.status === 0 || err.status >= 500 || has(GRAPH_CODES.temporary, err.code)) {
    return new SendError(err.message, true, err.retryAfterMs, details);
  }
  return new SendError(err.message, false, undefined, details);
}
