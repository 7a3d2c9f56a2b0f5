/**
 * A funnel plot: values of units (areas) against their size (number of women), a centre line at
 * the value for all units and control limits (95% and 99.8%) either side, drawn as lines through
 * the limits given at a series of sizes. Limits beyond the plot are clipped to it. Pure.
 */
import { scaleLinear } from 'd3';
import type { DotShape, PathShape, RuleShape, TextShape } from './types';

export interface FunnelInput {
  centre: number;
  limits: readonly { women: number; lower95: number; upper95: number; lower998: number; upper998: number }[];
  points: readonly { area: string; women: number; value: number; outside?: boolean }[];
  maxWomen: number;
}

export interface FunnelGeometry {
  width: number;
  left: number;
  right: number;
  top: number;
  plotHeight: number;
  /** The y axis's top when fixed (100 for percentages); else from the points and the limits beyond the smallest unit. */
  yMax?: number;
  ink: string;
  mutedInk: string;
  grid: string;
  point: string;
  limit95: string;
  limit998: string;
  format: (v: number) => string;
  /** The y axis's labels (by default `format`). */
  axisFormat?: (v: number) => string;
}

export interface FunnelLayout {
  rules: RuleShape[];
  /** The four control limits, one line each. */
  paths: PathShape[];
  dots: DotShape[];
  texts: TextShape[];
  bottom: number;
}

export function funnelLayout(f: FunnelInput, g: FunnelGeometry): FunnelLayout {
  const x = scaleLinear()
    .domain([0, Math.max(10, f.maxWomen * 1.05)])
    .nice()
    .range([g.left, g.width - g.right]);
  const smallest = Math.min(...f.points.map((p) => p.women), f.maxWomen);
  const yTop = g.yMax ?? Math.max(f.centre * 2, ...f.points.map((p) => p.value), ...f.limits.filter((l) => l.women >= smallest).map((l) => l.upper95)) * 1.05;
  const y = scaleLinear()
    .domain([0, yTop > 0 ? yTop : 1])
    .nice()
    .range([g.top + g.plotHeight, g.top]);
  const [y0, y1] = y.domain();
  const clamp = (v: number) => y(Math.min(y1, Math.max(y0, v)));
  const rules: RuleShape[] = [];
  const texts: TextShape[] = [];
  for (const t of y.ticks(5)) {
    rules.push({ key: `gy${t}`, x1: g.left, x2: g.width - g.right, y1: y(t), y2: y(t), stroke: g.grid });
    texts.push({ key: `y${t}`, x: g.left - 6, y: y(t), dy: '0.32em', text: (g.axisFormat ?? g.format)(t), anchor: 'end', size: 11, fill: g.mutedInk });
  }
  const bottom = g.top + g.plotHeight;
  for (const t of x.ticks(6)) texts.push({ key: `x${t}`, x: x(t), y: bottom + 16, text: t.toLocaleString('en-GB'), anchor: 'middle', size: 11, fill: g.mutedInk });
  texts.push({ key: 'xtitle', x: (g.left + g.width - g.right) / 2, y: bottom + 34, text: 'Number of women in the area', anchor: 'middle', size: 12, fill: g.ink });
  rules.push({ key: 'xaxis', x1: g.left, x2: g.width - g.right, y1: bottom, y2: bottom, stroke: g.ink });
  rules.push({ key: 'yaxis', x1: g.left, x2: g.left, y1: g.top, y2: bottom, stroke: g.ink });
  const line = (key: string, pick: (l: FunnelInput['limits'][number]) => number, stroke: string, dash: string): PathShape => ({
    key,
    d: f.limits.map((l, i) => `${i ? 'L' : 'M'}${x(l.women)},${clamp(pick(l))}`).join(''),
    fill: 'none',
    stroke,
    strokeWidth: 1.5,
    dash,
  });
  const paths = [
    line('upper998', (l) => l.upper998, g.limit998, '2 3'),
    line('lower998', (l) => l.lower998, g.limit998, '2 3'),
    line('upper95', (l) => l.upper95, g.limit95, '6 4'),
    line('lower95', (l) => l.lower95, g.limit95, '6 4'),
  ];
  rules.push({ key: 'centre', x1: x(0), x2: x.range()[1], y1: y(f.centre), y2: y(f.centre), stroke: g.ink, strokeWidth: 1.5 });
  texts.push({ key: 'centre', x: x.range()[1] + 6, y: y(f.centre), dy: '0.32em', text: `All areas: ${g.format(f.centre)}`, size: 11, fill: g.ink });
  const dots: DotShape[] = f.points.map((p) => ({ key: p.area, cx: x(p.women), cy: clamp(p.value), r: 4.5, fill: g.point }));
  // Name the areas outside the 99.8% limits (few by construction), so the plot reads without the table.
  for (const p of f.points) if (p.outside) texts.push({ key: `label:${p.area}`, x: x(p.women) + 7, y: clamp(p.value), dy: '0.32em', text: p.area, size: 11, fill: g.ink });
  return { rules, paths, dots, texts, bottom: bottom + 34 };
}
