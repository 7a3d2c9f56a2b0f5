/**
 * What the records say at one date of a journey: the risk in force (from any assessor and from
 * each), whether it is stale, and the latest outcome scores. Drives the chart's cursor readout.
 */
import { VOCABULARIES } from '../domain/contract';
import { formatDayLong, formatDayShort, monthsSince } from '../data/days';
import type { Journey } from './journey';
import { labelOf } from './labels';
import { outcomesAt, type OutcomePoint, type OutcomeSeries } from './outcome-series';
import { ANY_ASSESSOR, isStale, riskAt, type RiskReading } from './risk-steps';
import { formatNumber } from './journey-summary';

export interface JourneyAt {
  day: number;
  /** Whole months since referral (negative before it); null without a referral date. */
  monthsSinceReferral: number | null;
  risk: RiskReading | null;
  riskStale: boolean;
  /** The latest reading of each assessor, when more than one graded her. */
  byAssessor: { label: string; reading: RiskReading }[];
  outcomes: { series: OutcomeSeries; point: OutcomePoint }[];
}

export function journeyAt(journey: Journey, day: number): JourneyAt {
  const readings = journey.risk.readings;
  const risk = riskAt(readings, day);
  const byAssessor: { label: string; reading: RiskReading }[] = [];
  for (const track of journey.risk.tracks) {
    if (track.key === ANY_ASSESSOR) continue;
    const reading = riskAt(readings, day, track.key);
    if (reading) byAssessor.push({ label: track.label, reading });
  }
  return {
    day,
    monthsSinceReferral: journey.referral !== null ? monthsSince(journey.referral, day) : null,
    risk,
    riskStale: risk !== null && isStale(risk, day),
    byAssessor,
    outcomes: outcomesAt(journey.outcomes, day),
  };
}

/** "3 months after referral", "2 months before referral", "the month of referral". */
export function monthsPhrase(months: number): string {
  if (months === 0) return 'month 0 after referral';
  const n = Math.abs(months);
  return months > 0 ? `month ${n} after referral` : `${n} month${n === 1 ? '' : 's'} before referral`;
}

/** The cursor readout as short lines of text. */
export function readoutLines(at: JourneyAt): string[] {
  const head = formatDayLong(at.day) + (at.monthsSinceReferral !== null ? ` (${monthsPhrase(at.monthsSinceReferral)})` : '');
  const lines = [head];
  if (at.risk) {
    const level = labelOf(VOCABULARIES.riskLevel, at.risk.level);
    lines.push(`Risk: ${level}, ${at.risk.assessorLabel}, ${formatDayShort(at.risk.day)}${at.riskStale ? ' (over 6 months old)' : ''}`);
    const disagreeing = at.byAssessor.filter((a) => a.reading.level !== at.risk!.level);
    for (const a of disagreeing) {
      const old = isStale(a.reading, at.day) ? ' (over 6 months old)' : '';
      lines.push(`${a.label} said: ${labelOf(VOCABULARIES.riskLevel, a.reading.level)}, ${formatDayShort(a.reading.day)}${old}`);
    }
  } else {
    lines.push('Risk: no grading yet');
  }
  if (at.outcomes.length) {
    lines.push(`Latest scores: ${at.outcomes.map((o) => `${o.series.label} ${formatNumber(o.point.score)} of ${formatNumber(o.series.max)}`).join(', ')}`);
  }
  return lines;
}
