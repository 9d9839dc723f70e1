// Bearer-token requests to the officers' JSON API in `app.request` tests, and the tokens of fixture accounts.
import type { createApp } from '../../src/http/app.js';
import { userCommand } from '../../src/officers/user-command.js';
import type { Harness } from './harness.js';

type App = ReturnType<typeof createApp>;

/** The Authorization header for `who`: its token from `tokens`, else `who` itself as the token; none for null. */
export const bearer = (tokens: Record<string, string>, who: string | null): Record<string, string> =>
  who ? { authorization: `Bearer ${tokens[who] ?? who}` } : {};

/** `call(who, method, path, body?)` on `/api${path}`, with a JSON body when given. `app` is read at each call. */
export function apiCaller(app: () => App, tokens: Record<string, string>) {
  return (who: string | null, method: string, path: string, body?: unknown) =>
    app().request(`/api${path}`, {
      method,
      headers: {
        ...bearer(tokens, who),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

/** Makes an API token for each existing account in `usernames` (`npm run user -- token`) and stores it in `tokens`. */
export function issueTokens(h: Harness, usernames: string[], tokens: Record<string, string>): void {
  for (const username of usernames) {
    const out = userCommand(
      { command: 'token', username, agencies: [] },
      { store: h.core.store, directory: h.core.directory, readPassword: () => null, now: 0 },
    );
    tokens[username] = out.lines.at(-1) ?? '';
  }
}
