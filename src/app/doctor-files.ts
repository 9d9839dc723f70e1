// The doctor's checks of what lives beside the database: free disk space, the attachments folder, the holidays file.
import { randomBytes } from 'node:crypto';
import { constants, existsSync } from 'node:fs';
import { access, rm, statfs, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from './config.js';
import { type Check, GB, MB, errorText, human, nearestExisting } from './doctor-check.js';
import { holidaysFix, loadCalendar, missingYears } from './holidays.js';

/** Reads a file system's free blocks (node's `statfs`, or a fake in tests). */
export type StatFs = (path: string) => Promise<{ bavail: number; bsize: number }>;

export async function checkDisk(config: Config, readStatfs: StatFs | undefined): Promise<Check> {
  const where = nearestExisting(config.dataDir);
  try {
    const s = await (readStatfs ?? statfs)(where);
    const free = s.bavail * s.bsize;
    if (free < 100 * MB) {
      return {
        mark: 'fail',
        name: 'disk',
        detail: `only ${human(free)} free at ${where} / ruang disk hampir habis`,
        fix: 'free disk space now or move DATA_DIR: SQLite stops accepting complaints when the disk is full',
      };
    }
    if (free < GB) {
      return {
        mark: 'warn',
        name: 'disk',
        detail: `${human(free)} free at ${where} (under 1 GB)`,
        fix: 'free disk space (old backups, logs) or move DATA_DIR to a bigger disk',
      };
    }
    return { mark: 'ok', name: 'disk', detail: `${human(free)} free at ${where}` };
  } catch (err) {
    return { mark: 'warn', name: 'disk', detail: `cannot read free space: ${errorText(err)}` };
  }
}

export async function checkAttachments(config: Config): Promise<Check> {
  const dir = join(config.dataDir, 'attachments');
  const fix = `let the user running Aduan write there: chown -R <user> ${config.dataDir}`;
  if (!existsSync(dir)) {
    const parent = nearestExisting(dir);
    try {
      await access(parent, constants.W_OK);
      return { mark: 'ok', name: 'attachments', detail: `${dir} will be created at the first upload` };
    } catch {
      return { mark: 'fail', name: 'attachments', detail: `${parent} is not writable`, fix };
    }
  }
  const probe = join(dir, `.doctor-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(probe, 'ok');
    await rm(probe, { force: true });
    return { mark: 'ok', name: 'attachments', detail: `${dir} is writable` };
  } catch (err) {
    return { mark: 'fail', name: 'attachments', detail: `cannot write in ${dir}: ${errorText(err)}`, fix };
  }
}

export function checkHolidays(config: Config, now: Date): Check {
  try {
    const calendar = loadCalendar(config.HOLIDAYS_FILE);
    const source = config.HOLIDAYS_FILE ? `built-in calendar + ${config.HOLIDAYS_FILE}` : 'built-in calendar';
    const known = [...calendar.years].sort().join(', ');
    const missing = missingYears(calendar, now.getTime());
    return missing.length === 0
      ? { mark: 'ok', name: 'holidays', detail: `${source} covers ${known}: the next 60 days are known` }
      : {
          mark: 'warn',
          name: 'holidays',
          detail: `${source} covers ${known}, not ${missing.join(', ')} (the next 60 days): deadlines there skip weekends only`,
          fix: holidaysFix(missing),
        };
  } catch (err) {
    return {
      mark: 'fail',
      name: 'holidays',
      detail: `HOLIDAYS_FILE cannot be used: ${errorText(err)}`,
      fix: 'give a JSON file shaped like src/data/holidays-2026.json',
    };
  }
}
