/**
 * A short generated text summary of one journey, in the manner of the report's "service user
 * journeys": risk at referral and each change of level with what came with it, the turning
 * points that followed, closure, police contact and the direction of outcome scores. Names no
 * free-text detail, so it is safe to read out.
 */
import { VOCABULARIES } from '../domain/contract';
import { formatMonthYear } from '../data/days';
import type { Journey, Milestone } from './journey';
import { labelOf, lowerFirst } from './labels';
import { isStale, riskAt, type RiskReading, type RiskStep } from './risk-steps';
import type { OutcomeSeries } from './outcome-series';

/** How a turning point reads inside a sentence; kinds not listed are left out of the summary. */
const MILESTONE_PHRASES: Readonly<Record<string, string>> = {
  separated: 'separation from the perpetrator',
  order_granted: 'an order',
  order_breached: 'a breach of the order',
  marac_referral: 'a MARAC referral',
  cp_plan_started: 'a child protection plan',
  cp_plan_ended: 'the end of the child protection plan',
  rehoused: 'a move to a new home',
  perpetrator_custody: 'the perpetrator in custody',
  perpetrator_released: "the perpetrator's release",
  disengaged: 'a break in contact',
  re_engaged: 'renewed contact',
  started_work: 'a new job',
  started_education: 'a return to education',
  new_relationship: 'a new relationship',
};

const MAX_CHANGES = 6;
const MAX_MILESTONES = 3;
/** An assessment this soon after referral counts as the risk at referral. */
const OPENING_GRACE_DAYS = 31;

export function formatNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function levelWord(level: string): string {
  return lowerFirst(labelOf(VOCABULARIES.riskLevel, level));
}

function cause(reading: RiskReading): string {
  if (reading.source !== 'incidents' || !reading.incident) return '';
  const what = lowerFirst(reading.incident);
  return what === lowerFirst(labelOf(VOCABULARIES.incidentKind, 'domestic_incident')) ? ` after a ${what}` : ` after ${what}`;
}

function milestonesPhrase(list: readonly Milestone[]): string {
  const phrases = list.map((m) => MILESTONE_PHRASES[m.kind]).filter((p): p is string => p !== undefined);
  if (phrases.length === 0) return '';
  const shown = phrases.slice(0, MAX_MILESTONES);
  const more = phrases.length - shown.length;
  if (more > 0) shown.push(`${more} more turning point${more === 1 ? '' : 's'}`);
  return `; ${listPhrase(shown)} followed`;
}

/** The risk sentence: referral, then each change of level after it. */
export function riskStory(journey: Journey): string {
  const anchor = journey.firstContact ?? journey.referral ?? journey.start;
  const readings = journey.risk.readings;
  let opening = riskAt(readings, anchor);
  if (!opening) opening = readings.find((r) => r.day > anchor && r.day <= anchor + OPENING_GRACE_DAYS) ?? null;
  const manyAssessors = new Set(readings.map((r) => r.assessor)).size > 1;
  const who = (r: RiskReading) => (manyAssessors ? ` (${lowerFirst(r.assessorLabel)})` : '');

  const start = journey.referral !== null ? `Referred ${formatMonthYear(journey.referral)}` : `First record ${formatMonthYear(journey.start)}`;
  const parts: string[] = [];
  if (opening) {
    const stale = isStale(opening, anchor) ? `, last graded ${formatMonthYear(opening.day)}` : '';
    parts.push(`${start} at ${levelWord(opening.level)} risk${who(opening)}${stale}`);
  } else {
    parts.push(`${start} with no risk grading on record`);
  }

  const steps: RiskStep[] = journey.risk.tracks[0]?.steps ?? [];
  const fromDay = opening ? Math.max(opening.day, anchor) : anchor;
  let level = opening?.level ?? null;
  const changes: RiskStep[] = [];
  for (const s of steps) {
    if (s.start <= fromDay) continue;
    if (s.level !== level) changes.push(s);
    level = s.level;
  }
  const periodEnds = [...changes.map((c) => c.start), Infinity];
  const inPeriod = (from: number, to: number) => journey.milestones.filter((m) => m.day >= from && m.day < to);

  parts[0] += milestonesPhrase(inPeriod(anchor, periodEnds[0]));
  changes.slice(0, MAX_CHANGES).forEach((c, i) => {
    parts.push(`${levelWord(c.level)} risk from ${formatMonthYear(c.start)}${who(c.reading)}${cause(c.reading)}${milestonesPhrase(inPeriod(c.start, periodEnds[i + 1]))}`);
  });
  if (changes.length > MAX_CHANGES) {
    const more = changes.length - MAX_CHANGES;
    parts.push(`then ${more} further change${more === 1 ? '' : 's'} of risk level`);
  }
  if (journey.closure !== null) {
    const reason = journey.closureReason ? ` (${lowerFirst(labelOf(VOCABULARIES.closureReason, journey.closureReason))})` : '';
    parts.push(`case closed ${formatMonthYear(journey.closure)}${reason}`);
  } else if (journey.profile) {
    parts.push(`still open at the last record (${formatMonthYear(journey.end)})`);
  }
  return `${parts.join('; ')}.`;
}

