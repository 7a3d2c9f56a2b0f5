/**
 * Error bars: a 95% interval drawn as a line from its lower to its upper bound with a short cap
 * at each end. Already scaled; pure.
 */
import type { RuleShape } from './types';

export const ERROR_BAR_CLASS = 'error-bar';

/** A horizontal error bar at height `y` from x `from` to x `to` (caps `cap` tall). */
export function errorBarX(key: string, from: number, to: number, y: number, stroke: string, cap = 8): RuleShape[] {
  const half = cap / 2;
  return [
    { key: `${key}:bar`, x1: from, x2: to, y1: y, y2: y, stroke, strokeWidth: 1.5, className: ERROR_BAR_CLASS },
    { key: `${key}:lo`, x1: from, x2: from, y1: y - half, y2: y + half, stroke, strokeWidth: 1.5 },
    { key: `${key}:hi`, x1: to, x2: to, y1: y - half, y2: y + half, stroke, strokeWidth: 1.5 },
  ];
}

/** A vertical error bar at `x` from y `from` to y `to` (caps `cap` wide). */
export function errorBarY(key: string, x: number, from: number, to: number, stroke: string, cap = 8): RuleShape[] {
  const half = cap / 2;
  return [
    { key: `${key}:bar`, x1: x, x2: x, y1: from, y2: to, stroke, strokeWidth: 1.5, className: ERROR_BAR_CLASS },
    { key: `${key}:lo`, x1: x - half, x2: x + half, y1: from, y2: from, stroke, strokeWidth: 1.5 },
    { key: `${key}:hi`, x1: x - half, x2: x + half, y1: to, y2: to, stroke, strokeWidth: 1.5 },
  ];
}
