// Working days in WITA: weekends, 2026 national holidays and cuti bersama are skipped.
import { describe, expect, it } from 'vitest';
import { witaDate } from '../../src/domain/wita.js';
import { HolidayCalendar, WorkingDays } from '../../src/domain/working-days.js';

const wd = new WorkingDays();
const at = (iso: string) => new Date(iso);

describe('working days', () => {
  it.each([
    ['2026-11-23T02:00:00Z', 5, '2026-11-30'], // Monday → next Monday
    ['2026-11-20T10:00:00Z', 5, '2026-11-27'], // Friday 18:00 WITA → next Friday
    ['2026-12-18T02:00:00Z', 5, '2026-12-29'], // skips 24 (cuti bersama) and 25 December (Christmas)
    ['2026-03-17T02:00:00Z', 3, '2026-03-27'], // Nyepi and the Idulfitri block of 18–24 March
    ['2026-05-13T02:00:00Z', 1, '2026-05-18'], // Ascension (14) and its cuti bersama (15)
    ['2026-08-14T02:00:00Z', 1, '2026-08-18'], // 17 August
  ])('%s + %i working days → %s', (from, n, due) => {
    expect(wd.addWorkingDays(at(from), n)).toBe(due);
  });

  it('uses the WITA date: 23:30 UTC on Sunday is already Monday in Banjarmasin', () => {
    expect(witaDate(at('2026-11-22T23:30:00Z'))).toBe('2026-11-23');
    expect(wd.addWorkingDays(at('2026-11-22T23:30:00Z'), 1)).toBe('2026-11-24');
  });

  it('knows weekends and holidays', () => {
    expect(wd.isWorkingDay('2026-11-21')).toBe(false);
    expect(wd.isWorkingDay('2026-12-25')).toBe(false);
    expect(wd.isWorkingDay('2026-12-23')).toBe(true);
  });

  it('takes another calendar as data, validated', () => {
    const custom = new WorkingDays(
      HolidayCalendar.parse({
        source: 'test',
        years: [2027],
        days: [{ date: '2027-01-01', kind: 'libur', name: 'Tahun Baru' }],
      }),
    );
    expect(custom.addWorkingDays(at('2026-12-31T02:00:00Z'), 1)).toBe('2027-01-04');
    expect(() =>
      HolidayCalendar.parse({
        source: 'x',
        years: [],
        days: [{ date: '1/1/2027', kind: 'libur', name: '' }],
      }),
    ).toThrow();
  });
});
