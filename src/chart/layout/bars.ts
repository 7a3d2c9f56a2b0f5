/**
 * Horizontal bars in blocks (one block per group), each bar labelled with its category and its
 * value. Bars start at zero and scale to the largest value shown: a hidden value (null) sets no
 * length and draws no bar, only its text. Pure.
 */
import type { RectShape, RuleShape, TextShape } from './types';
import { errorBarX } from './error-bars';

export interface BarInput {
  label: string;
  /** null: hidden (share mode); the bar is not drawn. */
  value: number | null;
  /** The value as published (for a hidden value, what the edge shows). */
  text: string;
  /** Its 95% interval, on the value's scale: drawn as an error bar. */
  interval?: { lower: number; upper: number } | null;
}

export interface BarBlockInput {
  label: string;
  bars: BarInput[];
}

export interface BarBlocksGeometry {
  width: number;
  /** Left edge of the bars (labels end just before it). */
  left: number;
  right: number;
  bar: number;
  step: number;
  /** Top of the first block. */
  top: number;
  /** Lines under the blocks (footer). */
  footerLines: number;
  colours: readonly string[];
  ink: string;
  mutedInk: string;
  grid: string;
}

export interface BarBlocksLayout {
  height: number;
  rects: RectShape[];
  texts: TextShape[];
  rules: RuleShape[];
  /** Error bars of the bars with an interval: drawn over the bars. */
  errorBars: RuleShape[];
}

/** The largest value shown, never zero (a scale over nothing stays finite). */
export function maxShown(values: Iterable<number | null>): number {
  let max = 1e-9;
  for (const v of values) if (v !== null && v > max) max = v;
  return max;
}

export function barBlocks(blocks: readonly BarBlockInput[], g: BarBlocksGeometry): BarBlocksLayout {
  const max = maxShown(blocks.flatMap((b) => b.bars.flatMap((x) => [x.value, x.value === null ? null : (x.interval?.upper ?? null)])));
  const x = (v: number) => ((g.width - g.left - g.right) * v) / max;
  const rects: RectShape[] = [];
  const texts: TextShape[] = [];
  const rules: RuleShape[] = [];
  const errorBars: RuleShape[] = [];
  let y = g.top;
  let lastTop = g.top;
  let lastBars = 0;
  for (const b of blocks) {
    const top = y;
    texts.push({ key: `${b.label}:label`, x: 8, y: top + 14, text: b.label, size: 13, weight: 700, fill: g.ink });
    rules.push({ key: `${b.label}:axis`, x1: g.left, x2: g.left, y1: top + 18, y2: top + 20 + b.bars.length * g.step, stroke: g.grid });
    b.bars.forEach((bar, i) => {
      const by = top + 20 + i * g.step;
      const key = `${b.label}:${bar.label}`;
      texts.push({ key: `${key}:label`, x: g.left - 6, y: by + 11, text: bar.label, size: 11.5, anchor: 'end', fill: g.ink });
      if (bar.value !== null) {
        rects.push({ key, x: g.left, y: by, width: x(bar.value), height: g.bar, fill: g.colours[i % g.colours.length] });
        const end = bar.interval ? Math.max(bar.value, bar.interval.upper) : bar.value;
        if (bar.interval) errorBars.push(...errorBarX(`${key}:interval`, g.left + x(bar.interval.lower), g.left + x(bar.interval.upper), by + g.bar / 2, g.ink, g.bar - 4));
        texts.push({ key: `${key}:value`, x: g.left + x(end) + 5, y: by + 11, text: bar.text, size: 11.5, fill: g.ink });
      } else texts.push({ key: `${key}:value`, x: g.left + 5, y: by + 11, text: bar.text, size: 11.5, fill: g.mutedInk });
    });
    y += 20 + b.bars.length * g.step + 8;
    lastTop = top;
    lastBars = b.bars.length;
  }
  const height = (blocks.length ? lastTop + 28 + lastBars * g.step : g.top) + 10 + g.footerLines * 14;
  return { height, rects, texts, rules, errorBars };
}
