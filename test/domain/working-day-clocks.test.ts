// The working-day arithmetic deadlines use: n working days after a date, the working days between two instants, across
// Christmas and its cuti bersama, weekends and the 2026 → 2027 year boundary (no 2027 data: weekends only), the
// years the calendar does not know, and an operator's calendar laid over the built-in one.
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_CALENDAR,
  HolidayCalendar,
  WorkingDays,
  addCalendarDays,
  overlayCalendar,
} from '../../src/domain/working-days.js';

const wd = new WorkingDays();
/** 10:00 WITA on a date. */
const at = (date: string) => Date.parse(`${date}T02:00:00Z`);

describe('working-day clocks', () => {
  it.each([
    ['2026-12-21', 3, '2026-12-28'], // Monday: 22, 23, then 24 (cuti bersama), 25 (Christmas) and the weekend, 28
    ['2026-12-23', 1, '2026-12-28'], // Wed → skips 24 (cuti bersama), 25 (Christmas) and the weekend
    ['2026-12-23', 2, '2026-12-29'],
    ['2026-12-30', 1, '2026-12-31'],
    ['2026-12-31', 1, '2027-01-01'], // no 2027 calendar: New Year's Day is counted (weekends only)
    ['2026-12-31', 2, '2027-01-04'], // Friday 1 January, then the weekend is skipped
    ['2026-03-17', 3, '2026-03-27'], // Nyepi and the Idulfitri cuti bersama block
    ['2026-11-27', 1, '2026-11-30'], // Friday → Monday
  ])('%s + %i working days → %s', (from, n, due) => {
    expect(wd.addToDate(from, n)).toBe(due);
  });

  it('adds to a date as addWorkingDays adds to an instant', () => {
    expect(wd.addWorkingDays(new Date(at('2026-12-21')), 3)).toBe('2026-12-28');
    expect(wd.addToDate('2026-12-21', 0)).toBe('2026-12-21');
  });

  it.each([
    ['2026-12-21', '2026-12-21', 0], // the same day
    ['2026-12-18', '2026-12-21', 1], // Friday → Monday: the weekend does not count
    ['2026-12-23', '2026-12-28', 1], // over cuti bersama, Christmas and a weekend
    ['2026-12-22', '2026-12-29', 3], // 23, 28, 29
    ['2026-12-30', '2027-01-04', 3], // 31, 1 January (no 2027 calendar), 4
    ['2026-03-17', '2026-03-27', 3], // 25, 26, 27
  ])('working days from %s to %s: %i', (from, to, n) => {
    expect(wd.between(at(from), at(to))).toBe(n);
  });

  it('counts by the WITA date: 23:30 UTC on Sunday is Monday in Banjarmasin', () => {
    expect(wd.between(at('2026-11-20'), Date.parse('2026-11-22T23:30:00Z'))).toBe(1);
  });

  it('knows which years of the next 60 days it has no holidays for', () => {
    expect(wd.uncoveredYears(at('2026-06-01'), 60)).toEqual([]);
    expect(wd.uncoveredYears(at('2026-11-01'), 60)).toEqual([]);
    expect(wd.uncoveredYears(at('2026-12-07'), 60)).toEqual([2027]);
    expect(wd.uncoveredYears(at('2031-03-01'), 60)).toEqual([2031]);
  });

  it('lays an operator calendar over the built-in one: years added, or replaced', () => {
    const file = HolidayCalendar.parse({
      source: 'test 2027',
      years: [2027],
      days: [{ date: '2027-01-01', kind: 'libur', name: 'Tahun Baru 2027 Masehi' }],
    });
    const both = new WorkingDays(overlayCalendar(BUILT_IN_CALENDAR, file));
    expect([...both.years].sort()).toEqual([2026, 2027]);
    expect(both.addToDate('2026-12-31', 1)).toBe('2027-01-04');
    expect(both.isWorkingDay('2026-12-25')).toBe(false);
    expect(both.uncoveredYears(at('2026-12-07'), 60)).toEqual([]);
    const fixed = HolidayCalendar.parse({ source: 'x', years: [2026], days: [] });
    const replaced = new WorkingDays(overlayCalendar(BUILT_IN_CALENDAR, fixed));
    expect(replaced.isWorkingDay('2026-12-25')).toBe(true);
  });

  it('adds calendar days across months and years', () => {
    expect(addCalendarDays('2026-12-20', 14)).toBe('2027-01-03');
    expect(addCalendarDays('2026-02-27', 2)).toBe('2026-03-01');
  });
});
