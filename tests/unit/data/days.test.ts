import { describe, expect, it } from 'vitest';
import { addMonths, dayFromIso, dayFromYmd, formatDayLong, formatDayShort, dayToIso, formatMonthYear, monthStart, monthsSince, weekStart, ymdOf } from '../../../src/data/days';

const d = dayFromIso;

describe('day numbers', () => {
  it.each([
    { iso: '1970-01-01', day: 0 },
    { iso: '2000-01-01', day: 10957 },
    { iso: '2014-03-10', day: 16139 },
    { iso: '1969-12-31', day: -1 },
  ])('$iso is day $day', ({ iso, day }) => {
    expect(dayFromIso(iso)).toBe(day);
    expect(dayToIso(day)).toBe(iso);
  });

  it('reads back year, month and day in UTC whatever the time zone', () => {
    expect(process.env.TZ).toBe('America/St_Johns');
    expect(ymdOf(d('2014-03-30'))).toEqual({ year: 2014, month: 3, day: 30 });
    expect(dayFromYmd(2014, 10, 26)).toBe(d('2014-10-26'));
  });

  it.each([
    { from: '2014-03-10', n: 6, to: '2014-09-10' },
    { from: '2014-01-31', n: 1, to: '2014-02-28' },
    { from: '2016-02-29', n: 12, to: '2017-02-28' },
    { from: '2014-03-03', n: -12, to: '2013-03-03' },
    { from: '2014-12-15', n: 1, to: '2015-01-15' },
    { from: '2014-01-15', n: -1, to: '2013-12-15' },
  ])('addMonths($from, $n) = $to', ({ from, n, to }) => {
    expect(addMonths(d(from), n)).toBe(d(to));
  });

  it.each([
    { day: '2014-03-12', monday: '2014-03-10' },
    { day: '2014-03-16', monday: '2014-03-10' },
    { day: '2014-03-10', monday: '2014-03-10' },
    { day: '1969-12-31', monday: '1969-12-29' },
    { day: '1970-01-01', monday: '1969-12-29' },
  ])('the week of $day starts on Monday $monday', ({ day, monday }) => {
    expect(weekStart(d(day))).toBe(d(monday));
  });

  it.each([
    { day: '2014-04-02', months: 0 },
    { day: '2014-04-03', months: 1 },
    { day: '2013-03-03', months: -12 },
    { day: '2013-03-02', months: -13 },
    { day: '2015-07-27', months: 16 },
  ])('$day is $months whole months after 3 March 2014', ({ day, months }) => {
    expect(monthsSince(d('2014-03-03'), d(day))).toBe(months);
  });

  it('formats dates in words', () => {
    expect(formatDayLong(d('2014-04-08'))).toBe('8 April 2014');
    expect(formatDayShort(d('2014-04-08'))).toBe('8 Apr 2014');
    expect(formatMonthYear(d('2015-01-20'))).toBe('January 2015');
    expect(monthStart(d('2015-01-20'))).toBe(d('2015-01-01'));
  });
});
