// Reads the files of deploy/ for the deployment tests: systemd unit files as sections of directives, the README's
// data folder, and the Dockerfile's instructions.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEPLOY = join(ROOT, 'deploy');

export const readRepoFile = (path: string) => readFileSync(join(ROOT, path), 'utf8');

/** A unit file's directives: section → key → every value given, in order (an empty value kept as ''). */
export type Unit = Map<string, Map<string, string[]>>;

export function parseUnit(text: string): Unit {
  const unit: Unit = new Map();
  let section: Map<string, string[]> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1]) {
      section = new Map();
      unit.set(header[1], section);
      continue;
    }
    const eq = line.indexOf('=');
    if (eq < 0 || !section) throw new Error(`not a directive: ${line}`);
    const key = line.slice(0, eq).trim();
    section.set(key, [...(section.get(key) ?? []), line.slice(eq + 1).trim()]);
  }
  return unit;
}

export function readUnit(name: string): Unit {
  return parseUnit(readFileSync(join(DEPLOY, name), 'utf8'));
}

/** Every value of a directive, or [] when it is not set. */
export function values(unit: Unit, section: string, key: string): string[] {
  return unit.get(section)?.get(key) ?? [];
}

/** Space-separated values of a directive, all its lines together (ReadWritePaths=, RestrictAddressFamilies=…). */
export function words(unit: Unit, section: string, key: string): string[] {
  return values(unit, section, key).flatMap((v) => v.split(/\s+/).filter(Boolean));
}

/** The data folder the README's "Run it as a service" section names: "The data folder is `/var/lib/aduan`". */
export function readmeDataFolder(): string {
  const readme = readRepoFile('README.md');
  const found = /The data folder is `([^`]+)`/.exec(readme);
  if (!found?.[1]) throw new Error('README names no data folder ("The data folder is `…`")');
  return found[1];
}

/** A path equal to the folder or inside it. */
export const isUnder = (path: string, folder: string) => path === folder || path.startsWith(`${folder}/`);

/** KEY=value lines of an environment file (comments and blank lines skipped). */
export function envFile(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (m?.[1] !== undefined && m[2] !== undefined) out.set(m[1], m[2]);
  }
  return out;
}
