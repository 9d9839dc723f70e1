// The doctor's printout of the parsed configuration: one `key = value` a line, every secret masked and scrubbed.
const SECRET_KEY = /token|secret|password/i;

/** `abc…(masked)`; short secrets show nothing at all. */
export function maskSecret(value: string): string {
  return value.length >= 8 ? `${value.slice(0, 3)}…(masked)` : '…(masked)';
}

/** Appends the configuration's lines to `out` (secrets masked) and every secret value seen to `secrets`. */
export function flatten(prefix: string, value: unknown, out: string[], secrets: string[]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (prefix === '' && k === 'channels') {
        flatten('channels', v, out, secrets);
        continue;
      }
      if (prefix === 'channels' && k === 'problems') continue;
      const key = prefix ? `${prefix}.${k}` : k;
      if (SECRET_KEY.test(k) && typeof v === 'string') {
        secrets.push(v);
        out.push(`${key} = ${maskSecret(v)}`);
      } else if (v !== null && typeof v === 'object' && !Array.isArray(v)) flatten(key, v, out, secrets);
      else out.push(`${key} = ${v === null ? 'off' : Array.isArray(v) ? v.join(',') : String(v)}`);
    }
  }
}

/** Replaces every secret in a text by its masked form (errors may quote a URL holding the Telegram token). */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) {
    if (s.length > 0) out = out.split(s).join(maskSecret(s));
  }
  return out;
}
