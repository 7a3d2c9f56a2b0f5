/**
 * Places labelled items on as few rows as possible so that no two labels overlap: items are
 * taken from left to right and each goes on the first row that is free where it starts. When
 * every row is taken, the item keeps only its mark (its label is hidden): it goes on a row where
 * the mark alone fits, or else where it overlaps least.
 */
export interface RowItem {
  /** Extent of the mark with its label. */
  x0: number;
  x1: number;
  /** Extent of the mark alone; defaults to the full extent. */
  markX0?: number;
  markX1?: number;
}

export interface RowPlacement {
  row: number;
  showLabel: boolean;
}

export function greedyRows(items: readonly RowItem[], maxRows: number, gap = 4): { placements: RowPlacement[]; rows: number } {
  const ends: number[] = [];
  const placements: RowPlacement[] = new Array(items.length);
  const order = items.map((_, i) => i).sort((a, b) => items[a].x0 - items[b].x0 || a - b);
  for (const i of order) {
    const item = items[i];
    let row = ends.findIndex((end) => end + gap <= item.x0);
    if (row < 0 && ends.length < maxRows) {
      row = ends.length;
      ends.push(-Infinity);
    }
    if (row >= 0) {
      ends[row] = item.x1;
      placements[i] = { row, showLabel: true };
      continue;
    }
    const m0 = item.markX0 ?? item.x0;
    const m1 = item.markX1 ?? item.x1;
    let best = ends.findIndex((end) => end + gap <= m0);
    if (best < 0) {
      best = 0;
      for (let r = 1; r < ends.length; r++) if (ends[r] < ends[best]) best = r;
    }
    ends[best] = Math.max(ends[best], m1);
    placements[i] = { row: best, showLabel: false };
  }
  return { placements, rows: Math.max(1, ends.length) };
}

/** A rough width of a label in pixels, enough to keep labels apart without measuring text. */
export function textWidth(text: string, fontSize = 11): number {
  return Math.ceil(text.length * fontSize * 0.56);
}

/** A label normally sits right of its mark; near the right edge it flips to the left. */
export function labelSide(x: number, labelWidth: number, rightEdge: number, offset: number): 'right' | 'left' {
  return x + offset + labelWidth > rightEdge ? 'left' : 'right';
}
