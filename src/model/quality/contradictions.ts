/**
 * Contradictions between dates and gradings: police start date against the worker's first
 * contact, closure before referral, service records outside the case's time, and risk graded
 * high by one assessor and standard by another within 14 days. Pure; day numbers throughout.
 */
import { UNKNOWN_DAY } from '../../domain/columns';
import type { Kind } from '../../domain/contract';
import { rowsOfCase, type WorkingSet } from '../../db/working-set';
import { addMonths } from '../days';
import { dayColumn, dayText, textAt, type LogEntry } from './quality-base';

export interface StartDifference {
  caseId: string;
  policeStart: number;
  firstContact: number;
  /** police_start_date minus first_contact_date, in days. */
  days: number;
}

export interface ClosureBeforeReferral {
  caseId: string;
  referral: number;
  closure: number;
}

export interface OutOfWindowEvent {
  caseId: string;
  kind: Kind;
  date: number;
  problem: 'after_closure' | 'long_before_referral';
  /** The closure date or the referral date it is compared with. */
  against: number;
}

export interface RiskConflict {
  caseId: string;
  highDate: number;
  highAssessor: string;
  standardDate: number;
  standardAssessor: string;
}

export interface Contradictions {
  startDifferences: StartDifference[];
  closureBeforeReferral: ClosureBeforeReferral[];
  outOfWindow: OutOfWindowEvent[];
  riskConflicts: RiskConflict[];
}

/** Service records checked against referral and closure. Police incidents are not: they are
 *  expected before referral and after closure (repeat victimisation is counted from them). */
export const SERVICE_KINDS: readonly Kind[] = ['risk_assessments', 'support', 'contacts', 'outcomes', 'milestones'];
export const RISK_CONFLICT_DAYS = 14;
export const DEFAULT_START_THRESHOLD = 28;

export function contradictions(ws: WorkingSet, caseRow: Int32Array): Contradictions {
  const cases = ws.tables.cases;
  const referral = dayColumn(cases, 'referral_date');
  const closure = dayColumn(cases, 'closure_date');
  const first = dayColumn(cases, 'first_contact_date');
  const police = dayColumn(cases, 'police_start_date');
  const startDifferences: StartDifference[] = [];
  const closureBeforeReferral: ClosureBeforeReferral[] = [];
  const outOfWindow: OutOfWindowEvent[] = [];
  const riskConflicts: RiskConflict[] = [];
  const serviceDays = SERVICE_KINDS.map((k) => dayColumn(ws.tables[k], 'date'));
  const ra = ws.tables.risk_assessments;
  const raDay = dayColumn(ra, 'date');
  const raLevel = ra.columns.level;
  const raAssessor = ra.columns.assessor;

  for (let c = 0; c < ws.casesWithRow; c++) {
    const row = caseRow[c];
    if (row < 0) continue;
    const caseId = ws.caseIds[c];
    const ref = referral[row];
    const clo = closure[row];
    if (police[row] !== UNKNOWN_DAY && first[row] !== UNKNOWN_DAY) {
      startDifferences.push({ caseId, policeStart: police[row], firstContact: first[row], days: police[row] - first[row] });
    }
    if (ref !== UNKNOWN_DAY && clo !== UNKNOWN_DAY && clo < ref) closureBeforeReferral.push({ caseId, referral: ref, closure: clo });
    const earliest = ref === UNKNOWN_DAY ? UNKNOWN_DAY : addMonths(ref, -12);
    SERVICE_KINDS.forEach((kind, k) => {
      const days = serviceDays[k];
      for (const r of rowsOfCase(ws, kind, c)) {
        const d = days[r];
        if (d === UNKNOWN_DAY) continue;
        if (clo !== UNKNOWN_DAY && d > clo) outOfWindow.push({ caseId, kind, date: d, problem: 'after_closure', against: clo });
        else if (earliest !== UNKNOWN_DAY && d < earliest) outOfWindow.push({ caseId, kind, date: d, problem: 'long_before_referral', against: ref });
      }
    });
    const rows = rowsOfCase(ws, 'risk_assessments', c);
    for (let i = 0; i < rows.length; i++) {
      const li = textAt(raLevel, rows[i]);
      if (li !== 'high' && li !== 'standard') continue;
      const ai = textAt(raAssessor, rows[i]);
      for (let j = i + 1; j < rows.length && raDay[rows[j]] - raDay[rows[i]] <= RISK_CONFLICT_DAYS; j++) {
        const lj = textAt(raLevel, rows[j]);
        const aj = textAt(raAssessor, rows[j]);
        if (!ai || !aj || ai === aj) continue;
        if (li === 'high' && lj === 'standard') {
          riskConflicts.push({ caseId, highDate: raDay[rows[i]], highAssessor: ai, standardDate: raDay[rows[j]], standardAssessor: aj });
        } else if (li === 'standard' && lj === 'high') {
          riskConflicts.push({ caseId, highDate: raDay[rows[j]], highAssessor: aj, standardDate: raDay[rows[i]], standardAssessor: ai });
        }
      }
    }
  }
  return { startDifferences, closureBeforeReferral, outOfWindow, riskConflicts };
}

