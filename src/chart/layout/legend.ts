/** A legend in one row: a swatch and a label per item, `step` apart. Pure. */
import type { RectShape, TextShape } from './types';

export interface LegendItem {
  key: string;
  label: string;
  fill: string;
}

export interface LegendGeometry {
  x: number;
  /** Top of the swatches. */
  y: number;
  size: number;
  step: number;
  ink: string;
  /** A thin outline around each swatch (for patterned fills). */
  outline?: boolean;
}

export function legendRow(items: readonly LegendItem[], g: LegendGeometry): { rects: RectShape[]; texts: TextShape[] } {
  return {
    rects: items.map((it, i) => ({
      key: it.key,
      x: g.x + i * g.step,
      y: g.y,
      width: g.size,
      height: g.size,
      fill: it.fill,
      ...(g.outline ? { stroke: g.ink, strokeWidth: 0.5 } : {}),
    })),
    texts: items.map((it, i) => ({ key: it.key, x: g.x + i * g.step + g.size + 4, y: g.y + g.size - 2 + (g.outline ? -1 : 0), text: it.label, size: 12, fill: g.ink })),
  };
}
