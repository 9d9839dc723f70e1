// Runs an operator command (`src/cli/<name>.ts`) as a child process with only the environment a test gives it.
import { spawn } from 'node:child_process';

export type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `tsx src/cli/<name>.ts` with only the variables given (nothing leaks in from the test's shell). */
export function cli(name: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/cli/${name}.ts`, ...args], {
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
  });
}
