/**
 * Where everything of a journey chart goes vertically, and the plot's horizontal extent: lanes
 * (each with a header and labelled rows), the legend, reference labels, axis and source line.
 * Depends only on the journey and the width, so zooming never moves anything up or down.
 */
import type { Journey, LaneKey } from '../model/journey';
import { LANES } from '../model/journey';
import { formatDayLong } from '../data/days';
import { greedyRows, labelSide, textWidth } from './greedy-rows';
import { dayScale, type DayScale } from './scales';
import { legendLayout, type LegendLayout } from './journey-legend';

export const LABEL_WIDTH = 200;
export const RIGHT_PAD = 28;
export const MIN_WIDTH = 640;
const TITLE_HEIGHT = 44;
const LANE_HEADER = 20;
const LANE_GAP = 12;
const REFERENCE_ROW = 15;
const AXIS_HEIGHT = 40;
const SOURCE_HEIGHT = 34;
export const MAX_MILESTONE_ROWS = 5;
export const MILESTONE_ROW = 18;

export interface Row {
  key: string;
  label: string;
  y: number;
  height: number;
}

export interface Lane {
  key: LaneKey;
  label: string;
  /** Top of the lane header. */
  y: number;
  height: number;
  rows: Row[];
  /** "No records from …" when the lane has nothing to draw. */
  silence: string | null;
}

export interface JourneyLayout {
  width: number;
  height: number;
  plotLeft: number;
  plotRight: number;
  title: string;
  source: string;
  legend: LegendLayout;
  /** Top of the reference-label rows. */
  referenceY: number;
  referenceRows: number;
  references: { key: string; day: number; label: string; row: number; showLabel: boolean }[];
  /** Lanes span lanesTop to lanesBottom. */
  lanesTop: number;
  lanesBottom: number;
  axisY: number;
  sourceY: number;
  lanes: Lane[];
  laneByKey: Record<LaneKey, Lane>;
  /** Milestone label rows, by milestone key, placed at the unzoomed scale. */
  milestoneRows: Map<string, { row: number; showLabel: boolean }>;
  /** The unzoomed time scale: the whole journey with a margin. */
  baseX: DayScale;
}

export function chartTitle(journey: Journey): string {
  return `${journey.title}: risk, police incidents, support, contacts, outcome scores and milestones over time`;
}

export function chartSource(journey: Journey): string {
  const n = Object.entries(journey.counts).reduce((a, [k, v]) => a + (k === 'cases' ? 0 : v), 0);
  return `Source: imported police and service records. Period: ${formatDayLong(journey.start)} to ${formatDayLong(journey.end)}. n = 1 woman, ${n} records.`;
}

/** Reference labels (referral, first contact, closure, the pre-referral window) in their rows. */
export function referenceMarks(journey: Journey): { key: string; day: number; label: string }[] {
  const out: { key: string; day: number; label: string }[] = [];
  if (journey.preWindow) out.push({ key: 'window', day: journey.preWindow.start, label: '12 months before referral' });
  if (journey.referral !== null) out.push({ key: 'referral', day: journey.referral, label: 'Referral' });
  if (journey.firstContact !== null) out.push({ key: 'first-contact', day: journey.firstContact, label: 'First contact' });
  if (journey.closure !== null) out.push({ key: 'closure', day: journey.closure, label: 'Closure' });
  return out.sort((a, b) => a.day - b.day);
}

/**
 * How a case-study slide lays the journey out (the journey screen uses the defaults): only the
 * lanes it shows; `bare` leaves out the title, the legend (a slide places it beside the chart)
 * and the source line (a slide names no period in dates), and packs rows closer.
 */
export interface LayoutOptions {
  lanes?: readonly LaneKey[];
  bare?: boolean;
}

