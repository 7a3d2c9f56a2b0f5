/**
 * The journey chart's marks as a plain tree of SVG elements, built from the journey screen's
 * layout (journey-layout.ts) and scaled marks (journey-marks.ts) with the journey screen's
 * encodings (palette.ts): risk as bands by level with pattern and label, incidents by kind,
 * support spans and glyphs, weekly contacts, outcome lines with first and latest labelled,
 * labelled turning points. Case-study slides draw this tree three ways from one source: as
 * Svelte elements in present mode and the presenter's thumbnail, and as SVG text in the slide
 * export and the offline presentation, so all of them show the same marks. Pure.
 */
import type { Journey, LaneKey } from '../model/journey';
import type { JourneyLayout, Lane } from './journey-layout';
import type { LegendLayout } from './journey-legend';
import {
  contactMarks,
  contactPaths,
  incidentMarks,
  milestoneMarks,
  outcomeMarks,
  referenceLineMarks,
  riskLabelAt,
  riskMarks,
  supportMarks,
  type IncidentMark,
  type MilestoneMark,
  type OutcomeMark,
  type RiskStepMark,
  type SupportMark,
} from './journey-marks';
import { dotPath, stemPath } from './keep-shape';
import { CONTACT_COLOURS, GRID, INCIDENT_COLOURS, INK, MILESTONE_COLOUR, MUTED_INK, OUTCOME_COLOUR, PALETTE, PAPER, REFERENCE_COLOUR, RISK_STYLES, STALE_OPACITY, SUPPORT_COLOUR } from './palette';
import { RISK_LEVELS, type RiskLevel } from '../model/risk-steps';
import type { Tick } from './scales';

export type SvgAttrs = Record<string, string | number | undefined>;

/** One SVG element: its tag, attributes, text content and children. */
export interface SvgNode {
  tag: string;
  attrs: SvgAttrs;
  text?: string;
  children?: SvgNode[];
}

export function el(tag: string, attrs: SvgAttrs, children?: SvgNode[], text?: string): SvgNode {
  const node: SvgNode = { tag, attrs };
  if (children && children.length > 0) node.children = children;
  if (text !== undefined) node.text = text;
  return node;
}

/** Tags a drawing may use: the Svelte renderer and the text writer accept only these. */
export const SVG_TAGS: ReadonlySet<string> = new Set(['svg', 'g', 'defs', 'pattern', 'clipPath', 'rect', 'path', 'line', 'circle', 'text', 'title']);

const NON_SCALING = 'non-scaling-stroke';

export function patternId(prefix: string, level: RiskLevel): string {
  return `${prefix}-risk-${level}`;
}

/** The risk levels' fill patterns (as PatternDefs.svelte draws them), under ids of this drawing. */
export function patternDefs(prefix: string): SvgNode {
  return el(
    'defs',
    {},
    RISK_LEVELS.map((level) => {
      const style = RISK_STYLES[level];
      const stripes =
        style.pattern === 'stripes'
          ? [el('rect', { y: 0, width: 8, height: 1.25, fill: style.colour })]
          : style.pattern === 'dense-stripes'
            ? [el('rect', { y: 0, width: 8, height: 2.25, fill: style.colour })]
            : [];
      return el('pattern', { id: patternId(prefix, level), width: 8, height: style.pattern === 'dense-stripes' ? 3 : 4, patternUnits: 'userSpaceOnUse' }, [
        el('rect', { width: 8, height: 4, fill: style.colour, 'fill-opacity': style.pattern === 'plain' ? 0.35 : 0.15 }),
        ...stripes,
      ]);
    }),
  );
}

function haloText(x: number, y: number, text: string, extra: SvgAttrs = {}): SvgNode {
  return el('text', { x, y, 'font-size': 11, fill: INK, stroke: PAPER, 'stroke-width': 3, 'paint-order': 'stroke', ...extra }, undefined, text);
}