export function policeStory(journey: Journey): string | null {
  const n = journey.incidents.length;
  if (n === 0) return null;
  const crimes = journey.incidents.filter((i) => i.kind === 'crime').length;
  let text = `${n} police incident${n === 1 ? '' : 's'} on record (${crimes} recorded as crime${crimes === 1 ? '' : 's'})`;
  if (journey.referral !== null) {
    const before = journey.preWindow ? journey.incidents.filter((i) => i.day >= journey.preWindow!.start && i.day < journey.referral!).length : 0;
    const after = journey.incidents.filter((i) => i.day >= journey.referral!).length;
    text += `: ${before} in the 12 months before referral and ${after} after`;
  }
  return `${text}.`;
}

function direction(from: number, to: number): string {
  if (to > from) return `rose from ${formatNumber(from)} to ${formatNumber(to)}`;
  if (to < from) return `fell from ${formatNumber(from)} to ${formatNumber(to)}`;
  return `stayed at ${formatNumber(from)}`;
}

export function outcomeStory(series: readonly OutcomeSeries[]): string | null {
  if (series.length === 0) return null;
  const byTool = new Map<string, OutcomeSeries[]>();
  for (const s of series) {
    const key = `${s.toolLabel}\u001f${s.min}\u001f${s.max}`;
    const list = byTool.get(key);
    if (list) list.push(s);
    else byTool.set(key, [s]);
  }
  const sentences: string[] = [];
  for (const list of byTool.values()) {
    const { toolLabel, min, max } = list[0];
    const scale = `${toolLabel}, ${formatNumber(min)} to ${formatNumber(max)}`;
    const repeated = list.filter((s) => s.points.length > 1);
    if (repeated.length === 0) {
      sentences.push(`Outcome scores (${scale}) were recorded once, so show no change.`);
      continue;
    }
    if (repeated.length === 1) {
      const s = repeated[0];
      sentences.push(`The ${lowerFirst(s.label)} score (${scale}) ${direction(s.first.score, s.latest.score)}.`);
      continue;
    }
    const mean = (f: (s: OutcomeSeries) => number) => repeated.reduce((a, s) => a + f(s), 0) / repeated.length;
    sentences.push(`Outcome scores (${scale}) ${direction(mean((s) => s.first.score), mean((s) => s.latest.score))} on average across ${repeated.length} domains.`);
  }
  return sentences.join(' ');
}

/** The whole summary: the risk story, police contact, outcomes, and what the records do not say. */
export function summarizeJourney(journey: Journey): string {
  const sentences = [riskStory(journey), policeStory(journey), outcomeStory(journey.outcomes)];
  for (const s of journey.silences) if (s.lane !== 'risk') sentences.push(`${s.message}.`);
  return sentences.filter((s): s is string => s !== null).join(' ');
}
