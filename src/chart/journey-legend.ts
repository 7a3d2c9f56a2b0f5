/** The legend of a journey chart: only the encodings it draws, wrapped into rows above the lanes. */
import { VOCABULARIES } from '../domain/contract';
import type { Journey } from '../model/journey';
import { labelOf } from '../model/labels';
import { RISK_LEVELS, type RiskLevel } from '../model/risk-steps';
import { textWidth } from './greedy-rows';

export type LegendSwatch =
  | { kind: 'risk'; level: RiskLevel }
  | { kind: 'stale' }
  | { kind: 'incident'; incident: 'domestic_incident' | 'crime' }
  | { kind: 'support'; status: string }
  | { kind: 'span' }
  | { kind: 'contact'; result: 'successful' | 'unanswered' }
  | { kind: 'outcome' }
  | { kind: 'milestone' }
  | { kind: 'window' };

export interface LegendItem {
  key: string;
  label: string;
  swatch: LegendSwatch;
}

export interface PlacedLegendItem extends LegendItem {
  x: number;
  y: number;
}

export interface LegendLayout {
  items: PlacedLegendItem[];
  height: number;
}

const SUPPORT_STATUSES = ['offered', 'started', 'ongoing', 'completed', 'declined'] as const;

export function legendItems(journey: Journey): LegendItem[] {
  const items: LegendItem[] = [];
  if (journey.risk.readings.length) {
    const levels = new Set(journey.risk.readings.map((r) => r.level));
    for (const level of RISK_LEVELS) {
      if (levels.has(level)) items.push({ key: `risk-${level}`, label: `${labelOf(VOCABULARIES.riskLevel, level)} risk`, swatch: { kind: 'risk', level } });
    }
    if (journey.risk.tracks.some((t) => t.steps.some((s) => s.freshEnd < s.end))) {
      items.push({ key: 'stale', label: 'Faded: no reassessment for 6 months', swatch: { kind: 'stale' } });
    }
  }
  const kinds = new Set(journey.incidents.map((i) => i.kind));
  for (const k of ['domestic_incident', 'crime'] as const) {
    if (kinds.has(k)) items.push({ key: `incident-${k}`, label: labelOf(VOCABULARIES.incidentKind, k), swatch: { kind: 'incident', incident: k } });
  }
  const statuses = new Set(journey.support.items.map((s) => s.status));
  for (const s of SUPPORT_STATUSES) {
    if (statuses.has(s)) items.push({ key: `support-${s}`, label: `Support ${labelOf(VOCABULARIES.supportStatus, s).toLowerCase()}`, swatch: { kind: 'support', status: s } });
  }
  if (journey.support.items.some((s) => s.end !== null)) items.push({ key: 'span', label: 'Support that lasted (start to end)', swatch: { kind: 'span' } });
  if (journey.contacts.totals.successful) items.push({ key: 'contact-ok', label: 'Successful contacts a week (taller = more)', swatch: { kind: 'contact', result: 'successful' } });
  if (journey.contacts.totals.total - journey.contacts.totals.successful - journey.contacts.totals.unknown > 0) {
    items.push({ key: 'contact-no', label: 'Attempts not answered a week (taller = more)', swatch: { kind: 'contact', result: 'unanswered' } });
  }
  if (journey.outcomes.length) items.push({ key: 'outcome', label: 'Outcome score (first and latest labelled)', swatch: { kind: 'outcome' } });
  if (journey.milestones.length) items.push({ key: 'milestone', label: 'Turning point', swatch: { kind: 'milestone' } });
  if (journey.preWindow) items.push({ key: 'window', label: '12 months before referral', swatch: { kind: 'window' } });
  return items;
}

const ROW = 20;
const SWATCH = 22;

export function legendLayout(journey: Journey, width: number): LegendLayout {
  const items = legendItems(journey);
  const placed: PlacedLegendItem[] = [];
  let x = 0;
  let row = 0;
  for (const item of items) {
    const w = SWATCH + textWidth(item.label, 12) + 18;
    if (x > 0 && x + w > width) {
      row += 1;
      x = 0;
    }
    placed.push({ ...item, x, y: row * ROW });
    x += w;
  }
  return { items: placed, height: items.length ? (row + 1) * ROW : 0 };
}
