// The holiday calendar's reach: on 7 December 2026 the next 60 days run into 2027, which ships no calendar, so the
// service warns at start and `npm run doctor` warns, both with the fix; an operator's HOLIDAYS_FILE for 2027 (laid
// over the built-in 2026) silences both, and a wrong one is a failure.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/app/config.js';
import { checkHolidays } from '../../src/app/doctor-files.js';
import { holidaysFix, loadCalendar, missingYears } from '../../src/app/holidays.js';
import { createLogger } from '../../src/app/logger.js';
import { buildService } from '../../src/app/service.js';
import { ManualClock } from '../../src/clock.js';

/** Monday 7 December 2026, 10:00 WITA. */
const TODAY = Date.parse('2026-12-07T02:00:00Z');

function dataDir(): string {
  return mkdtempSync(join(tmpdir(), 'aduan-holidays-'));
}

/** A calendar file for 2027 (invented for the test: Aduan ships none). */
function file2027(dir: string): string {
  const path = join(dir, 'libur-2027.json');
  const day = { date: '2027-01-01', kind: 'libur', name: 'Tahun Baru 2027 Masehi' };
  writeFileSync(path, JSON.stringify({ source: 'test', years: [2027], days: [day] }));
  return path;
}

describe('the holiday calendar’s next 60 days', () => {
  it('misses 2027 today with the built-in calendar, and not with a 2027 file over it', () => {
    expect(missingYears(loadCalendar(undefined), TODAY)).toEqual([2027]);
    const both = loadCalendar(file2027(dataDir()));
    expect(missingYears(both, TODAY)).toEqual([]);
    expect(both.isWorkingDay('2026-12-25')).toBe(false);
    expect(both.addToDate('2026-12-31', 1)).toBe('2027-01-04');
    expect(holidaysFix([2027])).toContain('set HOLIDAYS_FILE');
  });

  it('makes the doctor warn with the fix, pass with the file, and fail on a wrong file', () => {
    const dir = dataDir();
    const now = new Date(TODAY);
    const bare = checkHolidays(loadConfig({ DATA_DIR: dir }), now);
    expect(bare).toEqual({
      mark: 'warn',
      name: 'holidays',
      detail:
        'built-in calendar covers 2026, not 2027 (the next 60 days): deadlines there skip weekends only',
      fix: holidaysFix([2027]),
    });
    const file = file2027(dir);
    expect(checkHolidays(loadConfig({ DATA_DIR: dir, HOLIDAYS_FILE: file }), now)).toMatchObject({
      mark: 'ok',
      detail: `built-in calendar + ${file} covers 2026, 2027: the next 60 days are known`,
    });
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ years: [2027], days: [{ date: '1/1/2027' }] }));
    expect(checkHolidays(loadConfig({ DATA_DIR: dir, HOLIDAYS_FILE: wrong }), now).mark).toBe('fail');
  });

  it('makes the service warn in its log at start, with the fix', async () => {
    const warned = async (env: Record<string, string>) => {
      const log = createLogger('silent');
      const warn = vi.spyOn(log, 'warn');
      const service = buildService({ config: loadConfig(env), log, clock: new ManualClock(TODAY) });
      await service.stop();
      return warn.mock.calls.filter((c) => String(c[1] ?? '').includes('holiday calendar'));
    };
    const dir = dataDir();
    const calls = await warned({ DATA_DIR: dir, PORT: '0' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.[0]).toEqual({ years: [2027] });
    expect(String(calls[0]?.[1])).toContain('does not know 2027 (the next 60 days)');
    expect(String(calls[0]?.[1])).toContain(holidaysFix([2027]));
    expect(await warned({ DATA_DIR: dataDir(), PORT: '0', HOLIDAYS_FILE: file2027(dir) })).toEqual([]);
  });
});