export function layoutJourney(journey: Journey, width: number, options: LayoutOptions = {}): JourneyLayout {
  width = Math.max(MIN_WIDTH, Math.round(width));
  const shownLanes = options.lanes ? LANES.filter((l) => options.lanes!.includes(l.key)) : LANES;
  const bare = options.bare === true;
  const plotLeft = LABEL_WIDTH;
  const plotRight = width - RIGHT_PAD;
  const span = Math.max(30, journey.end - journey.start);
  const pad = Math.max(7, Math.round(span * 0.02));
  const baseX = dayScale([journey.start - pad, journey.end + pad], [plotLeft, plotRight]);

  const legend = bare ? { items: [], height: 0 } : legendLayout(journey, width - 16);
  const laneGap = bare ? 8 : LANE_GAP;
  const referenceY = (bare ? 4 : TITLE_HEIGHT) + legend.height + 6;
  const refs = referenceMarks(journey);
  const refPlacement = greedyRows(
    refs.map((r) => {
      const x = baseX(r.day);
      const w = textWidth(r.label) + 4;
      return labelSide(x, w, plotRight, 3) === 'right' ? { x0: x, x1: x + 3 + w } : { x0: x - 3 - w, x1: x };
    }),
    3,
  );
  const referenceRows = refs.length ? refPlacement.rows : 0;
  let y = referenceY + referenceRows * REFERENCE_ROW + 6;
  const lanesTop = y;

  const milestones = [...journey.milestones].sort((a, b) => a.day - b.day);
  const msPlacement = greedyRows(
    milestones.map((m) => {
      const x = baseX(m.day);
      const w = textWidth(m.label);
      return labelSide(x, w, plotRight, 8) === 'right'
        ? { x0: x - 5, x1: x + 8 + w, markX0: x - 5, markX1: x + 5 }
        : { x0: x - 8 - w, x1: x + 5, markX0: x - 5, markX1: x + 5 };
    }),
    bare ? 3 : MAX_MILESTONE_ROWS,
  );
  const milestoneRows = new Map(milestones.map((m, i) => [m.key, msPlacement.placements[i]]));

  const silenceOf = new Map(journey.silences.map((s) => [s.lane, s.message]));
  const rowsOf = (key: LaneKey): Omit<Row, 'y'>[] => {
    switch (key) {
      case 'risk':
        return journey.risk.tracks.map((t, i) => ({ key: `risk-${t.key}`, label: t.label, height: i === 0 ? 30 : 20 }));
      case 'incidents':
        return [{ key: 'incidents', label: 'Domestic incidents and crimes', height: 22 }];
      case 'support':
        return journey.support.rows.map((r) => ({ key: `support-${r.category}`, label: r.label, height: bare ? 12 : 16 }));
      case 'contacts': {
        const rows = [
          { key: 'contacts-successful', label: 'Successful', height: 16 },
          { key: 'contacts-unanswered', label: 'Attempts not answered', height: 16 },
        ];
        if (journey.contacts.totals.unknown > 0) rows.push({ key: 'contacts-unknown', label: 'Result not recorded', height: 16 });
        return rows;
      }
      case 'outcomes':
        return journey.outcomes.map((s) => ({ key: `outcomes-${s.key}`, label: `${s.label} (${s.min} to ${s.max})`, height: bare ? 20 : 34 }));
      case 'milestones':
        return Array.from({ length: msPlacement.rows }, (_, i) => ({ key: `milestones-${i}`, label: i === 0 ? 'Turning points' : '', height: MILESTONE_ROW }));
    }
  };

  const lanes: Lane[] = [];
  for (const spec of shownLanes) {
    const silence = silenceOf.get(spec.key) ?? null;
    const laneY = y;
    y += LANE_HEADER;
    const rows: Row[] = [];
    if (silence) {
      rows.push({ key: `${spec.key}-silence`, label: '', y, height: 22 });
      y += 22;
    } else {
      for (const r of rowsOf(spec.key)) {
        rows.push({ ...r, y });
        y += r.height + (spec.key === 'outcomes' ? (bare ? 4 : 6) : spec.key === 'risk' ? 4 : 2);
      }
    }
    lanes.push({ key: spec.key, label: spec.label, y: laneY, height: y - laneY, rows, silence });
    y += laneGap;
  }
  const lanesBottom = y - laneGap;
  const axisY = lanesBottom + 4;
  const sourceY = axisY + AXIS_HEIGHT;
  // Lanes left out are present with no rows, so the marks of a lane not shown come out empty.
  const laneByKey = Object.fromEntries(LANES.map((l) => [l.key, lanes.find((x) => x.key === l.key) ?? { key: l.key, label: l.label, y: lanesTop, height: 0, rows: [], silence: null }])) as Record<LaneKey, Lane>;
  return {
    width,
    height: sourceY + (bare ? 0 : SOURCE_HEIGHT),
    plotLeft,
    plotRight,
    title: bare ? '' : chartTitle(journey),
    source: bare ? '' : chartSource(journey),
    legend,
    referenceY,
    referenceRows,
    references: refs.map((r, i) => ({ ...r, ...refPlacement.placements[i] })),
    lanesTop,
    lanesBottom,
    axisY,
    sourceY,
    lanes,
    laneByKey,
    milestoneRows,
    baseX,
  };
}
