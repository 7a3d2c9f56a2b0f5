/**
 * Series over quarters (or any ordered bands): a line through the values shown, a dot per value
 * and, where given, its 95% interval as a vertical rule with caps. A hidden value (null) draws
 * nothing and breaks the line. The y axis starts at zero. Pure.
 */
import { scaleLinear } from 'd3';
import type { DotShape, PathShape, RuleShape, TextShape } from './types';

export interface SeriesPoint {
  value: number;
  lower?: number;
  upper?: number;
}

export interface SeriesInput {
  key: string;
  colour: string;
  /** A dash pattern for the line, so series differ by more than colour. */
  dash?: string;
  points: (SeriesPoint | null)[];
}

export interface QuarterSeriesGeometry {
  width: number;
  left: number;
  right: number;
  top: number;
  plotHeight: number;
  ink: string;
  mutedInk: string;
  grid: string;
  format: (v: number) => string;
  /** Text under a band whose every series is hidden. */
  hiddenText?: string;
}

export interface QuarterSeriesLayout {
  rules: RuleShape[];
  /** A line per series, broken where a value is hidden. */
  paths: PathShape[];
  dots: DotShape[];
  texts: TextShape[];
  /** The y of the lowest text drawn (the x labels). */
  bottom: number;
}

export function quarterSeries(labels: readonly string[], series: readonly SeriesInput[], g: QuarterSeriesGeometry): QuarterSeriesLayout {
  const step = (g.width - g.left - g.right) / Math.max(1, labels.length);
  const x = (i: number) => g.left + (i + 0.5) * step;
  let max = 0;
  for (const s of series) for (const p of s.points) if (p) max = Math.max(max, p.upper ?? p.value, p.value);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice()
    .range([g.top + g.plotHeight, g.top]);
  const ticks = y.ticks(5);
  const rules: RuleShape[] = ticks.map((t) => ({ key: `grid${t}`, x1: g.left, x2: g.width - g.right, y1: y(t), y2: y(t), stroke: g.grid }));
  const texts: TextShape[] = ticks.map((t) => ({ key: `y${t}`, x: g.left - 6, y: y(t), dy: '0.32em', text: g.format(t), anchor: 'end', size: 11, fill: g.mutedInk }));
  const every = Math.ceil(labels.length / Math.max(1, Math.floor((g.width - g.left - g.right) / 64)));
  labels.forEach((l, i) => {
    if (i % every === 0) texts.push({ key: `x${i}`, x: x(i), y: g.top + g.plotHeight + 16, text: l, anchor: 'middle', size: 11, fill: g.ink });
    if (g.hiddenText && series.every((s) => s.points[i] === null))
      texts.push({ key: `hidden${i}`, x: x(i), y: g.top + g.plotHeight - 6, text: g.hiddenText, anchor: 'middle', size: 10.5, fill: g.mutedInk });
  });
  const dots: DotShape[] = [];
  const paths: PathShape[] = [];
  for (const s of series) {
    let d = '';
    s.points.forEach((p, i) => {
      if (!p) return;
      d += `${s.points[i - 1] ? 'L' : 'M'}${x(i)},${y(p.value)}`;
      dots.push({ key: `${s.key}:${i}`, cx: x(i), cy: y(p.value), r: 3.5, fill: s.colour });
      if (p.lower !== undefined && p.upper !== undefined) {
        const [lo, hi] = [y(Math.max(0, p.lower)), y(p.upper)];
        rules.push({ key: `${s.key}:${i}:ci`, x1: x(i), x2: x(i), y1: lo, y2: hi, stroke: s.colour, strokeWidth: 1.5 });
        rules.push({ key: `${s.key}:${i}:lo`, x1: x(i) - 4, x2: x(i) + 4, y1: lo, y2: lo, stroke: s.colour, strokeWidth: 1.5 });
        rules.push({ key: `${s.key}:${i}:hi`, x1: x(i) - 4, x2: x(i) + 4, y1: hi, y2: hi, stroke: s.colour, strokeWidth: 1.5 });
      }
    });
    if (d) paths.push({ key: s.key, d, fill: 'none', stroke: s.colour, strokeWidth: 2, dash: s.dash });
  }
  rules.push({ key: 'axis', x1: g.left, x2: g.width - g.right, y1: y(0), y2: y(0), stroke: g.ink });
  return { rules, paths, dots, texts, bottom: g.top + g.plotHeight + 16 };
}
