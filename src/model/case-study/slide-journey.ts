/**
 * A case study's own redacted copy of her journey as the journey screen's model, so that slides
 * draw with the journey screen's layout and marks: only what happened up to the end of the step,
 * only the lanes the step shows. Time is counted in days from referral (day 0), made from the
 * copy's months since referral; no calendar date exists here, and the slide labels its axis in
 * months since referral. Pure.
 */
import { VOCABULARIES } from '../../domain/contract';
import type { CaseStudyLane, RedactedEvent, RedactedJourney } from '../../domain/case-study';
import type { Journey, JourneyIncident, Milestone, Silence } from '../journey';
import { LANES } from '../journey';
import { labelOf } from '../labels';
import { assessorLabel, riskTracks, RISK_LEVELS, type RiskLevel, type RiskReading } from '../risk-steps';
import { supportRows, type SupportItem } from '../support-rows';
import type { ContactTally, ContactWeek } from '../contact-weeks';
import type { OutcomeSeries } from '../outcome-series';
import { DAYS_PER_MONTH, formatMonth } from './redact';

/** The day (counted from referral, day 0) of a month since referral. */
export function dayOfMonth(month: number): number {
  return Math.round(month * DAYS_PER_MONTH);
}

/** The code of a vocabulary whose label starts the text: for case studies stored without codes. */
function codeByLabel(vocab: (typeof VOCABULARIES)[keyof typeof VOCABULARIES], text: string): string | null {
  const term = vocab.terms.find((t) => text === t.label || text.startsWith(`${t.label}:`) || text.startsWith(`${t.label} (`));
  return term ? term.code : null;
}

const CONTACT_LABEL = /^(\d+) contact attempts?, (\d+) successful$/;

/** A week's contacts: from the counts the copy keeps, else from its label ("3 contact attempts, 1 successful"). */
function contactCounts(e: RedactedEvent): { successful: number; unanswered: number; unknown: number } {
  if (e.contacts) return e.contacts;
  const m = CONTACT_LABEL.exec(e.label);
  if (!m) return { successful: 0, unanswered: 0, unknown: 1 };
  const total = Number(m[1]);
  const successful = Math.min(total, Number(m[2]));
  return { successful, unanswered: total - successful, unknown: 0 };
}

function isLevel(level: string | null): level is RiskLevel {
  return level !== null && (RISK_LEVELS as readonly string[]).includes(level);
}

export interface SlideJourneyInput {
  journey: RedactedJourney;
  /** Nothing after this month is revealed. */
  upToMonth: number;
  lanes: readonly CaseStudyLane[];
  /** The months the axis spans, the same for every step so that nothing moves between slides. */
  domain: readonly [number, number];
}

