import { describe, expect, it } from 'vitest';
import { funnelLayout } from '../../../../src/chart/layout/funnel';
import { quarterSeries } from '../../../../src/chart/layout/quarter-series';
import { proportionLimits } from '../../../../src/model/cohort/area-profile';

const style = { ink: '#000', mutedInk: '#444', grid: '#ddd', format: (v: number) => v.toFixed(1) };

describe('funnelLayout', () => {
  const limits = [1, 10, 50, 100].map((n) => {
    const l = proportionLimits(0.5, n);
    return { women: n, lower95: 100 * l.lower95, upper95: 100 * l.upper95, lower998: 100 * l.lower998, upper998: 100 * l.upper998 };
  });
  const layout = funnelLayout(
    { centre: 50, limits, maxWomen: 100, points: [{ area: 'A', women: 20, value: 95, outside: true }, { area: 'B', women: 100, value: 52 }] },
    { ...style, width: 500, left: 50, right: 100, top: 40, plotHeight: 200, yMax: 100, point: '#12436D', limit95: '#F46A25', limit998: '#801650' },
  );

  it('draws four limit lines through the limits given, within the plot, and a dot per point', () => {
    expect(layout.paths.map((p) => [p.key, p.dash])).toEqual([
      ['upper998', '2 3'],
      ['lower998', '2 3'],
      ['upper95', '6 4'],
      ['lower95', '6 4'],
    ]);
    for (const p of layout.paths) {
      const ys = [...p.d.matchAll(/,([\d.]+)/g)].map((m) => Number(m[1]));
      expect(ys).toHaveLength(4);
      for (const y of ys) expect(y >= 40 && y <= 240).toBe(true);
    }
    expect(layout.dots.map((d) => d.key)).toEqual(['A', 'B']);
  });

  it('names only the points outside the 99.8% limits, and the centre line', () => {
    expect(layout.texts.filter((t) => t.key.startsWith('label:')).map((t) => t.text)).toEqual(['A']);
    expect(layout.texts.find((t) => t.key === 'centre')?.text).toBe('All areas: 50.0');
  });
});

describe('quarterSeries', () => {
  it('breaks the line where a value is hidden, draws an interval per estimate and starts at zero', () => {
    const layout = quarterSeries(
      ['Q1', 'Q2', 'Q3', 'Q4'],
      [{ key: 's', colour: '#000', points: [{ value: 2, lower: 1, upper: 3 }, { value: 4, lower: 3, upper: 5 }, null, { value: 1, lower: 0, upper: 2 }] }],
      { ...style, width: 400, left: 40, right: 10, top: 20, plotHeight: 100, hiddenText: '[c]' },
    );
    expect(layout.paths).toHaveLength(1);
    expect(layout.paths[0].d.match(/M/g)).toHaveLength(2);
    expect(layout.dots).toHaveLength(3);
    expect(layout.rules.filter((r) => r.key.endsWith(':ci'))).toHaveLength(3);
    expect(layout.texts.filter((t) => t.text === '[c]').map((t) => t.key)).toEqual(['hidden2']);
    expect(layout.texts.find((t) => t.key === 'y0')?.text).toBe('0.0');
  });
});
