// Another version's checkout as the upgrade tools use it: its tag and commit, and its operator commands run as children.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export type Run = { code: number | null; stdout: string; stderr: string };

/** The tag of the checkout's commit (`v0.1.0`), and the commit itself. */
export function versionOf(root: string): { tag: string; commit: string } {
  if (!existsSync(join(root, 'src', 'app', 'main.ts'))) throw new Error(`${root} is not an Aduan checkout`);
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8' }).trim();
  return { tag: git('describe', '--tags', '--always'), commit: git('rev-parse', 'HEAD') };
}

/** `node --import tsx src/cli/<name>.ts ARGS` in `root`, with PATH, HOME and `env` only; `input` on stdin. */
export function runCli(
  root: string,
  name: string,
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += String(d);
    });
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

/** Like runCli, but a non-zero exit throws with the command's output. */
export async function mustRun(
  root: string,
  name: string,
  args: string[],
  env: Record<string, string>,
  input = '',
): Promise<Run> {
  const run = await runCli(root, name, args, env, input);
  if (run.code !== 0)
    throw new Error(`${name} ${args.join(' ')} → ${run.code}\n${run.stdout}\n${run.stderr}`);
  return run;
}

/** Calls the officers' JSON API with a Bearer token; the JSON answer, or an error with the status. */
export async function api(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<unknown> {
  const res = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
