/**
 * The chart of one case-study step: her journey as the journey screen draws it (same layout,
 * same marks, see chart/journey-drawing.ts), in months since referral, revealed only up to the
 * end of the step, on the step's lanes, with the step's period highlighted. Present mode draws
 * the tree with Svelte, the slide and offline exports write it as SVG text, so all three show
 * the same picture. Pure.
 */
import type { CaseStudy, CaseStudyStep } from '../../model/case-study/case-study';
import { formatMonth, formatPeriod, type RedactedEvent, type RedactedJourney } from '../../model/case-study/redact';
import { dayOfMonth, slideJourney } from '../../model/case-study/slide-journey';
import { LANES } from '../../model/journey';
import { layoutJourney } from '../journey-layout';
import { legendLayout } from '../journey-legend';
import { journeyDrawing, legendNodes, type SvgNode } from '../journey-drawing';
import { textWidth } from '../greedy-rows';
import { referralTicks } from '../scales';

/** The width the journey is laid out at: narrower than the slide, so it is drawn larger. */
export const SLIDE_CHART_WIDTH = 720;
/** Between the plot and the legend, which stands to its right, one item a row. */
const LEGEND_GAP = 20;
export const SLIDE_AXIS_TITLE = 'Months since referral (0 is the referral)';
/** Said under every step's chart, in present mode and the offline presentation alike. */
export const SLIDE_CHART_NOTE = 'Months since referral (0 is the referral). Only what happened up to the end of this step is shown; the highlighted band is this step’s period.';

export interface SlideChart {
  width: number;
  height: number;
  ariaLabel: string;
  /** The drawing, in drawing order; empty when every lane of the step is turned off. */
  nodes: SvgNode[];
  /** Revealed events inside the step's period, for the text equivalent under the chart. */
  inPeriod: RedactedEvent[];
  /** What the legend names: only the marks on this slide. */
  legend: string[];
  /** Said instead of the chart when every lane is turned off, else null. */
  empty: string | null;
  /** Said when the step's period lies outside her journey and was clamped, else null. */
  outside: string | null;
  /** The lanes' extent, and where a month falls across it: for the reveal between steps. */
  plot: { left: number; right: number; top: number; bottom: number };
  xOfMonth: (month: number) => number;
}

/** An emptied month field of the editor holds null; it counts as month 0. */
function month(v: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}

/** The months her journey spans: from before referral when anything is, to her last record (at least month 1). */
export function journeyMonths(journey: RedactedJourney): readonly [number, number] {
  let lo = 0;
  for (const e of journey.events) lo = Math.min(lo, e.month);
  for (const o of journey.outcomes ?? []) for (const p of o.points) lo = Math.min(lo, p.month);
  return [Math.floor(lo), Math.max(1, Math.ceil(journey.lastMonth))] as const;
}

export interface StepPeriod {
  from: number;
  to: number;
  /** Says so when the step's period had to be clamped into her journey, else null. */
  outside: string | null;
}

/** The step's period inside her journey: a period outside it is clamped, and the result says so. */
export function stepPeriod(journey: RedactedJourney, step: Pick<CaseStudyStep, 'fromMonth' | 'toMonth'>): StepPeriod {
  const [lo, hi] = journeyMonths(journey);
  const a = month(step.fromMonth);
  const b = month(step.toMonth);
  const [from0, to0] = a <= b ? [a, b] : [b, a];
  const clamp = (m: number) => Math.max(lo, Math.min(hi, m));
  const from = clamp(from0);
  const to = clamp(to0);
  if (from === from0 && to === to0) return { from, to, outside: null };
  const whole = to0 < lo || from0 > hi;
  return {
    from,
    to,
    outside: `${whole ? 'This step’s period' : 'Part of this step’s period'} (${formatPeriod(from0, to0)}) lies outside her journey (${formatPeriod(lo, hi)}), so the slide shows ${formatPeriod(from, to)}.`,
  };
}

export function slideChartLabel(period: Pick<StepPeriod, 'from' | 'to'>): string {
  return `Her journey up to ${formatMonth(period.to)}, ${formatPeriod(period.from, period.to)} highlighted`;
}

export const NO_LANES = 'Every lane is turned off for this step, so there is no chart. Turn a lane on in the editor to show her journey here.';

/** The chart of step `stepIndex` (0 is the first step, not the title slide). */
export function slideChart(study: Pick<CaseStudy, 'steps' | 'journey'>, stepIndex: number, idPrefix = 'slide'): SlideChart {
  const step = study.steps[stepIndex];
  if (!step) throw new RangeError(`There is no step ${stepIndex + 1} in this case study.`);
  const period = stepPeriod(study.journey, step);
  const domain = journeyMonths(study.journey);
  const lanes = LANES.map((l) => l.key).filter((k) => step.lanes.includes(k));
  const inPeriod = study.journey.events.filter((e) => step.lanes.includes(e.lane) && e.month >= period.from && e.month <= period.to);
  if (lanes.length === 0) {
    return { width: SLIDE_CHART_WIDTH, height: 0, ariaLabel: NO_LANES, nodes: [], inPeriod: [], legend: [], empty: NO_LANES, outside: period.outside, plot: { left: 0, right: 0, top: 0, bottom: 0 }, xOfMonth: () => 0 };
  }
  const journey = slideJourney({ journey: study.journey, upToMonth: period.to, lanes, domain });
  const layout = layoutJourney(journey, SLIDE_CHART_WIDTH, { lanes, bare: true });
  const ticks = referralTicks(layout.baseX, 0, 34);
  const nodes = journeyDrawing(journey, layout, {
    idPrefix,
    ticks,
    axisTitle: SLIDE_AXIS_TITLE,
    highlight: { from: dayOfMonth(period.from), to: dayOfMonth(period.to) },
  });
  // One item a row (no row is wide enough for two), beside the lanes: a slide is wider than tall.
  const legend = legendLayout(journey, 1);
  const legendWidth = legend.items.reduce((w, i) => Math.max(w, 26 + textWidth(i.label, 12)), 0);
  if (legend.items.length) nodes.push(legendNodes(legend, layout.width + LEGEND_GAP, layout.lanesTop, idPrefix));
  return {
    width: layout.width + (legend.items.length ? LEGEND_GAP + legendWidth : 0),
    height: Math.max(layout.height, layout.lanesTop + legend.height),
    ariaLabel: slideChartLabel(period),
    nodes,
    inPeriod,
    legend: legend.items.map((i) => i.label),
    empty: null,
    outside: period.outside,
    plot: { left: layout.plotLeft, right: layout.plotRight, top: layout.lanesTop, bottom: layout.lanesBottom },
    xOfMonth: (m: number) => layout.baseX(dayOfMonth(m)),
  };
}
