import { describe, expect, it } from 'vitest';
import { outcomeSeries, outcomesAt } from '../../../src/model/outcome-series';
import { d, meganRecords, rows } from './journey-fixtures';

describe('outcome series', () => {
  it('makes one series per domain with its scale, first and latest scores', () => {
    const series = outcomeSeries(meganRecords().outcomes);
    expect(series.map((s) => [s.label, s.toolLabel, s.min, s.max, s.first.score, s.latest.score, s.points.length])).toEqual([
      ['Safety', 'Batteries', 1, 8, 3, 7, 3],
      ['Wellbeing', 'Batteries', 1, 8, 2, 6, 3],
    ]);
    expect(series[0].first).toMatchObject({ day: d('2014-03-10'), stage: 'intake', stageLabel: 'Intake' });
    expect(series[0].latest).toMatchObject({ day: d('2015-07-20'), stageLabel: 'Exit' });
  });

  it('uses the default scale of the tool, else the scores seen', () => {
    const series = outcomeSeries(
      rows('date,tool,domain,score,scale_min,scale_max', [
        ['2014-05-01', 'empowerment_star', 'confidence', 4, null, null],
        ['2014-06-01', 'empowerment_star', 'confidence', 6, null, null],
        ['2014-05-01', null, 'understanding_dva', 3, null, null],
        ['2014-05-01', 'outcomes_tool', 'health', 12, 0, 20],
      ]),
    );
    expect(series.map((s) => [s.toolLabel, s.label, s.min, s.max])).toEqual([
      ['Tool not recorded', 'Understanding dva', 1, 3],
      ['Empowerment star', 'Confidence', 1, 10],
      ['Outcomes tool', 'Health', 0, 20],
    ]);
  });

  it('reads the latest score of each domain at a date', () => {
    const series = outcomeSeries(meganRecords().outcomes);
    expect(outcomesAt(series, d('2014-12-01')).map((x) => [x.series.label, x.point.score])).toEqual([
      ['Safety', 5],
      ['Wellbeing', 4],
    ]);
    expect(outcomesAt(series, d('2014-01-01'))).toEqual([]);
  });
});
