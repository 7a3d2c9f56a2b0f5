/**
 * Axes of a linear scale: a tick (grid line and label) per value. Pure; the scale is a function
 * from data to SVG units.
 */
import type { RuleShape, TextShape } from './types';

export interface AxisLayout {
  rules: RuleShape[];
  texts: TextShape[];
}

/** A y axis: a grid line across the plot and a label left of it, per tick. */
export function yAxis(ticks: readonly number[], sy: (v: number) => number, at: { left: number; right: number; format?: (v: number) => string; gridClass?: string }): AxisLayout {
  const format = at.format ?? String;
  return {
    rules: ticks.map((t) => ({ key: `y${t}`, x1: at.left, x2: at.right, y1: sy(t), y2: sy(t), className: at.gridClass })),
    texts: ticks.map((t) => ({ key: `y${t}`, x: at.left - 6, y: sy(t), dy: '0.32em', text: format(t), anchor: 'end' })),
  };
}

/** An x axis: a label under the plot per tick, and a title centred under the labels. */
export function xAxis(ticks: readonly number[], sx: (v: number) => number, at: { y: number; title?: { text: string; x: number; y: number }; format?: (v: number) => string }): AxisLayout {
  const format = at.format ?? String;
  const texts: TextShape[] = ticks.map((t) => ({ key: `x${t}`, x: sx(t), y: at.y, text: format(t), anchor: 'middle' }));
  if (at.title) texts.push({ key: 'title', x: at.title.x, y: at.title.y, text: at.title.text, anchor: 'middle' });
  return { rules: [], texts };
}
