// Calls to the Open311 server in `app.request` tests (GET with ?api_key=, POST form-encoded as the spec sends it),
// the spec's example responses (test/fixtures/open311/), their XML read back with fast-xml-parser, and shapes.
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import type { createApp } from '../../src/http/app.js';
import { userCommand } from '../../src/officers/user-command.js';
import type { Harness } from './harness.js';

type App = ReturnType<typeof createApp>;

/** `get(path, key)` and `post(path, key, fields, headers)` on /open311/v2; a null key sends none. */
export function open311Client(app: () => App) {
  const url = (path: string, key: string | null, query = '') =>
    `/open311/v2${path}${key || query ? '?' : ''}${[key ? `api_key=${encodeURIComponent(key)}` : '', query].filter(Boolean).join('&')}`;
  return {
    get: (path: string, key: string | null, query = '') => app().request(url(path, key, query)),
    post: (
      path: string,
      key: string | null,
      fields: Record<string, string>,
      headers: Record<string, string> = {},
    ) =>
      app().request(`/open311/v2${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
        body: new URLSearchParams({ ...(key ? { api_key: key } : {}), ...fields }).toString(),
      }),
  };
}

/** Adds an integration account of `agencies` (`npm run user -- add --role integration`) and returns its api_key. */
export function integrationKey(h: Harness, username: string, agencies: string[]): string {
  const deps = {
    store: h.core.store,
    directory: h.core.directory,
    readPassword: () => null,
    now: h.clock.now(),
  };
  const added = userCommand({ command: 'add', username, role: 'integration', agencies }, deps);
  if (added.code !== 0) throw new Error(added.lines.join('\n'));
  return userCommand({ command: 'token', username, agencies: [] }, deps).lines.at(-1) ?? '';
}

/** The lists of GeoReport's XML: their items are lists even when there is one. */
const LISTS = new Set(['service', 'request', 'attribute', 'value', 'error']);

export function parseXml(text: string): unknown {
  return new XMLParser({
    isArray: (name) => LISTS.has(name),
    parseTagValue: false,
    ignoreDeclaration: true,
  }).parse(text);
}

export const specExample = (name: string): string =>
  readFileSync(new URL(`../fixtures/open311/${name}`, import.meta.url), 'utf8');

/** A value's shape: the keys of objects (sorted) with their shapes, a list as its first item's, and leaves alike. */
export function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shape(v)]),
    );
  return 'leaf';
}
