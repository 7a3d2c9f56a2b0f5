/**
 * The journey's marks as already-scaled arrays: pure functions of the journey, the layout and
 * the time scale. Mark components only draw what these return.
 *
 * The chart scales them with the unzoomed scale, once per journey and width; zoom and pan are
 * then one transform on each lane (see JourneyChart), with point marks and labels
 * counter-scaled so they keep their shape. So coordinates here are not rounded to the pixel:
 * a tenth of a pixel at the base scale is six pixels at the deepest zoom.
 */
import { line } from 'd3';
import { VOCABULARIES } from '../domain/contract';
import type { Journey, LaneKey } from '../model/journey';
import { formatDayLong } from '../data/days';
import { labelOf, lowerFirst } from '../model/labels';
import type { RiskLevel } from '../model/risk-steps';
import { labelSide, textWidth } from './greedy-rows';
import type { JourneyLayout, Row } from './journey-layout';
import { MILESTONE_ROW } from './journey-layout';
import { CONTACT_COLOURS, contactShare, INCIDENT_COLOURS, RISK_STYLES } from './palette';
import type { DayScale } from './scales';

export interface RiskStepMark {
  key: string;
  level: RiskLevel;
  x0: number;
  /** End of the current part; the faded part runs from here to x1. */
  xFresh: number;
  x1: number;
  yTop: number;
  yBase: number;
  /** Top of the step's row, where its label sits. */
  yRow: number;
  /** The label with the assessor ("High · Worker") and without ("High"), shown as room allows. */
  labels: readonly [string, string];
}

export interface IncidentMark {
  key: string;
  cx: number;
  cy: number;
  crime: boolean;
  colour: string;
}

export interface SupportMark {
  key: string;
  x0: number;
  /** Null for a single action. */
  x1: number | null;
  cy: number;
  status: string | null;
}

export interface ContactCell {
  y: number;
  height: number;
  colour: string;
}

export interface ContactMark {
  key: string;
  x: number;
  width: number;
  y: number;
  height: number;
  cells: ContactCell[];
}

/** The weekly cells of one colour as one path: a few elements to paint, not hundreds. */
export interface ContactPath {
  key: string;
  d: string;
  colour: string;
}

/** A value written beside a point: `end` to its left, `start` to its right. */
export interface ValueLabel {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'end';
}

export interface OutcomeMark {
  key: string;
  path: string;
  yTop: number;
  yBottom: number;
  points: { key: string; cx: number; cy: number }[];
  first: ValueLabel;
  latest: ValueLabel | null;
}

export interface MilestoneMark {
  key: string;
  x: number;
  y: number;
  label: string;
  showLabel: boolean;
  /** Labels near the right edge sit left of their flag. */
  side: 'left' | 'right';
}

export interface ReferenceMark {
  key: string;
  x: number;
  labelY: number;
  label: string;
  showLabel: boolean;
  side: 'left' | 'right';
}