export function riskNodes(marks: readonly RiskStepMark[], prefix: string): SvgNode[] {
  const out: SvgNode[] = [];
  for (const m of marks) {
    const style = RISK_STYLES[m.level];
    const fill = `url(#${patternId(prefix, m.level)})`;
    const parts = [el('rect', { 'shape-rendering': 'crispEdges', x: m.x0, y: m.yTop, width: Math.max(0, m.xFresh - m.x0), height: m.yBase - m.yTop, fill, stroke: style.colour, 'vector-effect': NON_SCALING })];
    if (m.x1 > m.xFresh) {
      parts.push(el('rect', { 'shape-rendering': 'crispEdges', x: m.xFresh, y: m.yTop, width: m.x1 - m.xFresh, height: m.yBase - m.yTop, fill, stroke: style.colour, 'stroke-dasharray': '3 2', opacity: STALE_OPACITY, 'vector-effect': NON_SCALING }));
    }
    out.push(el('g', { 'data-mark': 'risk-band', 'data-level': m.level }, parts));
  }
  const labels: SvgNode[] = [];
  for (const m of marks) {
    const label = riskLabelAt(m, 1);
    if (label) labels.push(el('g', { transform: `translate(${m.x0},${m.yRow})`, 'data-mark': 'risk-label' }, [haloText(3, 10, label)]));
  }
  if (labels.length) out.push(el('g', { 'pointer-events': 'none' }, labels));
  return out;
}

/** Many dots of one look as one path: each a subpath all cap, so each still draws as its own dot. */
function dots(points: readonly { x: number; y: number }[]): string {
  return points.map((p) => dotPath(p.x, p.y)).join('');
}

/** Incidents by kind, as IncidentMarks.svelte draws them: crimes as squares, domestic incidents as round dots; one path a kind. */
export function incidentNodes(marks: readonly IncidentMark[]): SvgNode[] {
  const out: SvgNode[] = [];
  for (const crime of [false, true]) {
    const of = marks.filter((m) => m.crime === crime);
    if (of.length === 0) continue;
    out.push(
      el('path', {
        'data-mark': crime ? 'crime' : 'incident',
        'data-count': of.length,
        d: dots(of.map((m) => ({ x: m.cx, y: m.cy }))),
        stroke: of[0].colour,
        'stroke-width': crime ? 10 : 11,
        'stroke-linecap': crime ? 'square' : 'round',
        'stroke-linejoin': crime ? 'miter' : 'round',
        'vector-effect': NON_SCALING,
      }),
    );
  }
  return out;
}

/** One support status as a glyph (SupportGlyph.svelte) at each point: shapes a horizontal stretch leaves alone. */
export function supportGlyph(x: number, y: number, status: string | null): SvgNode[] {
  return supportGlyphs([{ x, y }], status);
}

function supportGlyphs(points: readonly { x: number; y: number }[], status: string | null): SvgNode[] {
  const d = dots(points);
  const round = { 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'vector-effect': NON_SCALING };
  const square = { 'stroke-linecap': 'square', 'vector-effect': NON_SCALING };
  switch (status) {
    case 'completed':
      return [el('path', { d, stroke: SUPPORT_COLOUR, 'stroke-width': 10, ...round })];
    case 'offered':
      return [el('path', { d, stroke: SUPPORT_COLOUR, 'stroke-width': 10, ...round }), el('path', { d, stroke: PAPER, 'stroke-width': 6, ...round })];
    case 'started':
      return [el('path', { d, stroke: SUPPORT_COLOUR, 'stroke-width': 9, ...square })];
    case 'ongoing':
      return [
        el('path', { d, stroke: SUPPORT_COLOUR, 'stroke-width': 12, ...round }),
        el('path', { d, stroke: PAPER, 'stroke-width': 8, ...round }),
        el('path', { d, stroke: SUPPORT_COLOUR, 'stroke-width': 5, ...round }),
      ];
    case 'declined':
      return [el('path', { d, stroke: SUPPORT_COLOUR, 'stroke-width': 10, ...square }), el('path', { d, stroke: PAPER, 'stroke-width': 6, ...square })];
    default:
      return [el('path', { d, stroke: MUTED_INK, 'stroke-width': 7, ...round })];
  }
}

