/**
 * Stacked bars: each bar is a sequence of segments laid end to end from a baseline. Vertical
 * stacks grow upwards from `base` (shares of a column); horizontal ones grow rightwards from `x0`.
 * A segment of zero length is kept (as a zero-size rect) so every bar has all its segments. Pure.
 */
import type { RectShape } from './types';

export interface StackSegment {
  key: string;
  /** Length in data units; scaled by `scale`. */
  value: number;
  fill: string;
}

/** A column of segments from `base` upwards: the first segment at the bottom. */
export function stackUp(segments: readonly StackSegment[], at: { x: number; width: number; base: number; scale: number }): RectShape[] {
  let cum = 0;
  return segments.map((s) => {
    const r = { key: s.key, x: at.x, y: at.base - at.scale * (cum + s.value), width: at.width, height: at.scale * s.value, fill: s.fill };
    cum += s.value;
    return r;
  });
}

/** A bar of segments from `x0` rightwards. */
export function stackRight(segments: readonly StackSegment[], at: { x0: number; y: number; height: number; scale: number }): RectShape[] {
  let cum = 0;
  return segments.map((s) => {
    const r = { key: s.key, x: at.x0 + at.scale * cum, y: at.y, width: at.scale * s.value, height: at.height, fill: s.fill };
    cum += s.value;
    return r;
  });
}