function rowOf(layout: JourneyLayout, lane: LaneKey, key: string): Row | undefined {
  return layout.laneByKey[lane].rows.find((r) => r.key === key);
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export function riskMarks(journey: Journey, layout: JourneyLayout, x: DayScale): RiskStepMark[] {
  const out: RiskStepMark[] = [];
  for (const track of journey.risk.tracks) {
    const row = rowOf(layout, 'risk', `risk-${track.key}`);
    if (!row) continue;
    const yBase = row.y + row.height;
    for (const step of track.steps) {
      const x0 = round(x(step.start));
      const x1 = round(x(step.end));
      const level = labelOf(VOCABULARIES.riskLevel, step.level);
      const long = track.key === 'all' ? `${level} · ${step.reading.assessorLabel}` : level;
      out.push({
        key: `risk:${track.key}:${step.key}`,
        level: step.level,
        x0,
        xFresh: round(x(step.freshEnd)),
        x1,
        yTop: round(yBase - row.height * RISK_STYLES[step.level].rank),
        yBase,
        yRow: row.y,
        labels: [long, level],
      });
    }
  }
  return out;
}

/** The label of a risk step that fits it when the chart is zoomed by k, or null. */
export function riskLabelAt(mark: RiskStepMark, k: number): string | null {
  const room = (mark.x1 - mark.x0) * k - 6;
  for (const label of mark.labels) if (room >= textWidth(label)) return label;
  return null;
}

export function incidentMarks(journey: Journey, layout: JourneyLayout, x: DayScale): IncidentMark[] {
  const row = rowOf(layout, 'incidents', 'incidents');
  if (!row) return [];
  const cy = row.y + row.height / 2;
  return journey.incidents.map((i) => ({
    key: `incidents:${i.key}`,
    cx: round(x(i.day)),
    cy,
    crime: i.kind === 'crime',
    colour: i.kind === 'crime' ? INCIDENT_COLOURS.crime : INCIDENT_COLOURS.domestic_incident,
  }));
}

export function supportMarks(journey: Journey, layout: JourneyLayout, x: DayScale): SupportMark[] {
  const out: SupportMark[] = [];
  for (const r of journey.support.rows) {
    const row = rowOf(layout, 'support', `support-${r.category}`);
    if (!row) continue;
    const cy = row.y + row.height / 2;
    for (const item of r.items) {
      out.push({ key: `support:${item.key}`, x0: round(x(item.day)), x1: item.end === null ? null : round(x(item.end)), cy, status: item.status });
    }
  }
  return out;
}

export function contactMarks(journey: Journey, layout: JourneyLayout, x: DayScale): ContactMark[] {
  const rows = layout.laneByKey.contacts.rows;
  const ok = rows.find((r) => r.key === 'contacts-successful');
  const no = rows.find((r) => r.key === 'contacts-unanswered');
  const unk = rows.find((r) => r.key === 'contacts-unknown');
  if (!ok || !no) return [];
  const bottom = (unk ?? no).y + (unk ?? no).height;
  return journey.contacts.weeks.map((w) => {
    const x0 = x(w.start);
    const width = Math.max(1, x(w.start + 7) - x0 - 0.5);
    const cells: ContactCell[] = [];
    const cell = (row: Row, count: number, colour: string) => {
      const height = round(row.height * contactShare(count));
      cells.push({ y: row.y + row.height - height, height, colour });
    };
    if (w.successful) cell(ok, w.successful, CONTACT_COLOURS.successful);
    if (w.unanswered) cell(no, w.unanswered, CONTACT_COLOURS.unanswered);
    if (w.unknown && unk) cell(unk, w.unknown, CONTACT_COLOURS.unknown);
    return { key: `contacts:${w.key}`, x: round(x0), width: round(width), y: ok.y, height: bottom - ok.y, cells };
  });
}

export function contactPaths(marks: readonly ContactMark[]): ContactPath[] {
  const groups = new Map<string, ContactPath>();
  for (const m of marks) {
    for (const c of m.cells) {
      const key = c.colour;
      let g = groups.get(key);
      if (!g) {
        g = { key, d: '', colour: c.colour };
        groups.set(key, g);
      }
      g.d += `M${m.x},${c.y}h${m.width}v${c.height}h${-m.width}Z`;
    }
  }
  return [...groups.values()];
}

const pathOf = line<{ cx: number; cy: number }>()
  .x((p) => p.cx)
  .y((p) => p.cy);

export function outcomeMarks(journey: Journey, layout: JourneyLayout, x: DayScale): OutcomeMark[] {
  const out: OutcomeMark[] = [];
  for (const s of journey.outcomes) {
    const row = rowOf(layout, 'outcomes', `outcomes-${s.key}`);
    if (!row) continue;
    const yTop = row.y + 2;
    const yBottom = row.y + row.height - 2;
    const y = (score: number) => round(yBottom - ((score - s.min) / (s.max - s.min)) * (yBottom - yTop));
    const points = s.points.map((p) => ({ key: `outcomes:${p.key}`, cx: round(x(p.day)), cy: y(p.score) }));
    const first = points[0];
    const last = points[points.length - 1];
    out.push({
      key: s.key,
      path: pathOf(points) ?? '',
      yTop,
      yBottom,
      points,
      first: { x: first.cx, y: first.cy, text: String(s.first.score), anchor: 'end' },
      latest: points.length > 1 ? { x: last.cx, y: last.cy, text: String(s.latest.score), anchor: 'start' } : null,
    });
  }
  return out;
}

export function milestoneMarks(journey: Journey, layout: JourneyLayout, x: DayScale): MilestoneMark[] {
  const top = layout.laneByKey.milestones.rows[0]?.y ?? 0;
  return journey.milestones.map((m) => {
    const place = layout.milestoneRows.get(m.key) ?? { row: 0, showLabel: false };
    const px = round(x(m.day));
    return {
      key: `milestones:${m.key}`,
      x: px,
      y: top + place.row * MILESTONE_ROW,
      label: m.label,
      showLabel: place.showLabel,
      side: labelSide(px, textWidth(m.label), layout.plotRight, 8),
    };
  });
}

function referenceMark(layout: JourneyLayout, x: DayScale, r: JourneyLayout['references'][number]): ReferenceMark {
  const px = round(x(r.day));
  return {
    key: r.key,
    x: px,
    labelY: layout.referenceY + (r.row + 1) * 15 - 4,
    label: r.label,
    showLabel: r.showLabel,
    side: labelSide(px, textWidth(r.label) + 4, layout.plotRight, 3),
  };
}

export function referenceLineMarks(layout: JourneyLayout, x: DayScale): ReferenceMark[] {
  return layout.references.filter((r) => r.key !== 'window').map((r) => referenceMark(layout, x, r));
}

export function windowLabel(layout: JourneyLayout, x: DayScale): ReferenceMark | null {
  const r = layout.references.find((ref) => ref.key === 'window');
  return r ? referenceMark(layout, x, r) : null;
}

/* ------------------------------------------------------------------------------------------ */
/* What each mark says: its accessible name and tooltip, and the keyboard order within lanes. */

export interface MarkInfo {
  key: string;
  lane: LaneKey;
  day: number;
  /** Vertical centre of the mark, for placing its tooltip. */
  y: number;
  title: string;
  lines: string[];
  /** The accessible name: title and lines as one sentence. */
  label: string;
}

export interface MarkIndex {
  byKey: Map<string, MarkInfo>;
  /** Mark keys of each lane in keyboard order: row by row, each row by date. */
  order: Record<LaneKey, string[]>;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function markIndex(journey: Journey, layout: JourneyLayout): MarkIndex {
  const byKey = new Map<string, MarkInfo>();
  const order: Record<LaneKey, string[]> = { risk: [], incidents: [], support: [], contacts: [], outcomes: [], milestones: [] };
  const add = (partial: Omit<MarkInfo, 'label'>) => {
    const info = { ...partial, label: [partial.title, ...partial.lines].join('. ') };
    byKey.set(info.key, info);
    order[info.lane].push(info.key);
  };
  const mid = (lane: LaneKey, key: string) => {
    const row = rowOf(layout, lane, key);
    return row ? row.y + row.height / 2 : layout.laneByKey[lane].y;
  };

  for (const track of journey.risk.tracks) {
    const y = mid('risk', `risk-${track.key}`);
    for (const s of track.steps) {
      const r = s.reading;
      const level = labelOf(VOCABULARIES.riskLevel, s.level);
      const lines = [
        r.source === 'incidents'
          ? `Police DASH grading after ${r.incident ? lowerFirst(r.incident) : 'an incident'}`
          : `Assessed by: ${r.assessorLabel}${r.tool ? `, ${r.tool}` : ''}${r.score !== null ? `, score ${r.score} of 27` : ''}`,
      ];
      if (track.key !== 'all') lines.push(`Row: ${track.label}`);
      lines.push(s.freshEnd < s.end ? `No reassessment for 6 months: faded from ${formatDayLong(s.freshEnd)} to ${formatDayLong(s.end)}` : `Until ${formatDayLong(s.end)}`);
      add({ key: `risk:${track.key}:${s.key}`, lane: 'risk', day: s.start, y, title: `${level} risk from ${formatDayLong(s.start)}`, lines });
    }
  }
  const y = mid('incidents', 'incidents');
  for (const i of journey.incidents) {
    const lines: string[] = [];
    if (i.dash) lines.push(`DASH risk after it: ${i.dashLabel}`);
    if (i.outcome) lines.push(`Criminal justice outcome: ${i.outcomeLabel}`);
    else if (i.kind === 'crime') lines.push('Criminal justice outcome: not recorded');
    if (i.perpetrator) lines.push(`Perpetrator: ${i.perpetrator}`);
    if (i.id) lines.push(`Reference: ${i.id}`);
    add({ key: `incidents:${i.key}`, lane: 'incidents', day: i.day, y, title: `${i.offenceLabel ? `${i.kindLabel}: ${lowerFirst(i.offenceLabel)}` : i.kindLabel}, ${formatDayLong(i.day)}`, lines });
  }
  const support = journey.support.rows.flatMap((r) => r.items.map((item) => ({ item, y: mid('support', `support-${r.category}`) })));
  support.sort((a, b) => a.item.day - b.item.day || a.y - b.y);
  for (const { item, y } of support) {
    const lines = [item.end !== null ? `${formatDayLong(item.day)} to ${formatDayLong(item.end)}` : formatDayLong(item.day)];
    if (item.agency) lines.push(`Agency: ${item.agency}`);
    if (item.detail) lines.push(item.detail);
    add({ key: `support:${item.key}`, lane: 'support', day: item.day, y, title: item.statusLabel ? `${item.what}: ${lowerFirst(item.statusLabel)}` : item.what, lines });
  }
  const cy = mid('contacts', 'contacts-successful');
  for (const w of journey.contacts.weeks) {
    const lines = [plural(w.successful, 'successful contact')];
    const parts = [w.attempted && `${w.attempted} no answer`, w.missed && `${w.missed} missed`, w.cancelled && `${w.cancelled} cancelled`].filter(Boolean);
    lines.push(`${plural(w.unanswered, 'attempt')} not answered${parts.length ? ` (${parts.join(', ')})` : ''}`);
    if (w.unknown) lines.push(`${plural(w.unknown, 'contact')} with no result recorded`);
    add({ key: `contacts:${w.key}`, lane: 'contacts', day: w.start, y: cy, title: `Week of ${formatDayLong(w.start)}`, lines });
  }
  const points = journey.outcomes.flatMap((s) => s.points.map((p) => ({ s, p, y: mid('outcomes', `outcomes-${s.key}`) })));
  points.sort((a, b) => a.p.day - b.p.day || a.y - b.y);
  for (const { s, p, y } of points) {
    const lines = [formatDayLong(p.day), s.toolLabel];
    if (p.stageLabel) lines.push(`Stage: ${p.stageLabel}`);
    add({ key: `outcomes:${p.key}`, lane: 'outcomes', day: p.day, y, title: `${s.label}: ${p.score} (scale ${s.min} to ${s.max})`, lines });
  }
  const msTop = layout.laneByKey.milestones.rows[0]?.y ?? 0;
  for (const m of [...journey.milestones].sort((a, b) => a.day - b.day)) {
    const place = layout.milestoneRows.get(m.key);
    const lines = [formatDayLong(m.day)];
    if (m.detail) lines.push(m.detail);
    add({ key: `milestones:${m.key}`, lane: 'milestones', day: m.day, y: msTop + (place?.row ?? 0) * MILESTONE_ROW + 6, title: m.label, lines });
  }
  // Row by row, left to right; turning points are one row however their labels are stacked.
  for (const lane of ['risk', 'support', 'outcomes'] as const) {
    order[lane].sort((a, b) => byKey.get(a)!.y - byKey.get(b)!.y || byKey.get(a)!.day - byKey.get(b)!.day);
  }
  return { byKey, order };
}
