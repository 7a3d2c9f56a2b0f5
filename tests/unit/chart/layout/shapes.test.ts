import { describe, expect, it } from 'vitest';
import { stackRight, stackUp } from '../../../../src/chart/layout/stack';
import { bandLine } from '../../../../src/chart/layout/band-line';
import { xAxis, yAxis } from '../../../../src/chart/layout/axis';
import { histogramBars } from '../../../../src/chart/layout/histogram';
import { legendRow } from '../../../../src/chart/layout/legend';
import { alluvial } from '../../../../src/chart/layout/alluvial';
import { footerTexts, headTexts } from '../../../../src/chart/layout/frame';

describe('stacked bars', () => {
  it('stacks shares upwards from the base, the first at the bottom', () => {
    const r = stackUp(
      [
        { key: 's', value: 0.5, fill: 'a' },
        { key: 'm', value: 0.25, fill: 'b' },
        { key: 'h', value: 0.25, fill: 'c' },
      ],
      { x: 10, width: 4, base: 120, scale: 100 },
    );
    expect(r.map((x) => [x.key, x.y, x.height])).toEqual([['s', 70, 50], ['m', 45, 25], ['h', 20, 25]]);
    expect(r.every((x) => x.x === 10 && x.width === 4)).toBe(true);
  });

  it('stacks segments rightwards from x0, a zero segment kept at zero width', () => {
    const r = stackRight([{ key: 'd', value: 2, fill: 'a' }, { key: 'z', value: 0, fill: 'b' }, { key: 'c', value: 1, fill: 'c' }], { x0: 230, y: 5, height: 18, scale: 10 });
    expect(r.map((x) => [x.x, x.width])).toEqual([[230, 20], [250, 0], [250, 10]]);
  });
});

describe('band and line', () => {
  const sx = (x: number) => 10 * x;
  const sy = (y: number) => 100 - y;
  const style = { band: 'b', bandOpacity: 0.25, line: 'l', lineWidth: 2, dot: 2.5 };
  it('draws the band from the highs forward and the lows back, the line through the middles, a dot per point', () => {
    const l = bandLine([{ x: 0, low: 1, mid: 2, high: 3 }, { x: 1, low: 2, mid: 4, high: 5 }], sx, sy, style);
    expect(l.band!.d).toBe('M0,97L10,95L10,98L0,99Z');
    expect(l.line!.d).toBe('M0,98L10,96');
    expect(l.dots.map((d) => [d.cx, d.cy])).toEqual([[0, 98], [10, 96]]);
  });
  it('draws only dots for a single point', () => {
    const l = bandLine([{ x: 3, low: 1, mid: 2, high: 3 }], sx, sy, style);
    expect([l.band, l.line, l.dots.length]).toEqual([null, null, 1]);
  });
});

describe('axes', () => {
  it('puts a grid line and a label at each y tick, and x labels with a title under the plot', () => {
    const y = yAxis([0, 5], (v) => 100 - 10 * v, { left: 40, right: 300, gridClass: 'grid' });
    expect(y.rules.map((r) => [r.x1, r.x2, r.y1, r.className])).toEqual([[40, 300, 100, 'grid'], [40, 300, 50, 'grid']]);
    expect(y.texts.map((t) => [t.x, t.y, t.text, t.anchor])).toEqual([[34, 100, '0', 'end'], [34, 50, '5', 'end']]);
    const x = xAxis([-7, 0], (v) => 2 * v + 50, { y: 200, title: { text: 'days', x: 90, y: 216 } });
    expect(x.texts.map((t) => [t.x, t.y, t.text])).toEqual([[36, 200, '-7'], [50, 200, '0'], [90, 216, 'days']]);
  });
});

describe('histogram bars', () => {
  it('spans each bin less a unit of padding each side, at least 1 wide, from the zero of y', () => {
    const r = histogramBars([{ from: 0, to: 7, count: 3 }, { from: 7, to: 7.1, count: 0 }], (v) => 10 * v, (v) => 100 - 10 * v, (b) => (b.from > 5 ? 'over' : undefined));
    expect(r.map((b) => [b.x, b.width, b.y, b.height, b.className])).toEqual([[1, 68, 70, 30, undefined], [71, 1, 100, 0, 'over']]);
  });
});

