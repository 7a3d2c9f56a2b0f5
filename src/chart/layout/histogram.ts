/**
 * Vertical bars over bins of a linear x scale (a histogram): each bin from its `from` to its `to`,
 * one unit of padding each side, at least 1 wide; heights from a y scale with zero at the base.
 * And a whole histogram with its scales, axes and threshold rules. Pure.
 */
import { scaleLinear } from 'd3-scale';
import { xAxis, yAxis, type AxisLayout } from './axis';
import type { RectShape, RuleShape, TextShape } from './types';

export interface Bin {
  from: number;
  to: number;
  count: number;
}

export function histogramBars(
  bins: readonly Bin[],
  sx: (v: number) => number,
  sy: (v: number) => number,
  classOf: (b: Bin) => string | undefined = () => undefined,
): RectShape[] {
  return bins.map((b) => ({
    key: `${b.from}`,
    x: sx(b.from) + 1,
    width: Math.max(1, sx(b.to) - sx(b.from) - 2),
    y: sy(b.count),
    height: sy(0) - sy(b.count),
    fill: '',
    className: classOf(b),
  }));
}

export interface HistogramGeometry {
  width: number;
  /** Top and bottom of the plot (the bars' zero). */
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** The x domain when there are no bins. */
  emptyDomain: [number, number];
  bar: string;
  /** Bars beyond the threshold either way. */
  over: string;
  grid: string;
  rule: string;
  ink: string;
  /** Under the x labels. */
  xTitle: string;
}

/**
 * A histogram with a threshold either side of zero: linear scales over the bins (y from zero,
 * whole-number ticks), the bars (those beyond the threshold coloured `over`, class `over`),
 * the axes and a dashed rule at -threshold and +threshold where they fall inside the bins.
 */
export function thresholdHistogram(
  bins: readonly Bin[],
  threshold: number,
  g: HistogramGeometry,
): { bars: RectShape[]; axis: AxisLayout; thresholds: RuleShape[] } {
  const x = scaleLinear()
    .domain(bins.length ? [bins[0].from, bins[bins.length - 1].to] : g.emptyDomain)
    .range([g.left, g.width - g.right]);
  const maxCount = bins.reduce((m, b) => Math.max(m, b.count), 1);
  const y = scaleLinear().domain([0, maxCount]).nice().range([g.bottom, g.top]);
  const ya = yAxis(
    y.ticks(4).filter((t) => Number.isInteger(t)),
    y,
    { left: g.left, right: g.width - g.right, gridClass: 'grid' },
  );
  const xa = xAxis(x.ticks(8), x, { y: g.bottom + 16, title: { text: g.xTitle, x: (g.left + g.width - g.right) / 2, y: g.bottom + 32 } });
  const label = (t: TextShape): TextShape => ({ ...t, size: 11, fill: g.ink });
  const over = (b: Bin) => b.from < -threshold || b.to - 1 > threshold;
  const [lo, hi] = x.domain();
  return {
    bars: histogramBars(bins, x, y, (b) => (over(b) ? 'over' : undefined)).map((r, i) => ({ ...r, fill: over(bins[i]) ? g.over : g.bar })),
    axis: { rules: ya.rules.map((r) => ({ ...r, stroke: g.grid })), texts: [...ya.texts, ...xa.texts].map(label) },
    thresholds: (
      [
        ['below', -threshold],
        ['above', threshold],
      ] as const
    )
      .filter(([, t]) => t >= lo && t <= hi)
      .map(([key, t]) => ({ key, x1: x(t), x2: x(t), y1: g.top, y2: g.bottom, stroke: g.rule, dash: '4 3', className: 'threshold' })),
  };
}
