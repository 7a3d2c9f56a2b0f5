/**
 * Vertical bars over bins of a linear x scale (a histogram): each bin from its `from` to its `to`,
 * one unit of padding each side, at least 1 wide; heights from a y scale with zero at the base.
 * Pure.
 */
import type { RectShape } from './types';

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