describe('legend', () => {
  it('places a swatch and a label per item, step apart', () => {
    const l = legendRow([{ key: 'a', label: 'A', fill: 'x' }, { key: 'b', label: 'B', fill: 'y' }], { x: 8, y: 50, size: 12, step: 142, ink: 'ink' });
    expect(l.rects.map((r) => [r.x, r.y, r.width, r.stroke])).toEqual([[8, 50, 12, undefined], [150, 50, 12, undefined]]);
    expect(l.texts.map((t) => [t.x, t.y, t.text])).toEqual([[24, 60, 'A'], [166, 60, 'B']]);
    expect(legendRow([{ key: 'a', label: 'A', fill: 'x' }], { x: 8, y: 34, size: 14, step: 150, ink: 'ink', outline: true }).texts[0]).toMatchObject({ x: 26, y: 45 });
  });
});

describe('alluvial', () => {
  const g = { top: 56, plot: 300, gap: 10, node: 14, left: 180, right: 580, colours: ['a', 'b'], ink: 'ink' };
  it('makes nodes as tall as their totals and bands as wide as their counts, leaving empty cells out', () => {
    const l = alluvial(['Low', 'High'], [[20, 10], [0, 10]], g);
    const k = 290 / 40;
    expect(l.nodes.map((n) => [n.key, n.y, n.height])).toEqual([
      ['l0', 56, 30 * k],
      ['r0', 56, 20 * k],
      ['l1', 56 + 30 * k + 10, 10 * k],
      ['r1', 56 + 20 * k + 10, 20 * k],
    ]);
    expect(l.bands.map((b) => b.key)).toEqual(['0-0', '0-1', '1-1']);
    expect(l.labels.map((t) => t.text)).toEqual(['Low: 30', 'Low: 20', 'High: 10', 'High: 20']);
  });
  it('draws nothing for an empty table', () => {
    const l = alluvial(['Low'], [[0]], g);
    expect([l.nodes, l.bands, l.labels]).toEqual([[], [], []]);
  });
});

describe('frame', () => {
  it('puts the title and subtitle at the top and the footer against the bottom, or from a given top', () => {
    expect(headTexts('T', undefined).map((t) => t.text)).toEqual(['T']);
    expect(headTexts('T', 'S').map((t) => [t.y, t.text])).toEqual([[20, 'T'], [38, 'S']]);
    expect(footerTexts(['a', 'b'], { height: 200 }).map((t) => t.y)).toEqual([180, 194]);
    expect(footerTexts(['a', 'b'], { height: 200, top: 100 }).map((t) => t.y)).toEqual([100, 114]);
  });
});

describe('heat steps', () => {
  it('steps shares at 25, 50, 75 and 90%, with none for an empty whole', async () => {
    const { heatStep } = await import('../../../../src/chart/layout/heat');
    expect([heatStep(0, 0), heatStep(0, 4), heatStep(1, 4), heatStep(2, 4), heatStep(3, 4), heatStep(89, 100), heatStep(9, 10)]).toEqual(['none', 'l0', 'l1', 'l2', 'l3', 'l3', 'l4']);
  });
});

describe('upset', () => {
  it('draws a bar per shown set and column, text alone for a hidden one, and dots for a column with a matrix', async () => {
    const { upset } = await import('../../../../src/chart/layout/upset');
    const g = { width: 760, setRight: 150, setMax: 96, labelX: 158, matrixX: 304, barTop: 82, barHeight: 130, row: 22, dot: 5.5, ink: 'i', mutedInk: 'm', dotOn: 'on', dotOff: 'off', stripe: 's', setBar: 'b' };
    const l = upset(
      [{ label: 'A', value: 20, text: '20' }, { label: 'B', value: null, text: '[c]' }],
      [
        { key: 'A+B', value: 10, text: '10', sets: [0, 1], name: '', colour: 'c' },
        { key: 'B', value: null, text: '[c]', sets: [1], name: '', colour: 'c' },
        { key: 'Other', value: 5, text: '5', sets: null, name: 'Other', colour: 'g' },
      ],
      g,
    );
    expect([l.base, l.matrixTop, l.matrixBottom]).toEqual([212, 246, 290]);
    expect(l.rects.filter((r) => r.fill === 'b').map((r) => r.width)).toEqual([96]);
    expect(l.columns.map((c) => c.rects.map((r) => r.height))).toEqual([[130], [], [65]]);
    expect(l.columns.map((c) => c.dots.map((d) => d.fill))).toEqual([['on', 'on'], ['off', 'on'], []]);
    expect(l.columns[0].rules).toHaveLength(1);
    expect(l.columns[1].texts[0]).toMatchObject({ text: '[c]', fill: 'm', y: 208 });
  });
});
