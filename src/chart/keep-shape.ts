/**
 * Zoom on the journey chart stretches each lane's layer horizontally (one transform per lane,
 * not one update per mark). Marks that must keep their shape are drawn so that stretching
 * cannot change them (vertical lines, and "dots" that are all round or square cap, with
 * non-scaling strokes), so a zoom frame does not touch them; only text is placed with
 * keepShape, which undoes the stretch around its anchor.
 */

/** The transform of a lane's layer for a zoom of factor k shifted by tx pixels. */
export function layerTransform(k: number, tx: number): string {
  return `translate(${tx},0) scale(${k},1)`;
}

/** Places a glyph drawn around (0, 0) at (x, y) of a layer stretched by k, unstretched. */
export function keepShape(x: number, y: number, k: number): string {
  return k === 1 ? `translate(${x},${y})` : `translate(${x},${y}) scale(${1 / k},1)`;
}

/**
 * A dot at (x, y) that keeps its shape under any horizontal stretch: a stroke so short it is
 * all cap (round or square, by stroke-linecap; round dots need a round stroke-linejoin too, or
 * the corner of the two tiny segments shows as a spike) with a non-scaling stroke. Not of zero
 * size: browsers do not hit-test zero-length strokes, and tools treat an empty box as invisible.
 */
export function dotPath(x: number, y: number): string {
  return `M${x - 0.005},${y - 0.005}h0.01v0.01`;
}

/** A vertical line, which no horizontal stretch changes. */
export function stemPath(x: number, y0: number, y1: number): string {
  return `M${x},${y0}V${y1}`;
}