/** Support that lasted (SupportSpan.svelte): a bar whose look says its status. */
export function supportSpan(x0: number, x1: number, cy: number, status: string | null): SvgNode[] {
  const colour = status === null || status === 'other' ? MUTED_INK : SUPPORT_COLOUR;
  const hollow = status === 'offered' || status === 'declined';
  const out = [
    el('rect', { 'shape-rendering': 'crispEdges', x: x0, y: cy - 4, width: Math.max(0.5, x1 - x0), height: 8, fill: hollow ? PAPER : colour, stroke: colour, 'stroke-width': 1.5, 'stroke-dasharray': status === 'offered' ? '3 2' : undefined, 'vector-effect': NON_SCALING }),
  ];
  if (status === 'completed') out.push(el('path', { d: stemPath(x1, cy - 7, cy + 7), stroke: colour, 'stroke-width': 2.5, 'vector-effect': NON_SCALING }));
  else if (status === 'started' || status === 'ongoing') out.push(el('path', { d: dotPath(x1, cy), stroke: colour, 'stroke-width': 11, 'stroke-linecap': 'square', 'vector-effect': NON_SCALING }));
  else if (status === 'declined') out.push(el('line', { x1: x0, x2: x1, y1: cy + 4, y2: cy - 4, stroke: colour, 'stroke-width': 1.5, 'vector-effect': NON_SCALING }));
  return out;
}

/** Support that lasted as spans, one by one; single actions as glyphs, one group a status. */
export function supportNodes(marks: readonly SupportMark[]): SvgNode[] {
  const out = marks.filter((m) => m.x1 !== null).map((m) => el('g', { 'data-mark': 'support-span' }, supportSpan(m.x0, m.x1!, m.cy, m.status)));
  const byStatus = new Map<string | null, { x: number; y: number }[]>();
  for (const m of marks) {
    if (m.x1 !== null) continue;
    const list = byStatus.get(m.status) ?? [];
    list.push({ x: m.x0, y: m.cy });
    byStatus.set(m.status, list);
  }
  for (const [status, points] of byStatus) out.push(el('g', { 'data-mark': 'support', 'data-count': points.length }, supportGlyphs(points, status)));
  return out;
}

