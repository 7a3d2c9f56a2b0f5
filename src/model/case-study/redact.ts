/**
 * A woman's journey as a case study may show it: no case id, no calendar dates (times are months
 * since referral), age as a band, area only when asked for, free-text details only when included
 * one by one. Pure: a Journey in, plain data out.
 */
import { NEED_FIELDS, VOCABULARIES } from '../../domain/contract';
import { labelOf } from '../labels';
import { numberField, textField, ynField, type PlainRecord } from '../record-fields';
import type { Journey, LaneKey } from '../journey';
import type { CaseStudyLane, RedactedEvent, RedactedJourney, RedactedOutcome } from '../../domain/case-study';

/** Days in an average month: months since referral are days / this, to one decimal. */
export const DAYS_PER_MONTH = 30.4375;

export type { CaseStudyLane, RedactedEvent, RedactedJourney, RedactedOutcome } from '../../domain/case-study';

/** The stored lane type must stay every journey lane. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const LANES_MATCH: Same<CaseStudyLane, LaneKey> = true;
void LANES_MATCH;

export const CASE_STUDY_LANES: readonly { key: CaseStudyLane; label: string }[] = [
  { key: 'risk', label: 'Risk' },
  { key: 'incidents', label: 'Police incidents' },
  { key: 'support', label: 'Support' },
  { key: 'contacts', label: 'Contacts' },
  { key: 'outcomes', label: 'Outcome scores' },
  { key: 'milestones', label: 'Milestones' },
];

/** A free-text detail the trainer may include: its key, where it sits and its text. */
export interface AvailableDetail {
  key: string;
  lane: CaseStudyLane;
  month: number;
  label: string;
  text: string;
}

export interface RedactOptions {
  showArea: boolean;
  includedDetails: readonly string[];
}

export const DEFAULT_REDACT_OPTIONS: RedactOptions = { showArea: false, includedDetails: [] };

export function monthsAfter(referral: number, day: number): number {
  return Math.round(((day - referral) / DAYS_PER_MONTH) * 10) / 10;
}

const BAND_LIMITS: readonly [number, string][] = [
  [24, '16-24'],
  [34, '25-34'],
  [44, '35-44'],
  [54, '45-54'],
];

/** The age band code of an exact age (the contract's bands). */
export function ageBandCode(age: number): string {
  for (const [max, code] of BAND_LIMITS) if (age <= max) return code;
  return '55+';
}

function ageBandOf(profile: PlainRecord | null): string | null {
  if (!profile) return null;
  const age = numberField(profile, 'age_at_referral');
  const code = age !== null ? ageBandCode(age) : textField(profile, 'age_band');
  return code ? labelOf(VOCABULARIES.ageBand, code) : null;
}

/** The profile facts a case study keeps (area only when shown), for the rarity count too. */
export function profileFacts(profile: PlainRecord | null, showArea: boolean): Pick<RedactedJourney, 'ageBand' | 'area' | 'ethnicity' | 'needs'> {
  const ethnicity = profile ? textField(profile, 'ethnicity') : null;
  return {
    ageBand: ageBandOf(profile),
    area: showArea && profile ? textField(profile, 'area') : null,
    ethnicity: ethnicity ? labelOf(VOCABULARIES.ethnicity, ethnicity) : null,
    needs: profile ? NEED_FIELDS.filter((f) => ynField(profile, f.name) === true).map((f) => f.label) : [],
  };
}

/** The day months are counted from: referral, else first contact, else her first record. */
export function anchorDay(journey: Journey): number {
  return journey.referral ?? journey.firstContact ?? journey.start;
}

