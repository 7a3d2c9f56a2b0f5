/**
 * An UpSet chart of sets and their exact intersections: a matrix row per set (a bar beside it for
 * the set's size), a column per intersection (a bar above it for its size, dots for its sets,
 * joined by a line). Bars start at zero and scale to the largest value shown: a hidden value
 * (null) sets no length and draws no bar, only its text. Pure.
 */
import type { DotShape, RectShape, RuleShape, TextShape } from './types';

export interface UpsetSet {
  label: string;
  value: number | null;
  text: string;
}

export interface UpsetColumn {
  key: string;
  value: number | null;
  text: string;
  /** Indices of its sets; null for a column drawn without a matrix (merged combinations). */
  sets: number[] | null;
  /** Written under the matrix. */
  name: string;
  colour: string;
}

export interface UpsetGeometry {
  width: number;
  setRight: number;
  setMax: number;
  labelX: number;
  matrixX: number;
  barTop: number;
  barHeight: number;
  row: number;
  dot: number;
  ink: string;
  mutedInk: string;
  dotOn: string;
  dotOff: string;
  stripe: string;
  setBar: string;
}

export interface UpsetLayout {
  base: number;
  matrixTop: number;
  matrixBottom: number;
  /** The axes and row stripes and set bars (outside any column). */
  rects: RectShape[];
  texts: TextShape[];
  rules: RuleShape[];
  columns: { key: string; rects: RectShape[]; texts: TextShape[]; rules: RuleShape[]; dots: DotShape[] }[];
}

export function upset(sets: readonly UpsetSet[], columns: readonly UpsetColumn[], g: UpsetGeometry): UpsetLayout {
  const base = g.barTop + g.barHeight;
  const matrixTop = base + 34;
  const matrixBottom = matrixTop + sets.length * g.row;
  const cw = Math.min(44, (g.width - g.matrixX - 8) / Math.max(1, columns.length));
  const bw = Math.min(22, cw * 0.62);
  const cx = (c: number) => g.matrixX + (c + 0.5) * cw;
  const cy = (r: number) => matrixTop + (r + 0.5) * g.row;
  const maxCombo = Math.max(1, ...columns.map((c) => c.value ?? 0));
  const maxSet = Math.max(1, ...sets.map((s) => s.value ?? 0));
  const barH = (v: number) => (g.barHeight * v) / maxCombo;
  const setW = (v: number) => (g.setMax * v) / maxSet;
  const right = g.matrixX + columns.length * cw;

  const rects: RectShape[] = [];
  const texts: TextShape[] = [
    { key: 'combo1', x: g.matrixX - 8, y: base - 30, text: 'Women with exactly', size: 11.5, anchor: 'end', fill: g.ink },
    { key: 'combo2', x: g.matrixX - 8, y: base - 16, text: 'this combination', size: 11.5, anchor: 'end', fill: g.ink },
    { key: 'sets', x: g.setRight, y: matrixTop - 8, text: 'Women with the need', size: 11.5, anchor: 'end', fill: g.ink },
  ];
  const rules: RuleShape[] = [
    { key: 'base', x1: g.matrixX, x2: right, y1: base, y2: base, stroke: g.mutedInk },
    { key: 'sets', x1: g.setRight, x2: g.setRight, y1: matrixTop, y2: matrixBottom, stroke: g.mutedInk },
  ];
  sets.forEach((s, r) => {
    if (r % 2 === 0) rects.push({ key: `stripe${r}`, x: g.labelX - 4, y: matrixTop + r * g.row, width: right - g.labelX + 4, height: g.row, fill: g.stripe });
    texts.push({ key: `set${r}`, x: g.labelX, y: cy(r) + 4, text: s.label, size: 12, fill: g.ink });
    if (s.value !== null) {
      rects.push({ key: `bar${r}`, x: g.setRight - setW(s.value), y: cy(r) - 6, width: setW(s.value), height: 12, fill: g.setBar });
      texts.push({ key: `value${r}`, x: g.setRight - setW(s.value) - 4, y: cy(r) + 4, text: s.text, size: 11, anchor: 'end', fill: g.ink });
    } else texts.push({ key: `value${r}`, x: g.setRight - 4, y: cy(r) + 4, text: s.text, size: 11, anchor: 'end', fill: g.mutedInk });
  });

  const cols = columns.map((c, i) => {
    const x = cx(i);
    const out: UpsetLayout['columns'][number] = { key: c.key, rects: [], texts: [], rules: [], dots: [] };
    if (c.value !== null) {
      out.rects.push({ key: 'bar', x: x - bw / 2, y: base - barH(c.value), width: bw, height: barH(c.value), fill: c.colour });
      out.texts.push({ key: 'value', x, y: base - barH(c.value) - 4, text: c.text, size: 11, anchor: 'middle', fill: g.ink });
    } else out.texts.push({ key: 'value', x, y: base - 4, text: c.text, size: 11, anchor: 'middle', fill: g.mutedInk });
    if (c.sets) {
      if (c.sets.length > 1) out.rules.push({ key: 'join', x1: x, x2: x, y1: cy(Math.min(...c.sets)), y2: cy(Math.max(...c.sets)), stroke: g.dotOn, strokeWidth: 3 });
      sets.forEach((_, r) => out.dots.push({ key: String(r), cx: x, cy: cy(r), r: g.dot, fill: c.sets!.includes(r) ? g.dotOn : g.dotOff }));
    }
    if (c.name) out.texts.push({ key: 'name', x, y: matrixBottom + 14, text: c.name, size: 11, anchor: 'middle', fill: g.ink });
    return out;
  });
  return { base, matrixTop, matrixBottom, rects, texts, rules, columns: cols };
}