/** The slide's journey: what the journey screen would draw of her, up to the step, on its lanes. */
export function slideJourney({ journey, upToMonth, lanes, domain }: SlideJourneyInput): Journey {
  const shown = new Set<string>(lanes);
  const endDay = dayOfMonth(upToMonth);
  const revealed = journey.events.filter((e) => shown.has(e.lane) && e.month <= upToMonth);
  const of = (lane: CaseStudyLane) => revealed.filter((e) => e.lane === lane);

  const readings: RiskReading[] = of('risk')
    .filter((e) => isLevel(e.level))
    .map((e, i) => {
      const code = e.code ?? 'unknown';
      const fromLabel = /\(([^)]*)\)$/.exec(e.label)?.[1];
      return {
        key: `risk-${i}`,
        day: dayOfMonth(e.month),
        level: e.level as RiskLevel,
        assessor: code,
        assessorLabel: e.code ? assessorLabel(e.code) : (fromLabel ?? 'Assessor not recorded'),
        source: 'risk_assessments',
        score: null,
        tool: null,
        incident: null,
      };
    });

  const incidents: JourneyIncident[] = of('incidents').map((e, i) => {
    const kind = e.code ?? codeByLabel(VOCABULARIES.incidentKind, e.label);
    return {
      key: `inc-${i}`,
      day: dayOfMonth(e.month),
      id: null,
      kind,
      kindLabel: kind ? labelOf(VOCABULARIES.incidentKind, kind) : e.label,
      offence: null,
      offenceLabel: e.label,
      dash: null,
      dashLabel: '',
      outcome: null,
      outcomeLabel: '',
      perpetrator: null,
    };
  });

  const items: SupportItem[] = of('support').map((e, i) => {
    const category = e.code ?? codeByLabel(VOCABULARIES.supportCategory, e.label) ?? 'other';
    // Support that ends after the step is drawn up to the step's end, as still going: its
    // outcome is not revealed yet.
    const clipped = e.toMonth !== null && e.toMonth > upToMonth;
    const status = clipped ? 'ongoing' : (e.status ?? null);
    return {
      key: `sup-${i}`,
      day: dayOfMonth(e.month),
      end: e.toMonth === null ? null : dayOfMonth(Math.min(e.toMonth, upToMonth)),
      category,
      what: e.label,
      status,
      statusLabel: status ? labelOf(VOCABULARIES.supportStatus, status) : '',
      agency: null,
      detail: null,
    };
  });

  const totals: ContactTally = { successful: 0, attempted: 0, missed: 0, cancelled: 0, unknown: 0, total: 0 };
  const weeks: ContactWeek[] = of('contacts').map((e, i) => {
    const c = contactCounts(e);
    totals.successful += c.successful;
    totals.attempted += c.unanswered;
    totals.unknown += c.unknown;
    totals.total += c.successful + c.unanswered + c.unknown;
    return { key: `week-${i}`, start: dayOfMonth(e.month), successful: c.successful, attempted: c.unanswered, missed: 0, cancelled: 0, unknown: c.unknown, total: c.successful + c.unanswered + c.unknown, unanswered: c.unanswered };
  });

  const outcomes: OutcomeSeries[] = [];
  if (shown.has('outcomes')) {
    for (const o of journey.outcomes ?? []) {
      const points = o.points
        .filter((p) => p.month <= upToMonth)
        .map((p, i) => ({ key: `${o.key}-${i}`, day: dayOfMonth(p.month), score: p.score, stage: null, stageLabel: '' }));
      if (points.length === 0) continue;
      outcomes.push({ key: o.key, tool: null, toolLabel: '', domain: o.key, label: o.label, min: o.min, max: o.max, points, first: points[0], latest: points[points.length - 1] });
    }
  }

  const milestones: Milestone[] = of('milestones').map((e, i) => ({
    key: `ms-${i}`,
    day: dayOfMonth(e.month),
    kind: e.code ?? codeByLabel(VOCABULARIES.milestoneKind, e.label) ?? 'other',
    label: e.label,
    detail: null,
  }));

  const empty: Record<CaseStudyLane, boolean> = {
    risk: readings.length === 0,
    incidents: incidents.length === 0,
    support: items.length === 0,
    contacts: weeks.length === 0,
    outcomes: outcomes.length === 0,
    milestones: milestones.length === 0,
  };
  const silences: Silence[] = LANES.filter((l) => shown.has(l.key) && empty[l.key]).map((l) => ({
    lane: l.key,
    message: `Nothing recorded by ${formatMonth(upToMonth)}`,
  }));

  return {
    caseId: '',
    displayName: null,
    title: 'Her journey',
    profile: null,
    referral: 0,
    firstContact: null,
    policeStart: null,
    closure: null,
    closureReason: null,
    preWindow: null,
    start: dayOfMonth(Math.min(domain[0], 0)),
    end: Math.max(endDay, dayOfMonth(domain[1])),
    // One risk row, the latest from any assessor: a slide has no room for a row per assessor.
    risk: { readings, tracks: riskTracks(readings, endDay).slice(0, 1) },
    incidents,
    support: { items, rows: supportRows(items) },
    contacts: { weeks, totals },
    outcomes,
    milestones,
    counts: { cases: 0, incidents: incidents.length, risk_assessments: readings.length, support: items.length, contacts: totals.total, outcomes: outcomes.reduce((a, s) => a + s.points.length, 0), milestones: milestones.length },
    silences,
    records: { cases: [], incidents: [], risk_assessments: [], support: [], contacts: [], outcomes: [], milestones: [] },
  };
}