/** Differences larger than the threshold in either direction. */
export function startsOverThreshold(list: readonly StartDifference[], threshold: number): StartDifference[] {
  return list.filter((s) => Math.abs(s.days) > threshold);
}

export interface HistogramBin {
  /** Inclusive lower bound in days. */
  from: number;
  /** Exclusive upper bound in days. */
  to: number;
  count: number;
}

/** Bins of `width` days covering every difference; empty input gives no bins. */
export function startHistogram(list: readonly StartDifference[], width = 7): HistogramBin[] {
  if (list.length === 0) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const s of list) {
    min = Math.min(min, s.days);
    max = Math.max(max, s.days);
  }
  const lo = Math.floor(min / width) * width;
  const hi = Math.floor(max / width) * width + width;
  const bins: HistogramBin[] = [];
  for (let from = lo; from < hi; from += width) bins.push({ from, to: from + width, count: 0 });
  for (const s of list) bins[Math.floor((s.days - lo) / width)].count++;
  return bins;
}

export function contradictionsLog(c: Contradictions, threshold: number): LogEntry[] {
  const out: LogEntry[] = [];
  for (const s of startsOverThreshold(c.startDifferences, threshold)) {
    out.push({
      finding: `Police start date and first contact more than ${threshold} days apart`,
      caseId: s.caseId,
      field: 'police_start_date / first_contact_date',
      value: `${dayText(s.policeStart)} / ${dayText(s.firstContact)} (${s.days} days)`,
      why: 'Incidents are counted before and after the start: a wrong start date moves them to the wrong side.',
    });
  }
  for (const s of c.closureBeforeReferral) {
    out.push({
      finding: 'Closure before referral',
      caseId: s.caseId,
      field: 'closure_date',
      value: `${dayText(s.closure)} (referred ${dayText(s.referral)})`,
      why: 'A case cannot close before it was referred; one of the dates is wrong, and her follow-up time is negative.',
    });
  }
  for (const e of c.outOfWindow) {
    out.push({
      finding: e.problem === 'after_closure' ? 'Service record after closure' : 'Service record more than 12 months before referral',
      caseId: e.caseId,
      field: `${e.kind}.date`,
      value: `${dayText(e.date)} (${e.problem === 'after_closure' ? 'closed' : 'referred'} ${dayText(e.against)})`,
      why:
        e.problem === 'after_closure'
          ? 'Work recorded after the case was closed means the closure date or the record is wrong.'
          : 'Service work long before referral suggests a wrong date or a record filed under the wrong case id.',
    });
  }
  for (const r of c.riskConflicts) {
    out.push({
      finding: `Risk graded high and standard within ${RISK_CONFLICT_DAYS} days`,
      caseId: r.caseId,
      field: 'risk_assessments.level',
      value: `high by ${r.highAssessor} on ${dayText(r.highDate)}; standard by ${r.standardAssessor} on ${dayText(r.standardDate)}`,
      why: 'Two assessors disagree sharply on her risk at the same time; "risk at a date" depends on which one is used.',
    });
  }
  return out;
}