export function outcomeNodes(marks: readonly OutcomeMark[]): SvgNode[] {
  const out: SvgNode[] = [];
  for (const m of marks) {
    const parts: SvgNode[] = [el('path', { d: m.path, fill: 'none', stroke: OUTCOME_COLOUR, 'stroke-width': 1.5, 'vector-effect': NON_SCALING })];
    parts.push(el('path', { d: dots(m.points.map((p) => ({ x: p.cx, y: p.cy }))), stroke: OUTCOME_COLOUR, 'stroke-width': 5, 'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'vector-effect': NON_SCALING }));
    for (const v of m.latest ? [m.first, m.latest] : [m.first]) {
      parts.push(el('g', { transform: `translate(${v.x},${v.y})`, 'data-mark': 'outcome-label' }, [haloText(v.anchor === 'end' ? -5 : 5, 4, v.text, { 'text-anchor': v.anchor, 'font-weight': 700 })]));
    }
    out.push(el('g', { 'data-mark': 'outcome-line' }, parts));
  }
  return out;
}

/** Turning points as flags (MilestoneFlags.svelte): staffs and square heads, one path each for all of them, and their labels. */
export function milestoneNodes(marks: readonly MilestoneMark[]): SvgNode[] {
  if (marks.length === 0) return [];
  const out: SvgNode[] = [
    el('g', { 'data-mark': 'turning-point', 'data-count': marks.length }, [
      el('path', { d: marks.map((m) => stemPath(m.x, m.y, m.y + 16)).join(''), stroke: PALETTE.darkGrey, 'stroke-width': 1.5, 'vector-effect': NON_SCALING }),
      el('path', { d: dots(marks.map((m) => ({ x: m.x, y: m.y + 4.5 }))), stroke: MILESTONE_COLOUR, 'stroke-width': 9, 'stroke-linecap': 'square', 'vector-effect': NON_SCALING }),
    ]),
  ];
  const labels = marks
    .filter((m) => m.showLabel)
    .map((m) => el('g', { transform: `translate(${m.x},${m.y})`, 'data-mark': 'turning-point-label' }, [haloText(m.side === 'right' ? 8 : -8, 10, m.label, { 'text-anchor': m.side === 'right' ? 'start' : 'end' })]));
  if (labels.length) out.push(el('g', { 'pointer-events': 'none' }, labels));
  return out;
}

/** A lane's header, row labels and, when it has nothing to draw, the sentence that says so (LaneFrame.svelte). */
export function laneFrameNodes(lane: Lane, width: number, plotLeft: number): SvgNode[] {
  const out = [el('line', { x1: 0, x2: width, y1: lane.y, y2: lane.y, stroke: GRID }), el('text', { x: 4, y: lane.y + 14, 'font-size': 12.5, 'font-weight': 700, fill: INK }, undefined, lane.label)];
  if (lane.silence) {
    const row = lane.rows[0];
    out.push(
      el('rect', { x: plotLeft, y: row.y, width: width - plotLeft - 8, height: row.height, fill: 'none', stroke: MUTED_INK, 'stroke-dasharray': '4 3' }),
      el('text', { x: plotLeft + 8, y: row.y + 15, 'font-size': 12, 'font-style': 'italic', fill: INK }, undefined, lane.silence),
    );
    return out;
  }
  for (const row of lane.rows) {
    if (!row.label) continue;
    const text = row.label.length > 32 ? `${row.label.slice(0, 31)}…` : row.label;
    out.push(el('text', { x: 12, y: row.y + Math.min(row.height, 24) / 2 + 4, 'font-size': 11, fill: MUTED_INK }, undefined, text));
  }
  return out;
}

/** The legend (LegendMarks.svelte): only the encodings the drawing uses. */
export function legendNodes(legend: LegendLayout, x: number, y: number, prefix: string): SvgNode {
  return el(
    'g',
    { transform: `translate(${x},${y})`, 'data-mark': 'legend' },
    legend.items.map((item) => {
      const s = item.swatch;
      let swatch: SvgNode[] = [];
      if (s.kind === 'risk') {
        const rank = RISK_STYLES[s.level].rank;
        swatch = [el('rect', { x: 0, y: 14 - 12 * rank, width: 16, height: 12 * rank, fill: `url(#${patternId(prefix, s.level)})`, stroke: RISK_STYLES[s.level].colour })];
      } else if (s.kind === 'stale') swatch = [el('rect', { x: 0, y: 2, width: 16, height: 12, fill: `url(#${patternId(prefix, 'medium')})`, stroke: RISK_STYLES.medium.colour, 'stroke-dasharray': '3 2', opacity: STALE_OPACITY })];
      else if (s.kind === 'incident') swatch = [s.incident === 'crime' ? el('rect', { x: 3, y: 3, width: 10, height: 10, fill: INCIDENT_COLOURS.crime }) : el('circle', { cx: 8, cy: 8, r: 5, fill: INCIDENT_COLOURS.domestic_incident })];
      else if (s.kind === 'support') swatch = supportGlyph(8, 8, s.status);
      else if (s.kind === 'span') swatch = [el('rect', { x: 0, y: 4, width: 16, height: 8, fill: SUPPORT_COLOUR })];
      else if (s.kind === 'contact')
        swatch = [
          el('rect', { x: 0, y: 11, width: 5, height: 3, fill: CONTACT_COLOURS[s.result] }),
          el('rect', { x: 5.5, y: 8, width: 5, height: 6, fill: CONTACT_COLOURS[s.result] }),
          el('rect', { x: 11, y: 2, width: 5, height: 12, fill: CONTACT_COLOURS[s.result] }),
        ];
      else if (s.kind === 'outcome') swatch = [el('path', { d: 'M0,12L6,8L11,9L16,3', fill: 'none', stroke: OUTCOME_COLOUR, 'stroke-width': 1.5 }), el('circle', { cx: 16, cy: 3, r: 2.5, fill: OUTCOME_COLOUR })];
      else if (s.kind === 'milestone') swatch = [el('path', { d: 'M8,0V16', stroke: PALETTE.darkGrey, 'stroke-width': 1.5 }), el('rect', { x: 3.5, y: 0, width: 9, height: 9, fill: MILESTONE_COLOUR })];
      return el('g', { transform: `translate(${item.x},${item.y})`, 'data-legend': item.key }, [...swatch, el('text', { x: 22, y: 12, 'font-size': 12, fill: INK }, undefined, item.label)]);
    }),
  );
}

/** The time axis (TimeAxis.svelte): grid lines, ticks, labels and the axis title. */
export function axisNodes(ticks: readonly Tick[], x: (day: number) => number, top: number, y: number, title: string, plotLeft: number, plotRight: number): SvgNode {
  const placed = ticks.map((t) => ({ ...t, px: Math.round(x(t.day) * 10) / 10 })).filter((t) => t.px >= plotLeft - 0.5 && t.px <= plotRight + 0.5);
  return el('g', { 'data-mark': 'axis' }, [
    ...placed.map((t) => el('line', { x1: t.px, x2: t.px, y1: top, y2: y, stroke: GRID, 'stroke-width': t.major ? 1.5 : 1 })),
    el('line', { x1: plotLeft, x2: plotRight, y1: y, y2: y, stroke: MUTED_INK }),
    ...placed.flatMap((t) => [
      el('line', { x1: t.px, x2: t.px, y1: y, y2: y + 5, stroke: MUTED_INK }),
      el('text', { x: t.px, y: y + 17, 'text-anchor': 'middle', 'font-size': 11, 'font-weight': t.major ? 700 : 400, fill: INK }, undefined, t.label),
    ]),
    el('text', { x: (plotLeft + plotRight) / 2, y: y + 33, 'text-anchor': 'middle', 'font-size': 11, fill: INK }, undefined, title),
  ]);
}

export interface DrawingOptions {
  /** Prefix of the drawing's element ids, unique on the page. */
  idPrefix: string;
  ticks: readonly Tick[];
  axisTitle: string;
  /** A period to highlight behind the lanes, in days. */
  highlight?: { from: number; to: number } | null;
}

/** The whole journey drawing at the layout's unzoomed scale, in drawing order. */
export function journeyDrawing(journey: Journey, layout: JourneyLayout, options: DrawingOptions): SvgNode[] {
  const x = layout.baseX;
  const { idPrefix } = options;
  const nodes: SvgNode[] = [patternDefs(idPrefix), el('rect', { width: layout.width, height: layout.height, fill: PAPER })];
  if (layout.legend.items.length) nodes.push(legendNodes(layout.legend, 4, 4, idPrefix));
  if (options.highlight) {
    const x0 = x(options.highlight.from);
    const x1 = x(options.highlight.to);
    nodes.push(
      el('rect', { 'data-mark': 'step-period', x: Math.min(x0, x1), y: layout.lanesTop - 2, width: Math.max(4, Math.abs(x1 - x0)), height: layout.axisY - layout.lanesTop + 2, fill: HIGHLIGHT_FILL, stroke: INK, 'stroke-width': 1.5 }),
    );
  }
  for (const l of referenceLineMarks(layout, x)) {
    nodes.push(el('line', { x1: l.x, x2: l.x, y1: l.labelY + 3, y2: layout.lanesBottom, stroke: REFERENCE_COLOUR, 'stroke-width': 1.5, 'stroke-dasharray': l.key === 'referral' ? undefined : '5 3' }));
  }
  nodes.push(axisNodes(options.ticks, x, layout.lanesTop, layout.axisY, options.axisTitle, layout.plotLeft, layout.plotRight));
  for (const l of referenceLineMarks(layout, x)) {
    if (l.showLabel) nodes.push(el('g', { transform: `translate(${l.x},${l.labelY})` }, [haloText(l.side === 'right' ? 3 : -3, 0, l.label, { 'text-anchor': l.side === 'right' ? 'start' : 'end', 'font-weight': l.key === 'referral' ? 700 : 400 })]));
  }
  const outcomes = outcomeMarks(journey, layout, x);
  for (const m of outcomes) {
    nodes.push(el('line', { x1: layout.plotLeft, x2: layout.plotRight, y1: m.yTop, y2: m.yTop, stroke: GRID }), el('line', { x1: layout.plotLeft, x2: layout.plotRight, y1: m.yBottom, y2: m.yBottom, stroke: GRID }));
  }
  const marksOf: Record<LaneKey, () => SvgNode[]> = {
    risk: () => riskNodes(riskMarks(journey, layout, x), idPrefix),
    incidents: () => incidentNodes(incidentMarks(journey, layout, x)),
    support: () => supportNodes(supportMarks(journey, layout, x)),
    contacts: () => contactPaths(contactMarks(journey, layout, x)).map((p) => el('path', { d: p.d, fill: p.colour, 'shape-rendering': 'crispEdges', 'data-mark': 'contacts' })),
    outcomes: () => outcomeNodes(outcomes),
    milestones: () => milestoneNodes(milestoneMarks(journey, layout, x)),
  };
  for (const lane of layout.lanes) {
    nodes.push(el('g', { 'data-lane': lane.key }, [...laneFrameNodes(lane, layout.width, layout.plotLeft), ...(lane.silence ? [] : marksOf[lane.key]())]));
  }
  return nodes;
}

/** The fill behind the lanes over the step's period. */
export const HIGHLIGHT_FILL = '#ffe9a8';
