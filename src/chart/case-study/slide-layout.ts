/**
 * The chart of one case-study step as plain, already-scaled marks: the present mode draws them
 * with Svelte, the slide and offline exports write them as SVG text, so all three show the same
 * picture. Only what happened up to the end of the step, on the step's lanes, is revealed. Pure.
 */
import { revealedEvents, type CaseStudy, type CaseStudyStep } from '../../model/case-study/case-study';
import { CASE_STUDY_LANES, formatMonth, formatPeriod, type RedactedEvent } from '../../model/case-study/redact';
import { PALETTE } from '../palette';

export const SLIDE_CHART_WIDTH = 1000;
const LANE_H = 46;
const LEFT = 200;
const RIGHT = 20;
const TOP = 10;
export const SLIDE_CHART_HEIGHT = TOP + LANE_H * CASE_STUDY_LANES.length + 40;

export const HIGHLIGHT_FILL = '#ffe9a8';
const CHART_INK = '#000000';
const LANE_RULE = '#767676';
export const RISK_COLOURS: Readonly<Record<string, string>> = { high: PALETTE.darkPink, medium: PALETTE.orange, standard: PALETTE.turquoise };
const UNKNOWN_RISK = PALETTE.darkGrey;

export interface SlideRect {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  stroke?: string;
  strokeWidth?: number;
  opacity?: number;
}
export interface SlidePath {
  kind: 'path';
  d: string;
  fill: string;
  stroke?: string;
}
export interface SlideCircle {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill: string;
  stroke?: string;
}
export interface SlideLine {
  kind: 'line';
  x1: number;
  x2: number;
  y1: number;
  y2: number;
  stroke: string;
}
export interface SlideText {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  fontSize: number;
  fill: string;
  anchor?: 'start' | 'middle' | 'end';
}
export type SlideMark = SlideRect | SlidePath | SlideCircle | SlideLine | SlideText;

export interface SlideChart {
  width: number;
  height: number;
  ariaLabel: string;
  /** In drawing order: the step's band, lanes, events, then the month axis. */
  marks: SlideMark[];
  /** Revealed events inside the step's period, for the text equivalent under the chart. */
  inPeriod: RedactedEvent[];
}

/** An emptied month field of the editor holds null; it draws as month 0. */
function month(v: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** Two decimals: enough for the screen, short and stable in exported text. */
function r2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The months the chart spans: from before referral when anything is, to the last step or event. */
export function slideDomain(study: Pick<CaseStudy, 'steps' | 'journey'>): readonly [number, number] {
  let lo = 0;
  for (const s of study.steps) lo = Math.min(lo, month(s.fromMonth));
  for (const e of study.journey.events) lo = Math.min(lo, e.month);
  const hi = Math.max(1, Math.ceil(study.journey.lastMonth), ...study.steps.map((s) => month(s.toMonth)));
  return [Math.floor(lo), hi] as const;
}

export function slideTicks(domain: readonly [number, number]): number[] {
  const span = domain[1] - domain[0];
  const every = span > 36 ? 12 : span > 12 ? 3 : 1;
  const out: number[] = [];
  for (let m = Math.ceil(domain[0] / every) * every; m <= domain[1]; m += every) out.push(m);
  return out;
}

/** Triangle for high, diamond for medium, square for standard or unknown: never colour alone. */
export function riskShape(level: string | null, cx: number, cy: number): string {
  const [x, y] = [r2(cx), r2(cy)];
  if (level === 'high') return `M${x},${r2(y - 9)} L${r2(x + 9)},${r2(y + 8)} L${r2(x - 9)},${r2(y + 8)} Z`;
  if (level === 'medium') return `M${x},${r2(y - 9)} L${r2(x + 9)},${y} L${x},${r2(y + 9)} L${r2(x - 9)},${y} Z`;
  return `M${r2(x - 7)},${r2(y - 7)} h14 v14 h-14 Z`;
}

export function slideChartLabel(step: Pick<CaseStudyStep, 'fromMonth' | 'toMonth'>): string {
  const from = month(step.fromMonth);
  const to = month(step.toMonth);
  return `Her journey up to ${formatMonth(to)}, ${formatPeriod(from, to)} highlighted`;
}

/** The chart of step `stepIndex` (0 is the first step, not the title slide). */
export function slideChart(study: Pick<CaseStudy, 'steps' | 'journey'>, stepIndex: number): SlideChart {
  const step = study.steps[stepIndex];
  if (!step) throw new RangeError(`There is no step ${stepIndex + 1} in this case study.`);
  const from = month(step.fromMonth);
  const to = month(step.toMonth);
  const domain = slideDomain(study);
  const x = (m: number) => r2(LEFT + ((m - domain[0]) / (domain[1] - domain[0] || 1)) * (SLIDE_CHART_WIDTH - LEFT - RIGHT));
  const lanes = CASE_STUDY_LANES.filter((l) => step.lanes.includes(l.key));
  const laneMid = (i: number) => TOP + LANE_H * i + LANE_H / 2;
  const laneY = (key: string) => laneMid(Math.max(0, lanes.findIndex((l) => l.key === key)));
  const shown = revealedEvents(study.journey, to, step.lanes);
  const axisY = TOP + LANE_H * lanes.length;

  const marks: SlideMark[] = [
    { kind: 'rect', x: x(from), y: TOP - 4, width: r2(Math.max(4, x(to) - x(from))), height: LANE_H * lanes.length + 8, fill: HIGHLIGHT_FILL, stroke: CHART_INK, strokeWidth: 2 },
  ];
  lanes.forEach((lane, i) => {
    marks.push({ kind: 'text', x: 8, y: laneMid(i) + 7, text: lane.label, fontSize: 20, fill: CHART_INK });
    marks.push({ kind: 'line', x1: LEFT, x2: SLIDE_CHART_WIDTH - RIGHT, y1: laneMid(i), y2: laneMid(i), stroke: LANE_RULE });
  });
  for (const e of shown) {
    const cy = laneY(e.lane);
    if (e.lane === 'risk') {
      marks.push({ kind: 'path', d: riskShape(e.level, x(e.month), cy), fill: RISK_COLOURS[e.level ?? ''] ?? UNKNOWN_RISK, stroke: CHART_INK });
    } else if (e.toMonth !== null) {
      marks.push({ kind: 'rect', x: x(e.month), y: cy - 6, width: r2(Math.max(3, x(Math.min(e.toMonth, to)) - x(e.month))), height: 12, fill: PALETTE.darkBlue, opacity: 0.7 });
    } else {
      marks.push({ kind: 'circle', cx: x(e.month), cy, r: e.lane === 'contacts' ? 4 : 8, fill: e.lane === 'incidents' ? PALETTE.darkPink : PALETTE.darkBlue, stroke: CHART_INK });
    }
  }
  for (const t of slideTicks(domain)) {
    marks.push({ kind: 'line', x1: x(t), x2: x(t), y1: axisY, y2: axisY + 8, stroke: CHART_INK });
    marks.push({ kind: 'text', x: x(t), y: axisY + 30, text: String(t), fontSize: 18, fill: CHART_INK, anchor: 'middle' });
  }

  return {
    width: SLIDE_CHART_WIDTH,
    height: SLIDE_CHART_HEIGHT,
    ariaLabel: slideChartLabel(step),
    marks,
    inPeriod: shown.filter((e) => e.month >= from && e.month <= to),
  };
}
