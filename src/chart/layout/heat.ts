/**
 * A threshold scale for a heatmap of shares: five steps (l0 under 25% … l4 90% or more), 'none'
 * with nothing to share. Each cell also shows its percentage, so shade is never the only cue; a
 * dark step has light text. And the grid of such cells, with row and column labels. Pure.
 */
import type { RectShape, TextShape } from './types';

export type HeatStep = 'none' | 'l0' | 'l1' | 'l2' | 'l3' | 'l4';

export const HEAT_STEPS: readonly { step: HeatStep; from: number; label: string; fill: string; text: string }[] = [
  { step: 'l4', from: 0.9, label: '90% or more', fill: '#12436d', text: '#ffffff' },
  { step: 'l3', from: 0.75, label: '75–89%', fill: '#3a6f9e', text: '#ffffff' },
  { step: 'l2', from: 0.5, label: '50–74%', fill: '#a9c6e2', text: '#1d1d1d' },
  { step: 'l1', from: 0.25, label: '25–49%', fill: '#d9e7f4', text: '#1d1d1d' },
  { step: 'l0', from: 0, label: 'under 25%', fill: '#ffffff', text: '#1d1d1d' },
];

/** A cell with nothing to share (no women): a light grey, reading '–'. */
export const HEAT_NONE = { fill: '#f3f4f5', text: '#1d1d1d' } as const;

export function heatStep(part: number, whole: number): HeatStep {
  if (whole === 0) return 'none';
  const share = part / whole;
  return HEAT_STEPS.find((s) => share >= s.from)?.step ?? 'l0';
}

/** A share as a whole percentage, '–' of nothing. */
export function heatPercent(part: number, whole: number): string {
  return whole === 0 ? '–' : `${Math.round((part / whole) * 100)}%`;
}

export interface HeatCell {
  part: number;
  whole: number;
}

export interface HeatGeometry {
  /** Left edge of the first column of cells (row labels end 8 units before it). */
  left: number;
  /** Top of the column labels; the cells start `header` below. */
  top: number;
  header: number;
  cellWidth: number;
  cellHeight: number;
  /** A line between cells. */
  gap: number;
  ink: string;
  /** Outline of every cell (a white step needs one). */
  outline: string;
}

/** Cells by row and column (cells[r][c]), shaded by step, each with its percentage; labels of rows at the left, of columns above. */
export function heatGrid(rowLabels: readonly string[], colLabels: readonly string[], cells: readonly (readonly HeatCell[])[], g: HeatGeometry): { rects: RectShape[]; texts: TextShape[]; bottom: number } {
  const rects: RectShape[] = [];
  const texts: TextShape[] = colLabels.map((label, c) => ({
    key: `col:${c}`,
    x: g.left + c * g.cellWidth + g.cellWidth / 2,
    y: g.top + g.header - 8,
    text: label,
    size: 12,
    weight: 700,
    anchor: 'middle',
    fill: g.ink,
  }));
  rowLabels.forEach((label, r) => {
    const y = g.top + g.header + r * g.cellHeight;
    texts.push({ key: `row:${r}`, x: g.left - 8, y: y + g.cellHeight / 2, dy: '0.32em', text: label, size: 12, anchor: 'end', fill: g.ink });
    cells[r].forEach((cell, c) => {
      const step = heatStep(cell.part, cell.whole);
      const style = step === 'none' ? HEAT_NONE : HEAT_STEPS.find((s) => s.step === step)!;
      const x = g.left + c * g.cellWidth;
      rects.push({
        key: `${r}:${c}`,
        x: x + g.gap / 2,
        y: y + g.gap / 2,
        width: g.cellWidth - g.gap,
        height: g.cellHeight - g.gap,
        fill: style.fill,
        stroke: g.outline,
        strokeWidth: 0.5,
      });
      texts.push({ key: `${r}:${c}`, x: x + g.cellWidth / 2, y: y + g.cellHeight / 2, dy: '0.32em', text: heatPercent(cell.part, cell.whole), size: 12, anchor: 'middle', fill: style.text });
    });
  });
  return { rects, texts, bottom: g.top + g.header + rowLabels.length * g.cellHeight };
}
