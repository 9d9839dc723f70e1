// A process's CPU time and peak memory from Linux's /proc: utime + stime of /proc/<pid>/stat (every thread of the
// process is counted there) and VmHWM of /proc/<pid>/status (the highest resident set size it ever had).
import { readFileSync } from 'node:fs';

/** USER_HZ: clock ticks per second of /proc/<pid>/stat, 100 on Linux for every architecture Node supports. */
export const CLOCK_TICKS_PER_SECOND = 100;

/** utime + stime in clock ticks, from the text of /proc/<pid>/stat; null when it does not read as one. */
export function parseStatTicks(stat: string): number | null {
  // The command name (field 2) is in parentheses and may hold spaces or ")": fields are counted after the last ")".
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const fields = stat
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  // After the name: state is field 3, so utime (14) and stime (15) are at 11 and 12.
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isInteger(utime) && Number.isInteger(stime) ? utime + stime : null;
}

/** A "Name:   1234 kB" line of /proc/<pid>/status, in kB; null when absent. */
export function parseStatusKb(status: string, name: string): number | null {
  const m = new RegExp(`^${name}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** CPU milliseconds (user + system, all threads) the process has used so far; null when it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const ticks = parseStatTicks(readFileSync(`/proc/${pid}/stat`, 'utf8'));
    return ticks === null ? null : (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The process's peak resident memory so far in MB (VmHWM); null when it is gone. */
export function peakRssMb(pid: number): number | null {
  try {
    const kb = parseStatusKb(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmHWM');
    return kb === null ? null : kb / 1024;
  } catch {
    return null;
  }
}
