import { describe, expect, it } from 'vitest';
import { thresholdHistogram, type HistogramGeometry } from '../../../../src/chart/layout/histogram';
import { HEAT_NONE, heatGrid, heatPercent } from '../../../../src/chart/layout/heat';

/** x: 4 units a day from -14 at 10 to 14 at 122; y: 20 units a woman from 0 at 100. */
const G: HistogramGeometry = {
  width: 132,
  top: 20,
  bottom: 100,
  left: 10,
  right: 10,
  emptyDomain: [0, 7],
  bar: 'blue',
  over: 'orange',
  grid: 'grey',
  rule: 'dark',
  ink: 'ink',
  xTitle: 'days',
};
const BINS = [
  { from: -14, to: -7, count: 1 },
  { from: -7, to: 0, count: 2 },
  { from: 0, to: 7, count: 4 },
  { from: 7, to: 14, count: 1 },
];

describe('threshold histogram', () => {
  it('scales the bins, colours those beyond the threshold either way, and puts a dashed rule at each side', () => {
    const h = thresholdHistogram(BINS, 7, G);
    expect(h.bars.map((b) => [b.x, b.width, b.y, b.height, b.fill, b.className])).toEqual([
      [11, 26, 80, 20, 'orange', 'over'],
      [39, 26, 60, 40, 'blue', undefined],
      [67, 26, 20, 80, 'blue', undefined],
      [95, 26, 80, 20, 'orange', 'over'],
    ]);
    expect(h.thresholds.map((r) => [r.key, r.x1, r.x2, r.y1, r.y2, r.dash, r.stroke, r.className])).toEqual([
      ['below', 38, 38, 20, 100, '4 3', 'dark', 'threshold'],
      ['above', 94, 94, 20, 100, '4 3', 'dark', 'threshold'],
    ]);
  });

  it('has a grid line per whole-number count and labels under the plot, with the x title last', () => {
    const h = thresholdHistogram(BINS, 7, G);
    expect(h.axis.rules.map((r) => [r.y1, r.stroke])).toEqual([[100, 'grey'], [80, 'grey'], [60, 'grey'], [40, 'grey'], [20, 'grey']]);
    expect(h.axis.texts.map((t) => t.text)).toEqual(['0', '1', '2', '3', '4', '-10', '-5', '0', '5', '10', 'days']);
    expect(h.axis.texts.at(-1)).toMatchObject({ x: 66, y: 132, anchor: 'middle', fill: 'ink', size: 11 });
    // One woman at most: the y axis still runs to 1, with no fractional ticks.
    expect(thresholdHistogram([{ from: 0, to: 7, count: 1 }], 3, G).axis.texts.filter((t) => t.anchor === 'end').map((t) => t.text)).toEqual(['0', '1']);
  });

  it('draws a rule only where the threshold falls inside the bins, both at zero for a threshold of 0', () => {
    expect(thresholdHistogram(BINS, 20, G).thresholds).toEqual([]);
    const zero = thresholdHistogram(BINS, 0, G).thresholds;
    expect(zero.map((r) => r.x1)).toEqual([66, 66]);
    expect(thresholdHistogram([], 3, G)).toMatchObject({ bars: [] });
  });
});

describe('heat grid', () => {
  it('shades a cell per row and column by its step, with its percentage in text that reads on the shade', () => {
    const cells = [
      [{ part: 9, whole: 10 }, { part: 0, whole: 0 }],
      [{ part: 1, whole: 4 }, { part: 3, whole: 4 }],
    ];
    const g = heatGrid(['a', 'b'], ['X', 'All'], cells, { left: 100, top: 0, header: 20, cellWidth: 50, cellHeight: 20, gap: 2, ink: 'ink', outline: 'o' });
    expect(g.rects.map((r) => [r.key, r.x, r.y, r.width, r.height, r.fill, r.stroke])).toEqual([
      ['0:0', 101, 21, 48, 18, '#12436d', 'o'],
      ['0:1', 151, 21, 48, 18, HEAT_NONE.fill, 'o'],
      ['1:0', 101, 41, 48, 18, '#d9e7f4', 'o'],
      ['1:1', 151, 41, 48, 18, '#3a6f9e', 'o'],
    ]);
    const text = (key: string) => g.texts.find((t) => t.key === key)!;
    expect(['0:0', '0:1', '1:0', '1:1'].map((k) => [text(k).text, text(k).fill])).toEqual([
      ['90%', '#ffffff'],
      ['–', HEAT_NONE.text],
      ['25%', '#1d1d1d'],
      ['75%', '#ffffff'],
    ]);
    expect(text('0:0')).toMatchObject({ x: 125, y: 30, anchor: 'middle' });
    expect([text('col:0'), text('col:1')].map((t) => [t.text, t.x, t.y])).toEqual([['X', 125, 12], ['All', 175, 12]]);
    expect([text('row:0'), text('row:1')].map((t) => [t.text, t.x, t.y, t.anchor])).toEqual([['a', 92, 30, 'end'], ['b', 92, 50, 'end']]);
    expect(g.bottom).toBe(60);
  });

  it('gives a share as a whole percentage, and a dash for nothing to share', () => {
    expect([heatPercent(1, 3), heatPercent(2, 3), heatPercent(0, 0), heatPercent(5, 5)]).toEqual(['33%', '67%', '–', '100%']);
  });
});
