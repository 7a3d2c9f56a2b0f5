import { describe, expect, it } from 'vitest';
import { calendarTicks, dayScale, monthStep, referralTicks } from '../../../src/chart/scales';
import { dayFromIso as d } from '../../../src/data/days';

describe('time scale on day numbers', () => {
  it('maps day numbers linearly, with no Date and no time zone involved', () => {
    const x = dayScale([d('2014-01-01'), d('2014-01-11')], [100, 200]);
    expect(x(d('2014-01-06'))).toBe(150);
    expect(x.invert(190)).toBe(d('2014-01-10'));
  });

  it('chooses months between ticks so labels stay apart', () => {
    expect(monthStep(dayScale([d('2014-01-01'), d('2014-12-31')], [0, 1200]))).toBe(1);
    expect(monthStep(dayScale([d('2012-01-01'), d('2016-01-01')], [0, 600]))).toBe(6);
    expect(monthStep(dayScale([d('2000-01-01'), d('2016-01-01')], [0, 300]))).toBe(60);
  });

  it('labels calendar ticks by month, years at January, and the first tick with its year', () => {
    const year = calendarTicks(dayScale([d('2014-01-01'), d('2014-12-31')], [0, 1200]));
    expect(year).toHaveLength(12);
    expect(year.slice(0, 3)).toEqual([
      { day: d('2014-01-01'), label: '2014', major: true },
      { day: d('2014-02-01'), label: 'Feb', major: false },
      { day: d('2014-03-01'), label: 'Mar', major: false },
    ]);
    const zoomed = calendarTicks(dayScale([d('2014-03-10'), d('2014-06-10')], [0, 1000]));
    expect(zoomed.map((t) => t.label)).toEqual(['Apr 2014', 'May', 'Jun']);
    const long = calendarTicks(dayScale([d('2012-01-01'), d('2016-01-01')], [0, 600]));
    expect(long.map((t) => t.label)).toEqual(['2012', 'Jul', '2013', 'Jul', '2014', 'Jul', '2015', 'Jul', '2016']);
  });

  it('ticks months since referral, 0 at referral, signed', () => {
    const x = dayScale([d('2013-03-03'), d('2015-07-27')], [0, 1000]);
    const ticks = referralTicks(x, d('2014-03-03'));
    expect(ticks[0]).toEqual({ day: d('2013-03-03'), label: '-12', major: false });
    expect(ticks.find((t) => t.major)).toEqual({ day: d('2014-03-03'), label: '0', major: true });
    expect(ticks.map((t) => t.label).slice(5, 9)).toEqual(['-2', '0', '+2', '+4']);
    expect(ticks[ticks.length - 1]).toEqual({ day: d('2015-07-03'), label: '+16', major: false });
  });
});
