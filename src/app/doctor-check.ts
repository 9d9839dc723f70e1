// What one doctor check reports (ok, a warning or a failure with its fix), and the helpers the checks share.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

export type Mark = 'ok' | 'warn' | 'fail';

export type Check = { mark: Mark; name: string; detail: string; fix?: string };

export const GB = 1024 ** 3;
export const MB = 1024 ** 2;

export const human = (bytes: number) =>
  bytes >= GB ? `${(bytes / GB).toFixed(1)} GB` : `${Math.round(bytes / MB)} MB`;

export function nearestExisting(path: string): string {
  let p = path;
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

export function errorText(err: unknown): string {
  if (err instanceof Error) {
    const cause = err.cause instanceof Error ? `: ${err.cause.message}` : '';
    return err.name === 'TimeoutError' ? 'no answer within the timeout' : `${err.message}${cause}`;
  }
  return String(err);
}

export const ok = (name: string, detail: string): Check => ({ mark: 'ok', name, detail });
export const fail = (name: string, detail: string, fix: string): Check => ({
  mark: 'fail',
  name,
  detail,
  fix,
});
