/**
 * A band (low to high) with a line through it (a middle value), and a dot at each point: median
 * and interquartile range over time. Points with a missing value are left out before layout.
 * Pure; the scales are plain functions from data to SVG units.
 */
import type { DotShape, PathShape } from './types';

export interface BandPoint {
  x: number;
  low: number;
  mid: number;
  high: number;
}

export interface BandLineLayout {
  /** Drawn only with two points or more. */
  band: PathShape | null;
  line: PathShape | null;
  dots: DotShape[];
}

export function bandLine(
  points: readonly BandPoint[],
  sx: (x: number) => number,
  sy: (y: number) => number,
  style: { band: string; bandOpacity: number; line: string; lineWidth: number; dot: number },
): BandLineLayout {
  const dots = points.map((p) => ({ key: String(p.x), cx: sx(p.x), cy: sy(p.mid), r: style.dot, fill: style.line }));
  if (points.length < 2) return { band: null, line: null, dots };
  const top = points.map((p) => `${sx(p.x)},${sy(p.high)}`).join('L');
  const bottom = [...points].reverse().map((p) => `${sx(p.x)},${sy(p.low)}`).join('L');
  return {
    band: { key: 'band', d: `M${top}L${bottom}Z`, fill: style.band, fillOpacity: style.bandOpacity },
    line: { key: 'line', d: `M${points.map((p) => `${sx(p.x)},${sy(p.mid)}`).join('L')}`, fill: 'none', stroke: style.line, strokeWidth: style.lineWidth },
    dots,
  };
}
