/**
 * Lifelines drawn on a canvas, only the rows in view, so 10,000 women scroll smoothly. Risk is a
 * staircase band (height grows with level, as on the journey chart, so it reads without colour);
 * incidents are ticks (crimes taller than domestic incidents); support is a dot; closure a bar.
 */
import { PALETTE, RISK_STYLES, INK, MUTED_INK, GRID, FONT_FAMILY } from '../palette';
import { forEachRiskReading, type LifelineSet } from '../../model/cohort/lifelines';
import { UNKNOWN_DAY } from '../../data/columns';

export const ROW_HEIGHT = 10;
export const HEADER_HEIGHT = 22;
export const LABEL_WIDTH = 0;

/** By level code + 1: none, standard, medium, high. */
const LEVEL_STYLE = [null, RISK_STYLES.standard, RISK_STYLES.medium, RISK_STYLES.high];

export interface LifelineLayout {
  /** Top of each line's row, in content pixels. */
  tops: Float64Array;
  /** Top of each group's header, in content pixels. */
  headerTops: number[];
  height: number;
}

export function layoutLifelines(set: LifelineSet): LifelineLayout {
  const tops = new Float64Array(set.lines.length);
  const headerTops: number[] = [];
  let y = 0;
  for (const g of set.groups) {
    headerTops.push(y);
    y += HEADER_HEIGHT;
    for (let i = g.start; i < g.start + g.count; i++) {
      tops[i] = y;
      y += ROW_HEIGHT;
    }
  }
  return { tops, headerTops, height: y };
}

/** The line at a content y, or -1. */
export function lineAt(layout: LifelineLayout, y: number): number {
  const t = layout.tops;
  let lo = 0;
  let hi = t.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t[mid] + ROW_HEIGHT <= y) lo = mid + 1;
    else if (t[mid] > y) hi = mid - 1;
    else return mid;
  }
  return -1;
}

export interface DrawOptions {
  width: number;
  height: number;
  scrollTop: number;
  /** Day to x pixel. */
  x: (day: number) => number;
  /** Day of the referral line (0 when aligned on referral), or null. */
  referralLine: number | null;
  active: number;
  /** Group headers: label with its n as published. */
  headerLabels: string[];
}

export function drawLifelines(ctx: CanvasRenderingContext2D, set: LifelineSet, layout: LifelineLayout, o: DrawOptions): number {
  ctx.clearRect(0, 0, o.width, o.height);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, o.width, o.height);
  const top = o.scrollTop;
  let drawn = 0;
  // Rows in view: binary search the first, then walk.
  let lo = 0;
  let hi = layout.tops.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout.tops[mid] + ROW_HEIGHT <= top) lo = mid + 1;
    else hi = mid;
  }
  let i = lo;
  const right = o.width;
  for (; i < set.lines.length; i++) {
    const y = layout.tops[i] - top;
    if (y > o.height) break;
    const line = set.lines[i];
    const end = line.closure ?? Infinity;
    if (i === o.active) {
      ctx.fillStyle = '#dbe8f3';
      ctx.fillRect(0, y, right, ROW_HEIGHT);
    }
    // Risk staircase: each reading holds until the next (or six months, or closure).
    const cols = set.columns;
    const shift = line.shift;
    let stepDay = 0;
    let stepLevel = -1;
    const step = (until: number) => {
      const st = LEVEL_STYLE[stepLevel + 1];
      if (!st) return;
      const x0 = Math.max(0, o.x(stepDay - shift));
      const x1 = Math.min(right, o.x(Math.min(until, stepDay + 183, end + shift) - shift));
      if (x1 <= x0) return;
      const h = Math.max(2, (ROW_HEIGHT - 2) * st.rank);
      ctx.fillStyle = st.colour;
      ctx.globalAlpha = 0.55;
      ctx.fillRect(x0, y + ROW_HEIGHT - 1 - h, x1 - x0, h);
      ctx.globalAlpha = 1;
    };
    forEachRiskReading(line, cols, (d, lv) => {
      if (lv === stepLevel) return;
      if (stepLevel >= 0) step(d);
      stepDay = d;
      stepLevel = lv;
    });
    if (stepLevel >= 0) step(Infinity);
    // Incidents.
    for (const r of line.incidentRows) {
      const d = cols.incidentDay[r];
      if (d === UNKNOWN_DAY) continue;
      const x = o.x(d - shift);
      if (x < 0 || x > right) continue;
      const crime = cols.incidentKind[r] === 2;
      ctx.fillStyle = crime ? PALETTE.darkBlue : INK;
      const h = crime ? ROW_HEIGHT - 1 : ROW_HEIGHT / 2;
      ctx.fillRect(Math.round(x), y + ROW_HEIGHT - 1 - h, 1.5, h);
    }
    // Support.
    ctx.fillStyle = PALETTE.lightPurple;
    for (const r of line.supportRows) {
      const d = cols.supportDay[r];
      if (d === UNKNOWN_DAY) continue;
      const x = o.x(d - shift);
      if (x >= 0 && x <= right) ctx.fillRect(x - 1, y + 1, 3, 3);
    }
    if (line.closure !== null) {
      const x = o.x(line.closure);
      if (x >= 0 && x <= right) {
        ctx.fillStyle = PALETTE.darkGrey;
        ctx.fillRect(x - 1, y, 3, ROW_HEIGHT);
      }
    }
    drawn++;
  }
  // Group headers and the referral line on top.
  ctx.font = `600 12px ${FONT_FAMILY}`;
  set.groups.forEach((g, gi) => {
    const y = layout.headerTops[gi] - top;
    if (y + HEADER_HEIGHT < 0 || y > o.height) return;
    ctx.fillStyle = '#eef0f2';
    ctx.fillRect(0, y, right, HEADER_HEIGHT);
    ctx.fillStyle = g.hidden ? MUTED_INK : INK;
    ctx.fillText(o.headerLabels[gi] ?? g.label, 6, y + 15);
  });
  if (o.referralLine !== null) {
    const x = o.x(o.referralLine);
    ctx.fillStyle = GRID;
    ctx.fillRect(x, 0, 1, o.height);
  }
  return drawn;
}