/** Every free-text detail of her journey, keyed so the trainer can include them one by one. */
export function availableDetails(journey: Journey): AvailableDetail[] {
  const from = anchorDay(journey);
  const out: AvailableDetail[] = [];
  for (const item of journey.support.items) {
    if (item.detail) out.push({ key: `support:${item.key}`, lane: 'support', month: monthsAfter(from, item.day), label: labelOf(VOCABULARIES.supportCategory, item.category), text: item.detail });
  }
  for (const m of journey.milestones) {
    if (m.detail) out.push({ key: `milestones:${m.key}`, lane: 'milestones', month: monthsAfter(from, m.day), label: labelOf(VOCABULARIES.milestoneKind, m.kind), text: m.detail });
  }
  return out.sort((a, b) => a.month - b.month);
}

export function redactJourney(journey: Journey, options: RedactOptions = DEFAULT_REDACT_OPTIONS): RedactedJourney {
  const from = anchorDay(journey);
  const included = new Set(options.includedDetails);
  const at = (day: number) => monthsAfter(from, day);
  const events: RedactedEvent[] = [];
  for (const r of journey.risk.readings) {
    events.push({ lane: 'risk', month: at(r.day), toMonth: null, label: `Risk ${labelOf(VOCABULARIES.riskLevel, r.level).toLowerCase()} (${r.assessorLabel})`, level: r.level, detail: null, code: r.assessor });
  }
  for (const inc of journey.incidents) {
    // Vocabulary labels only: the original text of an "other" code is free text.
    const what = inc.offence ? `${inc.kindLabel}: ${labelOf(VOCABULARIES.offence, inc.offence)}` : inc.kindLabel;
    events.push({ lane: 'incidents', month: at(inc.day), toMonth: null, label: what, level: null, detail: null, code: inc.kind });
  }
  for (const item of journey.support.items) {
    const status = item.status ? ` (${item.statusLabel.toLowerCase()})` : '';
    events.push({
      lane: 'support',
      month: at(item.day),
      toMonth: item.end !== null ? at(item.end) : null,
      label: `${labelOf(VOCABULARIES.supportCategory, item.category)}${status}`,
      level: null,
      detail: item.detail && included.has(`support:${item.key}`) ? item.detail : null,
      code: item.category,
      status: item.status,
    });
  }
  for (const w of journey.contacts.weeks) {
    const reached = w.successful;
    const label = `${w.total} contact ${w.total === 1 ? 'attempt' : 'attempts'}, ${reached} successful`;
    events.push({ lane: 'contacts', month: at(w.start), toMonth: null, label, level: null, detail: null, contacts: { successful: w.successful, unanswered: w.unanswered, unknown: w.unknown } });
  }
  for (const m of journey.milestones) {
    events.push({ lane: 'milestones', month: at(m.day), toMonth: null, label: labelOf(VOCABULARIES.milestoneKind, m.kind), level: null, detail: m.detail && included.has(`milestones:${m.key}`) ? m.detail : null, code: m.kind });
  }
  events.sort((a, b) => a.month - b.month);
  // Scores and their scales only: the tool's name and the stage stay behind.
  const outcomes: RedactedOutcome[] = journey.outcomes.map((s) => ({ key: s.key, label: s.label, min: s.min, max: s.max, points: s.points.map((p) => ({ month: at(p.day), score: p.score })) }));
  let lastMonth = 0;
  for (const e of events) lastMonth = Math.max(lastMonth, e.toMonth ?? e.month);
  for (const o of outcomes) for (const p of o.points) lastMonth = Math.max(lastMonth, p.month);
  return { ...profileFacts(journey.profile, options.showArea), lastMonth, events, outcomes };
}

/** "month 3", "3 months before referral", "month 3.5". */
export function formatMonth(month: number): string {
  if (month < 0) return `${Math.abs(month)} ${Math.abs(month) === 1 ? 'month' : 'months'} before referral`;
  return `month ${month}`;
}

export function formatPeriod(fromMonth: number, toMonth: number): string {
  if (fromMonth === toMonth) return formatMonth(fromMonth);
  if (fromMonth >= 0) return `months ${fromMonth} to ${toMonth}`;
  return `${formatMonth(fromMonth)} to ${formatMonth(toMonth)}`;
}
