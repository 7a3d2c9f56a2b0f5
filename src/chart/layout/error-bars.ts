/**
 * Error bars: a 95% interval drawn as a line from its lower to its upper bound with a short cap
 * at each end, over a pale halo so that it reads on a dark bar too. Already scaled; pure.
 */
import { PAPER } from '../palette';
import type { RuleShape } from './types';

export const ERROR_BAR_CLASS = 'error-bar';

/** The three lines of an error bar (bar, then the caps), each over its halo. */
function withHalo(key: string, lines: [number, number, number, number][], stroke: string): RuleShape[] {
  const at = (l: [number, number, number, number]) => ({ x1: l[0], x2: l[1], y1: l[2], y2: l[3] });
  return [
    ...lines.map((l, i) => ({ key: `${key}:halo${i}`, ...at(l), stroke: PAPER, strokeWidth: 3.5 })),
    ...lines.map((l, i) => ({ key: `${key}:line${i}`, ...at(l), stroke, strokeWidth: 1.5, className: i === 0 ? ERROR_BAR_CLASS : undefined })),
  ];
}

/** A horizontal error bar at height `y` from x `from` to x `to` (caps `cap` tall). */
export function errorBarX(key: string, from: number, to: number, y: number, stroke: string, cap = 8): RuleShape[] {
  const half = cap / 2;
  return withHalo(
    key,
    [
      [from, to, y, y],
      [from, from, y - half, y + half],
      [to, to, y - half, y + half],
    ],
    stroke,
  );
}

/** A vertical error bar at `x` from y `from` to y `to` (caps `cap` wide). */
export function errorBarY(key: string, x: number, from: number, to: number, stroke: string, cap = 8): RuleShape[] {
  const half = cap / 2;
  return withHalo(
    key,
    [
      [x, x, from, to],
      [x - half, x + half, from, from],
      [x - half, x + half, to, to],
    ],
    stroke,
  );
}
