/**
 * An alluvial chart of a square table (from a level on the left to a level on the right): a node
 * per level on each side as tall as its total, a band per non-empty cell as wide as its count.
 * Pure. Draw it only when no count is hidden (a band's width would give a hidden count away).
 */
import type { PathShape, RectShape, TextShape } from './types';

export interface AlluvialGeometry {
  top: number;
  plot: number;
  gap: number;
  node: number;
  left: number;
  right: number;
  colours: readonly string[];
  ink: string;
}

export interface AlluvialLayout {
  bands: PathShape[];
  nodes: RectShape[];
  labels: TextShape[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function alluvial(labels: readonly string[], cells: readonly (readonly number[])[], g: AlluvialGeometry): AlluvialLayout {
  const total = sum(cells.flat());
  const k = total ? (g.plot - g.gap * (labels.length - 1)) / total : 0;
  const rowTotals = cells.map(sum);
  const colTotals = labels.map((_, c) => sum(cells.map((r) => r[c])));
  const leftY = rowTotals.map((_, i) => g.top + sum(rowTotals.slice(0, i)) * k + i * g.gap);
  const rightY = colTotals.map((_, i) => g.top + sum(colTotals.slice(0, i)) * k + i * g.gap);
  const bands: PathShape[] = [];
  const lOff = [...leftY];
  const rOff = [...rightY];
  const x0 = g.left + g.node;
  const mx = (x0 + g.right) / 2;
  cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!v) return;
      const h = v * k;
      const y0 = lOff[r];
      const y1 = rOff[c];
      lOff[r] += h;
      rOff[c] += h;
      bands.push({
        key: `${r}-${c}`,
        fill: g.colours[r],
        fillOpacity: 0.35,
        d: `M${x0},${y0} C${mx},${y0} ${mx},${y1} ${g.right},${y1} L${g.right},${y1 + h} C${mx},${y1 + h} ${mx},${y0 + h} ${x0},${y0 + h} Z`,
      });
    }),
  );
  const nodes: RectShape[] = [];
  const texts: TextShape[] = [];
  labels.forEach((label, i) => {
    if (rowTotals[i] > 0) {
      nodes.push({ key: `l${i}`, x: g.left, y: leftY[i], width: g.node, height: rowTotals[i] * k, fill: g.colours[i] });
      texts.push({ key: `l${i}`, x: g.left - 6, y: leftY[i] + (rowTotals[i] * k) / 2 + 4, text: `${label}: ${rowTotals[i]}`, size: 12, anchor: 'end', fill: g.ink });
    }
    if (colTotals[i] > 0) {
      nodes.push({ key: `r${i}`, x: g.right, y: rightY[i], width: g.node, height: colTotals[i] * k, fill: g.colours[i] });
      texts.push({ key: `r${i}`, x: g.right + g.node + 6, y: rightY[i] + (colTotals[i] * k) / 2 + 4, text: `${label}: ${colTotals[i]}`, size: 12, fill: g.ink });
    }
  });
  return { bands, nodes, labels: texts };
}
