import { describe, expect, it } from 'vitest';
import { contactWeeks } from '../../../src/model/contact-weeks';
import { d, meganRecords, rows } from './journey-fixtures';

describe('weekly contact intensity', () => {
  it('counts successful contacts and unanswered attempts per Monday-to-Sunday week', () => {
    const { weeks, totals } = contactWeeks(meganRecords().contacts);
    expect(weeks.map((w) => [w.start, w.successful, w.unanswered, w.total])).toEqual([
      [d('2014-03-03'), 0, 2, 2],
      [d('2014-03-10'), 1, 0, 1],
      [d('2014-03-17'), 1, 0, 1],
      [d('2014-03-24'), 2, 1, 3],
      [d('2014-03-31'), 1, 0, 1],
    ]);
    expect(weeks[3]).toMatchObject({ missed: 1, attempted: 0, key: `wk-${d('2014-03-24')}` });
    expect(totals).toEqual({ successful: 5, attempted: 2, missed: 1, cancelled: 0, unknown: 0, total: 8 });
  });

  it('keeps contacts whose result is unknown apart from attempts', () => {
    const { weeks, totals } = contactWeeks(
      rows('date,mode,result', [
        ['2014-03-12', 'phone', null],
        ['2014-03-13', 'phone', 'cancelled'],
        [null, 'phone', 'successful'],
      ]),
    );
    expect(weeks).toHaveLength(1);
    expect(weeks[0]).toMatchObject({ unknown: 1, cancelled: 1, unanswered: 1, total: 2 });
    expect(totals.total).toBe(2);
  });
});
